"""Audit log: who created, changed or cancelled what, and what changed.

Public API for other packages: ``audit.services`` (:func:`record`, :func:`tracking`,
:func:`snapshot`, :func:`entries_for`); templates use
``{% from "audit/_log.html" import audit_log %}``.
"""
