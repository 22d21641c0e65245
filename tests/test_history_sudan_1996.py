"""The Sudan regime of 1996 (resolution 1054): the dates users check first."""

from __future__ import annotations

import datetime as dt

from sanctions.analysis.mandates import Status, mandate_status
from sanctions.dataset.model import Regime


def _sudan(bundled: list[Regime]) -> Regime:
    return next(r for r in bundled if r.id == "sudan-1996")


def test_measures_in_force_from_10_may_1996(bundled: list[Regime]) -> None:
    sudan = _sudan(bundled)
    assert mandate_status(sudan, "travel-ban", dt.date(1996, 5, 9)).status is Status.NOT_ESTABLISHED
    assert mandate_status(sudan, "travel-ban", dt.date(1996, 5, 10)).status is Status.OPEN_ENDED


def test_air_ban_never_in_force(bundled: list[Regime]) -> None:
    sudan = _sudan(bundled)
    assert mandate_status(sudan, "air-ban", dt.date(1997, 1, 1)).status is Status.NOT_ESTABLISHED
    assert mandate_status(sudan, "air-ban", dt.date(2001, 9, 28)).status is Status.TERMINATED


def test_ended_on_28_september_2001_and_distinct_from_darfur(bundled: list[Regime]) -> None:
    sudan = _sudan(bundled)
    assert mandate_status(sudan, "diplomatic-measures", dt.date(2001, 9, 27)).status is Status.OPEN_ENDED
    assert mandate_status(sudan, "diplomatic-measures", dt.date(2001, 9, 28)).status is Status.TERMINATED
    darfur = next(r for r in bundled if r.id == "sudan")
    assert not set(sudan.aliases) & set(darfur.aliases)
