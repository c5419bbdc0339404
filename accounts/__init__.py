"""User accounts, sign-in and the permission check every write goes through."""

from accounts.views import bp

__all__ = ["bp"]
