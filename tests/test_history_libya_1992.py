"""The Lockerbie regime (resolution 748): the dates users check first."""

from __future__ import annotations

import datetime as dt

from sanctions.analysis.mandates import Status, mandate_status
from sanctions.dataset.model import Regime


def _libya(bundled: list[Regime]) -> Regime:
    return next(r for r in bundled if r.id == "libya-1992")


def test_measures_start_on_15_april_1992_not_on_adoption(bundled: list[Regime]) -> None:
    libya = _libya(bundled)
    assert mandate_status(libya, "air-embargo", dt.date(1992, 4, 14)).status is Status.NOT_ESTABLISHED
    assert mandate_status(libya, "air-embargo", dt.date(1992, 4, 15)).status is Status.OPEN_ENDED


def test_funds_freeze_from_1_december_1993(bundled: list[Regime]) -> None:
    libya = _libya(bundled)
    assert mandate_status(libya, "assets-freeze", dt.date(1993, 11, 30)).status is Status.NOT_ESTABLISHED
    assert mandate_status(libya, "assets-freeze", dt.date(1993, 12, 1)).status is Status.OPEN_ENDED


def test_suspended_from_5_april_1999_by_the_secretary_generals_report(bundled: list[Regime]) -> None:
    libya = _libya(bundled)
    assert mandate_status(libya, "arms-embargo", dt.date(1999, 4, 4)).status is Status.OPEN_ENDED
    suspended = mandate_status(libya, "arms-embargo", dt.date(2000, 1, 1))
    assert suspended.status is Status.SUSPENDED
    assert suspended.set_by is not None and suspended.set_by.document == "S/1999/378"


def test_lifted_on_12_september_2003(bundled: list[Regime]) -> None:
    libya = _libya(bundled)
    assert mandate_status(libya, "oil-equipment", dt.date(2003, 9, 11)).status is Status.SUSPENDED
    ended = mandate_status(libya, "oil-equipment", dt.date(2003, 9, 12))
    assert ended.status is Status.TERMINATED
    assert ended.ended_by is not None and ended.ended_by.document == "S/RES/1506 (2003)"
