"""Audit log: who created, changed or cancelled what, and what changed.

Public API for other packages: :func:`record`, :func:`tracking`, :func:`snapshot`,
:func:`entries_for`; templates use ``{% from "audit/_log.html" import audit_log %}``.
"""

from flask import Flask

from audit.services import entries_for, record, snapshot, tracking

__all__ = ["entries_for", "init_app", "record", "snapshot", "tracking"]


def init_app(app: Flask) -> None:
    """Register the Jinja helpers of ``templates/audit/_log.html``."""
    from audit.jinja import init_app as init_jinja

    init_jinja(app)
