"""A markdown report on one regime: summary, mandates, timeline, vetoes, sources and a Mermaid chart."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from sanctions import __version__
from sanctions.analysis.mandates import MandateStatus, RegimeSummary
from sanctions.analysis.report import Report
from sanctions.analysis.vetoes import FailedDraft, follow_up, symbol_kind
from sanctions.council import members
from sanctions.dataset.model import Event, Expiry, Kind, Regime, Sourcing, source_sourcing
from sanctions.dataset.symbols import DOCUMENT
from sanctions.render import inert, inert_lines
from sanctions.render.grid import Blocks, Cell, Drawable, Grid

if TYPE_CHECKING:
    from sanctions.analysis.changes import Changes
    from sanctions.analysis.show import Decision
    from sanctions.errors import Problem

# Characters that could start markup, close a table cell or open raw HTML; CommonMark lets a
# backslash make any ASCII punctuation literal.
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|&~!#])")
# Mermaid reads these as themselves anywhere in a label; anything else is written as an entity code.
_MERMAID_PLAIN = re.compile(r"[\w .,/()'-]")
# Words Mermaid's gantt lexer takes as a statement when a line starts with them, and ISO dates.
_MERMAID_STATEMENT = re.compile(
    r"(?i:gantt|dateformat|inclusiveenddates|topaxis|axisformat|tickinterval|includes|excludes|todaymarker"
    r"|weekday|weekend|displaymode|title|accdescription|acctitle|accdescr|section|click|href|call)|\d{4}-"
)
# A web address a renderer shows as a link: printable, no blanks or angle brackets.
_WEB_ADDRESS = re.compile(r"https?://[^\s<>]+")


def text(value: str) -> str:
    """Inline text that renders as itself, whatever it contains, inside or outside a table."""
    return _SPECIAL.sub(r"\\\1", inert(value))


def document_url(event: Event, symbol: str) -> str:
    """Where a UN symbol can be read: the press release site for SC/ symbols, undocs.org otherwise."""
    if symbol.startswith("SC/"):
        return f"https://press.un.org/en/{event.date.year}/{symbol.replace('/', '').lower()}.doc.htm"
    return "https://undocs.org/en/" + symbol.replace(" ", "")


def web_address(value: str) -> str | None:
    """The value when it is an http(s) address safe to make a link of, else None."""
    if not (value.isprintable() and _WEB_ADDRESS.fullmatch(value)):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:  # a malformed host such as "http://[x"
        return None
    # A browser reads "\\" as "/" and drops a user name: such an address leads elsewhere than it seems.
    if "\\" in value or "@" in parts.netloc:
        return None
    return value if parts.scheme in ("http", "https") and parts.hostname else None


def _from_un(source: str) -> bool:
    """True for a UN document named by its symbol and for pages on un.org, press.un.org and undocs.org."""
    return source_sourcing(source) is Sourcing.UN


@dataclass(frozen=True)
class Source:
    """One entry of a report's numbered source list."""

    number: int
    text: str  # as the regime file records it
    label: str  # the part of the text that links: the whole web address, or the UN symbol it starts with
    url: str | None  # where the label leads; None when the text is neither
    rest: str  # the text after the label (a note on a UN symbol)


def numbered_sources(events: Iterable[Event]) -> dict[str, Source]:
    """Every source the events cite, numbered: UN documents and pages first, then the others, each in the
    order they are first cited."""
    first_cited: dict[str, Event] = {}
    for event in events:
        for source in event.sources:
            first_cited.setdefault(source, event)
    ordered = sorted(first_cited, key=lambda source: not _from_un(source))  # stable: citation order kept
    result = {}
    for number, source in enumerate(ordered, start=1):
        address = web_address(source)
        symbol = DOCUMENT.match(source) if address is None else None
        if address is not None:
            result[source] = Source(number, source, source, address, "")
        elif symbol is not None and source.isprintable():
            label = symbol.group()
            result[source] = Source(
                number, source, label, document_url(first_cited[source], label), source[len(label) :]
            )
        else:
            result[source] = Source(number, source, source, None, "")
    return result


