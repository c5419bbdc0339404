"""Shared infrastructure: extensions, configuration, types, i18n and the CLI."""
