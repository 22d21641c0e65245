"""Facts of the Eritrea sanctions (resolutions 1907 (2009) to 2444 (2018)) that users check first."""

from __future__ import annotations

import datetime as dt

from sanctions.analysis.mandates import Status, mandate_status
from sanctions.dataset.model import Position, Regime

MEASURES = ("arms-embargo", "travel-ban", "assets-freeze")


def _regime(bundled: list[Regime]) -> Regime:
    return next(r for r in bundled if r.id == "eritrea")


def test_measures_in_force_between_1907_and_2444(bundled: list[Regime]) -> None:
    for key in MEASURES:
        status = mandate_status(_regime(bundled), key, dt.date(2014, 1, 1))
        assert status.status.in_force and status.expires is None, key
        assert status.set_by is not None and status.set_by.document == "S/RES/1907 (2009)"


def test_all_measures_lifted_by_2444_on_14_november_2018(bundled: list[Regime]) -> None:
    for key in MEASURES:
        status = mandate_status(_regime(bundled), key, dt.date(2019, 1, 1))
        assert status.status is Status.TERMINATED, key
        assert status.ended_by is not None
        assert (status.ended_by.document, status.ended_by.date) == ("S/RES/2444 (2018)", dt.date(2018, 11, 14))


def test_1907_adopted_13_1_1_with_libya_against_and_china_abstaining(bundled: list[Regime]) -> None:
    event = next(e for e in _regime(bundled).events if e.document == "S/RES/1907 (2009)")
    assert str(event.vote) == "13-1-1"
    assert event.votes == {"LY": Position.AGAINST, "CN": Position.ABSTAIN}
