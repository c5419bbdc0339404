"""The indicator catalogue of the BRIDGE for Cities 4.0 paper's "Measure" list (as data)."""

from __future__ import annotations

from typing import NamedTuple


class Indicator(NamedTuple):
    """One indicator: a stable code, its names and its unit."""

    code: str
    name_en: str
    name_zh: str
    unit: str


CATALOGUE: tuple[Indicator, ...] = (
    Indicator("visits", "High-level visits or delegations received", "接待的高层访问或代表团",
              "number"),
    Indicator("key_events", "Partner participation in key events", "伙伴城市参加重要活动",
              "number"),
    Indicator("routes", "Direct flights, shipping routes, railways", "直航、航运及铁路线路",
              "number"),
    Indicator("joint_projects", "Joint projects", "联合项目", "number"),
    Indicator("joint_projects_value", "Value of joint projects", "联合项目金额", "EUR"),
    Indicator("fdi_in", "FDI to our city", "流入本市的外国直接投资", "EUR"),
    Indicator("investment_out", "Investment to the partner city", "对伙伴城市的投资", "EUR"),
    Indicator("trade", "Trade between the cities", "两市间贸易额", "EUR"),
    Indicator("companies_out", "Our companies starting business in the partner city",
              "在伙伴城市开展业务的本市企业", "number"),
    Indicator("companies_in", "Partner companies starting business in our city",
              "在本市开展业务的伙伴城市企业", "number"),
    Indicator("visitors", "Foreign visitors and tourists", "外国访客和游客", "number"),
    Indicator("exchanges", "Non-commercial exchanges", "非商业交流", "number"),
    Indicator("academic", "Joint academic activities", "联合学术活动", "number"),
    Indicator("students", "Foreign students attracted", "吸引的外国学生", "number"),
    Indicator("science", "Joint scientific output", "联合科研成果", "number"),
    Indicator("publicity", "Volume of publicity", "宣传报道数量", "number"),
)

BY_CODE = {indicator.code: indicator for indicator in CATALOGUE}
