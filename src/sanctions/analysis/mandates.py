"""Where each mandate stands on a date: in force, expiring, lapsed, ended by a veto."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import StrEnum

from sanctions.dataset.dates import later
from sanctions.dataset.model import (
    OPEN_ENDED,
    SUSPENDED,
    TERMINATED,
    TRANSFERRED,
    UNRECORDED,
    Category,
    Event,
    Kind,
    Mandate,
    Regime,
)

DEFAULT_WINDOW_DAYS = 60


class Status(StrEnum):
    """The state of a mandate as of a date."""

    ACTIVE = "active"
    EXPIRING = "expiring"
    OPEN_ENDED = "open-ended"
    LAPSED = "lapsed"
    TERMINATED = "terminated"
    SUSPENDED = "suspended"
    TRANSFERRED = "transferred"
    NOT_ESTABLISHED = "not-established"
    UNVERIFIED = "unverified"

    @property
    def in_force(self) -> bool:
        return self in (Status.ACTIVE, Status.EXPIRING, Status.OPEN_ENDED)


@dataclass(frozen=True)
class MandateStatus:
    """One mandate of one regime as of a date, with the decisions that explain it."""

    regime: Regime
    mandate: Mandate
    status: Status
    as_of: dt.date
    expires: dt.date | None = None
    set_by: Event | None = None
    ended_by: Event | None = None
    pending: Event | None = None  # adopted by the as-of date, in effect only later

    @property
    def dispute(self) -> str:
        """Who contests the decision that set this status, when the data records a dispute."""
        return self.set_by.dispute if self.set_by is not None else ""

    @property
    def derived(self) -> str:
        """How the expiry follows from a term the decision stated as a duration; empty when stated as a date."""
        if self.expires is None or self.set_by is None:
            return ""
        return self.set_by.derived.get(self.mandate.key, "")

    @property
    def days_left(self) -> int | None:
        """Days from the as-of date to the last day in force; None when not counting down."""
        if self.expires is None or not self.status.in_force:
            return None
        return (self.expires - self.as_of).days


def _blocking_draft(regime: Regime, key: str, after: dt.date, as_of: dt.date) -> Event | None:
    """The failed draft that would have renewed the mandate, a veto before a mere failure."""
    drafts = [e for e in regime.events if e.kind.is_failed and key in e.would_have_set and after <= e.date <= as_of]
    drafts.sort(key=lambda e: (e.kind is Kind.VETO, e.date))
    return drafts[-1] if drafts else None


def mandate_status(regime: Regime, key: str, as_of: dt.date, horizon: dt.date | None = None) -> MandateStatus:
    """The status of one mandate on `as_of`; expiries up to `horizon` count as expiring."""
    status = _status(regime, key, as_of, horizon)
    pending = max(
        (e for e in regime.events if key in e.sets and e.date <= as_of < e.in_effect),
        key=lambda e: (e.in_effect, e.date),
        default=None,
    )
    return status if pending is None else replace(status, pending=pending)


def _status(regime: Regime, key: str, as_of: dt.date, horizon: dt.date | None) -> MandateStatus:
    mandate = regime.mandates[key]
    if horizon is None:
        horizon = later(as_of, dt.timedelta(days=DEFAULT_WINDOW_DAYS))
    # A decision counts from the day it takes effect, which may come after its adoption.
    set_by = max(
        (e for e in regime.events if key in e.sets and e.in_effect <= as_of),
        key=lambda e: (e.in_effect, e.date),
        default=None,
    )
    if set_by is None:
        return MandateStatus(regime, mandate, Status.NOT_ESTABLISHED, as_of)
    expiry = set_by.sets[key]
    if expiry == TERMINATED:
        return MandateStatus(regime, mandate, Status.TERMINATED, as_of, set_by=set_by, ended_by=set_by)
    if expiry == SUSPENDED:
        return MandateStatus(regime, mandate, Status.SUSPENDED, as_of, set_by=set_by)
    if expiry == TRANSFERRED:
        return MandateStatus(regime, mandate, Status.TRANSFERRED, as_of, set_by=set_by, ended_by=set_by)
    if expiry == UNRECORDED:
        # In force on the decision's word, with no end date on record: known to hold only as far as
        # the data was checked.
        status = Status.ACTIVE if as_of <= regime.verified else Status.UNVERIFIED
        return MandateStatus(regime, mandate, status, as_of, set_by=set_by)
    if expiry == OPEN_ENDED or not isinstance(expiry, dt.date):
        return MandateStatus(regime, mandate, Status.OPEN_ENDED, as_of, set_by=set_by)
    ended_by = _blocking_draft(regime, key, set_by.date, as_of)
    if as_of <= expiry:
        status = Status.EXPIRING if expiry <= horizon else Status.ACTIVE
        return MandateStatus(regime, mandate, status, as_of, expiry, set_by, ended_by)
    recorded_lapse = any(key in e.lapses and set_by.date <= e.date < as_of for e in regime.events)
    # Data that stops describing a mandate is not evidence that it lapsed.
    status = Status.LAPSED if recorded_lapse or regime.verified > expiry else Status.UNVERIFIED
    return MandateStatus(regime, mandate, status, as_of, expiry, set_by, ended_by)


def regime_statuses(regime: Regime, as_of: dt.date, horizon: dt.date | None = None) -> list[MandateStatus]:
    """Every mandate of a regime as of a date, in the order the file declares them."""
    return [mandate_status(regime, key, as_of, horizon) for key in regime.mandates]


@dataclass(frozen=True)
class RegimeSummary:
    """A regime at a glance: is anything in force, and what runs out next."""

    regime: Regime
    as_of: dt.date
    status: str
    next_expiry: MandateStatus | None
    mandates: list[MandateStatus]


def summarise(regime: Regime, as_of: dt.date) -> RegimeSummary:
    """Whether a regime has any mandate in force on a date, and which expires next."""
    statuses = regime_statuses(regime, as_of)
    if any(s.status.in_force for s in statuses):
        status = "in force"
    elif any(s.status is Status.SUSPENDED for s in statuses):
        status = "suspended"
    elif any(s.status is Status.UNVERIFIED for s in statuses):
        status = "unverified"
    elif all(s.status is Status.NOT_ESTABLISHED for s in statuses):
        status = "not established"
    else:
        status = "ended"
    running = [s for s in statuses if s.status.in_force and s.expires is not None]
    next_expiry = min(running, key=lambda s: s.expires or dt.date.max, default=None)
    return RegimeSummary(regime, as_of, status, next_expiry, statuses)


class Scope(StrEnum):
    """Which regimes a listing shows: those ongoing on the as-of date (the default), ended, or all."""

    ONGOING = "ongoing"
    ENDED = "ended"
    ALL = "all"


#: A regime is ongoing while anything of it is in force or suspended, or its data stops without an end.
ONGOING = frozenset({"in force", "suspended", "unverified"})


def in_scope(summaries: list[RegimeSummary], scope: Scope) -> list[RegimeSummary]:
    """The regimes a listing shows: ongoing (not yet established counts as neither), ended, or all."""
    if scope is Scope.ALL:
        return summaries
    if scope is Scope.ONGOING:
        return [summary for summary in summaries if summary.status in ONGOING]
    return [summary for summary in summaries if summary.status == "ended"]


def charted_dates(regime: Regime) -> list[dt.date]:
    """The days of the events a chart draws in a lane, that set, would have set or lapse a mandate (a veto
    that set nothing, Iran's of 1980, has no mark); every event's when none does."""
    drawn = [e.date for e in regime.events if e.sets or e.would_have_set or e.lapses]
    return drawn or [e.date for e in regime.events]


def drafted_for(regime: Regime, event: Event, key: str) -> bool:
    """Whether a vetoed or failed draft belongs on mandate `key`'s lane of a chart: a draft marks the
    mandates it would have set; one that would have set none (new measures, DPRK 2022) marks the
    regime's measures, or its first mandate if it declares no measures."""
    if event.would_have_set:
        return key in event.would_have_set
    measures = [k for k, mandate in regime.mandates.items() if mandate.category is Category.MEASURES]
    return key in (measures or list(regime.mandates)[:1])


_ORDER = {
    Status.EXPIRING: 0,
    Status.ACTIVE: 1,
    Status.UNVERIFIED: 2,
    Status.SUSPENDED: 3,
    Status.LAPSED: 4,
    Status.TERMINATED: 5,
    Status.TRANSFERRED: 6,
    Status.OPEN_ENDED: 7,
    Status.NOT_ESTABLISHED: 8,
}


def expiries(regimes: list[Regime], as_of: dt.date, horizon: dt.date) -> list[MandateStatus]:
    """Every mandate of every regime as of a date, soonest expiry first, then by status."""
    statuses = [status for regime in regimes for status in regime_statuses(regime, as_of, horizon)]
    return sorted(
        statuses,
        key=lambda s: (
            not s.status.in_force or s.expires is None,
            s.expires or dt.date.max,
            _ORDER[s.status],
            s.regime.id,
            s.mandate.key,
        ),
    )


def in_window(statuses: list[MandateStatus]) -> list[MandateStatus]:
    """The mandates in force whose expiry falls from the as-of date to the horizon they were judged
    against (both included): what `expiry --within` and `--until` list."""
    return [status for status in statuses if status.status is Status.EXPIRING]


def needs_alert(statuses: list[MandateStatus]) -> bool:
    """True when any mandate runs out inside the window: what --check exits 3 for."""
    return any(status.status is Status.EXPIRING for status in statuses)


@dataclass(frozen=True)
class Period:
    """One stretch of a mandate, from the decision that set it to the expiry it set."""

    start: dt.date
    end: dt.date | None  # None: open-ended or not recorded
    set_by: Event
    suspended: bool = False  # a stretch the measures were suspended, from a suspension to what lifted it


def periods(regime: Regime, key: str, until: dt.date | None = None) -> list[Period]:
    """The successive periods of a mandate, as its decisions set them, from the day each took effect;
    with `until`, as the decisions in effect by that day set them."""
    last = until or dt.date.max
    decisions = sorted(
        (e for e in regime.events if key in e.sets and e.in_effect <= last), key=lambda e: (e.in_effect, e.date)
    )
    result: list[Period] = []
    for event in decisions:
        expiry, start = event.sets[key], event.in_effect
        if expiry in (TERMINATED, TRANSFERRED, SUSPENDED):
            if result and (result[-1].end is None or result[-1].end > start):
                result[-1] = Period(result[-1].start, start, result[-1].set_by, result[-1].suspended)
            if expiry != SUSPENDED:
                continue
        result.append(Period(start, expiry if isinstance(expiry, dt.date) else None, event, expiry == SUSPENDED))
    for i, period in enumerate(result[:-1]):
        if period.end is None:  # an unrecorded term, or a suspension, runs until the next decision
            result[i] = Period(period.start, result[i + 1].start, period.set_by, period.suspended)
    return result
