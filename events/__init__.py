"""Events: the programme's dated activities."""

from events.views import bp

__all__ = ["bp"]
