"""The Democratic Republic of the Congo regime's history: the dates users check first."""

from __future__ import annotations

import datetime as dt

from sanctions.analysis.mandates import Status, mandate_status
from sanctions.dataset.model import Regime


def _drc(bundled: list[Regime]) -> Regime:
    return next(r for r in bundled if r.id == "drc")


def test_group_of_experts_lapsed_between_1552_and_1596(bundled: list[Regime]) -> None:
    group = mandate_status(_drc(bundled), "group-of-experts", dt.date(2005, 3, 1))
    assert (group.status, group.expires) == (Status.LAPSED, dt.date(2005, 1, 31))
    again = mandate_status(_drc(bundled), "group-of-experts", dt.date(2005, 5, 1))
    assert (again.status, again.expires) == (Status.ACTIVE, dt.date(2005, 7, 31))


def test_1807_ran_the_measures_to_31_december_2008(bundled: list[Regime]) -> None:
    measures = mandate_status(_drc(bundled), "measures", dt.date(2008, 12, 1))
    assert (measures.status, measures.expires) == (Status.EXPIRING, dt.date(2008, 12, 31))


def test_the_embargo_begins_with_1493(bundled: list[Regime]) -> None:
    first = min(_drc(bundled).events, key=lambda e: e.date)
    assert (first.document, first.date) == ("S/RES/1493 (2003)", dt.date(2003, 7, 28))


def test_first_group_of_experts_ran_until_28_july_2004(bundled: list[Regime]) -> None:
    group = mandate_status(_drc(bundled), "group-of-experts", dt.date(2004, 5, 1))
    assert group.expires == dt.date(2004, 7, 28)
    assert group.derived == ""
