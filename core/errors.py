"""The one exception base of Helix's services: every domain error carries a localised message.

Services raise a subclass of :class:`HelixError`; views show ``str(error)`` (already in the
reader's language, since the message is a lazy string) next to the field or as a flash.
"""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l


class HelixError(Exception):
    """A refused operation, with a message for the person who asked for it.

    Subclasses set ``message`` (a ``lazy_gettext`` string with ``%(name)s`` placeholders);
    keyword arguments fill the placeholders. ``field`` names the form field the error belongs
    to, when there is one.
    """

    message: Any = _l("The operation could not be completed.")
    field: str | None = None

    def __init__(self, message: Any = None, *, field: str | None = None, **params: Any) -> None:
        self.params = params
        if message is not None:
            self.message = message
        if field is not None:
            self.field = field
        super().__init__(str(self))

    def __str__(self) -> str:
        text = str(self.message)
        return text % self.params if self.params else text
