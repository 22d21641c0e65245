"""Tables for every listing: colour-coded on a terminal, aligned text elsewhere; data text shown literally."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sanctions.council import members
from sanctions.dataset.model import Category, Event, Expiry, Kind, Position, Regime, Sourcing
from sanctions.errors import Problem
from sanctions.render import PALETTE, inert
from sanctions.render.grid import PROSE, TEXT, TOKEN, Blocks, Cell, Grid

if TYPE_CHECKING:  # imported where used: a timeline needs none of them
    from sanctions.analysis.changes import Changes, MandateChange
    from sanctions.analysis.mandates import MandateStatus, RegimeSummary
    from sanctions.analysis.show import Decision
    from sanctions.analysis.vetoes import FailedDraft, VetoTally

KIND_STYLES = {
    Kind.ESTABLISHED: PALETTE["in force"],
    Kind.RENEWED: PALETTE["in force"],
    Kind.MODIFIED: PALETTE["changed"],
    Kind.TERMINATED: PALETTE["ended"],
    Kind.SUSPENDED: PALETTE["suspended"],
    Kind.REINSTATED: PALETTE["in force"],
    Kind.LAPSED: PALETTE["ended"],
    Kind.VETO: PALETTE["veto"],
    Kind.FAILED_DRAFT: PALETTE["ended"],
    Kind.DESIGNATION: PALETTE["changed"],
    Kind.DELISTING: PALETTE["changed"],
    Kind.REPORT: PALETTE["quiet"],
    Kind.RELATED: PALETTE["quiet"],
}
# Markers keep the meaning when colour is off (piped output, NO_COLOR).
KIND_MARKERS = {Kind.VETO: "✖ ", Kind.FAILED_DRAFT: "✖ ", Kind.LAPSED: "■ ", Kind.TERMINATED: "■ "}
TIMELINE_LEGEND = "✖ draft not adopted · ■ mandate ended"

STATUS_STYLES = {
    "in force": PALETTE["in force"],
    "suspended": PALETTE["suspended"],
    "ended": PALETTE["ended"],
    "unverified": PALETTE["unverified"],
    "not established": PALETTE["quiet"],
}


def _text(value: str, style: str = "") -> Cell | str:
    return Cell(inert(value), style=style) if style else inert(value)


def _expiry(value: Expiry) -> str:
    return value.isoformat() if isinstance(value, dt.date) else value


# One cell per kind, shared by every row: a long timeline builds no cells for this column.
_KIND_CELLS = {kind: Cell(KIND_MARKERS.get(kind, "") + kind.value, style=KIND_STYLES[kind]) for kind in Kind}


def _kind(kind: Kind) -> Cell:
    return _KIND_CELLS[kind]


def _vote(event: Event) -> Cell | str:
    if not event.vetoed_by:
        return str(event.vote) if event.vote else ""
    names = ", ".join(members.member_name(code) for code in event.vetoed_by)
    return Cell(str(event.vote) if event.vote else "").append(f"\nveto: {names}", style="bold red")


#: Marks, after its document, an event that cites neither a UN source nor Security Council Report.
SECONDARY_MARK = " †"
SECONDARY_CAPTION = "† secondary sources only (no UN or Security Council Report source)"


def _document(event: Event, mark: str = "") -> Cell | str:
    """The document symbol (and `mark`), with the meeting record under it when there is one."""
    if not event.meeting or event.meeting == event.document:
        return inert(event.document) + mark
    document = inert(event.document) + mark
    return Cell(document, short=document).append("\n" + inert(event.meeting), style="dim")


_SECONDARY = Sourcing.SECONDARY  # looked up once: asked for every row of a timeline


#: Marks a date counted from a term the text states as a duration ("for 13 months").
DERIVED_MARK = "≈"
DERIVED_CAPTION = "≈ date counted from a term stated as a duration (JSON: derived)"


def _set_line(event: Event, key: str, value: Expiry) -> str:
    return f"{key} → {DERIVED_MARK if key in event.derived else ''}{_expiry(value)}"


def _effect(event: Event) -> Cell | str:
    if not (event.would_have_set or event.lapses or event.effective):  # the common case needs no styling
        if not event.sets:
            return ""
        return "\n".join(_set_line(event, key, value) for key, value in event.sets.items())
    text = Cell()
    if event.effective is not None:
        text.append(f"effective {event.effective.isoformat()}:\n", style="bold")
    for key, value in event.sets.items():
        text.append(_set_line(event, key, value) + "\n")
    if event.would_have_set:
        text.append("would have set:\n", style="italic")
    for key, value in event.would_have_set.items():
        text.append(f"{key} → {_expiry(value)}\n", style="italic")
    for key in event.lapses:
        text.append(f"{key} lapsed\n", style=PALETTE["ended"])
    text.rstrip()
    return text


def timeline(regime: Regime, events: list[Event]) -> Grid | Blocks:
    """The regime's events, one row each, oldest first."""
    caption = Cell(f"{len(events)} events · data verified to {regime.verified.isoformat()}")
    if any(e.kind in KIND_MARKERS for e in events):
        caption.append(f" · {TIMELINE_LEGEND}")
    secondary = [event.sourcing is _SECONDARY for event in events]  # asked once an event
    if any(secondary):
        caption.append("\n" + SECONDARY_CAPTION)  # a line of its own on a terminal, " / " in plain text
    if any(event.derived for event in events):
        caption.append("\n" + DERIVED_CAPTION)
    for relation, linked in (("carries on", regime.preceded_by), ("carried on by", regime.succeeded_by)):
        if linked:
            caption.append(inert(f" · {relation} the regime '{linked}' (sanctions timeline {linked})"))
    table = Grid(title=_text(f"{regime.name} — {regime.committee}"), caption=caption)
    # At 80 columns the tally and what an event set go under the row; the title keeps 30 and more.
    table.add_column("Date")
    table.add_column("Kind")
    table.add_column("Document")
    table.add_column("Title", PROSE)
    table.add_column("Vote", priority=2)
    table.add_column("Sets", priority=1)
    table.add_rows(
        (
            event.date.isoformat(),
            _kind(event.kind),
            _document(event, SECONDARY_MARK if marked else ""),
            _text(event.title),
            _vote(event),
            _effect(event),
        )
        for event, marked in zip(events, secondary, strict=True)
    )
    return table


