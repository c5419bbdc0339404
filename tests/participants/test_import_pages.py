"""CSV import through the pages: preview with every row's errors, then all-or-nothing."""

import io
import re

from flask.testing import FlaskClient
from sqlalchemy import func, select

from core.extensions import db
from organisations.models import Organisation
from participants.csv_preview import pack
from participants.csv_sample import SampleCity, SampleOrganisation, sample_participants_csv
from participants.models import Participant


def _sample(org) -> bytes:
    organisations = []
    for slug in ("barcelona-city-council", "yantai-university", "ndrc", "dg-regio"):
        found = org(slug)
        chinese = found.city.side == "china"
        city = SampleCity(found.city.name_zh if chinese else found.city.name_en, chinese)
        organisations.append(SampleOrganisation(found.name_zh if chinese else found.name_en,
                                                city, found.helix_role))
    data, _spoiled = sample_participants_csv(organisations)
    return data


def _participants() -> int:
    return db.session.scalar(select(func.count(Participant.id)))


def _upload(client: FlaskClient, data: bytes, kind: str = "participants", lang: str = "en"):
    return client.post(f"/participants/import?lang={lang}", data={
        "kind": kind, "file": (io.BytesIO(data), "people.csv")},
        content_type="multipart/form-data")


def test_200_rows_preview_then_import(organiser: FlaskClient, org) -> None:
    data = _sample(org)
    before = _participants()
    page = _upload(organiser, data).get_data(as_text=True)
    assert _participants() == before  # nothing written by the preview
    assert "194 rows can be imported." in page
    assert "6 rows have errors and will be skipped." in page
    assert page.count('data-invalid="1"') == 6
    assert page.count('<a href="#line-') == 6  # the summary above the table
    for message in ("The e-mail address is missing.", "is not a valid e-mail address.",
                    "Unknown city “Atlantis”.", "Unknown helix role “astrology”",
                    "Unknown organisation “Ministry of Silly Walks”",
                    "Duplicate: the same entry is already on line 5."):
        assert message in page, message
    payload = re.search(r'name="payload" type="hidden" value="([^"]+)"', page)
    expected = re.search(r'name="expected" type="hidden" value="(\d+)"', page)
    assert payload and expected and expected.group(1) == "194"
    response = organiser.post("/participants/import/confirm", data={
        "kind": "participants", "payload": payload.group(1), "expected": "194"},
        follow_redirects=True)
    assert "194 rows imported." in response.get_data(as_text=True)
    assert _participants() == before + 194
    chinese = db.session.scalars(select(Participant.name_zh).where(
        Participant.email.like("%@example.cn"))).all()
    assert any(name and len(name) >= 2 for name in chinese)


def test_preview_in_chinese(organiser: FlaskClient, org) -> None:
    page = _upload(organiser, _sample(org), lang="zh").get_data(as_text=True)
    assert "可导入 194 行。" in page
    assert "未知城市“Atlantis”。" in page


def test_changed_data_means_nothing_is_written(organiser: FlaskClient, org) -> None:
    data = b"email,name,organisation\r\nnew.one@example.org,New One,ndrc\r\n" \
           b"new.two@example.org,New Two,ndrc\r\n"
    before = _participants()
    db.session.add(Participant(name="Sneaky", email="new.two@example.org",
                               helix_role="industry"))
    db.session.commit()
    page = organiser.post("/participants/import/confirm", data={
        "kind": "participants", "payload": pack(data), "expected": "2"}).get_data(as_text=True)
    assert "The data changed since the preview; nothing was imported." in page
    assert "Duplicate: “new.two@example.org” is already in Helix." in page
    assert _participants() == before + 1
    # The new preview asks to confirm the new count, and confirming it imports.
    expected = re.search(r'name="expected" type="hidden" value="(\d+)"', page)
    assert expected and expected.group(1) == "1"
    payload = re.search(r'name="payload" type="hidden" value="([^"]+)"', page).group(1)
    response = organiser.post("/participants/import/confirm", data={
        "kind": "participants", "payload": payload, "expected": expected.group(1)},
        follow_redirects=True)
    assert "1 row imported." in response.get_data(as_text=True)
    assert _participants() == before + 2


def test_file_level_errors_are_explained(organiser: FlaskClient) -> None:
    page = _upload(organiser, b"\x00\xff" * 20 + bytes(range(32)) * 10).get_data(as_text=True)
    assert "The file is not CSV text in UTF-8, UTF-16 or GB18030." in page
    page = _upload(organiser, b"name,city\nA,Rome\n").get_data(as_text=True)
    assert "The column “E-mail” is missing from the first line." in page


def test_organisations_import_with_bom(organiser: FlaskClient) -> None:
    data = ("\ufeffname_en,name_zh,city,helix_role\r\n"
            "Viterbo Chamber of Commerce,维泰博商会,rome,industry\r\n"
            "Tuscia Press,,rome,media\r\n").encode("utf-8")
    page = _upload(organiser, data, kind="organisations").get_data(as_text=True)
    assert "2 rows can be imported." in page
    payload = re.search(r'name="payload" type="hidden" value="([^"]+)"', page).group(1)
    organiser.post("/participants/import/confirm", data={
        "kind": "organisations", "payload": payload, "expected": "2"})
    chamber = db.session.scalar(select(Organisation).where(
        Organisation.name_zh == "维泰博商会"))
    assert chamber is not None and chamber.helix_role == "industry"
    press = db.session.scalar(select(Organisation).where(Organisation.name_en == "Tuscia Press"))
    assert press.helix_role == "civil_society"


def test_damaged_or_oversized_payload_is_refused(organiser: FlaskClient) -> None:
    from participants.csv_common import MAX_BYTES

    for payload in ("not base64 at all!", pack(b"x" * (MAX_BYTES + 10))):
        response = organiser.post("/participants/import/confirm", data={
            "kind": "participants", "payload": payload, "expected": "1"},
            follow_redirects=True)
        assert "The uploaded file was lost; please upload it again." in \
            response.get_data(as_text=True)
