"""Permission targets for re-checks once a form has chosen a city.

The permission policy (``accounts/policy.py``) lets city staff write only what belongs to
their own city; views load the object a URL names (so the check sees its city) and, when
a form moves something to a city, ask again with :func:`in_city`.
"""

from __future__ import annotations

from types import SimpleNamespace


def in_city(city_id: int | None) -> SimpleNamespace:
    """A stand-in target "something in this city" for ``ensure(action, target)``."""
    return SimpleNamespace(city_id=city_id)
