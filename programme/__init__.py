"""The programme's reference data: cities, themes, partnerships and outcomes."""

from programme.views import bp

__all__ = ["bp"]
