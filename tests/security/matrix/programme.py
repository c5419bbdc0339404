"""Matrix entries of the ``programme`` blueprint: the programme is public; partnerships,
cities and themes are created, edited and archived by organisers and admins; city staff
(the city staff user is Liuzhou's) edit their own city only."""

from typing import Any

from tests.security.route_matrix import everyone, organisers, staff


def _partnership_form(w: Any) -> dict[str, Any]:
    return {"eu_city_ids": [w.barcelona.id], "china_city_ids": [w.chengdu.id],
            "start_date": "2030-01-01", "stage": "commit", "stage_note": "Letter of intent"}


def own(w):
    return {"slug": w.liuzhou.slug}


def other(w):
    return {"slug": w.chengdu.slug}


def theme(w):
    return {"slug": w.theme.slug}


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
    "GET programme.city_create": organisers(),
    "POST programme.city_create": organisers(200, note="empty form: errors"),
    "GET programme.city_edit": [staff(args=own), staff(args=other).but(city_staff=403)],
    "POST programme.city_edit": [
        staff(302, args=own, note="empty POST keeps the values"),
        staff(302, args=other).but(city_staff=403)],
    "POST programme.city_archive": [organisers(302, args=own), organisers(302, args=other)],
    "POST programme.city_restore": organisers(302, args=own),
    "GET programme.themes": everyone(),
    "GET programme.theme_create": organisers(),
    "POST programme.theme_create": organisers(200, note="empty form: errors"),
    "GET programme.theme_edit": organisers(args=theme),
    "POST programme.theme_edit": organisers(302, args=theme, note="empty POST keeps the values"),
    "POST programme.theme_archive": organisers(302, args=theme),
    "POST programme.theme_restore": organisers(302, args=theme),
}
