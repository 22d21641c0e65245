"""Output formats: one module per format, each turning views into text or a rich renderable."""

from __future__ import annotations

import re
from enum import StrEnum
from types import ModuleType

# C0 and C1 controls (ESC starts terminal escape sequences), DEL, and bidirectional overrides.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SPACE = re.compile(r"[\t\n\r\u2028\u2029]+")  # line and paragraph separators break lines too


# One meaning, one colour, in every command: a status, a kind of event and a chart mark agree.
PALETTE = {
    "in force": "green",
    "expiring": "bold yellow",
    "ended": "red",
    "veto": "bold red",
    "unverified": "magenta",
    "suspended": "yellow",
    "changed": "cyan",
    "quiet": "dim",
}


class Format(StrEnum):
    """The --format choices of the listing commands."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"


class ExpiryFormat(StrEnum):
    """The --format choices of `sanctions expiry`, which adds a calendar feed."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"
    ICS = "ics"


class ExportFormat(StrEnum):
    """The --format choices of `sanctions export`."""

    MARKDOWN = "markdown"
    JSON = "json"
    CSV = "csv"
    SQLITE = "sqlite"
    HTML = "html"

    @property
    def extension(self) -> str:
        return {"markdown": "md", "json": "json", "csv": "csv", "sqlite": "db", "html": "html"}[self.value]


class ChangesFormat(StrEnum):
    """The --format choices of `sanctions changes`, which can feed a weekly note or a mail."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"


class DraftFormat(StrEnum):
    """The --format choices of `sanctions draft`: the event as it sits in a regime file, or as JSON."""

    YAML = "yaml"
    JSON = "json"


class StatsFormat(StrEnum):
    """The --format choices of `sanctions stats` (drawn by sanctions.render.stats)."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"


class FigureName(StrEnum):
    """The figures of `sanctions stats`."""

    CONSENSUS = "consensus"
    MEMBERS = "members"
    RENEWALS = "renewals"
    REGIMES = "regimes"


def renderer(fmt: Format | ExpiryFormat | ExportFormat | ChangesFormat | DraftFormat) -> ModuleType:
    """The module that renders a format; every value of every format enum has one."""
    from importlib import import_module

    # Import only the one format asked for: each pulls in its own libraries.
    return import_module(f"sanctions.render.{fmt.value}")


def inert(text: str) -> str:
    """Text that is safe on a terminal: one line, no control characters or escape sequences."""
    if text.isprintable():  # the usual case; controls, separators and format characters are not printable
        return text
    return _CONTROL.sub("", _SPACE.sub(" ", text))


def inert_lines(text: str) -> str:
    """Like `inert`, but keeps the line breaks of text meant to span lines (a table cell, a CSV field)."""
    if text.isprintable() or ("\n" in text and text.replace("\n", "").isprintable()):  # the usual cases
        return text
    return "\n".join(map(inert, text.split("\n")))
