"""Parsing attendance reports of Zoom, Teams and Tencent Meeting, and hostile files."""

from invitations.attendance_import import Problem, parse_minutes, parse_report
from tests.invitations.attendance_files import nicknames, tencent_report

ZOOM = ("Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants\n"
        "812 3456 7890,IUC webinar,11/05/2020 09:00,11/05/2020 11:00,host@example.org,120,3\n"
        "\n"
        "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n"
        "Jordi Puig,JORDI.PUIG@example.org,11/05/2020 09:01,11/05/2020 10:00,59,No\n"
        "Jordi Puig,jordi.puig@example.org,11/05/2020 10:05,11/05/2020 11:00,55,No\n"
        "李伟,,11/05/2020 09:02,11/05/2020 11:00,118,Yes\n")


def test_zoom_report_merges_repeated_joins() -> None:
    report = parse_report(ZOOM.encode("utf-8-sig"))
    assert report.platform == "zoom" and not report.errors
    assert [(a.name, a.email, a.minutes, a.lines) for a in report.attendees] == [
        ("Jordi Puig", "jordi.puig@example.org", 114, [5, 6]), ("李伟", "", 118, [7])]


def test_teams_report_in_utf16_with_tabs() -> None:
    text = ("1. Summary\nMeeting title\tIUC webinar\n\n2. Participants\n"
            "Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole\n"
            "Elena Moreno\t11/5/20, 9:00:10 AM\t11/5/20, 10:00:00 AM\t59m 50s\t\t"
            "elena.moreno@example.org\tAttendee\n")
    report = parse_report(text.encode("utf-16"))
    assert report.platform == "teams"
    assert [(a.name, a.email, a.minutes) for a in report.attendees] == [
        ("Elena Moreno", "elena.moreno@example.org", 60)]


def test_tencent_report_in_gb18030_with_chinese_headers() -> None:
    report = parse_report(tencent_report(nicknames(166)))
    assert report.platform == "tencent" and not report.errors
    assert len(report.attendees) == 166
    assert report.attendees[1].minutes == 61


def test_hostile_files_give_problems_not_exceptions() -> None:
    assert parse_report(b"").errors[0].problem is Problem.EMPTY_FILE
    assert parse_report(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20).errors[0].problem \
        is Problem.NOT_TEXT
    assert parse_report(b"a" * 2_000_001).errors[0].problem is Problem.TOO_LARGE
    assert parse_report(b"x,y\n1,2\n").errors[0].problem is Problem.NO_HEADER
    header = "Name,Email\n"
    report = parse_report((header + "A\x00B,a@example.org\n" + "x" * 100_000 + ",\n"
                           + "Ok,ok@example.org\n").encode())
    problems = [[e.problem for e in a.errors] for a in report.attendees]
    assert problems == [[Problem.CONTROL_CHARACTER], [Problem.TOO_LONG], []]


def test_durations() -> None:
    assert [parse_minutes(t) for t in ("45", "01:05:23", "1h 5m 40s", "1小时5分钟", "?")] \
        == [45, 65, 66, 65, None]


def test_match_by_email_then_unique_name() -> None:
    from invitations.attendance_import import Candidate, Match, Miss, match

    report = parse_report(ZOOM.encode())
    candidates = [Candidate(1, "jordi.puig@example.org", ("Someone Else",)),
                  Candidate(2, "li@example.org", ("Li Wei", "李伟")),
                  Candidate(3, "x@example.org", ("Wei Li",))]
    assert match(report.attendees, candidates) == {5: Match(1), 7: Match(2)}
    twins = candidates + [Candidate(4, "y@example.org", ("李伟",))]
    assert match(report.attendees, twins) == {5: Match(1), 7: Match(miss=Miss.AMBIGUOUS)}
    assert match(report.attendees, candidates[2:]) == {5: Match(miss=Miss.NO_INVITEE),
                                                       7: Match(miss=Miss.NO_INVITEE)}


def test_names_match_without_accents_brackets_or_separators() -> None:
    from invitations.attendance_import import Attendee, Candidate, Match, match

    rows = [Attendee(2, name="Jose-Maria Lopez"), Attendee(3, name="李伟（北京大学）"),
            Attendee(4, name="ＷＥＩ ＬＩ")]
    candidates = [Candidate(1, "", ("José María López",)), Candidate(2, "", ("李伟",)),
                  Candidate(3, "", ("Li Wei",))]
    assert match(rows, candidates) == {2: Match(1), 3: Match(2), 4: Match(3)}
