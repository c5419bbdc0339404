"""Feed URLs over HTTP: content type, validators, 304, HEAD, 404s, constant query count."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask.testing import FlaskClient
from sqlalchemy import update

from calendars.views import cache
from core.extensions import db
from missions.models import Mission
from participants.models import Participant


def _personal_url(world: dict[str, Any], lang: str = "") -> str:
    suffix = f"?lang={lang}" if lang else ""
    return f"/calendar/u/{world['delegate'].feed_token}.ics{suffix}"


def test_programme_feed_headers(client: FlaskClient, make_event: Callable[..., Any]) -> None:
    make_event()
    response = client.get("/calendar/programme.ics")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert response.headers["ETag"].startswith('"')
    assert response.headers["Last-Modified"].endswith("GMT")
    assert response.headers["Content-Disposition"] == 'inline; filename="helix-programme.ics"'
    assert "no-cache" in response.headers["Cache-Control"]
    assert response.data.startswith(b"BEGIN:VCALENDAR\r\n")


def test_if_none_match_gives_304_until_something_changes(
    client: FlaskClient, make_event: Callable[..., Any]
) -> None:
    event = make_event()
    first = client.get("/calendar/programme.ics")
    etag = first.headers["ETag"]
    again = client.get("/calendar/programme.ics", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.data == b""
    assert again.headers["ETag"] == etag
    event.title_en = "Renamed workshop"
    db.session.commit()
    changed = client.get("/calendar/programme.ics", headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.headers["ETag"] != etag
    assert b"Renamed workshop" in changed.data


def test_if_modified_since_gives_304(client: FlaskClient, make_event: Callable[..., Any]) -> None:
    from datetime import timedelta

    from sqlalchemy import update

    from calendars.models import FeedScope

    make_event()
    first = client.get("/calendar/programme.ics")
    since = first.headers["Last-Modified"]
    response = client.get("/calendar/programme.ics", headers={"If-Modified-Since": since})
    assert response.status_code == 304
    make_event(days=20)
    # HTTP dates have one-second resolution: move the change a few seconds later.
    later = first.last_modified + timedelta(seconds=5)
    db.session.execute(update(FeedScope).values(changed_at=later))
    db.session.commit()
    response = client.get("/calendar/programme.ics", headers={"If-Modified-Since": since})
    assert response.status_code == 200
    assert response.last_modified == later


def test_head_has_headers_and_no_body(client: FlaskClient, make_event: Callable[..., Any]) -> None:
    make_event()
    get = client.get("/calendar/programme.ics")
    head = client.head("/calendar/programme.ics")
    assert head.status_code == 200
    assert head.data == b""
    assert head.headers["ETag"] == get.headers["ETag"]
    assert head.headers["Content-Length"] == str(len(get.data))


def test_language_changes_the_etag(client: FlaskClient, make_event: Callable[..., Any]) -> None:
    make_event()
    en = client.get("/calendar/programme.ics?lang=en")
    zh = client.get("/calendar/programme.ics?lang=zh")
    assert en.headers["ETag"] != zh.headers["ETag"]
    assert "研讨会 1".encode() in zh.data and b"Workshop 1" in en.data


def test_unknown_things_are_404_without_detail(client: FlaskClient, world: dict[str, Any]) -> None:
    for url in (
        "/calendar/u/" + "x" * 43 + ".ics",
        "/calendar/u/short.ics",
        "/calendar/missions/999.ics",
        "/calendar/cities/atlantis.ics",
        "/calendar/themes/nothing.ics",
        "/events/999.ics",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert b"atlantis" not in response.data and b"xxxx" not in response.data


def test_city_theme_and_mission_feeds(
    client: FlaskClient, world: dict[str, Any], make_event: Callable[..., Any]
) -> None:
    from datetime import date

    mission = Mission(
        kind="outgoing",
        title_en="Mission to Chongqing",
        title_zh="重庆考察",
        start_date=date(2026, 1, 1),
        end_date=date(2026, 1, 9),
    )
    db.session.add(mission)
    db.session.commit()
    in_chongqing = make_event(city="chongqing", mission=mission, title_en="In Chongqing")
    make_event(city="brussels", title_en="In Brussels", theme=None)
    make_event(city="chongqing", title_en="Internal one", visibility="internal")
    city = client.get("/calendar/cities/chongqing.ics").data
    assert b"In Chongqing" in city and b"In Brussels" not in city
    assert b"Internal one" not in city
    theme = client.get("/calendar/themes/green-mobility.ics").data
    assert b"In Chongqing" in theme and b"In Brussels" not in theme
    feed = client.get(f"/calendar/missions/{mission.id}.ics?lang=zh")
    assert feed.status_code == 200
    assert in_chongqing.uid.encode() in feed.data
    assert "重庆考察".encode() in feed.data.replace(b"\r\n ", b"")


def test_event_download_is_an_attachment(
    client: FlaskClient, make_event: Callable[..., Any]
) -> None:
    event = make_event()
    response = client.get(f"/events/{event.id}.ics")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="helix-event-{event.id}.ics"'
    )
    hidden = make_event(visibility="internal")
    assert client.get(f"/events/{hidden.id}.ics").status_code == 404


def test_internal_event_download_for_organisers(
    client: FlaskClient, make_event: Callable[..., Any], login: Callable[..., Any]
) -> None:
    hidden = make_event(visibility="internal")
    login("organiser")
    response = client.get(f"/events/{hidden.id}.ics")
    assert response.status_code == 200
    assert response.headers["Cache-Control"].startswith("private")


def test_query_count_does_not_grow_with_events(
    client: FlaskClient,
    world: dict[str, Any],
    make_event: Callable[..., Any],
    invite: Callable[..., Any],
    count_queries: Callable[[], Any],
) -> None:
    def count() -> int:
        cache.clear()
        url = _personal_url(world)
        with count_queries() as statements:
            assert client.get(url).status_code == 200
        return len(statements)

    for days in range(3):
        invite(make_event(days=days + 1))
    few = count()
    for days in range(30):
        invite(make_event(days=days + 5, city="chongqing" if days % 2 else "brussels"))
    assert count() == few
    url = _personal_url(world)  # read before counting: the test's own objects are expired
    etag = client.get(url).headers["ETag"]
    with count_queries() as statements:
        response = client.get(url, headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert len(statements) <= 2, statements


def test_validator_memo_is_cleared_by_local_commits(
    app: Any,
    client: FlaskClient,
    make_event: Callable[..., Any],
    invite: Callable[..., Any],
    world: dict[str, Any],
    count_queries: Callable[[], Any],
) -> None:
    """With CALENDAR_STATE_TTL a 304 needs only the token's read, yet a commit here is seen
    at once."""
    app.config["CALENDAR_STATE_TTL"] = 60
    event = make_event()
    invite(event)
    url = _personal_url(world)
    etag = client.get(url).headers["ETag"]
    with count_queries() as statements:
        assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
    assert len(statements) == 1 and "feed_token" in statements[0], statements
    event.title_zh = "改名"
    db.session.commit()
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 200


def test_a_token_replaced_by_another_worker_is_refused_at_once(
    app: Any, client: FlaskClient, make_event: Callable[..., Any], world: dict[str, Any]
) -> None:
    """Another worker's commit does not clear this worker's memo: the token must still be
    checked against the database on every request, not within the validators' TTL."""
    app.config["CALENDAR_STATE_TTL"] = 60
    make_event()
    url = _personal_url(world)
    assert client.get(url).status_code == 200
    with db.engine.begin() as connection:  # another worker: no session hooks run here
        connection.execute(
            update(Participant)
            .where(Participant.feed_token == url.rsplit("/", 1)[1].removesuffix(".ics"))
            .values(feed_token="r" * 43)
        )
    assert client.get(url).status_code == 404


def test_a_change_elsewhere_keeps_a_feeds_etag(
    client: FlaskClient, make_event: Callable[..., Any], invite: Callable[..., Any],
    world: dict[str, Any],
) -> None:
    """Each feed depends on its own data: another city's event leaves the personal feed and
    the theme-less city feed alone, and changes the programme."""
    mine = make_event()
    invite(mine)
    url = _personal_url(world)
    personal = client.get(url).headers["ETag"]
    programme = client.get("/calendar/programme.ics").headers["ETag"]
    make_event(city="chongqing", title_en="Not the delegate's")
    assert client.get(url, headers={"If-None-Match": personal}).status_code == 304
    assert client.get("/calendar/programme.ics",
                      headers={"If-None-Match": programme}).status_code == 200
    mine.title_en = "Moved on"
    db.session.commit()
    assert client.get(url, headers={"If-None-Match": personal}).status_code == 200