# By sanctions.analysis.mandates.Status value (a StrEnum, so its members look themselves up here).
MANDATE_STYLES = {
    "active": PALETTE["in force"],
    "expiring": PALETTE["expiring"],
    "open-ended": PALETTE["in force"],
    "lapsed": PALETTE["ended"],
    "terminated": PALETTE["ended"],
    "suspended": PALETTE["suspended"],
    "transferred": PALETTE["quiet"],
    "not-established": PALETTE["quiet"],
    "unverified": PALETTE["unverified"],
}


UNVERIFIED_CAPTION = (
    "unverified: the last expiry on record has passed and no later decision is recorded in the data"
    " (each regime's file is verified to a date; `sanctions expiry REGIME` names the last decision)"
)


def _caption(*lines: str) -> str | None:
    return "\n".join(line for line in lines if line) or None


def _mandate_list(summary: RegimeSummary) -> Cell:
    """Each mandate's status in a few words, one after another: they wrap as text."""
    text = Cell()
    for number, status in enumerate(summary.mandates):
        detail = f" {status.expires.isoformat()}" if status.expires else ""
        text.append(("; " if number else "") + f"{status.mandate.key}: ")
        text.append(f"{status.status.value}{detail}", style=MANDATE_STYLES[status.status])
        if status.dispute:
            text.append(" (disputed)", style="bold magenta")
    return text


def _regime_status(status: str) -> Cell:
    """A regime's status as a token; "not established" is "proposed" where space is short."""
    style = STATUS_STYLES.get(status, "")
    return Cell(status, style, short=Cell("proposed", style) if status == "not established" else None)


