"""One decision looked up by its symbol, as `git show` shows a commit: its vote, what it set or ended, what followed."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass

from sanctions.analysis.mandates import MandateStatus, Status, mandate_status
from sanctions.analysis.vetoes import FailedDraft, failed_drafts, follow_up, symbol_kind
from sanctions.analysis.votes import Positions, positions
from sanctions.council import members
from sanctions.dataset.model import (
    SUSPENDED,
    TERMINATED,
    TRANSFERRED,
    Event,
    Expiry,
    Kind,
    Mandate,
    Position,
    Regime,
    Sourcing,
)
from sanctions.dataset.symbols import DOCUMENT, MEETING, RESOLUTION
from sanctions.errors import UsageError

# What people type for a resolution: 2745, 2745 (2024), S/RES/2745, S/RES/2745 (2024), resolution 2745.
_TYPED_RESOLUTION = re.compile(r"(?:s/res/|resolution |res\.? ?)?(\d{1,4})(?: ?\(((?:19|20)\d\d)\))?")
_REVISION = re.compile(r"/REV\.", re.IGNORECASE)


@dataclass(frozen=True)
class Target:
    """What a user asked to see: a resolution by number (and year), or a UN symbol as written."""

    typed: str
    symbol: str  # S/RES/2745 (2024), S/RES/2745 when no year was given, S/2023/638, S/PV.9408, SC/15648
    number: str | None = None  # a resolution's number
    year: str | None = None  # a resolution's year, when given

    def matches(self, event: Event) -> bool:
        """True when the event is this decision: its document, or its meeting record or press release."""
        if self.number is not None:
            found = RESOLUTION.fullmatch(event.document)
            return found is not None and found[1] == self.number and self.year in (None, found[2])
        meeting = event.meeting.split(" (")[0] if event.meeting else None
        return self.symbol in (event.document, event.press_release, event.meeting, meeting)


def parse_target(text: str) -> Target | None:
    """The decision a user means, or None when the text is no resolution number and no UN symbol.

    >>> parse_target("resolution 2745").symbol
    'S/RES/2745'
    >>> parse_target("s/2023/638").symbol
    'S/2023/638'
    """
    typed = " ".join(text.split())
    resolution = _TYPED_RESOLUTION.fullmatch(typed.casefold())
    if resolution is not None:
        number, year = str(int(resolution[1])), resolution[2]
        symbol = f"S/RES/{number}" + (f" ({year})" if year else "")
        return Target(typed, symbol, number, year)
    symbol = _REVISION.sub("/Rev.", typed.upper()).replace("S/PV. ", "S/PV.")
    if DOCUMENT.fullmatch(symbol) or MEETING.fullmatch(symbol):
        return Target(typed, symbol)
    return None


@dataclass(frozen=True)
class Setting:
    """What a decision did to one mandate: the expiry before it, and what it set, would have set or ended."""

    mandate: Mandate
    effect: str  # "set", "ended", "suspended", "would have set" or "lapsed"
    before: MandateStatus  # the mandate on the day before the decision took effect
    after: Expiry | None  # None for a lapse

    @property
    def was(self) -> str:
        """The mandate's expiry before the decision, in words: a date, open-ended, none, lapsed 2024-04-30."""
        status, expires = self.before.status, self.before.expires
        if status is Status.NOT_ESTABLISHED:
            return "none"
        if status.in_force and expires is not None:
            return expires.isoformat()
        if status in (Status.OPEN_ENDED, Status.ACTIVE):
            return "open-ended" if status is Status.OPEN_ENDED else "not recorded"
        return status.value + (f" {expires.isoformat()}" if expires is not None else "")

    @property
    def becomes(self) -> str:
        """What the decision set, in words: a date, open-ended, terminated, lapsed."""
        if self.after is None:
            return "lapsed"
        return self.after.isoformat() if isinstance(self.after, dt.date) else self.after


@dataclass(frozen=True)
class Decision:
    """One event a regime file records for the target, with what it did and, for a failed draft, what followed."""

    regime: Regime
    event: Event
    positions: Positions
    settings: tuple[Setting, ...]
    failed: FailedDraft | None = None

    @property
    def symbol_line(self) -> str:
        """The decision's symbol and what kind of document it is: "S/2023/638 (draft)"."""
        document = self.event.document
        what = symbol_kind(document) if self.event.kind.is_failed else self.event.instrument
        return f"{document} ({what})"

    def side(self, position: Position) -> str:
        """Who took a position in the vote, saying whether the data records it or the tally implies it."""
        if self.event.vote is None:
            return ""
        counted = {
            Position.YES: self.event.vote.in_favour,
            Position.AGAINST: self.event.vote.against,
            Position.ABSTAIN: self.event.vote.abstaining,
        }[position]
        recorded = [code for code, taken in self.positions.recorded.items() if taken is position]
        derived = [code for code, taken in self.positions.derived.items() if taken is position]
        parts = []
        if recorded:
            parts.append(f"{_names(recorded)} (recorded)")
        if derived:
            parts.append(f"{_names(derived)} (derived from the tally)")
        unnamed = counted - len(recorded) - len(derived)
        if unnamed > 0:
            parts.append(
                f"{unnamed} {'other' if parts else 'member'}{'s' if unnamed != 1 else ''} not named in the data"
            )
        return "; ".join(parts) or "none"


