"""The dates users check first in the Angola (UNITA), Rwanda and Côte d'Ivoire regime files."""

from __future__ import annotations

import datetime as dt

from sanctions.mandates import Status, mandate_status
from sanctions.model import Regime


def _regime(bundled: list[Regime], regime_id: str) -> Regime:
    return next(r for r in bundled if r.id == regime_id)


def test_rwanda_embargo_on_non_governmental_forces_ends_in_2008(bundled: list[Regime]) -> None:
    rwanda = _regime(bundled, "rwanda")
    assert mandate_status(rwanda, "arms-embargo", dt.date(2008, 7, 9)).status is Status.OPEN_ENDED
    ended = mandate_status(rwanda, "arms-embargo", dt.date(2008, 7, 10))
    assert ended.status is Status.TERMINATED and ended.ended_by is not None
    assert ended.ended_by.document == "S/RES/1823 (2008)"


def test_rwanda_government_embargo_suspended_then_ended_on_1_september_1996(bundled: list[Regime]) -> None:
    rwanda = _regime(bundled, "rwanda")
    assert mandate_status(rwanda, "arms-embargo-government", dt.date(1995, 8, 15)).status is Status.OPEN_ENDED
    assert mandate_status(rwanda, "arms-embargo-government", dt.date(1996, 8, 31)).status is Status.SUSPENDED
    assert mandate_status(rwanda, "arms-embargo-government", dt.date(1996, 9, 1)).status is Status.TERMINATED
    assert mandate_status(rwanda, "arms-embargo", dt.date(1996, 9, 1)).status is Status.OPEN_ENDED
