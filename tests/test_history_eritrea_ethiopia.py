"""Facts of the Eritrea and Ethiopia arms embargo (resolution 1298 (2000)) that users check first."""

from __future__ import annotations

import datetime as dt

from sanctions.analysis.mandates import Status, mandate_status
from sanctions.dataset.model import Regime


def _regime(bundled: list[Regime]) -> Regime:
    return next(r for r in bundled if r.id == "eritrea-ethiopia")


def test_embargo_in_force_for_twelve_months_from_17_may_2000(bundled: list[Regime]) -> None:
    status = mandate_status(_regime(bundled), "arms-embargo", dt.date(2001, 1, 1))
    assert (status.status, status.expires) == (Status.ACTIVE, dt.date(2001, 5, 16))
    assert status.set_by is not None and status.set_by.document == "S/RES/1298 (2000)"


def test_embargo_lapsed_on_16_may_2001(bundled: list[Regime]) -> None:
    status = mandate_status(_regime(bundled), "arms-embargo", dt.date(2001, 6, 1))
    assert (status.status, status.expires) == (Status.LAPSED, dt.date(2001, 5, 16))


def test_decision_not_to_extend_is_the_presidential_statement_of_15_may_2001(bundled: list[Regime]) -> None:
    event = next(e for e in _regime(bundled).events if e.document == "S/PRST/2001/14")
    assert (event.date, event.meeting, event.press_release) == (dt.date(2001, 5, 15), "S/PV.4320", "SC/7060")