def _link(event: Event, symbol: str) -> str:
    return f"[{text(symbol)}]({document_url(event, symbol)})"


def _expiry(value: Expiry) -> str:
    return value.isoformat() if isinstance(value, dt.date) else value


def _names(codes: Iterable[str]) -> str:
    return ", ".join(members.member_name(code) for code in codes)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _table(headers: list[str], rows: list[list[str]]) -> list[str]:
    return [_row(headers), _row(["---"] * len(headers)), *(_row(r) for r in rows), ""]


def _status_cells(status: MandateStatus) -> list[str]:
    ended = status.ended_by
    ended_text = ""
    if ended is not None:
        who = _names(ended.vetoed_by)
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


def mermaid_text(value: str) -> str:
    """A Mermaid label that shows the value as written: characters Mermaid could read as syntax (`;`, `:`,
    `#`, `%`, quotes, brackets) become the entity codes Mermaid decodes when it draws (`;` is `#59;`)."""
    plain = inert(value).strip()
    label = "".join(c if _MERMAID_PLAIN.fullmatch(c) else f"#{ord(c)};" for c in plain)
    if _MERMAID_STATEMENT.match(label):  # "Section 2 measures lapsed" would start a section
        label = f"#{ord(label[0])};{label[1:]}"
    return label or "-"


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def milestone(report: Report, event: Event) -> list[str]:
    """What the chart marks on the day of a veto, failed draft or lapse, as sentences."""
    if event.kind is Kind.VETO:
        vetoed = _and([members.member_name(code) for code in event.vetoed_by]) if event.vetoed_by else "A veto"
        return [f"{vetoed} vetoed {event.document}"]
    if event.kind is Kind.FAILED_DRAFT:
        return [f"Draft {event.document} failed without a veto" + (f" ({event.vote})" if event.vote else "")]
    mandates = report.regime.mandates
    return [f"{mandates[key].name} lapsed" for key in event.lapses if key in mandates] or [event.title]


def chart_events(report: Report) -> list[Event]:
    """The events a chart marks: vetoes, failed drafts and lapses up to the as-of date. Like the periods,
    they come from the whole regime, whatever dates the timeline is limited to."""
    marked = (Kind.VETO, Kind.FAILED_DRAFT, Kind.LAPSED)
    return [e for e in report.regime.events if e.kind in marked and e.date <= report.as_of]


def _mermaid(report: Report) -> list[str]:
    as_of = report.as_of.isoformat()
    lines = ["```mermaid", "gantt", f"    title {mermaid_text(report.regime.name)} - mandate periods as of {as_of}"]
    lines += ["    dateFormat YYYY-MM-DD", "    axisFormat %Y"]
    for key, mandate_periods in report.periods.items():
        lines.append(f"    section {mermaid_text(report.regime.mandates[key].name)}")
        for period in mandate_periods:
            if period.start > report.as_of:
                continue
            end = period.end or report.as_of
            state = "done" if end < report.as_of else "active"
            task = mermaid_text(("suspended by " if period.suspended else "") + period.set_by.document)
            lines.append(f"    {task} :{state}, {period.start.isoformat()}, {end.isoformat()}")
    marks = chart_events(report)
    if marks:
        lines.append("    section Vetoes and lapses")
        for event in marks:
            for sentence in milestone(report, event):
                lines.append(f"    {mermaid_text(sentence)} :crit, milestone, {event.date.isoformat()}, 0d")
    legend = (
        f"Legend: each bar is a period set by the decision it is named after. Bars drawn as done had ended by"
        f" {as_of}; active bars were in force on {as_of}, and one with no end date is drawn up to that day."
    )
    if any(period.suspended for mandate_periods in report.periods.values() for period in mandate_periods):
        legend += ' A bar named "suspended by" is a stretch the measures were suspended, neither in force nor ended.'
    if marks:
        legend += " Critical (red) diamonds mark vetoes, drafts that failed without a veto, and lapses."
    return [*lines, "```", "", legend, ""]


def _source_refs(event: Event, sources: dict[str, Source]) -> str:
    """Links from an event to its entries in the numbered source list."""
    return ", ".join(f"[{sources[s].number}](#source-{sources[s].number})" for s in event.sources)


