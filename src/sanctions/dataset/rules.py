"""Consistency rules a whole regime must keep: tallies, vetoes, and mandates that only move forward."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator

from sanctions.council import members
from sanctions.dataset.model import SUSPENDED, TERMINATED, TRANSFERRED, Event, Expiry, Kind, Location, Position, Regime
from sanctions.errors import Problem

_ADOPTED = (Kind.ESTABLISHED, Kind.RENEWED, Kind.MODIFIED, Kind.TERMINATED)
# What may follow a suspension: a further suspension, the measures re-imposed, or their end.
_AFTER_SUSPENSION = (Kind.SUSPENDED, Kind.REINSTATED, Kind.TERMINATED)


def check_regime(regime: Regime) -> list[Problem]:
    """Every rule broken by a regime, in file order."""
    problems = [p for event in regime.events for p in _check_event(regime, event)]
    problems.extend(_check_duplicates(regime))
    problems.extend(_check_proposed(regime))
    problems.extend(_check_mandates(regime))
    return sorted(problems, key=lambda p: (p.where.line, p.where.column))


def _where(regime: Regime, event: Event) -> Location:
    return event.where or regime.where or Location(regime.id, 1, 1)


def _check_event(regime: Regime, event: Event) -> Iterator[Problem]:
    where = _where(regime, event)
    seats = members.council_size(event.date)
    tally = event.vote
    if tally is not None and tally.total > seats:
        yield Problem(
            where, f"vote {tally} adds up to {tally.total}, more than the Council's {seats} members on {event.date}"
        )
    if tally is not None and event.kind in _ADOPTED and event.document.startswith("S/RES/"):
        needed = 9 if seats == 15 else 7
        if tally.in_favour < needed:
            yield Problem(where, f"vote {tally}: an adopted resolution needs at least {needed} votes in favour")
    if len(event.votes) > seats:
        yield Problem(where, f"votes lists {len(event.votes)} members, more than the Council's {seats}")
    if tally is not None and event.votes:
        yield from _check_votes_against_tally(where, event)
    adoption = event.kind not in (Kind.LAPSED, Kind.REPORT)
    if adoption and event.document.startswith("S/RES/") and not event.document.endswith(f"({event.date.year})"):
        yield Problem(where, f"document {event.document} is dated another year than the event ({event.date})")

    if event.kind is Kind.VETO:
        if not event.vetoed_by:
            yield Problem(where, "a veto must name the permanent members who cast it (vetoed_by)")
        if tally is None:
            yield Problem(where, "a veto must record the vote")
    elif event.vetoed_by:
        yield Problem(where, f"vetoed_by belongs on a veto event, not on kind '{event.kind}'")
    for code in event.vetoed_by:
        if code not in members.PERMANENT:
            yield Problem(where, f"vetoed_by: {code} is not a permanent member (CN, FR, GB, RU, US)")
        elif code in event.votes and event.votes[code] is not Position.AGAINST:
            yield Problem(where, f"vetoed_by: {code} voted {event.votes[code]}, not against")
    if tally is not None and len(event.vetoed_by) > tally.against:
        yield Problem(where, f"{len(event.vetoed_by)} vetoing members but only {tally.against} votes against")
    if event.kind is Kind.FAILED_DRAFT and tally is None:
        yield Problem(where, "a failed draft must record the vote")

    if event.kind.is_failed and event.sets:
        yield Problem(where, "a draft that was not adopted sets nothing: use would_have_set")
    if not event.kind.is_failed and event.would_have_set:
        yield Problem(where, "would_have_set is for vetoed or failed drafts: use sets")
    if event.kind is Kind.LAPSED and not event.lapses:
        yield Problem(where, "a lapsed event must name the mandates that lapsed (lapses)")
    if event.kind is not Kind.LAPSED and event.lapses:
        yield Problem(where, f"lapses belongs on a lapsed event, not on kind '{event.kind}'")

    for field_name, keys in (("sets", event.sets), ("would_have_set", event.would_have_set), ("lapses", event.lapses)):
        for key in keys:
            if key not in regime.mandates:
                declared = ", ".join(regime.mandates) or "none"
                yield Problem(
                    where, f"{field_name}: mandate '{key}' is not declared under mandates (declared: {declared})"
                )
    if event.effective is not None and event.effective < event.date:
        yield Problem(where, f"effective: {event.effective} is before the event ({event.date})")
    suspends = [key for key, value in event.sets.items() if value == SUSPENDED]
    if event.kind is Kind.SUSPENDED and (not event.sets or len(suspends) < len(event.sets)):
        yield Problem(where, "a suspended event sets each mandate it names to 'suspended', and names at least one")
    elif event.kind is not Kind.SUSPENDED and suspends:
        yield Problem(where, f"sets '{suspends[0]}' to suspended: that is a suspended event, not kind '{event.kind}'")
    if TRANSFERRED in event.sets.values() and not regime.succeeded_by:
        yield Problem(where, "sets a mandate to transferred: name the regime that carries it on (succeeded_by)")
    if TRANSFERRED in event.would_have_set.values():
        yield Problem(where, "would_have_set: a draft's transfer is told in its summary, not as an expiry")
    if SUSPENDED in event.would_have_set.values():
        yield Problem(where, "would_have_set: a draft's suspension is told in its summary, not as an expiry")
    yield from _check_derived(where, event)
    for label, day in event.deadlines.items():
        if day < event.date:
            yield Problem(where, f"deadlines.{label}: {day} is before the event ({event.date})")
    for field_name, expiries in (("sets", event.sets), ("would_have_set", event.would_have_set)):
        for key, expiry in expiries.items():
            if isinstance(expiry, dt.date) and expiry < event.date:
                yield Problem(where, f"{field_name}.{key}: expiry {expiry} is before the event ({event.date})")


#: How a `derived` note opens: the stated term and the day it runs from, "13 months from 2009-11-17".
DERIVATION = re.compile(r"(\d{1,4}) (day|month|year)s? from (\d{4}-\d{2}-\d{2})\b")


def derived_date(text: str) -> dt.date | None:
    """The last day a term stated as a duration gives: its start plus the duration, as the Council's
    own dates read (twelve months from 17 February 2026 is 17 February 2027); None if `text` does not
    open with a duration and a start.

    >>> derived_date("13 months from 2009-11-17, the day of adoption (paragraph 3)")
    datetime.date(2010, 12, 17)
    """
    from dateutil.relativedelta import relativedelta

    match = DERIVATION.match(text)
    if match is None:
        return None
    count, unit = int(match[1]), match[2]
    step = {"day": relativedelta(days=count), "month": relativedelta(months=count), "year": relativedelta(years=count)}
    try:
        start: dt.date = dt.date.fromisoformat(match[3])
        return start + step[unit]
    except (ValueError, OverflowError):
        return None


def _check_derived(where: Location, event: Event) -> Iterator[Problem]:
    """Each derived date names a mandate the event dates, and is its stated term counted from its start."""
    for key, text in event.derived.items():
        expiry = event.sets.get(key, event.would_have_set.get(key))
        if not isinstance(expiry, dt.date):
            yield Problem(where, f"derived.{key}: the event sets no date for '{key}' to derive")
            continue
        day = derived_date(text)
        if day is None:
            example = "like '13 months from 2009-11-17, the day of adoption'"
            yield Problem(where, f"derived.{key}: start with the stated term and the day it runs from, {example}")
        elif day != expiry:
            term = DERIVATION.match(text)
            yield Problem(where, f"derived.{key}: {term[0] if term else text} is {day}, not {expiry}")


def _check_votes_against_tally(where: Location, event: Event) -> Iterator[Problem]:
    assert event.vote is not None
    counted = Counter(event.votes.values())
    expected = {
        Position.YES: event.vote.in_favour,
        Position.AGAINST: event.vote.against,
        Position.ABSTAIN: event.vote.abstaining,
    }
    complete = len(event.votes) == members.council_size(event.date)
    for position, count in expected.items():
        if counted[position] > count or (complete and counted[position] != count):
            yield Problem(where, f"votes list {counted[position]} '{position}' but the tally {event.vote} has {count}")


def _check_proposed(regime: Regime) -> Iterator[Problem]:
    """A regime never established (no `established_by`) holds no decision that set a mandate."""
    if regime.established_by:
        return
    for event in regime.events:
        if event.sets or event.kind in (Kind.ESTABLISHED, Kind.RENEWED, Kind.REINSTATED, Kind.SUSPENDED):
            yield Problem(
                _where(regime, event),
                f"{event.kind} {event.document}: a regime that sets mandates names the resolution that "
                "established it (established_by)",
            )


def _check_duplicates(regime: Regime) -> Iterator[Problem]:
    seen: set[tuple[dt.date, Kind, str]] = set()
    for event in regime.events:
        key = (event.date, event.kind, event.document)
        if key in seen:
            yield Problem(_where(regime, event), f"duplicate event: {event.kind} {event.document} on {event.date}")
        seen.add(key)


def _check_mandates(regime: Regime) -> Iterator[Problem]:
    """Follow each mandate through time: renewals move forward, nothing revives an ended mandate."""
    for key in regime.mandates:
        in_force: Expiry | None = None
        ended = False
        for event in sorted(regime.events, key=lambda e: e.in_effect):
            where = _where(regime, event)
            if key in event.lapses:
                if not isinstance(in_force, dt.date) or in_force != event.date:
                    yield Problem(where, f"lapses: '{key}' was in force until {in_force}, not {event.date}")
                ended = True
            if key not in event.sets:
                continue
            new = event.sets[key]
            if event.kind is Kind.RENEWED and (in_force is None or ended or in_force == TERMINATED):
                yield Problem(where, f"renews '{key}', which is not in force (record an established event first)")
            if in_force == SUSPENDED and not ended and event.kind not in _AFTER_SUSPENSION:
                lift = "lift a suspension with a reinstated or terminated event"
                yield Problem(where, f"sets '{key}' while it is suspended: {lift}")
            if new == SUSPENDED and (in_force is None or ended):
                yield Problem(where, f"suspends '{key}', which is not in force")
            if (
                event.kind is Kind.RENEWED
                and isinstance(in_force, dt.date)
                and isinstance(new, dt.date)
                and new < in_force
            ):
                yield Problem(where, f"renewal moves the expiry of '{key}' back from {in_force} to {new}")
            if ended and event.kind not in (Kind.ESTABLISHED, Kind.REINSTATED):
                yield Problem(
                    where, f"sets '{key}' after it ended: re-creating a mandate is an established or reinstated event"
                )
            in_force = new
            ended = new in (TERMINATED, TRANSFERRED)


def late_renewals(regime: Regime) -> Iterator[Problem]:
    """Warnings for renewals adopted after the term they renew had run out, with no lapse recorded.

    The Council sometimes does adopt a renewal a day late (the Taliban Monitoring Team's, by written
    procedure, on 18 December 2020), but more often such a pair of dates is a typing mistake or a
    missing event: `validate` shows it, and the file still loads.
    """
    for key in regime.mandates:
        in_force: Expiry | None = None
        for event in regime.events:
            if key in event.lapses:
                in_force = None
            if key not in event.sets:
                continue
            if event.kind is Kind.RENEWED and isinstance(in_force, dt.date) and event.date > in_force:
                yield Problem(
                    _where(regime, event),
                    f"renews '{key}' on {event.date}, after its term ran out on {in_force}, and no lapse is "
                    "recorded: check both dates, or record the lapse",
                    warning=True,
                )
            in_force = event.sets[key]
