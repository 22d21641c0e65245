"""Mandate status as of a date: every status, the boundaries, and rules that hold for all dates."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctions.analysis.mandates import Status, mandate_status, summarise
from sanctions.dataset.model import Regime

D = dt.date


@pytest.mark.parametrize(
    ("key", "as_of", "status", "expires", "days_left"),
    [
        ("panel", D(2020, 1, 9), Status.NOT_ESTABLISHED, None, None),
        ("panel", D(2020, 1, 10), Status.ACTIVE, D(2021, 1, 31), 387),
        ("panel", D(2020, 12, 2), Status.EXPIRING, D(2021, 1, 31), 60),  # the window's last day
        ("panel", D(2020, 12, 1), Status.ACTIVE, D(2021, 1, 31), 61),  # one day outside it
        ("panel", D(2022, 1, 31), Status.EXPIRING, D(2022, 1, 31), 0),  # the expiry day itself
        ("panel", D(2022, 2, 1), Status.LAPSED, D(2022, 1, 31), None),
        ("measures", D(2030, 1, 1), Status.OPEN_ENDED, None, None),
    ],
)
def test_status(
    sample: Regime, key: str, as_of: dt.date, status: Status, expires: dt.date | None, days_left: int | None
) -> None:
    result = mandate_status(sample, key, as_of)
    assert (result.status, result.expires, result.days_left) == (status, expires, days_left)


def test_lapse_names_the_veto_that_blocked_renewal(sample: Regime) -> None:
    result = mandate_status(sample, "panel", D(2022, 6, 1))
    assert result.ended_by is not None
    assert (result.ended_by.document, result.ended_by.vetoed_by) == ("S/2022/10", ("RU",))
    assert result.set_by is not None and result.set_by.document == "S/RES/9998 (2021)"


def test_custom_window(sample: Regime) -> None:
    as_of = D(2021, 10, 1)
    assert mandate_status(sample, "panel", as_of, horizon=D(2022, 1, 30)).status is Status.ACTIVE
    assert mandate_status(sample, "panel", as_of, horizon=D(2022, 1, 31)).status is Status.EXPIRING


def _drop_lapse(regime: Regime, verified: dt.date) -> Regime:
    from dataclasses import replace

    events = tuple(e for e in regime.events if not e.lapses)
    return replace(regime, events=events, verified=verified)


def test_unverified_when_the_data_stops_before_the_expiry(sample: Regime) -> None:
    regime = _drop_lapse(sample, verified=D(2022, 1, 31))
    assert mandate_status(regime, "panel", D(2022, 3, 1)).status is Status.UNVERIFIED


def test_lapsed_when_checked_past_the_expiry_without_a_recorded_lapse(sample: Regime) -> None:
    regime = _drop_lapse(sample, verified=D(2022, 2, 1))
    assert mandate_status(regime, "panel", D(2022, 3, 1)).status is Status.LAPSED


def test_terminated(sample: Regime) -> None:
    from dataclasses import replace

    from sanctions.dataset.model import Event, Kind

    end = Event(
        D(2023, 1, 5), Kind.TERMINATED, "S/RES/9990 (2023)", "Measures terminated", sets={"measures": "terminated"}
    )
    regime = replace(sample, events=(*sample.events, end))
    result = mandate_status(regime, "measures", D(2023, 1, 5))
    assert (result.status, result.ended_by) == (Status.TERMINATED, end)
    assert mandate_status(regime, "measures", D(2023, 1, 4)).status is Status.OPEN_ENDED


def test_leap_day_counts(sample: Regime) -> None:
    from dataclasses import replace

    from sanctions.dataset.model import Event, Kind

    leap = Event(D(2024, 2, 1), Kind.ESTABLISHED, "S/RES/9991 (2024)", "Leap", sets={"panel": D(2024, 2, 29)})
    regime = replace(sample, events=(leap,), verified=D(2025, 1, 1))
    assert mandate_status(regime, "panel", D(2024, 2, 28)).days_left == 1
    assert mandate_status(regime, "panel", D(2024, 2, 29)).days_left == 0
    assert mandate_status(regime, "panel", D(2024, 3, 1)).status is Status.LAPSED


def test_summary(sample: Regime) -> None:
    summary = summarise(sample, D(2021, 6, 1))
    assert summary.status == "in force"
    assert summary.next_expiry is not None and summary.next_expiry.expires == D(2022, 1, 31)
    assert summarise(sample, D(2019, 1, 1)).status == "not established"


@given(st.dates(min_value=D(2019, 1, 1), max_value=D(2030, 12, 31)))
def test_days_left_is_never_negative_and_matches_expiry(sample: Regime, as_of: dt.date) -> None:
    for key in sample.mandates:
        result = mandate_status(sample, key, as_of)
        if result.days_left is not None:
            assert result.days_left >= 0
            assert result.expires is not None and result.as_of + dt.timedelta(days=result.days_left) == result.expires
        if result.status.in_force:
            assert result.set_by is not None and result.set_by.date <= as_of


@given(st.dates(min_value=D(2019, 1, 1), max_value=D(2030, 12, 31)), st.integers(min_value=0, max_value=400))
def test_a_later_date_never_revives_an_ended_mandate(sample: Regime, as_of: dt.date, step: int) -> None:
    ended = {Status.LAPSED, Status.TERMINATED}
    for key in sample.mandates:
        if mandate_status(sample, key, as_of).status in ended:
            later = mandate_status(sample, key, as_of + dt.timedelta(days=step))
            assert later.status in ended


def test_reinstated_measures_carry_their_dispute(sample: Regime) -> None:
    from dataclasses import replace

    from sanctions.dataset.model import Event, Kind
    from sanctions.dataset.rules import check_regime

    end = Event(D(2023, 1, 5), Kind.TERMINATED, "S/RES/9990 (2023)", "Ended", sets={"measures": "terminated"})
    back = Event(
        D(2023, 6, 1),
        Kind.REINSTATED,
        "S/PV.9999",
        "Re-applied",
        sets={"measures": "open-ended"},
        dispute="X rejects it",
    )
    regime = replace(sample, events=(*sample.events, end, back))
    assert check_regime(regime) == []
    result = mandate_status(regime, "measures", D(2023, 7, 1))
    assert (result.status, result.dispute) == (Status.OPEN_ENDED, "X rejects it")
    assert mandate_status(regime, "measures", D(2023, 5, 1)).dispute == ""
    renewed = replace(back, kind=Kind.RENEWED)
    messages = [p.message for p in check_regime(replace(sample, events=(*sample.events, end, renewed)))]
    assert "sets 'measures' after it ended: re-creating a mandate is an established or reinstated event" in messages


def test_an_unrecorded_term_holds_only_as_far_as_the_data_was_checked(sample: Regime) -> None:
    from dataclasses import replace

    from sanctions.dataset.model import Event, Kind

    decision = Event(D(2020, 1, 10), Kind.ESTABLISHED, "S/RES/9999 (2020)", "Set up", sets={"panel": "unrecorded"})
    regime = replace(sample, events=(decision,), verified=D(2021, 6, 1))
    assert mandate_status(regime, "panel", D(2021, 6, 1)).status is Status.ACTIVE
    later = mandate_status(regime, "panel", D(2021, 6, 2))
    assert (later.status, later.expires, later.days_left) == (Status.UNVERIFIED, None, None)


@pytest.mark.parametrize(
    ("key", "as_of", "status", "set_by"),
    [
        ("measures", D(1966, 12, 15), Status.NOT_ESTABLISHED, None),
        ("measures", D(1966, 12, 16), Status.OPEN_ENDED, "S/RES/9001 (1966)"),
        ("measures", D(1980, 1, 31), Status.OPEN_ENDED, "S/RES/9001 (1966)"),  # adopted, not yet in effect
        ("measures", D(1980, 2, 1), Status.SUSPENDED, "S/PRST/1980/1"),
        ("measures", D(1981, 2, 28), Status.SUSPENDED, "S/PRST/1980/1"),
        ("measures", D(1981, 3, 1), Status.OPEN_ENDED, "S/RES/9003 (1981)"),
        ("measures", D(1989, 1, 31), Status.OPEN_ENDED, "S/RES/9003 (1981)"),
        ("measures", D(1990, 6, 14), Status.SUSPENDED, "S/1989/100"),  # a report's suspension
        ("measures", D(1990, 6, 15), Status.TERMINATED, "S/RES/9004 (1990)"),
        ("arms-embargo", D(1980, 6, 1), Status.OPEN_ENDED, "S/RES/9001 (1966)"),  # an embargo outlives a suspension
        ("arms-embargo", D(1990, 6, 15), Status.TRANSFERRED, "S/RES/9004 (1990)"),  # carried on by newland
    ],
)
def test_suspension_and_effective_dates(
    oldland: Regime, key: str, as_of: dt.date, status: Status, set_by: str | None
) -> None:
    result = mandate_status(oldland, key, as_of)
    assert (result.status, result.set_by.document if result.set_by else None) == (status, set_by)
    assert result.days_left is None


@pytest.mark.parametrize(
    ("as_of", "status"),
    [
        (D(1966, 1, 1), "not established"),
        (D(1975, 1, 1), "in force"),
        (D(1980, 6, 1), "in force"),  # the arms embargo still is
        (D(1989, 6, 1), "suspended"),
        (D(1990, 7, 1), "ended"),
    ],
)
def test_summary_of_a_regime_in_its_time(oldland: Regime, as_of: dt.date, status: str) -> None:
    assert summarise(oldland, as_of).status == status


def test_periods_of_a_suspended_mandate(oldland: Regime) -> None:
    from sanctions.analysis.mandates import periods

    assert [(p.start, p.end, p.suspended, p.set_by.document) for p in periods(oldland, "measures")] == [
        (D(1966, 12, 16), D(1980, 2, 1), False, "S/RES/9001 (1966)"),
        (D(1980, 2, 1), D(1981, 3, 1), True, "S/PRST/1980/1"),
        (D(1981, 3, 1), D(1989, 2, 1), False, "S/RES/9003 (1981)"),
        (D(1989, 2, 1), D(1990, 6, 15), True, "S/1989/100"),
    ]
    assert not Status.SUSPENDED.in_force  # neither in force nor ended: no days left, no expiry alert


def test_a_decision_adopted_but_not_yet_in_effect_is_pending(oldland: Regime) -> None:
    before = mandate_status(oldland, "measures", D(1980, 1, 20))
    assert (before.status, before.pending.document if before.pending else None) == (
        Status.OPEN_ENDED,
        "S/PRST/1980/1",
    )
    assert mandate_status(oldland, "measures", D(1980, 2, 1)).pending is None  # in effect: no longer pending
    assert mandate_status(oldland, "measures", D(1980, 1, 4)).pending is None  # not yet adopted


def test_a_draft_that_would_have_set_no_mandate_is_drawn_on_the_measures(bundled: list[Regime]) -> None:
    from sanctions.analysis.mandates import drafted_for

    dprk = next(regime for regime in bundled if regime.id == "dprk")
    (veto_2022,) = [e for e in dprk.events if e.document == "S/2022/431"]
    (veto_2024,) = [e for e in dprk.events if e.document == "SC/15648"]
    assert [key for key in dprk.mandates if drafted_for(dprk, veto_2022, key)] == ["measures"]
    assert [key for key in dprk.mandates if drafted_for(dprk, veto_2024, key)] == ["panel"]
