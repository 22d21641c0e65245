"""Facts users check first in the regimes added from the UN's history: Kosovo (1160) and the former Yugoslavia."""

from __future__ import annotations

import datetime as dt

from sanctions.analysis.mandates import Status, mandate_status
from sanctions.dataset.model import Regime


def _regime(bundled: list[Regime], regime_id: str) -> Regime:
    return next(r for r in bundled if r.id == regime_id)


def test_kosovo_arms_embargo_in_force_from_1998_to_2001(bundled: list[Regime]) -> None:
    kosovo = _regime(bundled, "kosovo")
    assert mandate_status(kosovo, "arms-embargo", dt.date(1998, 3, 30)).status is Status.NOT_ESTABLISHED
    assert mandate_status(kosovo, "arms-embargo", dt.date(2000, 1, 1)).status is Status.OPEN_ENDED
    ended = mandate_status(kosovo, "arms-embargo", dt.date(2001, 9, 11))
    assert ended.status is Status.TERMINATED
    assert ended.ended_by is not None
    assert (ended.ended_by.date, ended.ended_by.document) == (dt.date(2001, 9, 10), "S/RES/1367 (2001)")


def test_former_yugoslavia_measures_from_713_to_1074(bundled: list[Regime]) -> None:
    fy = _regime(bundled, "former-yugoslavia")
    assert mandate_status(fy, "arms-embargo", dt.date(1991, 9, 24)).status is Status.NOT_ESTABLISHED
    assert mandate_status(fy, "arms-embargo", dt.date(1993, 1, 1)).status is Status.OPEN_ENDED
    assert mandate_status(fy, "bosnian-serb-measures", dt.date(1995, 1, 1)).status is Status.OPEN_ENDED
    assert mandate_status(fy, "fry-measures", dt.date(1995, 1, 1)).status is Status.OPEN_ENDED
    assert mandate_status(fy, "fry-flights-sports", dt.date(1995, 1, 1)).status is Status.SUSPENDED
    suspended = mandate_status(fy, "fry-measures", dt.date(1996, 6, 1))
    assert suspended.status is Status.SUSPENDED
    assert suspended.set_by is not None and suspended.set_by.document == "S/RES/1022 (1995)"
    assert mandate_status(fy, "arms-embargo", dt.date(1996, 6, 17)).status is Status.OPEN_ENDED
    assert mandate_status(fy, "arms-embargo", dt.date(1996, 6, 18)).status is Status.TERMINATED
    for key in ("fry-measures", "fry-flights-sports", "bosnian-serb-measures"):
        ended = mandate_status(fy, key, dt.date(1996, 10, 2))
        assert ended.status is Status.TERMINATED
        assert ended.ended_by is not None and ended.ended_by.document == "S/RES/1074 (1996)"