def regimes(summaries: list[RegimeSummary], left_out: str = "") -> Grid | Blocks:
    """One row per regime: what it is, whether it is in force, what runs out next; `left_out` says
    which regimes the listing leaves out."""
    as_of = summaries[0].as_of.isoformat() if summaries else ""
    unverified = any(s.status.value == "unverified" for summary in summaries for s in summary.mandates)
    caption = _caption(UNVERIFIED_CAPTION if unverified else "", left_out)
    table = Grid(title=f"Sanctions regimes as of {as_of}", caption=caption)
    # The committee's full name matters least (it mostly repeats the resolution); each mandate's
    # status is what `expiry` lists: both give way first on a narrow terminal. How current the data
    # is stays: folded under the row when it cannot have a column.
    table.add_column("ID")
    table.add_column("Name", TEXT, priority=1, drop=True)
    table.add_column("Committee", TEXT, priority=5, drop=True)
    table.add_column("Established", priority=3, drop=True)
    table.add_column("Verified to", priority=2)
    table.add_column("Status")
    table.add_column("Mandates", TEXT, priority=4, drop=True)
    table.add_column("Next expiry", PROSE)
    for summary in summaries:
        regime = summary.regime
        established = regime.established.isoformat() if regime.established else ""
        upcoming = summary.next_expiry
        next_text = Cell()
        if upcoming is not None and upcoming.expires is not None:
            days = f" ({upcoming.days_left} days)"
            next_text = Cell(f"{upcoming.expires.isoformat()} {inert(upcoming.mandate.name)}")
            next_text.append(days, style="dim")
            next_text.short = Cell(f"{upcoming.expires.isoformat()} {inert(upcoming.mandate.label)}").append(
                days, style="dim"
            )
        table.add_row(
            _text(regime.id),
            _text(regime.name),
            _text(regime.committee),
            established,
            regime.verified.isoformat(),
            _regime_status(summary.status),
            _mandate_list(summary),
            next_text,
        )
    return table


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"


def problems(found: list[Problem], warnings: list[Problem], files: int) -> str:
    """Validation results: one line per problem, then per warning (never wrapped, so grep and
    editors can use them), then a count."""
    lines = [inert(str(problem)) for problem in [*found, *warnings]]
    summary = f"{_count(files, 'file')} checked: {_count(len(found), 'problem') if found else 'no problems'}"
    if warnings:
        summary += f", {_count(len(warnings), 'warning')}"
    lines.append(summary)
    return "\n".join(lines) + "\n"


def _ended_by(status: MandateStatus) -> Cell | str:
    event = status.ended_by
    if event is None:
        return Cell()
    if status.status.value == "transferred":
        successor = status.regime.succeeded_by
        return Cell(f"{event.document}\n{event.date.isoformat()}\ncarried on by {successor}")
    if not event.kind.is_failed:  # a decision that ended it: terminated, or modified to end one measure
        return Cell(f"{event.document}\n{event.date.isoformat()}")
    who = ", ".join(members.member_name(code) for code in event.vetoed_by)
    verb = f"veto: {who}" if who else "draft failed"
    return Cell(f"{event.document}\n{event.date.isoformat()}\n{verb}", style=PALETTE["veto"])


def _expires(status: MandateStatus) -> Cell:
    from sanctions.analysis.mandates import Status

    if status.expires is not None:
        return Cell((DERIVED_MARK if status.derived else "") + status.expires.isoformat())
    if status.status in (Status.ACTIVE, Status.UNVERIFIED):  # a term no source read gives as a date
        return Cell("not recorded", style="dim")
    return Cell()


def _pending(status: MandateStatus) -> Cell | str:
    """A decision adopted but not yet in effect: what it sets, from when."""
    if status.pending is None:
        return ""
    value = _expiry(status.pending.sets[status.mandate.key])
    when = status.pending.in_effect.isoformat()
    return Cell(inert(f"{value} from {when} ({status.pending.document})"), style="bold")