def _draft_row(draft: FailedDraft) -> list[str]:
    """A vetoed or failed draft as `sanctions vetoes` shows it on a terminal."""
    event = draft.event
    # The draft's own symbol when known; else what was recorded in its place, labelled.
    document = (
        _link(event, draft.draft) if draft.draft else f"{symbol_kind(event.document)} {_link(event, event.document)}"
    )
    if event.meeting and event.meeting not in (event.document, draft.draft):
        document += " · meeting record " + _link(event, event.meeting)
    vetoed = "no veto: too few votes" if draft.failed_without_veto else _names(event.vetoed_by)
    would = "; ".join(f"{k} → {_expiry(v)}" for k, v in event.would_have_set.items())
    followed = (
        "; ".join([*(str(c) for c in draft.consequences), *(follow_up(event, e) for e in draft.followed_by)])
        or "no mandate expiry at stake"
    )
    return [
        event.date.isoformat(),
        document,
        text(_names(event.penholders)),
        str(event.vote or ""),
        text(vetoed),
        text(_names(draft.abstaining)),
        text(would),
        text(followed),
    ]


def _source_line(source: Source) -> str:
    # An anchor for the timeline's links; autolinks show the address as written.
    anchor = f'<a id="source-{source.number}"></a>'
    if source.url is None:
        return f"{source.number}. {anchor}{text(source.text)}"
    if source.url == source.text:
        return f"{source.number}. {anchor}<{source.url}>"
    return f"{source.number}. {anchor}[{text(source.label)}]({source.url}){text(source.rest)}"


