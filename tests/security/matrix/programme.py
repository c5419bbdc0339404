"""Matrix entries of the ``programme`` blueprint: the programme is public; partnerships are
created, edited and archived by organisers and admins only."""

from typing import Any

from tests.security.route_matrix import everyone, organisers


def _partnership_form(w: Any) -> dict[str, Any]:
    return {"eu_city_ids": [w.barcelona.id], "china_city_ids": [w.chengdu.id],
            "start_date": "2030-01-01", "stage": "commit", "stage_note": "Letter of intent"}


ROUTES = {
    "GET programme.cities": everyone(),
    "GET programme.city": everyone(),
    "GET programme.partnerships": everyone(),
    "GET programme.partnership": everyone(),
    "GET programme.partnership_create": organisers(),
    "POST programme.partnership_create": [
        organisers(302, data=_partnership_form),
        organisers(200, note="empty form: errors")],
    "GET programme.partnership_edit": organisers(),
    "POST programme.partnership_edit": [
        organisers(302, data=_partnership_form),
        organisers(200, note="empty POST: errors next to the cities")],
    "POST programme.partnership_archive": organisers(302),
}