def expiry(statuses: list[MandateStatus], left_out: str = "", explain: bool = False) -> Grid | Blocks:
    """One row per mandate, soonest expiry first, coloured by status; `left_out` says which regimes
    the listing leaves out. Unverified rows are counted in a closing line; `explain` says under each
    what its data last records."""
    from sanctions.analysis.mandates import Status

    as_of = statuses[0].as_of.isoformat() if statuses else ""
    derived = DERIVED_CAPTION if any(status.derived for status in statuses) else ""
    unverified = sum(status.status is Status.UNVERIFIED for status in statuses)
    closing = ""
    if unverified and not explain:
        rows = "row" if unverified == 1 else "rows"
        closing = (
            f"{unverified} unverified {rows}: the data stops before {as_of}; --explain says what each last records"
        )
    table = Grid(title=f"Mandates as of {as_of}", caption=_caption(left_out, derived, closing))
    # Status is one word; a long mandate name gives way to its short label before anything drops.
    table.add_column("Regime")
    table.add_column("Mandate", PROSE)
    table.add_column("Status")
    table.add_column("Expires")
    table.add_column("Days left", justify="right", priority=2, drop=True)
    table.add_column("Set by", priority=3, drop=True)
    table.add_column("Ended by", priority=1)
    # Rare and long: on a line of its own under the row, not widening every row.
    table.add_column("Pending", under=True)
    table.add_column("Disputed", PROSE, under=True)
    if explain:
        table.add_column("Not verified", PROSE, under=True)
    for status in statuses:
        mandate = status.mandate
        table.add_row(
            _text(status.regime.id),
            Cell(inert(mandate.name), short=inert(mandate.short) if mandate.short else None),
            Cell(status.status.value, style=MANDATE_STYLES[status.status]),
            _expires(status),
            "" if status.days_left is None else str(status.days_left),
            _text(status.set_by.document if status.set_by else ""),
            _ended_by(status),
            _pending(status),
            _text(status.dispute, style="magenta"),
            *([_unverified(status)] if explain else []),
        )
    return table


def _unverified(status: MandateStatus) -> Cell | str:
    """What is known of a mandate whose data stops: the last expiry on record and what set it."""
    from sanctions.analysis.mandates import Status

    if status.status is not Status.UNVERIFIED:
        return ""
    verified = f"no later decision recorded, data verified to {status.regime.verified.isoformat()}"
    by = f"{status.set_by.document} of {status.set_by.date.isoformat()}" if status.set_by else "a decision"
    if status.expires is None:
        return _text(f"term set by {by} without a recorded end date; {verified}", PALETTE["unverified"])
    return _text(f"last expiry on record {status.expires.isoformat()} ({by}); {verified}", PALETTE["unverified"])


COUNTING_RULE = "one veto per draft per permanent member voting against"


def _names(codes: tuple[str, ...] | list[str]) -> str:
    return ", ".join(members.member_name(code) for code in codes)


def _followed(draft: FailedDraft) -> Cell:
    if not (draft.consequences or draft.followed_by):
        return Cell("no mandate expiry at stake", style="dim")
    from sanctions.analysis.vetoes import follow_up

    text = Cell()
    never = [consequence.name for consequence in draft.consequences if consequence.outcome == "never imposed"]
    for consequence in draft.consequences:
        if consequence.outcome != "never imposed":
            style = "bold red" if consequence.outcome == "lapsed" else ""
            text.append(inert(str(consequence)) + "\n", style=style)
    if never:  # a proposed regime's measures, one sentence rather than a line each
        text.append(inert("Never imposed: " + "; ".join(never)) + "\n")
    for decision in draft.followed_by:
        text.append(inert(follow_up(draft.event, decision)) + "\n")
    text.rstrip()
    return text


def _draft(draft: FailedDraft) -> Cell:
    """The draft's own symbol when known; any other symbol recorded for it, labelled as what it is."""
    from sanctions.analysis.vetoes import symbol_kind

    event = draft.event
    text = Cell(draft.draft or "")
    others = [s for s in dict.fromkeys((event.document, event.meeting)) if s and s != draft.draft]
    for symbol in others:
        text.append(("\n" if text.plain else "") + f"{symbol_kind(symbol)} {symbol}", style="dim")
    # Narrow: the draft's symbol alone, else the first symbol recorded for it, unlabelled.
    if others:
        text.short = Cell(draft.draft or others[0])
    return text


