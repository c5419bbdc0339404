"""The audit log: recording, diffing real models and the ``audit/_log.html`` partial."""

from __future__ import annotations

from typing import Any

from flask import Flask, g, render_template_string
from flask_login import login_user, logout_user
from sqlalchemy import select

from audit import services as audit
from audit.jinja import field_label
from audit.models import AuditEntry
from core.extensions import db
from tests.security.world import build_world

PARTIAL = '{% from "audit/_log.html" import audit_log %}{{ audit_log(obj) }}'


def test_created_entry_holds_the_snapshot(app: Flask) -> None:
    w = build_world()
    entry = audit.record(w.users["organiser"], "created", w.mission)
    db.session.commit()
    stored = db.session.get(AuditEntry, entry.id)
    assert stored.actor_label == "organiser@world.example.org"
    assert stored.object_type == "mission" and stored.object_id == w.mission.id
    assert stored.object_label == "Mission to Liuzhou"
    assert stored.changes["title_en"] == [None, "Mission to Liuzhou"]
    assert stored.changes["cities"] == [None, ["barcelona", "liuzhou"]]
    assert "id" not in stored.changes


def test_tracking_records_before_and_after(app: Flask) -> None:
    w = build_world()
    with audit.tracking(w.users["city_staff"], w.liuzhou_event) as changes:
        w.liuzhou_event.venue = "Liuzhou Expo Centre"
        w.liuzhou_event.status = "cancelled"
    db.session.commit()
    assert changes == {"status": ("confirmed", "cancelled"),
                       "venue": ("Hall", "Liuzhou Expo Centre")}
    [entry] = audit.entries_for(w.liuzhou_event)
    assert entry.action == "changed"
    assert entry.changes == {"status": ["confirmed", "cancelled"],
                             "venue": ["Hall", "Liuzhou Expo Centre"]}


def test_unchanged_tracking_and_system_actor(app: Flask) -> None:
    w = build_world()
    with audit.tracking(None, w.mission):
        pass
    assert audit.record(None, "changed", w.mission, {}) is None
    entry = audit.record(None, "cancelled", w.mission, {"status": ("planned", "cancelled")})
    db.session.commit()
    assert entry.actor_label == "system" and entry.actor_id is None
    assert [e.action for e in audit.entries_for(w.mission)] == ["cancelled"]


def test_entries_are_rolled_back_with_the_change(app: Flask) -> None:
    w = build_world()
    audit.record(w.users["admin"], "cancelled", w.mission, {"status": ("planned", "cancelled")})
    db.session.rollback()
    assert db.session.scalars(select(AuditEntry)).all() == []


def test_entries_newest_first_and_limited(app: Flask) -> None:
    w = build_world()
    for n in range(3):
        audit.record(w.users["admin"], "changed", w.mission, {"status": (str(n), str(n + 1))})
    db.session.commit()
    entries = audit.entries_for(w.mission, limit=2)
    assert [e.changes["status"][1] for e in entries] == ["3", "2"]


def _render(app: Flask, user: object, obj: object) -> str:
    with app.test_request_context("/"):
        if user is not None:
            login_user(user)
        else:
            logout_user()
        return render_template_string(PARTIAL, obj=obj)


def test_partial_shows_before_and_after_escaped(app: Flask) -> None:
    w = build_world()
    audit.record(w.users["organiser"], "changed", w.liuzhou_event,
                 {"title_en": ("Old <b>title</b>", "New title"), "online": (False, True)})
    db.session.commit()
    html = _render(app, w.users["organiser"], w.liuzhou_event)
    assert "History" in html and "Changed" in html and "organiser@world.example.org" in html
    assert "Title (English)" in html and "New title" in html
    assert "Old &lt;b&gt;title&lt;/b&gt;" in html and "<b>title" not in html
    assert "✗" in html and "✓" in html
    staff = _render(app, w.users["city_staff"], w.liuzhou_event)
    assert "New title" in staff


def test_partial_hidden_from_delegates_and_visitors(app: Flask) -> None:
    w = build_world()
    audit.record(w.users["organiser"], "changed", w.liuzhou_event, {"venue": ("A", "B")})
    db.session.commit()
    assert _render(app, w.users["delegate"], w.liuzhou_event).strip() == ""
    assert _render(app, None, w.liuzhou_event).strip() == ""


def test_partial_without_entries(app: Flask) -> None:
    w = build_world()
    assert "No changes recorded yet." in _render(app, w.users["admin"], w.mission)


def test_field_labels(app: Flask) -> None:
    with app.test_request_context("/"):
        assert field_label("title_zh") == "Title (Chinese)"
        assert field_label("city_id") == "City"
        assert field_label("reported_attendance") == "Participants reported"
        assert field_label("some_other_id") == "Some other"


def test_partial_in_chinese_names_fields_and_coded_values_in_chinese(app: Flask) -> None:
    w = build_world()
    audit.record(w.users["organiser"], "changed", w.mission,
                 {"kind": ("incoming", "outgoing"), "status": ("draft", "planned"),
                  "start_date": ("2018-07-01", "2018-07-02"),
                  "cities": (["barcelona"], ["chengdu", "liuzhou"])})
    audit.record(w.users["organiser"], "changed", w.liuzhou_event,
                 {"starts_at": ("2018-07-04T01:30:00+00:00", "2018-07-04T02:30:00+00:00"),
                  "uid": (None, "abc@helix"), "city_id": (None, w.liuzhou_event.city_id),
                  "mission_id": (None, w.mission.id)})
    db.session.commit()
    with app.test_request_context("/?lang=zh"):
        login_user(w.users["admin"])
        html = render_template_string(PARTIAL, obj=w.mission)
    for english in ("Kind", "Status", "Start date", "Cities", "outgoing", "draft", "planned"):
        assert f">{english}<" not in html
    assert "chengdu" not in html and "barcelona" not in html
    for chinese in ("类型", "状态", "第一天", "访问城市", "赴华代表团", "草稿", "2018年7月2日",
                    "巴塞罗那", "成都, 柳州"):
        assert chinese in html
    with app.test_request_context("/?lang=zh"):
        login_user(w.users["admin"])
        html = render_template_string(PARTIAL, obj=w.liuzhou_event)
    # Instants in the viewer's zone (UTC by default) with the zone's label, not ISO strings.
    assert "2018年7月4日 01:30 UTC" in html and "+00:00</td>" not in html
    assert "<td>开始</td>" in html and "会场当地时间" not in html
    assert "日历 UID" in html and ">Uid<" not in html
    assert "<td>柳州</td>" in html and f"<td>{w.mission.id}</td>" not in html


def test_names_in_history_cost_a_constant_number_of_queries(
        app: Flask, count_queries: Any) -> None:
    w = build_world()

    def render() -> int:
        with app.test_request_context("/?lang=zh"):
            g.pop("audit_names", None)  # a new request (the tests share one app context)
            login_user(w.users["admin"])
            with count_queries() as statements:
                render_template_string(PARTIAL, obj=w.liuzhou_event)
        return len(statements)

    audit.record(w.users["organiser"], "changed", w.liuzhou_event,
                 {"city_id": (None, w.liuzhou.id), "cities": ([], ["liuzhou"])})
    db.session.commit()
    few = render()
    for _ in range(10):
        audit.record(w.users["organiser"], "changed", w.liuzhou_event,
                     {"city_id": (w.chengdu.id, w.liuzhou.id), "cities": (["chengdu"], [])})
    db.session.commit()
    assert render() == few
