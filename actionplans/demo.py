"""The demo's action plans: Barcelona's and Málaga's U-CAP activity lists from the seeds."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from actionplans.models import Activity
from core.extensions import db

Refs = dict[str, dict[str, Any]]

# (start, end, status, English title, Chinese title), from ../shared/seeds 002 and 003.
PLANS: dict[str, list[tuple[date, date, str, str, str]]] = {
    "barcelona": [
        (date(2019, 4, 1), date(2019, 4, 30), "done",
         "Mission and meetings with Chinese cities in Brussels", "在布鲁塞尔与中国城市会晤"),
        (date(2019, 6, 1), date(2019, 6, 30), "done",
         "Smart Cities Cluster Meeting in Chengdu, mission to Liuzhou",
         "成都智慧城市集群会议及柳州考察"),
        (date(2019, 9, 1), date(2019, 9, 30), "done",
         "Second mission to Guangzhou and Liuzhou", "第二次赴广州和柳州考察"),
        (date(2019, 11, 1), date(2019, 11, 30), "done",
         "Chinese cities at the Smart City Expo in Barcelona",
         "中国城市参加巴塞罗那智慧城市博览会"),
        (date(2020, 5, 1), date(2020, 11, 30), "in_progress",
         "Barcelona's action plan for Liudong New District", "巴塞罗那柳东新区行动计划"),
        (date(2020, 6, 1), date(2021, 12, 31), "planned",
         "Concept note for the Yangzhou Horticultural Expo 2021", "2021扬州世界园艺博览会概念说明"),
    ],
    "malaga": [
        (date(2017, 4, 1), date(2017, 4, 30), "done",
         "Zhengzhou government delegation visits Málaga", "郑州市政府代表团访问马拉加"),
        (date(2017, 6, 1), date(2017, 6, 30), "done",
         "Andalucía – China Business Conference", "安达卢西亚—中国商务会议"),
        (date(2017, 10, 1), date(2017, 10, 31), "done",
         "Local Action Plan workshop in Beijing, visits to Changchun and Zhengzhou",
         "北京地方行动计划研讨会及长春、郑州考察"),
        (date(2018, 7, 1), date(2018, 7, 31), "done",
         "EU cities' one-week mission to China", "欧洲城市为期一周的中国考察"),
        (date(2018, 1, 1), date(2018, 12, 31), "planned",
         "Carbon-neutral city: OMAU joint research with the Chinese pilot cities",
         "碳中和城市：OMAU与中国试点城市联合研究"),
    ],
}


# The partnership each city's U-CAP belongs to (its owner is the city).
PLAN_PARTNERSHIPS = {"barcelona": "barcelona-chengdu-guangzhou-yangzhou-liuzhou",
                     "malaga": "malaga-changchun-zhengzhou"}


def load_plans(data: dict[str, Any], refs: Refs) -> dict[str, int]:
    """The activities of the partnerships of Barcelona and Málaga (loaded once)."""
    count = 0
    for city_slug, items in PLANS.items():
        partnership = refs.get("partnerships", {}).get(PLAN_PARTNERSHIPS[city_slug])
        owner = refs.get("cities", {}).get(city_slug)
        if partnership is None or owner is None or db.session.scalar(select(Activity.id).where(
                Activity.partnership_id == partnership.id).limit(1)):
            continue
        for starts, ends, status, title_en, title_zh in items:
            db.session.add(Activity(partnership=partnership, starts_on=starts, ends_on=ends,
                                    status=status, title_en=title_en, title_zh=title_zh,
                                    owner_city=owner))
            count += 1
    return {"activities": count}