def _would_have_set(event: Event) -> Cell:
    return Cell("\n".join(f"{key} → {_expiry(value)}" for key, value in event.would_have_set.items()))


def _tally_line(tally: VetoTally) -> Cell:
    plural = "veto" if tally.vetoes == 1 else "vetoes"
    line = Cell(f"{members.member_name(tally.member)}: {tally.vetoes} {plural}, {tally.ended_mandates} ended a mandate")
    panels = [(r, c) for r, c in tally.ended if r.mandates[c.mandate].category is Category.MONITORING]
    others = [(r, c) for r, c in tally.ended if r.mandates[c.mandate].category is not Category.MONITORING]
    if panels:
        listed = "; ".join(f"{r.id}: {r.mandates[c.mandate].name}" for r, c in panels)
        line.append(
            f" — ended {len(panels)} monitoring panel{'s' if len(panels) != 1 else ''} ({listed})", style="bold red"
        )
    if others:
        listed = "; ".join(f"{r.id}: {r.mandates[c.mandate].name}" for r, c in others)
        line.append(f"; also ended {listed}")
    return line


def vetoes(drafts: list[FailedDraft], left_out: str = "") -> Grid | Blocks:
    """Vetoed and failed drafts, then vetoes per permanent member; `left_out` says which regimes the
    listing leaves out."""
    table = Grid(title="Vetoed and failed drafts", caption=_caption(left_out))
    # What followed is the column read; the tally, who drafted and who abstained go under the row first.
    table.add_column("Date")
    table.add_column("Regime", priority=2)
    table.add_column("Draft")
    table.add_column("Penholders", TEXT, priority=4)
    table.add_column("Vote", priority=3)
    table.add_column("Vetoed by", TEXT, priority=1)
    table.add_column("Abstaining", TEXT, priority=5)
    table.add_column("Would have set", priority=3)
    table.add_column("What followed", PROSE)
    for draft in drafts:
        event = draft.event
        vetoed = (
            Cell("no veto: too few votes", style="magenta", short=Cell("no veto", style="magenta"))
            if draft.failed_without_veto
            else Cell(_names(event.vetoed_by), style="bold red")
        )
        table.add_row(
            event.date.isoformat(),
            _text(draft.regime.id),
            _draft(draft),
            _names(event.penholders),
            str(event.vote) if event.vote else "",
            vetoed,
            _names(draft.abstaining),
            _would_have_set(event),
            _followed(draft),
        )
    lines: list[Grid | Cell] = [table, Cell(f"Vetoes per permanent member ({COUNTING_RULE}):", style="bold")]
    from sanctions.analysis.vetoes import veto_tallies

    lines.extend(_tally_line(tally) for tally in veto_tallies(drafts))
    failed = sum(1 for d in drafts if d.failed_without_veto)
    if failed:
        lines.append(Cell(f"Drafts that failed without a veto (not counted as vetoes): {failed}"))
    return Blocks(*lines)


def _positions(event: Event, member: str | None) -> Cell:
    from sanctions.analysis.votes import positions

    known = positions(event)
    if member is not None:
        cell = Cell(known[member].value)
        return cell.append(" (derived from the tally)", style="dim") if known.is_derived(member) else cell
    grouped: dict[Position, list[str]] = {}
    for code, position in known.recorded.items():
        grouped.setdefault(position, []).append(code)
    cell = Cell("; ".join(f"{position.value}: {_names(codes)}" for position, codes in grouped.items()))
    if known.derived:
        (position,) = set(known.derived.values())
        whom = f"the other {len(known.derived)}" if known.recorded else f"all {len(known.derived)}"
        cell.append(("\n" if cell.plain else "") + f"{position.value}: {whom} (derived from the tally)", style="dim")
    return cell


