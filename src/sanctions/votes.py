"""Recorded votes of a regime and each member's positions across them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sanctions.model import Event, Position, Regime


@dataclass(frozen=True)
class MemberTotals:
    """How one member voted across the regime's recorded votes."""

    member: str
    positions: Counter[Position]


def recorded_votes(regime: Regime, member: str | None = None) -> list[Event]:
    """The regime's events with a vote; with `member`, those where that member's position is known."""
    return [e for e in regime.events if e.vote is not None and (member is None or member in e.votes)]


def member_totals(events: list[Event]) -> list[MemberTotals]:
    """Per-member counts of each position, members in code order."""
    totals: dict[str, Counter[Position]] = {}
    for event in events:
        for code, position in event.votes.items():
            totals.setdefault(code, Counter())[position] += 1
    return [MemberTotals(code, totals[code]) for code in sorted(totals)]
