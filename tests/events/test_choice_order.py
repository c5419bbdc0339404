"""Scheduling forms list cities, themes and partnerships by name in the page's language."""

from __future__ import annotations

from flask import Flask

from events.forms import city_choices, theme_choices
from missions.forms import MissionForm
from programme.choices import partnership_choices

# Written out by hand from the pinyin (chengshi, chuangxin, gongye, jiaotong, lüse, nengyuan,
# wenhua, yiliao, yuanyi, zhihui), not computed by the code under test.
THEMES_ZH = ["城市更新与地方经济转型", "创新与创业", "工业4.0与企业对接", "交通出行与互联互通",
             "绿色城市与低碳发展", "能源转型与循环经济", "文化、教育与旅游", "医疗卫生与生物技术",
             "园艺与都市农业", "智慧城市与数字化转型"]
# ba'ensili, basailuona, boluoniya, bu'erjiasi, bulage, damancheste, gelanada, leijiao, luoma,
# malajia, manhaimu, nisi, situjiate, yadian.
PARTNERSHIPS_ZH = ["巴恩斯利 – 柳州", "巴塞罗那 – 博洛尼亚 – 罗马 – 斯图加特地区 – 扬州",
                   "巴塞罗那 – 成都 – 广州 – 柳州 – 扬州", "博洛尼亚 – 斯图加特地区 – 广州 – 南京",
                   "布尔加斯 – 汕头", "布拉格 – 龙岩",
                   "大曼彻斯特 – 罗马 – 斯图加特地区 – 成都 – 广州 – 柳州", "格拉纳达 – 昆明",
                   "格拉纳达 – 罗马 – 广州 – 南京 – 烟台", "雷焦艾米利亚 – 渭南", "罗马 – 烟台",
                   "马拉加 – 长春 – 郑州", "曼海姆 – 重庆", "尼斯 – 海口", "雅典 – 郑州"]


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
    assert themes == THEMES_ZH
    with app.test_request_context("/?lang=en"):
        en = _labels(city_choices())
    assert en[0] == "Athens" and en.index("Málaga") < en.index("Mannheim")


def test_partnerships_are_named_by_their_cities(app: Flask, demo: dict[str, int]) -> None:
    with app.test_request_context("/?lang=zh"):
        labels = [label for _, label in partnership_choices(blank=False)]
    assert "罗马 – 烟台" in labels
    assert not any("-" in label and label.isascii() for label in labels)  # no slugs
    assert labels == PARTNERSHIPS_ZH
    with app.test_request_context("/?lang=en"):
        assert "Rome – Yantai" in [label for _, label in partnership_choices(blank=False)]
