"""The Sudan (Darfur) regime's history: the dates users check first."""

from __future__ import annotations

import datetime as dt

from sanctions.analysis.mandates import Status, mandate_status
from sanctions.dataset.model import Regime


def _sudan(bundled: list[Regime]) -> Regime:
    return next(r for r in bundled if r.id == "sudan")


def test_panel_ran_to_19_october_2011_under_1945(bundled: list[Regime]) -> None:
    panel = mandate_status(_sudan(bundled), "panel", dt.date(2011, 4, 1))
    assert (panel.status, panel.expires) == (Status.ACTIVE, dt.date(2011, 10, 19))


def test_1945_was_adopted_with_china_abstaining(bundled: list[Regime]) -> None:
    event = next(e for e in _sudan(bundled).events if e.document == "S/RES/1945 (2010)")
    assert str(event.vote) == "14-0-1"
    assert [code for code, _ in event.votes.items()] == ["CN"]
