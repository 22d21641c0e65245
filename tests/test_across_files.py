"""Facts that span regime files: one decision reads the same everywhere, a mandate lives in one regime at a
time, and every regime starts by the same rule (docs/format.md)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sanctions.analysis.mandates import mandate_status
from sanctions.dataset.model import OPEN_ENDED, TRANSFERRED, UNRECORDED, Kind, Regime

DAY = dt.timedelta(days=1)


# A lapse falls on the day a term ran out and a designation lists the names a decision annexed: both name
# the decision's document on an event of their own, which need not carry its meeting or vote.
_NOT_THE_DECISION = (Kind.LAPSED, Kind.DESIGNATION, Kind.DELISTING)


def _facts(bundled: list[Regime]) -> dict[str, dict[tuple[object, ...], list[str]]]:
    """Each document's date, meeting, press release and vote, with the files that record them so."""
    facts: dict[str, dict[tuple[object, ...], list[str]]] = defaultdict(lambda: defaultdict(list))
    for regime in bundled:
        for event in regime.events:
            if event.kind in _NOT_THE_DECISION:
                continue
            vote = str(event.vote) if event.vote else None
            facts[event.document][(event.date, event.meeting, event.press_release, vote)].append(regime.id)
    return facts


def test_a_decision_recorded_in_two_files_reads_the_same(bundled: list[Regime]) -> None:
    facts = _facts(bundled)
    files = {document: {r for ids in readings.values() for r in ids} for document, readings in facts.items()}
    shared = {document for document, ids in files.items() if len(ids) > 1}
    assert len(shared) >= 10  # the Somalia-Eritrea renewals, 1483 and 1518 (Iraq), 1343 and 1521 (Liberia), 2664
    assert {document: dict(facts[document]) for document in shared if len(facts[document]) > 1} == {}


def test_resolution_2664_reads_the_same_in_both_files(bundled: list[Regime]) -> None:
    readings = _facts(bundled)["S/RES/2664 (2022)"]
    assert readings == {(dt.date(2022, 12, 9), "S/PV.9214", "SC/15134", "14-0-1"): ["dprk", "isil-al-qaida"]}


def _successions(bundled: list[Regime]) -> list[tuple[Regime, Regime]]:
    by_id = {regime.id: regime for regime in bundled}
    return [(regime, by_id[regime.succeeded_by]) for regime in bundled if regime.succeeded_by]


def _change_days(regime: Regime, key: str) -> set[dt.date]:
    """Every day the mandate's standing may change in a regime: each decision's effect, each expiry's morrow."""
    days: set[dt.date] = set()
    for event in regime.events:
        if key in event.sets or key in event.lapses:
            days |= {event.in_effect, event.in_effect - DAY}
            expiry = event.sets.get(key)
            if isinstance(expiry, dt.date):
                days |= {expiry, expiry + DAY}
    return days


def test_no_mandate_is_in_force_in_two_regimes_on_one_day(bundled: list[Regime]) -> None:
    # A successor carries a mandate on under the same key (the Iraq arms embargo: iraq-1990 → iraq).
    overlaps = []
    for before, after in _successions(bundled):
        for key in before.mandates.keys() & after.mandates.keys():
            for day in sorted(_change_days(before, key) | _change_days(after, key)):
                both = [mandate_status(r, key, day).status.in_force for r in (before, after)]
                if all(both):
                    overlaps.append((before.id, after.id, key, day))
    assert overlaps == []


def test_a_transferred_mandate_is_handed_over_on_the_day_it_leaves(bundled: list[Regime]) -> None:
    handovers = []
    for before, after in _successions(bundled):
        for event in before.events:
            for key, expiry in event.sets.items():
                if expiry != TRANSFERRED:
                    continue
                day = event.in_effect
                handovers.append(
                    (
                        before.id,
                        key,
                        mandate_status(before, key, day - DAY).status.in_force,
                        key in after.mandates and mandate_status(after, key, day).status.in_force,
                    )
                )
    assert handovers and all(given and taken for _, _, given, taken in handovers), handovers


def test_the_iraq_measures_pass_from_the_661_to_the_1518_regime_on_24_november_2003(bundled: list[Regime]) -> None:
    by_id = {regime.id: regime for regime in bundled}
    old, new = by_id["iraq-1990"], by_id["iraq"]
    for key in ("arms-embargo", "assets-freeze"):
        standing = [
            (mandate_status(old, key, day).status.value, mandate_status(new, key, day).status.value)
            for day in (dt.date(2003, 8, 1), dt.date(2003, 11, 23), dt.date(2003, 11, 24))
        ]
        assert standing == [
            ("open-ended", "not-established"),
            ("open-ended", "not-established"),
            ("transferred", "open-ended"),
        ]
    assert new.established == dt.date(2003, 11, 24)


def _starts_a_term(regime: Regime) -> list[dt.date]:
    kept = (OPEN_ENDED, UNRECORDED)
    return [e.date for e in regime.events if any(isinstance(v, dt.date) or v in kept for v in e.sets.values())]


def test_every_regime_starts_with_the_decision_that_first_put_a_measure_in_its_hands(bundled: list[Regime]) -> None:
    # docs/format.md: a regime starts on the day of its earliest `established` event, the first decision
    # that set one of its mandates in force (733 for Somalia, before the 751 Committee; 1518 for Iraq).
    starts = {r.id: (r.established, min(_starts_a_term(r))) for r in bundled if not r.proposed}
    assert {rid: pair for rid, pair in starts.items() if pair[0] != pair[1]} == {}
    assert starts["al-shabaab"][0] == dt.date(1992, 1, 23)
    assert starts["sudan"][0] == dt.date(2004, 7, 30)
    assert starts["former-yugoslavia"][0] == dt.date(1991, 9, 25)