def export(report: Report, chart: bool) -> str:
    """The report as GitHub-flavoured markdown."""
    regime = report.regime
    sources = numbered_sources(report.events)

    kind = f"UN sanctions regime ({text(regime.established_by)})" if not regime.proposed else "proposed UN sanctions"
    out = [f"# {text(regime.name)}: {kind}", ""]
    if regime.summary:
        out += [text(regime.summary), ""]
    established = regime.established.isoformat() if regime.established else "unknown"
    established = "Never established" if regime.proposed else f"Established {established}"
    out += [
        f"Committee: {text(regime.committee.rstrip('.'))}. {established}. "
        f"Data verified to {regime.verified.isoformat()}; report as of {report.as_of.isoformat()}.",
        "",
        *(
            f"{relation} the regime `{text(linked)}`."
            for relation, linked in (
                ("It carries on", regime.preceded_by),
                ("It was carried on by", regime.succeeded_by),
            )
            if linked
        ),
        *([""] if regime.preceded_by or regime.succeeded_by else []),
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
            vote += " (veto: " + text(_names(event.vetoed_by)) + ")"
        day = event.date.isoformat() + (f" (effective {event.effective.isoformat()})" if event.effective else "")
        rows.append([day, event.kind.value, document, text(event.title), vote, _source_refs(event, sources)])
    out += _table(["Date", "Kind", "Document", "Title", "Vote", "Sources"], rows)

    out += ["## Vetoes and failed drafts", ""]
    if report.drafts:
        headers = ["Date", "Draft", "Penholders", "Vote", "Vetoed by", "Abstaining", "Would have set", "What followed"]
        out += _table(headers, [_draft_row(draft) for draft in report.drafts])
    else:
        out += ["None recorded.", ""]

    out += ["## Sources", ""]
    out += [_source_line(source) for source in sources.values()]
    out += ["", f"Made with sanctions {__version__} from data verified to {regime.verified.isoformat()}."]
    return "\n".join(out) + "\n"


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


def _source_item(event: Event, source: str) -> str:
    address = web_address(source)
    if address is not None:
        return f"- <{address}>"
    symbol = DOCUMENT.match(source)
    if symbol is not None and source.isprintable():
        return f"- {_link(event, symbol.group())}{text(source[symbol.end() :])}"
    return f"- {text(source)}"


def show(decisions: list[Decision]) -> str:
    """Each decision `show` found: a heading, a table of its fields, its title, summary and sources."""
    from sanctions.analysis.show import describe

    out: list[str] = []
    for decision in decisions:
        event = decision.event
        out += [f"## {text(decision.symbol_line)}", ""]
        out += _table(["Field", "Value"], [[text(label), text(value)] for label, value in describe(decision)])
        out += [f"**{text(event.title)}**", ""]
        if event.summary:
            out += [text(event.summary), ""]
        if event.notes:
            out += [f"Notes: {text(event.notes)}", ""]
        if event.sources:
            out += ["Sources:", "", *(_source_item(event, source) for source in event.sources), ""]
    return "\n".join(out).rstrip("\n") + "\n"


# The listings: each is the terminal table's content as GitHub-flavoured markdown, every cell whole,
# a cell's lines joined with <br>, a column that is empty in every row left out as the terminal does.


def _cell_text(value: Cell | str) -> str:
    plain = value.plain if isinstance(value, Cell) else inert_lines(value)
    return "<br>".join(text(line) for line in plain.split("\n") if line.strip())


def _paragraphs(value: Cell | str | None) -> list[str]:
    if value is None:
        return []
    plain = value.plain if isinstance(value, Cell) else inert_lines(value)
    return [piece for line in plain.split("\n") if line.strip() for piece in (text(line.strip()), "")]


def _grid(grid: Grid) -> list[str]:
    rows = [[_cell_text(cell) for cell in row] for row in grid.rows()]
    kept = [i for i in range(len(grid.columns)) if not rows or any(row[i] for row in rows)]
    title = [f"## {line}" for line in _paragraphs(grid.title) if line]
    out = [piece for line in title for piece in (line, "")]
    out += _table([text(grid.columns[i].header) for i in kept], [[row[i] for i in kept] for row in rows])
    return out + _paragraphs(grid.caption)


def from_drawable(drawing: Drawable | str) -> str:
    """A terminal table (or tables and lines) as GitHub-flavoured markdown that reads as the table does."""
    if isinstance(drawing, str):  # a listing with nothing to list says so in a sentence
        return drawing
    items = drawing.items if isinstance(drawing, Blocks) else [drawing]
    out: list[str] = []
    for item in items:
        out += _grid(item) if isinstance(item, Grid) else _paragraphs(item)
    return "\n".join(out).rstrip("\n") + "\n"


def timeline(regime: Regime, events: list[Event]) -> str:
    """The regime's events as the terminal table shows them."""
    from sanctions.render import table as terminal

    return from_drawable(terminal.timeline(regime, events))


def regimes(summaries: list[RegimeSummary], left_out: str = "") -> str:
    """The regimes as the terminal table shows them."""
    from sanctions.render import table as terminal

    return from_drawable(terminal.regimes(summaries, left_out=left_out))


def expiry(statuses: list[MandateStatus], left_out: str = "", explain: bool = False) -> str:
    """Every mandate's status as the terminal table shows it, a dispute or (with `explain`) a note in a
    column of its own."""
    from sanctions.render import table as terminal

    return from_drawable(terminal.expiry(statuses, left_out=left_out, explain=explain))


def vetoes(drafts: list[FailedDraft], left_out: str = "") -> str:
    """Vetoed and failed drafts, then the vetoes per permanent member, as the terminal shows them."""
    from sanctions.render import table as terminal

    return from_drawable(terminal.vetoes(drafts, left_out=left_out))


def votes(regime: Regime, events: list[Event], member: str | None) -> str:
    """A regime's votes and the per-member totals, as the terminal tables show them."""
    from sanctions.render import table as terminal

    return from_drawable(terminal.votes(regime, events, member))


def problems(found: list[Problem], warnings: list[Problem], files: int) -> str:
    """Validation results: a table of every problem, then of every warning, then the count."""
    from sanctions.render import table as terminal

    rows = [
        [
            text(p.where.path),
            str(p.where.line),
            str(p.where.column),
            "warning" if p.warning else "problem",
            text(p.message),
        ]
        for p in [*found, *warnings]
    ]
    out = _table(["File", "Line", "Column", "Severity", "Message"], rows) if rows else []
    count = terminal.problems(found, warnings, files).splitlines()[-1]
    return "\n".join([*out, text(count)]) + "\n"
