"""JSON output: the documented machine interface of every listing command."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from typing import TYPE_CHECKING, Any

from sanctions import streams
from sanctions.analysis.mandates import MandateStatus, RegimeSummary
from sanctions.analysis.report import Report
from sanctions.analysis.vetoes import FailedDraft
from sanctions.analysis.votes import derived_positions
from sanctions.dataset.model import Event, Expiry, Regime, Tally, best_sourcing
from sanctions.dataset.symbols import instrument_of
from sanctions.errors import Problem

if TYPE_CHECKING:
    from sanctions.analysis.changes import Changes

if TYPE_CHECKING:
    from sanctions.analysis.show import Decision
    from sanctions.drafting.draft import Draft


def _expiries(expiries: dict[str, Expiry]) -> dict[str, str]:
    return {key: value.isoformat() if isinstance(value, dt.date) else value for key, value in expiries.items()}


def _tally(tally: Tally | None) -> dict[str, int] | None:
    if tally is None:
        return None
    return {"in_favour": tally.in_favour, "against": tally.against, "abstaining": tally.abstaining}


def _positions(event: Event) -> dict[str, str]:
    return {code: position.value for code, position in event.votes.items()}


def _event_fields(event: Event) -> dict[str, Any]:
    """Every field of an event in JSON terms, empty ones included."""
    return {
        "date": event.date.isoformat(),
        "kind": event.kind.value,
        "document": event.document,
        "meeting": event.meeting,
        "press_release": event.press_release,
        "title": event.title,
        "summary": event.summary,
        "vote": _tally(event.vote),
        "votes": _positions(event),
        "vetoed_by": list(event.vetoed_by),
        "penholders": list(event.penholders),
        "sets": _expiries(event.sets),
        "would_have_set": _expiries(event.would_have_set),
        "lapses": list(event.lapses),
        "sources": list(event.sources),
        "notes": event.notes,
        "dispute": event.dispute,
        "deadlines": {label: day.isoformat() for label, day in event.deadlines.items()},
        "effective": event.effective.isoformat() if event.effective else None,
        "derived": dict(event.derived),
    }


def event_record(regime: Regime, event: Event) -> dict[str, Any]:
    """One event as a JSON object, with the regime it belongs to."""
    fields = _event_fields(event)
    # `sourcing` is computed from the sources, so it stays out of _event_fields and of exports.
    # So is `instrument`, from the document's symbol.
    return {
        "regime": regime.id,
        **fields,
        "dispute": fields["dispute"] or None,
        "sourcing": event.sourcing.value,
        "instrument": event.instrument,
    }


def draft(drafted: Draft) -> str:
    """A drafted event as the timeline's JSON event; what the text did not give is null (or empty)."""
    event = drafted.event()
    if event is not None and drafted.regime is not None:
        return _dump(event_record(drafted.regime, event))
    record = {
        "regime": drafted.regime.id if drafted.regime else None,
        "date": drafted.date.isoformat() if drafted.date else None,
        "kind": drafted.kind.value if drafted.kind else None,
        "document": drafted.document,
        "meeting": drafted.meeting,
        "press_release": drafted.press_release,
        "title": drafted.title,
        "summary": "",
        "vote": _tally(drafted.vote),
        "votes": {code: position.value for code, position in drafted.votes.items()},
        "vetoed_by": list(drafted.vetoed_by),
        "penholders": list(drafted.penholders),
        "sets": _expiries(drafted.sets),
        "would_have_set": _expiries(drafted.would_have_set),
        "lapses": [],
        "sources": list(drafted.sources),
        "notes": drafted.notes,
        "dispute": None,
        "deadlines": {},
        "effective": None,
        "derived": {},
        "sourcing": best_sourcing(list(drafted.sources)).value,
        "instrument": instrument_of(drafted.document) if drafted.document else None,
    }
    return _dump(record)


def status_record(status: MandateStatus) -> dict[str, Any]:
    """One mandate's status as a JSON object."""
    return {
        "regime": status.regime.id,
        "mandate": status.mandate.key,
        "name": status.mandate.name,
        "status": status.status.value,
        "expires": status.expires.isoformat() if status.expires else None,
        "days_left": status.days_left,
        "set_by": status.set_by.document if status.set_by else None,
        "ended_by": _ended_by(status),
        "dispute": status.dispute or None,
        "as_of": status.as_of.isoformat(),
        "pending": _pending(status),
    }


