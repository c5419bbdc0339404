"""The audit package has no pages of its own: it installs the Jinja helpers of
``templates/audit/_log.html``. (No Blueprint: it would hold no URL rule.)"""

from flask import Flask

from audit.jinja import init_app as init_jinja


def init_app(app: Flask) -> None:
    """Register the audit log's template helpers."""
    init_jinja(app)
