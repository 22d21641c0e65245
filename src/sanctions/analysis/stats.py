"""Figures over many regimes: the Council's consensus on sanctions, members' votes, renewals, regimes in force.

Every function takes the regimes (and any date it needs) explicitly and returns plain records:
frozen dataclasses of numbers, strings and dates, one per row, that `pandas.DataFrame(rows)` takes
as they are. The definitions are those of docs/stats.md.

>>> import sanctions
>>> catalogue = sanctions.load()
>>> sixties = next(row for row in consensus(catalogue.regimes, by="decade") if row.period == "1960s")
>>> sixties.adopted, sixties.unanimous, sixties.share_unanimous
(2, 1, 0.5)
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from sanctions.analysis.mandates import periods
from sanctions.analysis.vetoes import failed_drafts
from sanctions.analysis.votes import positions
from sanctions.council.members import PERMANENT
from sanctions.dataset.model import OPEN_ENDED, SUSPENDED, TERMINATED, TRANSFERRED, Event, Kind, Regime, Tally

#: The kinds of event a sanctions decision is recorded as (never `related`, `report` or `lapsed`).
DECISION_KINDS = frozenset(
    {
        Kind.ESTABLISHED,
        Kind.RENEWED,
        Kind.MODIFIED,
        Kind.SUSPENDED,
        Kind.REINSTATED,
        Kind.TERMINATED,
        Kind.DESIGNATION,
    }
)

#: A renewal is a technical rollover when it extends every dated term it renews by at most this much.
#: The data has no extension between 75 and 123 days: three months falls in the gap.
ROLLOVER_DAYS = 92

#: The first year the `regimes` curve counts: the first sanctions regime, Southern Rhodesia's.
FIRST_YEAR = 1966

Period = Literal["year", "decade"]
_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Decision:
    """One sanctions decision: a resolution, counted once however many regimes record it."""

    document: str
    date: dt.date
    kinds: tuple[str, ...]  # every kind the regimes record it as, e.g. ("established", "terminated")
    regimes: tuple[str, ...]
    vote: Tally | None  # None: no tally on record (adopted without a vote, or not yet found)
    event: Event  # the record with the tally, when one regime's has it

    @property
    def unanimous(self) -> bool | None:
        """No vote against and no abstention; None when no tally is recorded."""
        if self.vote is None:
            return None
        return self.vote.against == 0 and self.vote.abstaining == 0


@dataclass(frozen=True)
class Draft:
    """A sanctions draft the Council did not adopt, counted once however many regimes record it."""

    document: str
    date: dt.date
    vetoed: bool
    vetoed_by: tuple[str, ...]
    regimes: tuple[str, ...]
    ended_mandate: bool  # a mandate it would have renewed lapsed after it


def _within(day: dt.date, since: dt.date | None, until: dt.date | None) -> bool:
    return (since is None or day >= since) and (until is None or day <= until)


def decisions(regimes: Iterable[Regime], since: dt.date | None = None, until: dt.date | None = None) -> list[Decision]:
    """Every sanctions decision of the regimes from `since` to `until`, oldest first.

    >>> import sanctions
    >>> first = decisions(sanctions.load().regimes)[0]
    >>> first.document, first.kinds, str(first.vote)
    ('S/RES/232 (1966)', ('established',), '11-0-4')
    """
    found: dict[str, list[tuple[Regime, Event]]] = {}
    for regime in regimes:
        for event in regime.events:
            if event.kind in DECISION_KINDS and event.instrument == "resolution" and _within(event.date, since, until):
                found.setdefault(event.document, []).append((regime, event))
    rows = []
    for document, records in found.items():
        event = next((e for _, e in records if e.vote is not None), records[0][1])
        rows.append(
            Decision(
                document,
                event.date,
                tuple(dict.fromkeys(e.kind.value for _, e in records)),
                tuple(dict.fromkeys(r.id for r, _ in records)),
                event.vote,
                event,
            )
        )
    return sorted(rows, key=lambda row: (row.date, row.document))


def drafts(regimes: Iterable[Regime], since: dt.date | None = None, until: dt.date | None = None) -> list[Draft]:
    """Every vetoed or failed sanctions draft from `since` to `until`, oldest first, each counted once."""
    found: dict[tuple[dt.date, str], list[Draft]] = {}
    for failed in failed_drafts(list(regimes), since=since, until=until):
        event = failed.event
        row = Draft(
            event.document,
            event.date,
            event.kind is Kind.VETO,
            event.vetoed_by,
            (failed.regime.id,),
            bool(failed.ended),
        )
        found.setdefault((event.date, event.document), []).append(row)
    rows = []
    for (day, document), same in found.items():
        first = same[0]
        rows.append(
            Draft(
                document,
                day,
                first.vetoed,
                first.vetoed_by,
                tuple(dict.fromkeys(r for row in same for r in row.regimes)),
                any(row.ended_mandate for row in same),
            )
        )
    return sorted(rows, key=lambda row: (row.date, row.document))


def decade_of(day: dt.date) -> str:
    """The decade a day falls in, as people write it.

    >>> decade_of(dt.date(1994, 5, 17))
    '1990s'
    """
    return f"{day.year // 10 * 10}s"


def _period(day: dt.date, by: Period) -> str:
    return decade_of(day) if by == "decade" else str(day.year)


@dataclass(frozen=True)
class Consensus:
    """The sanctions decisions of one year or decade, how many were unanimous, and the drafts that failed."""

    period: str  # "1994" or "1990s"
    decisions: int  # every sanctions decision adopted
    adopted: int  # adopted by a vote whose tally is recorded
    unanimous: int  # of those, with no vote against and no abstention
    share_unanimous: float | None  # unanimous / adopted; None when no tally is recorded
    mean_abstentions: float | None  # abstentions per decision adopted by a recorded vote
    no_tally: int  # decisions with no tally on record: never counted as unanimous
    failed: int  # drafts that failed without a veto
    vetoed: int  # drafts vetoed


def consensus(
    regimes: Iterable[Regime], by: Period = "decade", since: dt.date | None = None, until: dt.date | None = None
) -> list[Consensus]:
    """Per year or decade: sanctions decisions, those adopted by recorded vote, unanimous, failed and vetoed drafts.

    >>> import sanctions
    >>> share = {row.period: row.share_unanimous for row in consensus(sanctions.load().regimes, by="decade")}
    >>> share["2000s"] > share["2010s"] > share["2020s"]
    True
    """
    regimes = list(regimes)
    adopted = decisions(regimes, since, until)
    failed = drafts(regimes, since, until)
    periods_ = sorted({_period(d.date, by) for d in adopted} | {_period(d.date, by) for d in failed})
    rows = []
    for period in periods_:
        chosen = [d for d in adopted if _period(d.date, by) == period]
        voted = [d for d in chosen if d.vote is not None]
        unanimous = sum(1 for d in voted if d.unanimous)
        abstentions = sum(d.vote.abstaining for d in voted if d.vote is not None)
        not_adopted = [d for d in failed if _period(d.date, by) == period]
        rows.append(
            Consensus(
                period,
                len(chosen),
                len(voted),
                unanimous,
                round(unanimous / len(voted), 4) if voted else None,
                round(abstentions / len(voted), 2) if voted else None,
                len(chosen) - len(voted),
                sum(1 for d in not_adopted if not d.vetoed),
                sum(1 for d in not_adopted if d.vetoed),
            )
        )
    return rows


@dataclass(frozen=True)
class MemberVotes:
    """One Council member's positions on the sanctions decisions of one decade, and its vetoes.

    Recorded positions are those a source names; derived ones those the tally leaves no doubt
    about (see sanctions.analysis.votes). They are counted apart and never added up here.
    """

    member: str  # ISO 3166 alpha-2 code, as the data records it (sanctions.council.members.member_name names it)
    permanent: bool
    decade: str
    yes: int
    against: int
    abstain: int
    absent: int
    derived_yes: int
    derived_against: int
    derived_abstain: int
    vetoes: int  # sanctions drafts it vetoed
    vetoes_ended_mandate: int  # of those, drafts after which a mandate they would have renewed lapsed


#: MemberVotes' counts, in field order, by the key `members` counts them under.
_COUNTED_FIELDS = (
    "yes",
    "against",
    "abstain",
    "absent",
    "derived_yes",
    "derived_against",
    "derived_abstain",
    "vetoes",
    "vetoes_ended_mandate",
)


def _member_order(code: str) -> tuple[bool, str]:
    return (code not in PERMANENT, code)


def members(
    regimes: Iterable[Regime],
    member: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[MemberVotes]:
    """Per member and decade: positions on sanctions decisions (recorded and derived apart) and vetoes cast.

    Permanent members come first, then the others by code; decades oldest first.

    >>> import sanctions
    >>> rows = members(sanctions.load().regimes, member="RU")
    >>> [(row.decade, row.vetoes) for row in rows][-2:]
    [('2010s', 4), ('2020s', 3)]
    """
    regimes = list(regimes)
    # One count per (member, decade, what): a position recorded or derived, a veto, a veto that ended a mandate.
    counts: Counter[tuple[str, str, str]] = Counter()
    for decision in decisions(regimes, since, until):
        decade = decade_of(decision.date)
        known = positions(decision.event)
        for code, position in known.recorded.items():
            counts[code, decade, position.value] += 1
        for code, position in known.derived.items():
            if code not in known.recorded:
                counts[code, decade, f"derived_{position.value}"] += 1
    for draft in drafts(regimes, since, until):
        decade = decade_of(draft.date)
        for code in draft.vetoed_by:
            counts[code, decade, "vetoes"] += 1
            counts[code, decade, "vetoes_ended_mandate"] += draft.ended_mandate
    rows = []
    keys = {(code, decade) for code, decade, _ in counts if member is None or code == member}
    for code, decade in sorted(keys, key=lambda key: (_member_order(key[0]), key[1])):
        rows.append(
            MemberVotes(
                code,
                code in PERMANENT,
                decade,
                *(counts[code, decade, what] for what in _COUNTED_FIELDS),
            )
        )
    return rows


@dataclass(frozen=True)
class Renewals:
    """How one regime's mandates were renewed: how often, how early, how briefly, and when they lapsed."""

    regime: str
    renewals: int  # events recorded as renewals
    rollovers: int  # of those, technical rollovers: every dated term extended by at most ROLLOVER_DAYS
    dated: int  # renewals that replaced a dated expiry: those the median is taken over
    median_days_ahead: float | None  # days from adoption to the expiry it replaced (negative: late)
    lapses: int


