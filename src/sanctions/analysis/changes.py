"""What changed between two dates: the decisions taken in the window and the mandates whose status moved."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sanctions.analysis.mandates import MandateStatus, Status, mandate_status
from sanctions.council.members import member_name
from sanctions.dataset.model import OPEN_ENDED, UNRECORDED, Event, Kind, Mandate, Regime

#: The events `changes` lists: what the Council or its committee decided or failed to decide, and
#: the lapses those decisions led to. Reports (documents the Council receives) and related events
#: (decisions on something else, such as a peace operation, kept for context) are left out.
DECISION_KINDS = frozenset(
    {
        Kind.ESTABLISHED,
        Kind.RENEWED,
        Kind.MODIFIED,
        Kind.REINSTATED,
        Kind.TERMINATED,
        Kind.SUSPENDED,
        Kind.VETO,
        Kind.FAILED_DRAFT,
        Kind.LAPSED,
        Kind.DESIGNATION,
        Kind.DELISTING,
    }
)

# The verb for the decision behind a status: "renewed by S/RES/2783 (2025)".
_VERBS = {
    Kind.ESTABLISHED: "established",
    Kind.RENEWED: "renewed",
    Kind.MODIFIED: "set",
    Kind.REINSTATED: "reinstated",
    Kind.TERMINATED: "terminated",
}


def compared_status(status: MandateStatus) -> Status:
    """The status a change is judged on: `expiring` counts as `active`.

    How close an expiry is depends on the alert window, not on anything the Council did, so a
    mandate that merely drew nearer its end has not changed.
    """
    return Status.ACTIVE if status.status is Status.EXPIRING else status.status


def _term(status: MandateStatus) -> str | None:
    """The end of the term in force or last in force: a date, 'no end date', 'not recorded', or None."""
    if status.expires is not None:
        return status.expires.isoformat()
    term = status.set_by.sets.get(status.mandate.key) if status.set_by is not None else None
    if term == OPEN_ENDED:
        return "no end date"
    if term == UNRECORDED:
        return "not recorded"
    return None


# A term in force after none was: "expires 2026-07-31", or one of these.
_FIRST_TERM = {"no end date": "no end date", "not recorded": "expiry not recorded"}


def _has_term(status: Status) -> bool:
    """True for a status that runs to a term: in force, or past it with no data to say what followed."""
    return status.in_force or status is Status.UNVERIFIED


def _standing(status: MandateStatus) -> tuple[object, ...]:
    """What two dates' statuses are compared on."""
    term = _term(status)
    # A renewal for a term no source gives leaves status and expiry alike: the decision is the change.
    renewal = (status.set_by.date, status.set_by.document) if term == "not recorded" and status.set_by else None
    return (compared_status(status), term, status.dispute, renewal)


@dataclass(frozen=True)
class MandateChange:
    """A mandate whose status on the window's last day differs from the day before the window.

    `before` is the status on the day before `since`, `after` the status on `until`. They differ
    when the compared status (see `compared_status`) differs, when the term moved ("expires
    2025-04-30 → 2026-04-30"), when a term no source gives as a date was renewed, or when a dispute
    began or ended. `str()` says how, in one line.
    """

    mandate: Mandate
    before: MandateStatus
    after: MandateStatus

    def __str__(self) -> str:
        before, after = self.before, self.after
        was, now = compared_status(before), compared_status(after)
        parts = [f"{was.value} → {now.value}"]
        old, new = _term(before), _term(after)
        if _has_term(now) and new is not None:
            if _has_term(was) and old is not None and old != new:
                parts.append(f"expires {old} → {new}")
            elif not _has_term(was) or old is None:
                parts.append(_FIRST_TERM.get(new, f"expires {new}"))
            elif now is Status.UNVERIFIED and after.expires is not None:
                parts.append(f"expired {after.expires.isoformat()}")
        if now is Status.LAPSED and after.expires is not None:
            parts.append(f"ran out {after.expires.isoformat()}")
        blocker = after.ended_by
        if now is Status.LAPSED and blocker is not None and blocker.kind.is_failed:
            if blocker.vetoed_by:
                names = ", ".join(member_name(code) for code in blocker.vetoed_by)
                parts.append(f"vetoed {blocker.date.isoformat()} by {names} ({blocker.document})")
            else:
                parts.append(f"draft failed {blocker.date.isoformat()} ({blocker.document})")
        decision = after.set_by
        if decision is not None and decision is not before.set_by and now is not Status.LAPSED:
            parts.append(f"{_VERBS.get(decision.kind, 'set')} by {decision.document}")
        if now is Status.UNVERIFIED and was is not Status.UNVERIFIED:
            parts.append(f"data verified to {after.regime.verified.isoformat()}")
        if after.dispute and after.dispute != before.dispute:
            parts.append(f"disputed: {after.dispute}")
        elif before.dispute and not after.dispute:
            parts.append("no longer disputed")
        return ", ".join(parts)


@dataclass(frozen=True)
class RegimeChanges:
    """One regime's decisions in the window, oldest first, and its mandates whose status changed."""

    regime: Regime
    decisions: tuple[Event, ...]
    mandates: tuple[MandateChange, ...]


@dataclass(frozen=True)
class Changes:
    """Everything that changed from `since` to `until` (both inclusive), regime by regime.

    Statuses are compared on `before`, the day before `since`, and on `until`, so a decision taken
    on `since` itself counts. Only regimes with a decision or a status change are listed.
    """

    since: dt.date
    until: dt.date
    before: dt.date
    regimes: tuple[RegimeChanges, ...]

    @property
    def changed(self) -> bool:
        """True when anything was decided or any mandate's status changed: what --check exits 3 for."""
        return bool(self.regimes)

    @property
    def decision_count(self) -> int:
        return sum(len(regime.decisions) for regime in self.regimes)

    @property
    def mandate_count(self) -> int:
        return sum(len(regime.mandates) for regime in self.regimes)


def regime_changes(regime: Regime, since: dt.date, until: dt.date) -> RegimeChanges:
    """One regime's decisions from `since` to `until` and its mandates whose status differs."""
    before = _day_before(since)
    decisions = tuple(e for e in regime.events if since <= e.date <= until and e.kind in DECISION_KINDS)
    moved = []
    for key, mandate in regime.mandates.items():
        then, now = mandate_status(regime, key, before), mandate_status(regime, key, until)
        if _standing(then) != _standing(now):
            moved.append(MandateChange(mandate, then, now))
    return RegimeChanges(regime, decisions, tuple(moved))


def changes(regimes: list[Regime], since: dt.date, until: dt.date) -> Changes:
    """What changed across `regimes` from `since` to `until`, in the order the regimes are given."""
    found = (regime_changes(regime, since, until) for regime in regimes)
    return Changes(since, until, _day_before(since), tuple(r for r in found if r.decisions or r.mandates))


def _day_before(day: dt.date) -> dt.date:
    # No day comes before the calendar's first; no regime file reaches back that far (1945 on).
    return day - dt.timedelta(days=1) if day > dt.date.min else day
