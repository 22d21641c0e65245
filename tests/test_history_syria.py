"""Syria: sanctions proposed in drafts China and Russia vetoed, never established."""

from __future__ import annotations

import datetime as dt

from sanctions.analysis.mandates import Status, mandate_status
from sanctions.dataset.model import Kind, Regime


def _syria(bundled: list[Regime]) -> Regime:
    return next(r for r in bundled if r.id == "syria")


def test_three_sanctions_drafts_vetoed_by_china_and_russia(bundled: list[Regime]) -> None:
    syria = _syria(bundled)
    assert syria.proposed
    assert [(e.date, e.document, e.vetoed_by) for e in syria.events if e.kind is Kind.VETO] == [
        (dt.date(2011, 10, 4), "S/2011/612", ("CN", "RU")),
        (dt.date(2012, 7, 19), "S/2012/538", ("CN", "RU")),
        (dt.date(2017, 2, 28), "S/2017/172", ("CN", "RU")),
    ]


def test_the_chemical_weapons_measures_were_never_imposed(bundled: list[Regime]) -> None:
    syria = _syria(bundled)
    for mandate in ("measures", "panel"):
        assert mandate_status(syria, mandate, dt.date(2017, 3, 1)).status is Status.NOT_ESTABLISHED
