"""Scheduling forms list cities, themes and partnerships by name in the page's language."""

from __future__ import annotations

from flask import Flask

from events.forms import city_choices, theme_choices
from missions.forms import MissionForm, partnership_options
from programme.collation import pinyin_sort_key


def _labels(choices: list) -> list[str]:
    return [str(c.label) for c in choices if str(c.value)]


def test_city_choices_follow_pinyin_in_chinese_and_english_names_in_english(
        app: Flask, demo: dict[str, int]) -> None:
    with app.test_request_context("/?lang=zh"):
        zh = _labels(city_choices())
        themes = _labels(theme_choices())
        mission_cities = [str(c.label) for c in MissionForm().cities.choices]
    # 雅典 (Athens, yadian) is near the end in Chinese, not first as in English.
    assert zh.index("北京") < zh.index("武汉") < zh.index("雅典") < zh.index("郑州")
    assert zh.index("重庆") < zh.index("大曼彻斯特")  # chongqing < damanchesite
    assert mission_cities == zh
    assert themes == sorted(themes, key=pinyin_sort_key)
    with app.test_request_context("/?lang=en"):
        en = _labels(city_choices())
    assert en[0] == "Athens" and en.index("Málaga") < en.index("Mannheim")


def test_partnerships_are_named_by_their_cities(app: Flask, demo: dict[str, int]) -> None:
    with app.test_request_context("/?lang=zh"):
        labels = [label for _, label in partnership_options()]
    assert "罗马 – 烟台" in labels
    assert not any("-" in label and label.isascii() for label in labels)  # no slugs
    assert labels == sorted(labels, key=pinyin_sort_key)
    with app.test_request_context("/?lang=en"):
        assert "Rome – Yantai" in [label for _, label in partnership_options()]
