"""Facts of the Iraq (661) regime, 1990-2003, that users check first (regimes/iraq-1990.yaml)."""

from __future__ import annotations

import datetime as dt

import pytest

from sanctions.analysis.mandates import Status, mandate_status, summarise
from sanctions.dataset.model import Kind, Regime


@pytest.fixture(scope="module")
def iraq_1990(bundled: list[Regime]) -> Regime:
    (regime,) = [r for r in bundled if r.id == "iraq-1990"]
    return regime


def _event(regime: Regime, document: str) -> tuple[dt.date, Kind, str | None, str]:
    (event,) = [e for e in regime.events if e.document == document]
    return event.date, event.kind, event.meeting, str(event.vote)


def test_resolution_661_imposed_the_embargo_on_6_august_1990(iraq_1990: Regime) -> None:
    assert _event(iraq_1990, "S/RES/661 (1990)") == (dt.date(1990, 8, 6), Kind.ESTABLISHED, "S/PV.2933", "13-0-2")
    assert iraq_1990.established_by == "S/RES/661 (1990)"


def test_resolution_666_and_the_draft_not_adopted_share_the_meeting_of_13_september_1990(iraq_1990: Regime) -> None:
    assert _event(iraq_1990, "S/RES/666 (1990)") == (dt.date(1990, 9, 13), Kind.MODIFIED, "S/PV.2939", "13-2-0")
    assert _event(iraq_1990, "S/21742/Rev.1") == (dt.date(1990, 9, 13), Kind.FAILED_DRAFT, "S/PV.2939", "3-5-7")


def test_oil_for_food_phases_end_where_the_next_begins(iraq_1990: Regime) -> None:
    # 1111: 180 days from 8 June 1997; 1143 began on 5 December 1997.
    assert mandate_status(iraq_1990, "oil-for-food", dt.date(1997, 6, 5)).expires == dt.date(1997, 12, 4)
    # 1280 ran to 11 December 1999; 1281's 180 days began on 12 December.
    assert mandate_status(iraq_1990, "oil-for-food", dt.date(1999, 12, 5)).expires == dt.date(1999, 12, 11)
    assert mandate_status(iraq_1990, "oil-for-food", dt.date(1999, 12, 12)).expires == dt.date(2000, 6, 8)
    # 1447: 180 days from 5 December 2002.
    assert mandate_status(iraq_1990, "oil-for-food", dt.date(2003, 1, 1)).expires == dt.date(2003, 6, 2)


def test_resolution_1483_lifted_the_trade_embargo_but_not_the_arms_embargo(iraq_1990: Regime) -> None:
    day_after = dt.date(2003, 5, 23)
    embargo = mandate_status(iraq_1990, "comprehensive-embargo", day_after)
    assert (embargo.status, embargo.ended_by and embargo.ended_by.document) == (Status.TERMINATED, "S/RES/1483 (2003)")
    assert mandate_status(iraq_1990, "arms-embargo", day_after).status is Status.OPEN_ENDED
    oil_for_food = mandate_status(iraq_1990, "oil-for-food", day_after)
    assert oil_for_food.expires == dt.date(2003, 11, 21)
    assert mandate_status(iraq_1990, "oil-for-food", dt.date(2003, 11, 22)).status is Status.LAPSED


def test_the_661_regime_is_carried_on_by_the_1518_regime(bundled: list[Regime], iraq_1990: Regime) -> None:
    (iraq,) = [r for r in bundled if r.id == "iraq"]
    assert (iraq_1990.succeeded_by, iraq.preceded_by) == ("iraq", "iraq-1990")


def test_the_1137_travel_ban_ended_the_day_after_unscom_reported_access(iraq_1990: Regime) -> None:
    assert mandate_status(iraq_1990, "travel-ban", dt.date(1998, 5, 6)).status is Status.ACTIVE
    ended = mandate_status(iraq_1990, "travel-ban", dt.date(1998, 5, 7))
    assert (ended.status, ended.ended_by and ended.ended_by.document) == (Status.TERMINATED, "S/1998/377")


def test_the_661_regime_has_nothing_in_force_after_2003(iraq_1990: Regime) -> None:
    assert summarise(iraq_1990, dt.date(2026, 12, 7)).status == "ended"
    assert summarise(iraq_1990, dt.date(2003, 11, 23)).status == "in force"
