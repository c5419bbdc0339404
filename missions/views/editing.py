"""Mission writes: the mission, its delegation and visa status, travel legs, hotel stays."""

from __future__ import annotations

from types import SimpleNamespace

from flask import abort, flash, g, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup, escape
from sqlalchemy import select

from accounts.permissions import ensure, require
from core.extensions import db
from core.once import claim
from core.registry import provided
from missions.forms import LegForm, MemberForm, MissionForm, StayForm
from missions.models import DelegationMember, HotelStay, Mission, TravelLeg
from missions.services import (
    DuplicateMemberError,
    StaleMissionError,
    add_leg,
    add_member,
    add_stay,
    create_mission,
    delete_item,
    remove_member,
    update_member,
    update_mission,
)
from programme.models import City


def load_mission(mission_id: int, **_ids: int) -> Mission | None:
    """The mission of the URL (``None`` → 404), for ``@require(..., load=...)``."""
    return db.session.get(Mission, mission_id)


def _get(model: type, item_id: int, mission_id: int | None = None) -> object:
    item = db.session.get(model, item_id)
    if item is None or (mission_id is not None and item.mission_id != mission_id):
        abort(404)
    return item


def _mission_data(form: MissionForm) -> dict[str, object]:
    return {
        "kind": form.kind.data, "title_en": form.title_en.data or None,
        "title_zh": form.title_zh.data or None, "objectives_en": form.objectives_en.data or None,
        "objectives_zh": form.objectives_zh.data or None, "start_date": form.start_date.data,
        "end_date": form.end_date.data, "status": form.status.data,
        "partnership_id": form.partnership_id.data, "city_ids": form.cities.data or [],
        "theme_ids": form.themes.data or [],
    }


def _mission_page(mission: Mission) -> str:
    return url_for("missions.detail", mission_id=mission.id)


@require("missions.create")
def create() -> ResponseReturnValue:
    """Create a mission (city staff: one that visits their city)."""
    form = MissionForm()
    if (earlier := claim(form, Mission, _mission_page)) is not None:
        return earlier
    if form.validate_on_submit():
        visited = db.session.scalars(select(City).where(City.id.in_(form.cities.data or [])))
        ensure("missions.create", SimpleNamespace(cities=list(visited)))
        mission = create_mission(_mission_data(form), current_user)
        flash(_("Mission saved."), "success")
        return redirect(_mission_page(mission))
    return render_template("missions/form.html", form=form, mission=None)


@require("missions.edit", load=load_mission)
def edit(mission_id: int) -> ResponseReturnValue:
    """Edit a mission; refused when someone saved it meanwhile."""
    mission: Mission = g.target
    form = MissionForm(obj=mission, event_dates=provided("mission.event_dates")(mission))
    if not form.is_submitted():
        form.cities.data = [c.id for c in mission.cities]
        form.themes.data = [t.id for t in mission.themes]
        form.version_id.data = str(mission.version_id)
    if form.validate_on_submit():
        visited = db.session.scalars(select(City).where(City.id.in_(form.cities.data or [])))
        ensure("missions.edit", SimpleNamespace(cities=list(visited)))  # keep it in reach
        try:
            update_mission(mission, _mission_data(form), form.version_id.data, current_user)
        except StaleMissionError as error:
            link = Markup('<a class="alert-link" href="{u}">{t}</a>').format(
                u=url_for("missions.detail", mission_id=mission_id),
                t=_("Open the current version"))
            flash(Markup("{m} {l}").format(m=escape(str(error)), l=link), "danger")
            return render_template("missions/form.html", form=form, mission=mission), 409
        flash(_("Mission saved."), "success")
        return redirect(url_for("missions.detail", mission_id=mission.id))
    return render_template("missions/form.html", form=form, mission=mission)


