"""Language choice, the switcher, and the completeness of the Chinese catalogue."""

from pathlib import Path

import polib
from flask.testing import FlaskClient

from core.i18n import localized

CATALOGUE = Path(__file__).resolve().parents[2] / "translations/zh/LC_MESSAGES/messages.po"


def test_chinese_catalogue_complete() -> None:
    po = polib.pofile(str(CATALOGUE))
    assert po.metadata["Language"] == "zh"
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    assert len(po) > 50


def test_english_by_default(client: FlaskClient) -> None:
    page = client.get("/").get_data(as_text=True)
    assert '<html lang="en">' in page
    assert "Upcoming events" in page


def test_accept_language_zh_cn_gives_chinese(client: FlaskClient) -> None:
    page = client.get("/", headers={"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8"}).get_data(
        as_text=True)
    assert '<html lang="zh-CN">' in page
    assert "即将举行的活动" in page
    assert "Upcoming events" not in page


def test_lang_parameter_wins_and_is_remembered(client: FlaskClient) -> None:
    response = client.get("/?lang=zh", headers={"Accept-Language": "en"})
    assert "即将举行的活动" in response.get_data(as_text=True)
    assert "helix_lang=zh" in response.headers["Set-Cookie"]
    again = client.get("/cities/", headers={"Accept-Language": "en"})
    assert "城市" in again.get_data(as_text=True)
    back = client.get("/cities/?lang=en").get_data(as_text=True)
    assert "Pilot cohort" in back


def test_switcher_keeps_the_current_page(client: FlaskClient) -> None:
    page = client.get("/partnerships/?lang=en").get_data(as_text=True)
    assert 'href="/partnerships/?lang=zh"' in page
    page = client.get("/partnerships/?lang=zh").get_data(as_text=True)
    assert 'href="/partnerships/?lang=en"' in page


class _Bilingual:
    title_en = "Launch event"
    title_zh = None


def test_localized_falls_back_and_says_so(app: object) -> None:
    assert localized(_Bilingual(), "title", "en") == ("Launch event", False)
    assert localized(_Bilingual(), "title", "zh") == ("Launch event", True)


def test_dates_and_times_in_page_locale(app: object) -> None:
    from datetime import UTC, date, datetime

    from flask_babel import refresh

    from core.templating import local_date, local_time

    launch = datetime(2017, 3, 15, 7, 0, tzinfo=UTC)  # 15:00 in Beijing
    with app.test_request_context("/?lang=zh"):
        assert local_time(launch, "Asia/Shanghai") == "2017年3月15日 星期三 15:00 CST"
        assert local_date(date(2017, 3, 15)) == "2017年3月15日"
    with app.test_request_context("/?lang=en"):
        refresh()  # the test's app context outlives the request: forget the cached locale
        assert local_time(launch, "Europe/Brussels") == "Wed 15 Mar 2017, 08:00 CET"
        assert local_date(date(2017, 3, 15), "long") == "Wednesday 15 March 2017"


def test_chinese_variants_all_negotiate_to_zh(client: FlaskClient) -> None:
    for header in ("zh-Hans", "zh", "zh-Hans-CN,zh;q=0.9", "en-US;q=0.5,zh-CN"):
        page = client.get("/", headers={"Accept-Language": header}).get_data(as_text=True)
        assert '<html lang="zh-CN">' in page, header


def test_signed_in_users_preference_beats_browser(client: FlaskClient, login) -> None:
    login("delegate", language="zh")
    page = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "即将举行的活动" in page


def test_cities_sorted_by_pinyin_in_chinese(client: FlaskClient, demo: dict[str, int]) -> None:
    import re

    zh = client.get("/cities/?lang=zh").get_data(as_text=True)
    names = re.findall(r'<a href="/cities/[a-z-]+">([^<]+)', zh)
    # 长春 (changchun) before 成都 (chengdu) before 重庆 (chongqing): phrase-aware pinyin.
    assert names.index("长春") < names.index("成都") < names.index("重庆")
    en = client.get("/cities/?lang=en").get_data(as_text=True)
    names = re.findall(r'<a href="/cities/[a-z-]+">([^<]+)', en)
    assert names.index("Málaga") < names.index("Mannheim")


def test_negotiated_pages_vary_on_accept_language(client: FlaskClient) -> None:
    negotiated = client.get("/", headers={"Accept-Language": "zh-CN"})
    vary = {part.strip() for part in negotiated.headers["Vary"].split(",")}
    assert {"Accept-Language", "Cookie"} <= vary
    chosen = client.get("/?lang=zh")
    assert "Accept-Language" not in chosen.headers.get("Vary", "")
    untranslated = client.get("/static/favicon.svg")
    assert "Accept-Language" not in untranslated.headers.get("Vary", "")
    untranslated.close()
