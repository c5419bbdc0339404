"""Events: the programme's dated activities."""

from events import edit_views, messages, slot_views  # noqa: F401  (register on bp)
from events.views import bp

__all__ = ["bp"]