@require("delegations.edit", load=load_mission)
def new_member(mission_id: int) -> ResponseReturnValue:
    """Add a delegation member with role and visa status."""
    mission: Mission = g.target
    form = MemberForm()
    if form.validate_on_submit():
        data = {k: v for k, v in form.data.items() if k != "csrf_token"}
        try:
            add_member(mission, data, current_user)
        except DuplicateMemberError as error:
            form[error.field or "participant_id"].errors.append(str(error))
        else:
            flash(_("Delegation member added."), "success")
            return redirect(url_for("missions.detail", mission_id=mission_id) + "#delegation")
    return render_template("missions/member_form.html", form=form, mission=mission, member=None)


@require("delegations.edit", load=load_mission)
def edit_member(mission_id: int, member_id: int) -> ResponseReturnValue:
    """Change a member's role or invitation-letter / visa status."""
    member = _get(DelegationMember, member_id, mission_id)
    assert isinstance(member, DelegationMember)
    form = MemberForm(obj=member, with_participant=False)
    if form.validate_on_submit():
        update_member(member, {k: v for k, v in form.data.items() if k != "csrf_token"},
                      current_user)
        flash(_("Delegation member saved."), "success")
        return redirect(url_for("missions.detail", mission_id=mission_id) + "#delegation")
    return render_template("missions/member_form.html", form=form, mission=member.mission,
                           member=member)


@require("delegations.edit", load=load_mission)
def delete_member(mission_id: int, member_id: int) -> ResponseReturnValue:
    """Take a member out of the delegation."""
    member = _get(DelegationMember, member_id, mission_id)
    assert isinstance(member, DelegationMember)
    remove_member(member, current_user)
    flash(_("Delegation member removed."), "success")
    return redirect(url_for("missions.detail", mission_id=mission_id) + "#delegation")


@require("missions.edit", load=load_mission)
def new_leg(mission_id: int) -> ResponseReturnValue:
    """Add a flight, train or road transfer."""
    mission: Mission = g.target
    form = LegForm(mission=mission)
    if form.validate_on_submit():
        assert form.from_city is not None and form.to_city is not None
        add_leg(mission, {
            "mode": form.mode.data, "from_city_id": form.from_city.id,
            "to_city_id": form.to_city.id, "departs_at": form.departs_at,
            "departure_timezone": form.from_city.timezone, "arrives_at": form.arrives_at,
            "arrival_timezone": form.to_city.timezone, "carrier": form.carrier.data or None,
            "number": form.number.data or None}, current_user)
        flash(_("Travel leg added."), "success")
        return redirect(url_for("missions.detail", mission_id=mission_id) + "#itinerary")
    return render_template("missions/item_form.html", form=form, mission=mission,
                           heading=_("Add a travel leg"))


@require("missions.edit", load=load_mission)
def new_stay(mission_id: int) -> ResponseReturnValue:
    """Add a hotel stay."""
    mission: Mission = g.target
    form = StayForm(mission=mission)
    if form.validate_on_submit():
        add_stay(mission, {k: v for k, v in form.data.items() if k != "csrf_token"},
                 current_user)
        flash(_("Hotel stay added."), "success")
        return redirect(url_for("missions.detail", mission_id=mission_id) + "#itinerary")
    return render_template("missions/item_form.html", form=form, mission=mission,
                           heading=_("Add a hotel stay"))


@require("missions.edit", load=load_mission)
def delete_leg(mission_id: int, leg_id: int) -> ResponseReturnValue:
    """Remove a travel leg."""
    delete_item(_get(TravelLeg, leg_id, mission_id), current_user)  # type: ignore[arg-type]
    flash(_("Travel leg removed."), "success")
    return redirect(url_for("missions.detail", mission_id=mission_id) + "#itinerary")


@require("missions.edit", load=load_mission)
def delete_stay(mission_id: int, stay_id: int) -> ResponseReturnValue:
    """Remove a hotel stay."""
    delete_item(_get(HotelStay, stay_id, mission_id), current_user)  # type: ignore[arg-type]
    flash(_("Hotel stay removed."), "success")
    return redirect(url_for("missions.detail", mission_id=mission_id) + "#itinerary")
