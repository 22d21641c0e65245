"""CSV export: one row per event, RFC 4180, safe to open in a spreadsheet, Excel included."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import TYPE_CHECKING

from sanctions.model import Event, Expiry, Regime
from sanctions.render import inert_lines
from sanctions.report import Report

if TYPE_CHECKING:
    from sanctions.changes import Changes

COLUMNS = (
    "regime",
    "date",
    "kind",
    "document",
    "meeting",
    "press_release",
    "title",
    "summary",
    "in_favour",
    "against",
    "abstaining",
    "votes",
    "vetoed_by",
    "penholders",
    "sets",
    "would_have_set",
    "lapses",
    "sources",
    "notes",
    "dispute",
    "deadlines",
    "sourcing",
)
_FORMULA = ("=", "+", "-", "@")
#: Excel reads a CSV file as the system's code page unless it starts with a UTF-8 byte order mark.
BOM = "\ufeff"


def neutralise(cell: str) -> str:
    """Keep spreadsheets from running a cell as a formula (OWASP's advice: a leading quote)."""
    # Some spreadsheets skip leading blanks (OWASP names tab and CR) before looking for a formula.
    return "'" + cell if cell.lstrip().startswith(_FORMULA) else cell


def _pairs(expiries: dict[str, Expiry], separator: str = "; ") -> str:
    return separator.join(f"{k}={v.isoformat() if isinstance(v, dt.date) else v}" for k, v in expiries.items())


def _row(regime: Regime, event: Event) -> list[str]:
    vote = event.vote
    return [
        regime.id,
        event.date.isoformat(),
        event.kind.value,
        event.document,
        event.meeting or "",
        event.press_release or "",
        event.title,
        event.summary,
        str(vote.in_favour) if vote else "",
        str(vote.against) if vote else "",
        str(vote.abstaining) if vote else "",
        "; ".join(f"{code}={position.value}" for code, position in event.votes.items()),
        " ".join(event.vetoed_by),
        " ".join(event.penholders),
        _pairs(event.sets),
        _pairs(event.would_have_set),
        " ".join(event.lapses),
        # Sources and deadline labels are free text, with blanks and semicolons: one per line.
        "\n".join(event.sources),
        event.notes,
        event.dispute,
        _pairs(dict(event.deadlines), "\n"),
        event.sourcing.value,
    ]


def export(report: Report, chart: bool, *, excel: bool = False) -> str:
    """The events as CSV with a header row, CRLF line ends, UTF-8 text; for Excel, after a byte order mark."""
    buffer = io.StringIO()
    if excel:
        buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for event in report.events:
        # Made inert first (line breaks kept, quoted by the writer): a dropped control must not
        # uncover a formula, and a CSV on stdout goes to a terminal as often as to a file.
        writer.writerow([neutralise(inert_lines(cell)) for cell in _row(report.regime, event)])
    return buffer.getvalue()


CHANGES_COLUMNS = ("regime", "record", "date", "kind", "document", "title", "mandate", "from", "to", "change")


def _effect(event: Event) -> str:
    """What a decision did to the mandates, in the words of the table: "panel → 2025-03-12"."""
    parts = [f"{key} → {_expiry(value)}" for key, value in event.sets.items()]
    if event.would_have_set:
        would = ", ".join(f"{key} → {_expiry(value)}" for key, value in event.would_have_set.items())
        parts.append(f"would have set {would}")
    parts.extend(f"{key} lapsed" for key in event.lapses)
    return "; ".join(parts)


def _expiry(value: Expiry) -> str:
    return value.isoformat() if isinstance(value, dt.date) else value


def changes(found: Changes) -> str:
    """A row per decision and per mandate status change, regime by regime; CRLF line ends, UTF-8 text."""
    from sanctions.changes import compared_status

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CHANGES_COLUMNS)
    for group in found.regimes:
        regime = group.regime.id
        rows = [
            [regime, "decision", e.date.isoformat(), e.kind.value, e.document, e.title, "", "", "", _effect(e)]
            for e in group.decisions
        ]
        rows += [
            [
                regime,
                "mandate",
                found.until.isoformat(),
                "",
                "",
                change.mandate.name,
                change.mandate.key,
                compared_status(change.before).value,
                compared_status(change.after).value,
                str(change),
            ]
            for change in group.mandates
        ]
        # Inert first, then neutralised, as in `export`.
        writer.writerows([neutralise(inert_lines(cell)) for cell in row] for row in rows)
    return buffer.getvalue()