def _pending(status: MandateStatus) -> dict[str, Any] | None:
    """A decision adopted by the as-of date that takes effect later: what it sets, and from when."""
    event = status.pending
    if event is None:
        return None
    return {
        "date": event.date.isoformat(),
        "effective": event.in_effect.isoformat(),
        "document": event.document,
        "sets": _expiries({status.mandate.key: event.sets[status.mandate.key]})[status.mandate.key],
    }


def _ended_by(status: MandateStatus) -> dict[str, Any] | None:
    event = status.ended_by
    if event is None:
        return None
    return {
        "date": event.date.isoformat(),
        "kind": event.kind.value,
        "document": event.document,
        "vetoed_by": list(event.vetoed_by),
    }


# json.dumps escapes C0 controls but, without ensure_ascii, passes DEL, C1 controls and bidi
# overrides through raw; escaped as \uXXXX they decode to the same text and never reach a terminal.
_UNESCAPED = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match[0]):04x}"


def _dump(value: Any) -> str:
    # JSON is the lossless format: where standard output cannot take every character (an ASCII or
    # Latin-1 locale), it gets \uXXXX escapes rather than the ASCII stand-ins text output gets.
    text = json.dumps(value, ensure_ascii=not streams.takes_unicode(sys.stdout), indent=2)
    return _UNESCAPED.sub(_escape, text) + "\n"


def timeline(regime: Regime, events: list[Event]) -> str:
    """The events as a JSON array."""
    return _dump([event_record(regime, event) for event in events])


def regimes(summaries: list[RegimeSummary]) -> str:
    """The regimes with their status as a JSON array."""
    return _dump(regime_records(summaries))


def regime_records(summaries: list[RegimeSummary]) -> list[dict[str, Any]]:
    """The regimes with their status, as the records `regimes` prints (the CSV rows too)."""
    rows = []
    for summary in summaries:
        regime = summary.regime
        rows.append(
            {
                "id": regime.id,
                "name": regime.name,
                "aliases": list(regime.aliases),
                "committee": regime.committee,
                "established_by": regime.established_by or None,
                "established": regime.established.isoformat() if regime.established else None,
                "verified": regime.verified.isoformat(),
                "preceded_by": regime.preceded_by or None,
                "succeeded_by": regime.succeeded_by or None,
                "as_of": summary.as_of.isoformat(),
                "status": summary.status,
                "next_expiry": status_record(summary.next_expiry) if summary.next_expiry else None,
                "mandates": [status_record(status) for status in summary.mandates],
            }
        )
    return rows


def problems(found: list[Problem], warnings: list[Problem], files: int) -> str:
    """Validation results as a JSON object."""

    def record(problem: Problem) -> dict[str, object]:
        where = problem.where
        return {"file": where.path, "line": where.line, "column": where.column, "message": problem.message}

    return _dump({"files": files, "problems": [record(p) for p in found], "warnings": [record(w) for w in warnings]})


def expiry(statuses: list[MandateStatus]) -> str:
    """Every mandate's status as a JSON array."""
    return _dump([status_record(status) for status in statuses])


def vetoes(drafts: list[FailedDraft]) -> str:
    """Vetoed and failed drafts as a JSON array."""
    return _dump(draft_records(drafts))


def draft_records(drafts: list[FailedDraft]) -> list[dict[str, Any]]:
    """Vetoed and failed drafts, as the records `vetoes` prints (the CSV rows too)."""
    return [
        {
            "regime": draft.regime.id,
            "date": draft.event.date.isoformat(),
            "kind": draft.event.kind.value,
            "draft": draft.draft,
            "document": draft.event.document,
            "meeting": draft.event.meeting,
            "title": draft.event.title,
            "vote": _tally(draft.event.vote),
            "votes": _positions(draft.event),
            "vetoed_by": list(draft.event.vetoed_by),
            "penholders": list(draft.event.penholders),
            "would_have_set": _expiries(draft.event.would_have_set),
            "consequences": [
                {
                    "mandate": c.mandate,
                    "name": c.name,
                    "outcome": c.outcome,
                    "date": c.on.isoformat() if c.on else None,
                    "by": c.by.document if c.by else None,
                }
                for c in draft.consequences
            ],
            "followed_by": [
                {"date": e.date.isoformat(), "kind": e.kind.value, "document": e.document, "title": e.title}
                for e in draft.followed_by
            ],
            "failed_without_veto": draft.failed_without_veto,
            "sources": list(draft.event.sources),
        }
        for draft in drafts
    ]


