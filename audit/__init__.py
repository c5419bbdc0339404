"""Audit log: who created, changed or cancelled what, and what changed.

Public API for other packages: :func:`record`, :func:`tracking`, :func:`snapshot`,
:func:`entries_for`; templates use ``{% from "audit/_log.html" import audit_log %}``.
"""

from audit.services import entries_for, record, snapshot, tracking

__all__ = ["entries_for", "record", "snapshot", "tracking"]