@dataclass(frozen=True)
class Lapse:
    """A mandate whose dated term ran out with no decision carrying it on in time, and why."""

    regime: str
    mandate: str
    expired: dt.date  # the last day in force
    cause: str  # "veto", "draft failed", "not renewed", "renewed late"
    draft: str | None  # the vetoed or failed draft that would have renewed it
    vetoed_by: tuple[str, ...]
    resumed: dt.date | None  # when a later decision set the mandate again
    recorded: bool  # the data records the lapse as an event (else it follows from the dates)


def _replaced(setters: dict[str, list[Event]], key: str, renewal: Event) -> dt.date | None:
    """The dated expiry in force for `key` when `renewal` took effect, if any (`setters`: `_setters`' answer)."""
    before = None
    for event in setters.get(key, ()):  # in the order they took effect
        if event.in_effect >= renewal.in_effect:
            break
        before = event
    if before is None:
        return None
    expiry = before.sets[key]
    return expiry if isinstance(expiry, dt.date) else None


def _setters(regime: Regime) -> dict[str, list[Event]]:
    """Per mandate, the adopted decisions that set it, in the order they took effect."""
    setters: dict[str, list[Event]] = {}
    for event in sorted(regime.events, key=lambda e: (e.in_effect, e.date)):
        if not event.kind.is_failed:
            for key in event.sets:
                setters.setdefault(key, []).append(event)
    return setters