def _names(codes: list[str]) -> str:
    ordered = sorted(codes, key=lambda code: (code not in members.PERMANENT, members.member_name(code)))
    return ", ".join(members.member_name(code) for code in ordered)


def _settings(regime: Regime, event: Event) -> tuple[Setting, ...]:
    found = []
    before_effect = event.in_effect - dt.timedelta(days=1)
    before_vote = event.date - dt.timedelta(days=1)
    for key, value in event.sets.items():
        effect = "ended" if value in (TERMINATED, TRANSFERRED) else "suspended" if value == SUSPENDED else "set"
        found.append(Setting(regime.mandates[key], effect, mandate_status(regime, key, before_effect), value))
    for key, value in event.would_have_set.items():
        found.append(Setting(regime.mandates[key], "would have set", mandate_status(regime, key, before_vote), value))
    for key in event.lapses:
        found.append(Setting(regime.mandates[key], "lapsed", mandate_status(regime, key, before_vote), None))
    return tuple(found)


def _decision(regime: Regime, event: Event) -> Decision:
    failed = None
    if event.kind.is_failed:
        failed = next((d for d in failed_drafts([regime]) if d.event is event), None)
    return Decision(regime, event, positions(event), _settings(regime, event), failed)


def _recorded_symbols(regimes: list[Regime]) -> list[str]:
    symbols = {s for r in regimes for e in r.events for s in (e.document, e.meeting, e.press_release) if s}
    return sorted(symbols)


def _nearest(target: Target, symbols: list[str]) -> list[str]:
    """The recorded symbols closest to a target: for a resolution, the nearest numbers."""
    if target.number is None:
        return difflib.get_close_matches(target.symbol, symbols, n=3)
    numbered = [(abs(int(m[1]) - int(target.number)), s) for s in symbols if (m := RESOLUTION.fullmatch(s))]
    return [symbol for _, symbol in sorted(numbered)[:3]]


def show(regimes: list[Regime], typed: str) -> list[Decision]:
    """Every event any regime records for the decision a user names, oldest first.

    A resolution is named by its number (with or without its year and `S/RES/`), any other decision
    by its symbol: a draft's, a meeting record's or a press release's. Raises UsageError (exit 2)
    for text that names no decision, and for a decision no regime file records.
    """
    target = parse_target(typed)
    if target is None:
        close = difflib.get_close_matches(" ".join(typed.split()).upper(), _recorded_symbols(regimes), n=3)
        hint = f": did you mean {', '.join(close)}?" if close else ""
        raise UsageError(
            f"unknown target '{typed}' — not a resolution number or a UN symbol"
            f" (2745, S/RES/2745 (2024), S/2023/638, S/PV.9408, SC/15648){hint}"
        )
    found = [(r, e) for r in regimes for e in r.events if target.matches(e)]
    # A lapse is filed under the decision whose term ran out; it is shown only when asked for by itself.
    decided = [(r, e) for r, e in found if e.kind is not Kind.LAPSED]
    found = decided or found
    if not found:
        close = _nearest(target, _recorded_symbols(regimes))
        hint = f"; the nearest recorded: {', '.join(close)}" if close else ""
        raise UsageError(f"no regime file records {target.symbol}{hint}")
    found.sort(key=lambda pair: (pair[1].date, pair[0].id))
    return [_decision(regime, event) for regime, event in found]


def describe(decision: Decision) -> list[tuple[str, str]]:
    """The fields of a decision as `show` prints them, label and value, in order (every text format shares them)."""
    event = decision.event
    lines = [("Regime", f"{decision.regime.id} — {decision.regime.name}"), ("Date", event.date.isoformat())]
    if event.effective is not None:
        lines.append(("In effect", event.effective.isoformat()))
    lines.append(("Kind", event.kind.value))
    lines += [
        (label, value) for label, value in (("Meeting", event.meeting), ("Press release", event.press_release)) if value
    ]
    if event.penholders:
        lines.append(("Penholders", _names(list(event.penholders))))
    if event.vote is not None:
        lines.append(("Vote", f"{event.vote} (in favour, against, abstaining)"))
        lines.append(("Against", decision.side(Position.AGAINST)))
        lines.append(("Abstaining", decision.side(Position.ABSTAIN)))
    if event.vetoed_by:
        lines.append(("Vetoed by", _names(list(event.vetoed_by))))
    for setting in decision.settings:
        change = f"was {setting.was}" if setting.effect == "lapsed" else f"{setting.was} → {setting.becomes}"
        lines.append((setting.effect.capitalize(), f"{setting.mandate.name} ({setting.mandate.key}): {change}"))
    if decision.failed is not None:
        followed = [str(c) for c in decision.failed.consequences]
        followed += [follow_up(event, later) for later in decision.failed.followed_by]
        lines += [("What followed", line) for line in followed or ["no mandate expiry at stake"]]
    if event.dispute:
        lines.append(("Disputed", event.dispute))
    if event.sourcing is Sourcing.SECONDARY:
        lines.append(("Sourcing", "secondary sources only (no UN or Security Council Report source)"))
    return lines
