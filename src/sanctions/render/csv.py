"""CSV export: one row per event, RFC 4180, safe to open in a spreadsheet, Excel included."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from sanctions.analysis.report import Report
from sanctions.dataset.model import Event, Expiry, Regime
from sanctions.render import inert_lines

if TYPE_CHECKING:
    from sanctions.analysis.changes import Changes
    from sanctions.analysis.mandates import MandateStatus, RegimeSummary
    from sanctions.analysis.show import Decision
    from sanctions.analysis.vetoes import FailedDraft
    from sanctions.errors import Problem

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
    "effective",
    "derived",
    "sourcing",
    "instrument",
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
        event.effective.isoformat() if event.effective else "",
        "\n".join(f"{key}: {how}" for key, how in event.derived.items()),
        event.sourcing.value,
        event.instrument,
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
    from sanctions.analysis.changes import compared_status

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


# --- the listing commands: their JSON records, one row each ---------------------------------------
# The columns are the JSON fields (`--format json`), so a script can move between the two; a tally
# is spread over in_favour, against and abstaining as in the export; nested records stay JSON text.

_TALLY = ("in_favour", "against", "abstaining")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int):
        return str(value)
    if isinstance(value, dict) and all(isinstance(v, str | int) for v in value.values()):
        return "; ".join(f"{key}={item}" for key, item in value.items())
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ("\n" if any(" " in v for v in value) else " ").join(value)
    import json

    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _flat(record: Mapping[str, object]) -> dict[str, str]:
    row: dict[str, str] = {}
    for key, value in record.items():
        if key == "vote":
            tally = value if isinstance(value, dict) else {}
            row.update({part: _cell(tally.get(part)) for part in _TALLY})
        else:
            row[key] = _cell(value)
    return row


def _records(records: Sequence[Mapping[str, object]], columns: list[str] | None = None) -> str:
    rows = [_flat(record) for record in records]
    header = columns or (list(rows[0]) if rows else [])
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([neutralise(inert_lines(row.get(column, ""))) for column in header])
    return buffer.getvalue()


def timeline(regime: Regime, events: list[Event]) -> str:
    """The events as `timeline --format json` gives them, one row each."""
    from sanctions.render.json import event_record

    return _records([event_record(regime, event) for event in events])


def regimes(summaries: list[RegimeSummary]) -> str:
    """The regimes as `regimes --format json` gives them, one row each."""
    from sanctions.render.json import regime_records

    return _records(regime_records(summaries))


def expiry(statuses: list[MandateStatus]) -> str:
    """The mandate statuses as `expiry --format json` gives them, one row each."""
    from sanctions.render.json import status_record

    return _records([status_record(status) for status in statuses])


def vetoes(drafts: list[FailedDraft]) -> str:
    """The failed drafts as `vetoes --format json` gives them, one row each."""
    from sanctions.render.json import draft_records

    return _records(draft_records(drafts))


def votes(regime: Regime, events: list[Event], member: str | None) -> str:
    """The votes as `votes --format json` gives them, one row each."""
    from sanctions.render.json import vote_records

    return _records(vote_records(regime, events))


def problems(found: list[Problem], warnings: list[Problem], files: int) -> str:
    """Every problem, then every warning, one row each with its severity."""
    rows: list[dict[str, object]] = [
        {
            "file": problem.where.path,
            "line": problem.where.line,
            "column": problem.where.column,
            "severity": "warning" if problem.warning else "problem",
            "message": problem.message,
        }
        for problem in [*found, *warnings]
    ]
    return _records(rows, ["file", "line", "column", "severity", "message"])


def show(decisions: list[Decision]) -> str:
    """The events `show` found as `show --format json` gives them, one row each; each mandate as
    "key: was → becomes (effect)", one a line."""
    from sanctions.render.json import show_records

    records = []
    for record in show_records(decisions):
        mandates = [f"{m['mandate']}: {m['was']} → {m['becomes']} ({m['effect']})" for m in record["mandates"]]
        records.append({**record, "mandates": "\n".join(mandates)})
    return _records(records)