def is_rollover(regime: Regime, renewal: Event, setters: dict[str, list[Event]] | None = None) -> bool:
    """True for a technical rollover: a renewal extending each dated term it sets by at most ROLLOVER_DAYS."""
    setters = _setters(regime) if setters is None else setters
    extensions = []
    for key, expiry in renewal.sets.items():
        replaced = _replaced(setters, key, renewal)
        if isinstance(expiry, dt.date) and replaced is not None:
            extensions.append((expiry - replaced).days)
    return bool(extensions) and max(extensions) <= ROLLOVER_DAYS


def lapses(regimes: Iterable[Regime], since: dt.date | None = None, until: dt.date | None = None) -> list[Lapse]:
    """Every dated term that ran out before a decision carried it on, from `since` to `until`, with its cause.

    A term runs out when its last day passes with no decision in effect the day after: the data
    records the lapse, or the next decision came later, or none came before the data was verified.
    Its cause is the last vetoed or failed draft that would have renewed it, else "renewed late"
    when a later decision carried it on, else "not renewed".
    """
    rows = []
    for regime in regimes:
        for key in regime.mandates:
            terms = periods(regime, key)
            for number, term in enumerate(terms):
                if term.end is None or term.suspended or term.set_by.sets.get(key) in (OPEN_ENDED, SUSPENDED):
                    continue
                following = terms[number + 1] if number + 1 < len(terms) else None
                if following is not None and following.start <= term.end + _DAY:
                    continue
                if any(
                    e.sets.get(key) in (TERMINATED, TRANSFERRED) and term.start <= e.in_effect <= term.end + _DAY
                    for e in regime.events
                ):
                    continue  # ended by a decision, not by running out
                recorded = any(key in e.lapses and e.date >= term.end for e in regime.events)
                if following is None and not recorded and regime.verified <= term.end:
                    continue  # the data stops before the term's end: not evidence of a lapse
                if not _within(term.end, since, until):
                    continue
                blocking = [
                    e
                    for e in regime.events
                    if e.kind.is_failed and key in e.would_have_set and term.set_by.date <= e.date <= term.end
                ]
                blocking.sort(key=lambda e: (e.kind is Kind.VETO, e.date))
                draft = blocking[-1] if blocking else None
                if draft is not None:
                    cause = "veto" if draft.kind is Kind.VETO else "draft failed"
                else:
                    cause = "renewed late" if following is not None else "not renewed"
                rows.append(
                    Lapse(
                        regime.id,
                        key,
                        term.end,
                        cause,
                        draft.document if draft else None,
                        draft.vetoed_by if draft else (),
                        following.start if following else None,
                        recorded,
                    )
                )
    return sorted(rows, key=lambda row: (row.expired, row.regime, row.mandate))