def votes(regime: Regime, events: list[Event], member: str | None) -> Grid | Blocks:
    """Every vote of a regime with each member's position, then each member's totals."""
    table = Grid(title=_text(f"Votes — {regime.name}"))
    position_header = members.member_name(member) if member else "Positions"
    table.add_column("Date")
    table.add_column("Document", priority=1)
    table.add_column("Kind", priority=2, drop=True)
    table.add_column("Vote")
    table.add_column(position_header, PROSE)
    for event in events:
        table.add_row(
            event.date.isoformat(),
            _document(event),
            _kind(event.kind),
            str(event.vote) if event.vote else "",
            _positions(event, member),
        )
    totals = Grid(title="Positions per member (recorded, or derived from the tally where it leaves no doubt)")
    for header in ("Member", "Yes", "Against", "Abstain", "Absent", "Derived"):
        totals.add_column(header, PROSE if header == "Member" else TOKEN, "left" if header == "Member" else "right")
    from sanctions.analysis.votes import member_totals

    for row in member_totals(events):
        if member is None or row.member == member:
            counts = (str(row.positions[p]) for p in Position)
            totals.add_row(members.member_name(row.member), *counts, str(sum(row.derived.values())))
    return Blocks(table, totals)


def _change_line(change: MandateChange) -> Cell:
    from sanctions.analysis.changes import compared_status

    line = Cell(f"{inert(change.mandate.key)}: ", style="bold")
    return line.append(str(change), style=MANDATE_STYLES[compared_status(change.after)])


def changes(found: Changes) -> Blocks:
    """The window's decisions and mandate status changes, a block per regime."""
    since, until, before = found.since.isoformat(), found.until.isoformat(), found.before.isoformat()
    lines: list[Grid | Cell] = [Cell(f"Changes {since} to {until} · mandate status {before} → {until}", style="bold")]
    for group in found.regimes:
        lines.append(Cell(f"\n{inert(group.regime.id)} — {inert(group.regime.name)}", style="bold"))
        if group.decisions:
            table = Grid()
            table.add_column("Date")
            table.add_column("Kind")
            table.add_column("Document")
            table.add_column("Title", PROSE)
            table.add_column("Sets", priority=1)
            for event in group.decisions:
                table.add_row(
                    event.date.isoformat(), _kind(event.kind), _document(event), _text(event.title), _effect(event)
                )
            lines.append(table)
        lines.extend(_change_line(change) for change in group.mandates)
    if not found.changed:
        lines.append(Cell("No decisions and no change of mandate status."))
    else:
        count = f"{_count(found.decision_count, 'decision')} and {_count(found.mandate_count, 'status change')}"
        lines.append(Cell(f"\n{count} in {_count(len(found.regimes), 'regime')}"))
    return Blocks(*lines)


_SHOW_LABEL = 16  # "Would have set: " and the other labels padded to one width


def _show_line(label: str, value: str) -> Cell:
    return Cell(f"{label + ':':<{_SHOW_LABEL}}", style="bold").append(inert(value))


def show(decisions: list[Decision]) -> Blocks:
    """Each decision as `git show` shows a commit: its symbol, its fields, its title and summary, its sources."""
    from sanctions.analysis.show import describe

    items: list[Grid | Cell] = []
    for number, decision in enumerate(decisions):
        event = decision.event
        heading = Cell(("\n" if number else "") + inert(decision.symbol_line), style="bold")
        items.append(heading)
        items += [_show_line(label, value) for label, value in describe(decision)]
        items.append(Cell("\n" + inert(event.title), style="bold"))
        if event.summary:
            items.append(Cell("\n" + inert(event.summary)))
        if event.notes:
            items.append(Cell("\nNotes: ", style="bold").append(inert(event.notes), style="dim"))
        if event.sources:
            items.append(Cell("\nSources:", style="bold"))
            items += [Cell(inert(source)) for source in event.sources]
    if len(decisions) > 1:
        items.append(Cell(f"\n{_count(len(decisions), 'event')} recorded for this decision", style="dim"))
    return Blocks(*items)
