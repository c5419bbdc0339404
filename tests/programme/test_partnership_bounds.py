"""The partnership page lists a few events and missions, and links to the filtered lists
that have them all (issue #14)."""

from datetime import date, timedelta

from flask.testing import FlaskClient

from core.extensions import db
from core.types import utcnow
from missions.models import Mission
from programme.models import Partnership
from tests.events.factories import city, event


def _partnership() -> Partnership:
    rome, beijing = city("rome"), city("beijing")
    found = Partnership(slug="rome-beijing", start_date=date(2018, 1, 1),
                        eu_cities=[rome], china_cities=[beijing])
    db.session.add(found)
    db.session.commit()
    return found


def test_partnership_page_lists_a_few_of_each_and_links_to_all(client: FlaskClient,
                                                               login) -> None:
    login("organiser")
    partnership = _partnership()
    other = event("Not ours", start=utcnow() + timedelta(days=1),
                  end=utcnow() + timedelta(days=1, hours=1))
    now = utcnow()
    for n in range(1, 13):
        event(f"Past {n}", start=now - timedelta(days=n),
              end=now - timedelta(days=n) + timedelta(hours=2), partnership_id=partnership.id)
        event(f"Next {n}", start=now + timedelta(days=n),
              end=now + timedelta(days=n, hours=2), partnership_id=partnership.id)
        db.session.add(Mission(slug=f"m-{n}", title_en=f"Mission {n}",
                               start_date=date(2019, 1, n), end_date=date(2019, 1, n + 1),
                               kind="incoming", partnership_id=partnership.id))
    db.session.commit()
    page = client.get(f"/partnerships/{partnership.id}?lang=en").get_data(as_text=True)
    upcoming, recent = page.split("Recent events", 1)
    assert [f"Next {n}<" in upcoming for n in (1, 10, 11)] == [True, True, False]
    assert [f"Past {n}<" in recent for n in (1, 10, 11)] == [True, True, False]
    assert "Not ours" not in page
    assert [f"Mission {n}<" in page for n in (12, 3, 2)] == [True, True, False]
    assert f'href="/events/?partnership={partnership.id}"' in page
    assert f'href="/missions/?partnership={partnership.id}"' in page

    listed = client.get(f"/events/?partnership={partnership.id}").get_data(as_text=True)
    assert "Past 12<" in listed and "Next 12<" in listed and other.title_en not in listed
    missions = client.get(f"/missions/?partnership={partnership.id}").get_data(as_text=True)
    assert "Mission 1<" in missions and "Rome – Beijing" in missions
    assert client.get("/missions/?partnership=999999").status_code == 200
    assert client.get("/events/?partnership=nonsense").status_code == 200
