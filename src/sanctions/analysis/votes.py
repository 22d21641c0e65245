"""Recorded votes of a regime, each member's position in them, recorded or derived from the tally."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from sanctions.council.members import by_seat_then_votes
from sanctions.council.seats import members_on
from sanctions.dataset.model import Event, Position, Regime

#: The positions a tally counts; a member it leaves out did not vote, for a reason it does not give.
_COUNTED = (Position.YES, Position.AGAINST, Position.ABSTAIN)


@dataclass(frozen=True)
class Positions:
    """Each member's position on one vote: those a source gives, and those the tally leaves no doubt about."""

    recorded: dict[str, Position]
    derived: dict[str, Position] = field(default_factory=dict)

    def __getitem__(self, member: str) -> Position:
        return self.recorded.get(member) or self.derived[member]

    def __contains__(self, member: object) -> bool:
        return member in self.recorded or member in self.derived

    def is_derived(self, member: str) -> bool:
        return member in self.derived and member not in self.recorded

    def items(self) -> list[tuple[str, Position]]:
        """Recorded positions first, then derived ones."""
        return [*self.recorded.items(), *self.derived.items()]


def derived_positions(event: Event) -> dict[str, Position]:
    """Positions of the members a source does not name, where the tally leaves only one possibility.

    The tally counts each position; what the named members account for is taken off, and if what
    remains is one position counted exactly as many times as there are members of that day's
    Council left unnamed, each of them took it. So a 15-0-0 adoption with nobody named is a "yes"
    from all fifteen, and a 13-1-1 veto naming the member against and the one abstaining is a
    "yes" from the thirteen others. Nothing is derived when the day's membership is not known, when
    a named member did not sit on the Council that day, when the named positions exceed the tally,
    or when the members left out could have voted in more than one way or not at all (a 14-0-0
    adoption with one member not voting: who did not vote is not known).
    """
    if event.vote is None:
        return {}
    members = members_on(event.date)
    if members is None or not members.issuperset(event.votes):
        return {}
    named = Counter(event.votes.values())
    tally = {Position.YES: event.vote.in_favour, Position.AGAINST: event.vote.against}
    tally[Position.ABSTAIN] = event.vote.abstaining
    left = {position: tally[position] - named[position] for position in _COUNTED}
    unnamed = sorted(members.difference(event.votes))
    if not unnamed or any(count < 0 for count in left.values()):
        return {}
    remaining = [position for position, count in left.items() if count]
    if len(remaining) != 1 or left[remaining[0]] != len(unnamed):
        return {}
    return dict.fromkeys(unnamed, remaining[0])


def positions(event: Event) -> Positions:
    """Every member's known position on an event's vote."""
    return Positions(dict(event.votes), derived_positions(event))


def recorded_votes(
    regime: Regime, member: str | None = None, since: dt.date | None = None, until: dt.date | None = None
) -> list[Event]:
    """The regime's events with a vote from `since` to `until` (both inclusive); with `member`, those
    where that member's position is known."""
    return [
        e
        for e in regime.events
        if e.vote is not None
        and (member is None or member in positions(e))
        and (since is None or e.date >= since)
        and (until is None or e.date <= until)
    ]


@dataclass(frozen=True)
class MemberTotals:
    """How one member voted across the regime's votes, and how many of those positions were derived."""

    member: str
    positions: Counter[Position]
    derived: Counter[Position] = field(default_factory=Counter)


def member_totals(events: list[Event]) -> list[MemberTotals]:
    """Per-member counts of each position, derived ones included and counted apart: the permanent members
    first, then the others by how many votes they cast, most first."""
    totals: dict[str, MemberTotals] = {}
    for event in events:
        known = positions(event)
        for code, position in known.items():
            row = totals.setdefault(code, MemberTotals(code, Counter(), Counter()))
            row.positions[position] += 1
            if known.is_derived(code):
                row.derived[position] += 1
    order = by_seat_then_votes([(code, row.positions.total()) for code, row in totals.items()])
    return [totals[code] for code in order]
