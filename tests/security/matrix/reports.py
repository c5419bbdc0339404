"""Matrix entries of the ``reports`` blueprint: organisers and city staff, not delegates."""

from tests.security.route_matrix import staff

ROUTES = {
    f"GET reports.{name}": staff()
    for name in ("index", "dashboard", "mission", "event", "city", "partnership", "theme",
                 "mission_json", "event_json", "city_json", "partnership_json", "theme_json",
                 "mission_csv", "event_csv", "city_csv", "partnership_csv", "theme_csv")
}