def votes(regime: Regime, events: list[Event], member: str | None) -> str:
    """A regime's votes as a JSON array: positions recorded (`votes`) and derived from the tally
    (`derived_votes`) kept apart; the table's per-member totals are counts over it."""
    return _dump(vote_records(regime, events))


def vote_records(regime: Regime, events: list[Event]) -> list[dict[str, Any]]:
    """A regime's votes, as the records `votes` prints (the CSV rows too)."""
    return [
        {
            "regime": regime.id,
            "date": e.date.isoformat(),
            "kind": e.kind.value,
            "document": e.document,
            "meeting": e.meeting,
            "title": e.title,
            "vote": _tally(e.vote),
            "votes": _positions(e),
            "derived_votes": {code: position.value for code, position in derived_positions(e).items()},
        }
        for e in events
    ]


def regime_document(regime: Regime, events: list[Event] | None = None) -> dict[str, Any]:
    """The regime in the regime-file format itself, so an export loads back unchanged."""
    document: dict[str, Any] = {
        "id": regime.id,
        "name": regime.name,
        "aliases": list(regime.aliases),
        "committee": regime.committee,
        "established_by": regime.established_by,
        "verified": regime.verified.isoformat(),
        "summary": regime.summary,
        "notes": regime.notes,
        "preceded_by": regime.preceded_by,
        "succeeded_by": regime.succeeded_by,
        "mandates": {
            key: _without_empty(
                {"name": m.name, "short": m.short, "description": m.description, "category": m.category.value}
            )
            for key, m in regime.mandates.items()
        },
        "events": [_event_document(e) for e in (regime.events if events is None else events)],
    }
    return _without_empty(document)


def _event_document(event: Event) -> dict[str, Any]:
    return _without_empty(_event_fields(event))


def _without_empty(fields: dict[str, Any]) -> dict[str, Any]:
    # Empty values are the format's defaults; leaving them out keeps the export loadable as a file.
    return {key: value for key, value in fields.items() if value not in (None, "", [], {})}


def export(report: Report, chart: bool) -> str:
    """A lossless JSON export of the regime in its own file format (only the selected events if filtered)."""
    return _dump(regime_document(report.regime, None if report.complete else report.events))


def changes(found: Changes) -> str:
    """The regimes with a decision or a status change in the window, as a JSON array."""
    from sanctions.analysis.changes import compared_status

    return _dump(
        [
            {
                "regime": group.regime.id,
                "name": group.regime.name,
                "since": found.since.isoformat(),
                "until": found.until.isoformat(),
                "verified": group.regime.verified.isoformat(),
                "decisions": [event_record(group.regime, event) for event in group.decisions],
                "mandates": [
                    {
                        "mandate": change.mandate.key,
                        "name": change.mandate.name,
                        "from": compared_status(change.before).value,
                        "to": compared_status(change.after).value,
                        "change": str(change),
                        "before": status_record(change.before),
                        "after": status_record(change.after),
                    }
                    for change in group.mandates
                ],
            }
            for group in found.regimes
        ]
    )


def show_records(decisions: list[Decision]) -> list[dict[str, Any]]:
    """The events `show` found, each as the timeline gives it, with what it did to each mandate and,
    for a failed draft, what followed (as `vetoes` gives it)."""
    records = []
    for decision in decisions:
        failed = draft_records([decision.failed])[0] if decision.failed is not None else {}
        records.append(
            {
                **event_record(decision.regime, decision.event),
                "regime_name": decision.regime.name,
                "derived_votes": {code: p.value for code, p in decision.positions.derived.items()},
                "mandates": [
                    {
                        "mandate": setting.mandate.key,
                        "name": setting.mandate.name,
                        "effect": setting.effect,
                        "before": {
                            "status": setting.before.status.value,
                            "expires": setting.before.expires.isoformat() if setting.before.expires else None,
                        },
                        "was": setting.was,
                        "becomes": setting.becomes,
                    }
                    for setting in decision.settings
                ],
                "consequences": failed.get("consequences", []),
                "followed_by": failed.get("followed_by", []),
            }
        )
    return records


def show(decisions: list[Decision]) -> str:
    """The events `show` found as a JSON array, oldest first."""
    return _dump(show_records(decisions))
