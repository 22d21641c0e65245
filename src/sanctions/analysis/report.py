"""Everything an export shows about one regime, computed once for every format."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sanctions.analysis.mandates import MandateStatus, Period, periods, regime_statuses
from sanctions.analysis.timeline import select_events
from sanctions.analysis.vetoes import FailedDraft, failed_drafts
from sanctions.dataset.model import Event, Regime


@dataclass(frozen=True)
class Report:
    """A regime as of a date: its selected events, mandate statuses, failed drafts and mandate periods."""

    regime: Regime
    as_of: dt.date
    events: list[Event]
    statuses: list[MandateStatus]
    drafts: list[FailedDraft]
    periods: dict[str, list[Period]]

    @property
    def complete(self) -> bool:
        """True when no event was filtered out."""
        return len(self.events) == len(self.regime.events)


def build_report(regime: Regime, as_of: dt.date, since: dt.date | None = None, until: dt.date | None = None) -> Report:
    """The report on a regime, with events limited to `since`..`until` when given."""
    events = select_events(regime, since, until)
    chosen = {id(e) for e in events}
    drafts = [d for d in failed_drafts([regime]) if id(d.event) in chosen]
    return Report(
        regime=regime,
        as_of=as_of,
        events=events,
        statuses=regime_statuses(regime, as_of),
        drafts=drafts,
        # As known on the as-of date: a later decision neither cuts nor extends a period.
        periods={key: periods(regime, key, until=as_of) for key in regime.mandates},
    )
