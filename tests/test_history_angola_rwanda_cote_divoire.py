"""The dates users check first in the Angola (UNITA), Rwanda and Côte d'Ivoire regime files."""

from __future__ import annotations

import datetime as dt

from sanctions.analysis.mandates import Status, mandate_status
from sanctions.dataset.model import Regime


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


def test_cote_divoire_group_of_experts_to_30_april_2014(bundled: list[Regime]) -> None:
    group = mandate_status(_regime(bundled, "cote-divoire"), "group-of-experts", dt.date(2014, 3, 1))
    assert (group.status, group.expires, group.days_left) == (Status.EXPIRING, dt.date(2014, 4, 30), 60)


def test_cote_divoire_diamond_ban_ends_in_2014_and_the_rest_in_2016(bundled: list[Regime]) -> None:
    cote = _regime(bundled, "cote-divoire")
    diamonds = mandate_status(cote, "diamonds", dt.date(2014, 4, 29))
    assert diamonds.status is Status.TERMINATED and diamonds.ended_by is not None
    assert diamonds.ended_by.document == "S/RES/2153 (2014)"
    arms = mandate_status(cote, "arms-embargo", dt.date(2016, 4, 27))
    assert (arms.status, arms.expires) == (Status.EXPIRING, dt.date(2016, 4, 30))
    for key in ("arms-embargo", "travel-ban", "assets-freeze", "group-of-experts"):
        ended = mandate_status(cote, key, dt.date(2016, 4, 28))
        assert ended.status is Status.TERMINATED and ended.ended_by is not None
        assert ended.ended_by.document == "S/RES/2283 (2016)"


def test_cote_divoire_travel_ban_and_assets_freeze_from_15_december_2004(bundled: list[Regime]) -> None:
    cote = _regime(bundled, "cote-divoire")
    for key in ("travel-ban", "assets-freeze"):
        assert mandate_status(cote, key, dt.date(2004, 12, 14)).status is Status.NOT_ESTABLISHED
        assert mandate_status(cote, key, dt.date(2004, 12, 15)).status is Status.ACTIVE
    assert mandate_status(cote, "arms-embargo", dt.date(2004, 11, 15)).status is Status.ACTIVE


def test_cote_divoire_1572_travel_ban_and_assets_freeze_run_12_months_from_entry_into_force(
    bundled: list[Regime],
) -> None:
    cote = _regime(bundled, "cote-divoire")
    for key in ("travel-ban", "assets-freeze"):
        status = mandate_status(cote, key, dt.date(2005, 6, 1))
        assert status.expires == dt.date(2005, 12, 15)
        assert status.derived.startswith("12 months from 2004-12-15")
