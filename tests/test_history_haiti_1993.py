"""The Haiti regime of 1993-1994 (resolution 841): the dates users check first."""

from __future__ import annotations

import datetime as dt

from sanctions.analysis.mandates import Status, mandate_status
from sanctions.dataset.model import Regime


def _haiti(bundled: list[Regime]) -> Regime:
    return next(r for r in bundled if r.id == "haiti-1993")


def test_oil_embargo_from_23_june_1993(bundled: list[Regime]) -> None:
    haiti = _haiti(bundled)
    assert mandate_status(haiti, "oil-embargo", dt.date(1993, 6, 22)).status is Status.NOT_ESTABLISHED
    assert mandate_status(haiti, "oil-embargo", dt.date(1993, 6, 23)).status is Status.OPEN_ENDED


def test_suspended_after_governors_island_and_reinstated_on_18_october_1993(bundled: list[Regime]) -> None:
    haiti = _haiti(bundled)
    assert mandate_status(haiti, "oil-embargo", dt.date(1993, 9, 1)).status is Status.SUSPENDED
    assert mandate_status(haiti, "oil-embargo", dt.date(1993, 10, 17)).status is Status.SUSPENDED
    assert mandate_status(haiti, "oil-embargo", dt.date(1993, 10, 18)).status is Status.OPEN_ENDED


def test_everything_ends_the_day_after_aristides_return(bundled: list[Regime]) -> None:
    haiti = _haiti(bundled)
    for key in ("arms-embargo", "oil-embargo", "assets-freeze", "trade-embargo"):
        assert mandate_status(haiti, key, dt.date(1994, 10, 15)).status is Status.OPEN_ENDED, key
        ended = mandate_status(haiti, key, dt.date(1994, 10, 16))
        assert ended.status is Status.TERMINATED, key
        assert ended.ended_by is not None and ended.ended_by.date == dt.date(1994, 9, 29)
