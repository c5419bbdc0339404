"""Attendance reports as Zoom, Microsoft Teams and Tencent Meeting export them, and a past
webinar with invitees to import them into (test data)."""

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select

from core.extensions import db
from events.models import Event
from invitations.models import Invitation
from participants.models import Participant
from programme.models import City


def tencent_report(names: Sequence[str]) -> bytes:
    """A Tencent Meeting (腾讯会议) report as Chinese Excel saves it: GB18030, CRLF, a meeting
    summary above the table, a bracketed header; minutes 60 + the row number modulo 60."""
    lines = ["会议主题,第四届全球活动", "会议号,123 456 789", "",
             "用户名（入会昵称）,邮箱,首次入会时间,最后退会时间,累计参会时长"]
    lines += [f"{name},,2020-11-05 09:00,2020-11-05 11:00,01:{n % 60:02d}:00"
              for n, name in enumerate(names)]
    return "\r\n".join(lines).encode("gb18030")


def nicknames(count: int) -> list[str]:
    """Tencent's default nicknames ``参会者000``, ``参会者001``…"""
    return [f"参会者{n:03d}" for n in range(count)]


def zoom_report(rows: Sequence[tuple[str, str, int]]) -> bytes:
    """A Zoom participants report (UTF-8 with BOM) of ``(name, email, minutes)`` rows."""
    lines = ["Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants",
             "812 3456 7890,IUC webinar,11/05/2020 09:00,11/05/2020 11:00,host@example.org,"
             "120,3", "",
             "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest"]
    lines += [f"{name},{email},11/05/2020 09:01,11/05/2020 10:00,{minutes},No"
              for name, email, minutes in rows]
    return "\n".join(lines).encode("utf-8-sig")


def teams_report(rows: Sequence[tuple[str, str, str]]) -> bytes:
    """A Microsoft Teams attendance report (UTF-16, tabs) of ``(name, upn, duration)``."""
    lines = ["1. Summary", "Meeting title\tIUC webinar", "", "2. Participants",
             "Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)"
             "\tRole"]
    lines += [f"{name}\t11/5/20, 9:00:10 AM\t11/5/20, 10:00:00 AM\t{duration}\t\t{upn}"
              "\tAttendee" for name, upn, duration in rows]
    return "\n".join(lines).encode("utf-16")


PAST = dt.datetime(2020, 11, 5, 1, 0, tzinfo=dt.UTC)


def past_webinar(starts_at: dt.datetime = PAST, city_index: int = 0) -> Event:
    """A past webinar in the ``city_index``-th city (by id), stored."""
    city = db.session.scalars(select(City).order_by(City.id)).all()[city_index]
    event = Event(slug=f"webinar-{starts_at:%Y}-{city.id}", kind="webinar",
                  title_en="Cluster webinar", title_zh="集群网络研讨会",
                  starts_at=starts_at, ends_at=starts_at + dt.timedelta(hours=2),
                  timezone=city.timezone, city=city, status="confirmed", visibility="public")
    db.session.add(event)
    db.session.commit()
    return event


def invite(event: Event, people: Sequence[tuple[str, str | None, str]],
           status: str = "accepted") -> list[int]:
    """Invite new participants ``(name, name_zh, email)``; their invitation ids."""
    invitations = [Invitation(event=event, status=status, participant=Participant(
        name=name, name_zh=name_zh, email=email, helix_role="academia"))
        for name, name_zh, email in people]
    db.session.add_all(invitations)
    db.session.commit()
    return [i.id for i in invitations]
