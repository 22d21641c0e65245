"""Narrower copies of a regime for commands that need less of it: less to cache, load and hold."""

from __future__ import annotations

from dataclasses import replace
from enum import StrEnum

from sanctions.dataset.model import Event, Kind, Regime


class View(StrEnum):
    """How much of a regime a command needs."""

    FULL = "full"  # everything: JSON, exports, votes, vetoes
    BRIEF = "brief"  # every event, without prose, penholders, per-member votes and all but one source: timeline tables
    MANDATES = "mandates"  # only the events that shape a mandate: expiry, regimes, chart


def _brief(event: Event) -> Event:
    # One source, of the event's best kind, keeps `Event.sourcing` (the table's † marker) unchanged.
    return replace(event, summary="", notes="", sources=event.deciding_source, votes={}, penholders=(), where=None)


def _shapes_a_mandate(event: Event) -> bool:
    return bool(event.sets or event.lapses or event.would_have_set) or event.kind in (
        Kind.ESTABLISHED,
        Kind.VETO,
        Kind.FAILED_DRAFT,
    )


def narrow(regime: Regime, view: View) -> Regime:
    """The regime as a command with this view needs it."""
    if view is View.FULL:
        return regime
    events = regime.events if view is View.BRIEF else tuple(e for e in regime.events if _shapes_a_mandate(e))
    return replace(regime, events=tuple(_brief(e) for e in events))
