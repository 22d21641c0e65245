"""A regime's history, filtered by date range and kind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from sanctions.dataset.model import Event, Kind, Regime


def select_events(
    regime: Regime,
    since: dt.date | None = None,
    until: dt.date | None = None,
    kinds: Collection[Kind] = (),
) -> list[Event]:
    """The regime's events from `since` to `until` (both inclusive) of the given kinds, oldest first."""
    return [
        event
        for event in regime.events
        if (since is None or event.date >= since)
        and (until is None or event.date <= until)
        and (not kinds or event.kind in kinds)
    ]
