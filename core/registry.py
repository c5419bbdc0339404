"""Cross-cutting contributions the domains register, so that ``core`` and ``audit`` need not
import them: the home page's sections, audit labels, demo loaders, CLI commands and named
providers (a query one domain offers a lower one, e.g. "the events of this mission").

Each domain's ``blueprint.init_app(app)`` registers its contributions on the app's
:class:`Registry` (``registry_of(app)``) at app creation; nothing registers at import time.
Lower layers read them at request or command time through :func:`current_registry`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import click
from flask import Flask, current_app

EXTENSION_KEY = "helix_registry"


@dataclass(frozen=True)
class HomeSection:
    """A block of the home page: ``template`` is included with ``data = build()``."""

    order: int
    template: str
    build: Callable[[], Mapping[str, Any]]


@dataclass(frozen=True)
class DemoLoader:
    """One domain's part of the demo programme.

    ``load(data, refs)`` reads its sections of the demo file, upserts its records (no
    commit), adds ``{natural key: record}`` tables to ``refs`` for later loaders and returns
    ``{name: count}`` for the summary line. Loaders run by ascending ``order``.
    """

    order: int
    name: str
    load: Callable[[dict[str, Any], dict[str, dict[str, Any]]], dict[str, int]]


@dataclass(frozen=True)
class Lookup:
    """Records another package may link to by id (e.g. a user's city or participant)."""

    choices: Callable[..., list[tuple[int, str]]]
    """(id, label) of every record offered, in display order; records that can be archived
    take the ids an edited record already names (``keep``), offered even when archived."""
    exists: Callable[[int], bool]
    find: Callable[[str], tuple[int, str] | None]
    """(id, label) of the record with this natural key (slug, e-mail), or ``None``."""


@dataclass
class Registry:
    """Everything the domains contributed to one app."""

    home_sections: list[HomeSection] = field(default_factory=list)
    field_labels: dict[str, Any] = field(default_factory=dict)
    value_labels: dict[str, dict[str, Any]] = field(default_factory=dict)
    record_names: dict[str, tuple[Any, str, str]] = field(default_factory=dict)
    demo_loaders: list[DemoLoader] = field(default_factory=list)
    commands: list[click.Command] = field(default_factory=list)
    providers: dict[str, Callable[..., Any]] = field(default_factory=dict)

    def add_home_section(self, order: int, template: str,
                         build: Callable[[], Mapping[str, Any]]) -> None:
        """Show ``template`` on the home page, at position ``order``."""
        self.home_sections.append(HomeSection(order, template, build))
        self.home_sections.sort(key=lambda section: section.order)

    def add_field_labels(self, labels: Mapping[str, Any]) -> None:
        """Translated names of audited fields (``{column: lazy label}``)."""
        self.field_labels.update(labels)

    def add_value_labels(self, name: str, labels: Mapping[str, Any]) -> None:
        """Translated names of the coded values of field ``name`` (merged across domains)."""
        self.value_labels.setdefault(name, {}).update(labels)

    def add_record_names(self, names: Mapping[str, tuple[Any, str, str]]) -> None:
        """Fields whose values are record keys: ``{field: (model, key column, shown field)}``."""
        self.record_names.update(names)

    def add_demo_loader(self, order: int, name: str,
                        load: Callable[[dict[str, Any], dict[str, dict[str, Any]]],
                                       dict[str, int]]) -> None:
        """Load this domain's part of the demo programme at position ``order``."""
        self.demo_loaders.append(DemoLoader(order, name, load))
        self.demo_loaders.sort(key=lambda loader: loader.order)

    def add_command(self, command: click.Command) -> None:
        """Add a command to the ``flask helix`` group."""
        self.commands.append(command)

    def provide(self, name: str, function: Callable[..., Any]) -> None:
        """Offer ``function`` under ``name`` to packages that may not import this one."""
        if name in self.providers:
            raise ValueError(f"provider {name!r} registered twice")
        self.providers[name] = function

    def provided(self, name: str) -> Callable[..., Any]:
        """The function registered as ``name``; a missing one is a wiring error."""
        try:
            return self.providers[name]
        except KeyError:
            raise LookupError(f"no package provides {name!r}") from None


def init_app(app: Flask) -> Registry:
    """Give the app its (empty) registry."""
    registry = Registry()
    app.extensions[EXTENSION_KEY] = registry
    return registry


def registry_of(app: Flask) -> Registry:
    """The registry of ``app``."""
    registry: Registry = app.extensions[EXTENSION_KEY]
    return registry


def current_registry() -> Registry:
    """The registry of the app handling the current request or command."""
    return registry_of(current_app)


def provided(name: str) -> Callable[..., Any]:
    """Shortcut: the current app's provider ``name``."""
    return current_registry().provided(name)
