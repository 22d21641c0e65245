"""A markdown report on one regime: summary, mandates, timeline, vetoes, sources and a Mermaid chart."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from sanctions import members
from sanctions.mandates import MandateStatus
from sanctions.model import Event, Expiry, Kind
from sanctions.render import inert
from sanctions.report import Report
from sanctions.vetoes import follow_up, symbol_kind

if TYPE_CHECKING:
    from sanctions.changes import Changes

# Characters that could start markup, close a table cell or open raw HTML; CommonMark lets a
# backslash make any ASCII punctuation literal.
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|&~!#])")
_MERMAID_UNSAFE = re.compile(r"[^\w .,/()'-]")


def text(value: str) -> str:
    """Inline text that renders as itself, whatever it contains, inside or outside a table."""
    return _SPECIAL.sub(r"\\\1", inert(value))


def document_url(event: Event, symbol: str) -> str:
    """Where a UN symbol can be read: the press release site for SC/ symbols, undocs.org otherwise."""
    if symbol.startswith("SC/"):
        return f"https://press.un.org/en/{event.date.year}/{symbol.replace('/', '').lower()}.doc.htm"
    return "https://undocs.org/en/" + symbol.replace(" ", "")


def _link(event: Event, symbol: str) -> str:
    return f"[{text(symbol)}]({document_url(event, symbol)})"


def _expiry(value: Expiry) -> str:
    return value.isoformat() if isinstance(value, dt.date) else value


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _table(headers: list[str], rows: list[list[str]]) -> list[str]:
    return [_row(headers), _row(["---"] * len(headers)), *(_row(r) for r in rows), ""]


def _status_cells(status: MandateStatus) -> list[str]:
    ended = status.ended_by
    ended_text = ""
    if ended is not None:
        who = ", ".join(members.member_name(c) for c in ended.vetoed_by)
        ended_text = (
            f"{_link(ended, ended.document)} ({ended.date.isoformat()}{', vetoed by ' + text(who) if who else ''})"
        )
    return [
        text(status.mandate.name),
        status.status.value + (f" (disputed: {text(status.dispute)})" if status.dispute else ""),
        status.expires.isoformat() if status.expires else "",
        "" if status.days_left is None else str(status.days_left),
        _link(status.set_by, status.set_by.document) if status.set_by else "",
        ended_text,
    ]


def _mermaid(report: Report) -> list[str]:
    def label(value: str) -> str:
        return _MERMAID_UNSAFE.sub(" ", inert(value)).strip() or "-"

    lines = ["```mermaid", "gantt", f"    title {label(report.regime.name)} - mandate periods"]
    lines += ["    dateFormat YYYY-MM-DD", "    axisFormat %Y"]
    for key, mandate_periods in report.periods.items():
        lines.append(f"    section {label(report.regime.mandates[key].name)}")
        for period in mandate_periods:
            if period.start > report.as_of:
                continue
            end = period.end or report.as_of
            state = "done" if end < report.as_of else "active"
            lines.append(f"    {label(period.set_by.document)} :{state}, {period.start.isoformat()}, {end.isoformat()}")
    marks = [e for e in report.events if e.kind in (Kind.VETO, Kind.FAILED_DRAFT, Kind.LAPSED)]
    if marks:
        lines.append("    section Vetoes and lapses")
        for event in marks:
            what = {"veto": "Veto", "failed-draft": "Failed draft", "lapsed": "Lapsed"}[event.kind.value]
            name = label(event.title) if event.kind is Kind.LAPSED else label(event.document)
            lines.append(f"    {what} {name} :crit, milestone, {event.date.isoformat()}, 0d")
    return [*lines, "```", ""]


def export(report: Report, chart: bool) -> str:
    """The report as GitHub-flavoured markdown."""
    regime = report.regime
    sources: dict[str, int] = {}
    for event in report.events:
        for source in event.sources:
            sources.setdefault(source, len(sources) + 1)

    out = [f"# {text(regime.name)}: UN sanctions regime ({text(regime.established_by)})", ""]
    if regime.summary:
        out += [text(regime.summary), ""]
    established = regime.established.isoformat() if regime.established else "unknown"
    out += [
        f"Committee: {text(regime.committee)}. Established {established}. "
        f"Data verified to {regime.verified.isoformat()}; report as of {report.as_of.isoformat()}.",
        "",
        f"## Mandates as of {report.as_of.isoformat()}",
        "",
    ]
    out += _table(
        ["Mandate", "Status", "Expires", "Days left", "Set by", "Ended by"], [_status_cells(s) for s in report.statuses]
    )
    if chart:
        out += ["## Mandate periods", "", *_mermaid(report)]

    out += ["## Timeline", ""]
    rows = []
    for event in report.events:
        document = _link(event, event.document)
        if event.meeting and event.meeting != event.document:
            document += " " + _link(event, event.meeting)
        vote = str(event.vote) if event.vote else ""
        if event.vetoed_by:
            vote += " (veto: " + text(", ".join(members.member_name(c) for c in event.vetoed_by)) + ")"
        refs = ", ".join(str(sources[s]) for s in event.sources)
        rows.append([event.date.isoformat(), event.kind.value, document, text(event.title), vote, refs])
    out += _table(["Date", "Kind", "Document", "Title", "Vote", "Sources"], rows)

    out += ["## Vetoes and failed drafts", ""]
    if report.drafts:
        draft_rows = []
        for draft in report.drafts:
            event = draft.event
            vetoed = (
                "no veto: too few votes"
                if draft.failed_without_veto
                else ", ".join(members.member_name(c) for c in event.vetoed_by)
            )
            would = "; ".join(f"{k} → {_expiry(v)}" for k, v in event.would_have_set.items())
            followed = "; ".join(
                [*(str(c) for c in draft.consequences), *(follow_up(event, e) for e in draft.followed_by)]
            )
            symbol = (
                _link(event, draft.draft)
                if draft.draft
                else f"{symbol_kind(event.document)} {_link(event, event.document)}"
            )
            draft_rows.append(
                [
                    event.date.isoformat(),
                    symbol,
                    str(event.vote or ""),
                    text(vetoed),
                    text(would),
                    text(followed),
                ]
            )
        out += _table(["Date", "Draft", "Vote", "Vetoed by", "Would have set", "What followed"], draft_rows)
    else:
        out += ["None recorded.", ""]

    out += ["## Sources", ""]
    for source, number in sources.items():
        # An autolink is shown as written: one holding a control character is shown as inert text.
        safe = source.isprintable() and re.fullmatch(r"https?://[^\s<>]+", source)
        out.append(f"{number}. <{source}>" if safe else f"{number}. {text(source)}")
    return "\n".join(out).rstrip("\n") + "\n"


def _decision_effect(event: Event) -> str:
    parts = [f"{key} → {_expiry(value)}" for key, value in event.sets.items()]
    if event.would_have_set:
        parts.append("would have set " + ", ".join(f"{k} → {_expiry(v)}" for k, v in event.would_have_set.items()))
    parts.extend(f"{key} lapsed" for key in event.lapses)
    return text("; ".join(parts))


def changes(found: Changes) -> str:
    """The window's decisions and mandate status changes as GitHub-flavoured markdown, a section per regime."""
    since, until = found.since.isoformat(), found.until.isoformat()
    out = [
        f"# Sanctions changes, {since} to {until}",
        "",
        f"Decisions taken from {since} to {until}, and mandates whose status on {until} differs from"
        f" {found.before.isoformat()}.",
        "",
    ]
    for group in found.regimes:
        out += [f"## {text(group.regime.id)} — {text(group.regime.name)}", ""]
        rows = []
        for event in group.decisions:
            document = _link(event, event.document)
            if event.meeting and event.meeting != event.document:
                document += " " + _link(event, event.meeting)
            rows.append(
                [event.date.isoformat(), event.kind.value, document, text(event.title), _decision_effect(event)]
            )
        if rows:
            out += _table(["Date", "Kind", "Document", "Title", "Effect"], rows)
        if group.mandates:
            out += [f"- **{text(c.mandate.name)}** ({text(c.mandate.key)}): {text(str(c))}" for c in group.mandates]
            out.append("")
    if not found.changed:
        out += ["No decisions and no change of mandate status.", ""]
    return "\n".join(out).rstrip("\n") + "\n"
