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


def test_unita_monitoring_mechanism_runs_out_on_19_december_2002(bundled: list[Regime]) -> None:
    angola = _regime(bundled, "angola-unita")
    panel = mandate_status(angola, "panel", dt.date(2002, 12, 1))
    assert (panel.status, panel.expires, panel.days_left) == (Status.EXPIRING, dt.date(2002, 12, 19), 18)
    assert mandate_status(angola, "panel", dt.date(2002, 12, 20)).status is Status.LAPSED


def test_unita_measures_end_with_resolution_1448(bundled: list[Regime]) -> None:
    angola = _regime(bundled, "angola-unita")
    for key in ("arms-embargo", "oil-embargo", "assets-freeze", "diamonds"):
        assert mandate_status(angola, key, dt.date(2002, 12, 8)).status is Status.OPEN_ENDED
        ended = mandate_status(angola, key, dt.date(2002, 12, 9))
        assert ended.status is Status.TERMINATED and ended.ended_by is not None
        assert ended.ended_by.document == "S/RES/1448 (2002)"


def test_unita_measures_follow_their_effective_dates(bundled: list[Regime]) -> None:
    angola = _regime(bundled, "angola-unita")
    assert mandate_status(angola, "arms-embargo", dt.date(1993, 9, 24)).status is Status.NOT_ESTABLISHED
    assert mandate_status(angola, "arms-embargo", dt.date(1993, 9, 25)).status is Status.OPEN_ENDED
    travel = [mandate_status(angola, "travel-ban", dt.date(*day)).status for day in ((1997, 10, 29), (1997, 10, 30))]
    assert travel == [Status.NOT_ESTABLISHED, Status.OPEN_ENDED]
    assert mandate_status(angola, "diamonds", dt.date(1998, 6, 30)).status is Status.NOT_ESTABLISHED
    assert mandate_status(angola, "diamonds", dt.date(1998, 7, 1)).status is Status.OPEN_ENDED


def test_unita_travel_ban_suspended_in_may_and_ended_on_14_november_2002(bundled: list[Regime]) -> None:
    angola = _regime(bundled, "angola-unita")
    suspended = mandate_status(angola, "travel-ban", dt.date(2002, 11, 13))
    assert suspended.status is Status.SUSPENDED and suspended.set_by is not None
    assert suspended.set_by.document == "S/RES/1412 (2002)"
    assert mandate_status(angola, "travel-ban", dt.date(2002, 11, 14)).status is Status.TERMINATED