def renewals(regimes: Iterable[Regime], since: dt.date | None = None, until: dt.date | None = None) -> list[Renewals]:
    """Per regime: renewals, technical rollovers, median days from adoption to the expiry replaced, lapses.

    >>> import sanctions
    >>> (dprk,) = renewals([sanctions.load().regime("dprk")])
    >>> dprk.renewals, dprk.rollovers, dprk.lapses
    (13, 0, 1)
    """
    regimes = list(regimes)
    ended = Counter(lapse.regime for lapse in lapses(regimes, since, until))
    rows = []
    for regime in regimes:
        setters = _setters(regime)
        renewed = [e for e in regime.events if e.kind is Kind.RENEWED and _within(e.date, since, until)]
        ahead = []
        for event in renewed:
            replaced = [d for key in event.sets if (d := _replaced(setters, key, event)) is not None]
            if replaced:
                ahead.append((min(replaced) - event.date).days)
        rows.append(
            Renewals(
                regime.id,
                len(renewed),
                sum(1 for event in renewed if is_rollover(regime, event, setters)),
                len(ahead),
                float(statistics.median(ahead)) if ahead else None,
                ended[regime.id],
            )
        )
    return rows


@dataclass(frozen=True)
class InForce:
    """The regimes with a measure or body in force on at least one day of a year."""

    year: int
    count: int
    regimes: tuple[str, ...]


def _in_force_spans(regime: Regime, as_of: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The stretches a mandate of the regime was in force, as known on `as_of`.

    A term with no recorded end runs to `as_of` when open-ended, else to the day the data was verified.
    """
    spans = []
    for key in regime.mandates:
        for term in periods(regime, key, until=as_of):
            if term.suspended or term.start > as_of:
                continue
            end = term.end
            if end is None:
                end = as_of if term.set_by.sets.get(key) == OPEN_ENDED else min(as_of, regime.verified)
            spans.append((term.start, min(end, as_of)))
    return spans


def in_force(regimes: Iterable[Regime], as_of: dt.date, first: int = FIRST_YEAR) -> list[InForce]:
    """Per year from `first` to `as_of`'s year: how many regimes were in force, and which.

    >>> import sanctions
    >>> years = in_force(sanctions.load().regimes, as_of=dt.date(2024, 1, 1))
    >>> years[0].year, years[0].regimes
    (1966, ('southern-rhodesia',))
    """
    spans = {regime.id: _in_force_spans(regime, as_of) for regime in regimes}
    rows = []
    for year in range(first, as_of.year + 1):
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        names = tuple(
            sorted(rid for rid, stretches in spans.items() if any(a <= end and b >= start for a, b in stretches))
        )
        rows.append(InForce(year, len(names), names))
    return rows


def chosen(
    regimes: Iterable[Regime], names: list[str] | None, as_of: dt.date, which: str = "all"
) -> tuple[list[Regime], str]:
    """The regimes a figure is computed over: those named, or all, or those ongoing or ended on `as_of`;
    and which of these it was ("named", "all", "ongoing", "ended")."""
    from sanctions.analysis.catalogue import select
    from sanctions.analysis.mandates import Scope, in_scope, summarise

    regimes = list(regimes)
    if names:
        return select(regimes, names), "named"
    if which == "all":
        return regimes, which
    summaries = in_scope([summarise(regime, as_of) for regime in regimes], Scope(which))
    return [summary.regime for summary in summaries], which
