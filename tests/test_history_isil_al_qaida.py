"""The ISIL (Da'esh) and Al-Qaida regime's history: the dates users check first."""

from __future__ import annotations

import datetime as dt

from sanctions.analysis.mandates import Status, mandate_status
from sanctions.dataset.model import Regime


def _isil(bundled: list[Regime]) -> Regime:
    return next(r for r in bundled if r.id == "isil-al-qaida")


def test_monitoring_team_ran_to_31_december_2009_under_1822(bundled: list[Regime]) -> None:
    team = mandate_status(_isil(bundled), "monitoring-team", dt.date(2009, 12, 1))
    assert (team.status, team.expires) == (Status.EXPIRING, dt.date(2009, 12, 31))


def test_1904_set_both_mechanisms_to_17_june_2011(bundled: list[Regime]) -> None:
    regime = _isil(bundled)
    for key in ("monitoring-team", "ombudsperson"):
        assert mandate_status(regime, key, dt.date(2010, 6, 1)).expires == dt.date(2011, 6, 17)


def test_2083_set_both_mechanisms_to_17_june_2015(bundled: list[Regime]) -> None:
    regime = _isil(bundled)
    for key in ("monitoring-team", "ombudsperson"):
        assert mandate_status(regime, key, dt.date(2013, 6, 1)).expires == dt.date(2015, 6, 17)


def test_split_votes_are_1333_2664_and_2734(bundled: list[Regime]) -> None:
    split = [e.document for e in _isil(bundled).events if e.vote is not None and e.vote.abstaining]
    assert split == ["S/RES/1333 (2000)", "S/RES/2664 (2022)", "S/RES/2734 (2024)"]
