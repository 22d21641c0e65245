"""Facts of the Somalia (Al-Shabaab) regime's history before 2014 that users check first."""

from __future__ import annotations

import datetime as dt

from sanctions.analysis.mandates import Status, mandate_status
from sanctions.dataset.model import Kind, Regime


def _regime(bundled: list[Regime]) -> Regime:
    return next(r for r in bundled if r.id == "al-shabaab")


def test_first_expert_body_is_the_panel_of_resolution_1425(bundled: list[Regime]) -> None:
    regime = _regime(bundled)
    first = next(e for e in regime.events if "panel" in e.sets)
    assert (first.document, first.date, first.kind) == ("S/RES/1425 (2002)", dt.date(2002, 7, 22), Kind.ESTABLISHED)


def test_monitoring_group_of_2111_expires_on_25_november_2014(bundled: list[Regime]) -> None:
    status = mandate_status(_regime(bundled), "panel", dt.date(2014, 1, 1))
    assert (status.status, status.expires) == (Status.ACTIVE, dt.date(2014, 11, 25))
    assert status.set_by is not None and status.set_by.document == "S/RES/2111 (2013)"


def test_partial_lifting_renewed_by_2142_to_25_october_2014(bundled: list[Regime]) -> None:
    status = mandate_status(_regime(bundled), "interdiction", dt.date(2014, 6, 1))
    assert (status.status, status.expires) == (Status.ACTIVE, dt.date(2014, 10, 25))
    assert mandate_status(_regime(bundled), "interdiction", dt.date(2013, 1, 1)).status is Status.NOT_ESTABLISHED


def test_monitoring_group_of_1916_runs_to_31_july_2011(bundled: list[Regime]) -> None:
    # Xinhua: the mandate 2002 renewed "was set to expire on July 31, 2011"; not 12 months from adoption.
    status = mandate_status(_regime(bundled), "panel", dt.date(2011, 3, 31))
    assert (status.status, status.expires) == (Status.ACTIVE, dt.date(2011, 7, 31))
    assert status.set_by is not None and status.set_by.document == "S/RES/1916 (2010)"


def test_maritime_interdiction_of_2182_runs_to_24_october_2015(bundled: list[Regime]) -> None:
    # SCR's October 2015 forecast: the authorisation "expires 24 October"; 2244 renewed it the day before.
    status = mandate_status(_regime(bundled), "interdiction", dt.date(2015, 1, 1))
    assert (status.status, status.expires) == (Status.ACTIVE, dt.date(2015, 10, 24))
    assert status.set_by is not None and status.set_by.document == "S/RES/2182 (2014)"
    renewed = mandate_status(_regime(bundled), "interdiction", dt.date(2015, 10, 24))
    assert (renewed.status, renewed.expires) == (Status.ACTIVE, dt.date(2016, 11, 15))


def test_charcoal_ban_and_targeted_measures_are_recorded(bundled: list[Regime]) -> None:
    documents = {e.document: e for e in _regime(bundled).events if e.kind is Kind.MODIFIED}
    assert documents["S/RES/2036 (2012)"].date == dt.date(2012, 2, 22)
    assert documents["S/RES/1844 (2008)"].date == dt.date(2008, 11, 20)
    assert documents["S/RES/2036 (2012)"].vote is None  # the UN library's table gives no vote


def test_2696_one_off_charcoal_exemption_of_7_september_2023(bundled: list[Regime]) -> None:
    event = next(e for e in _regime(bundled).events if e.document == "S/RES/2696 (2023)")
    assert (event.date, event.kind, event.meeting, str(event.vote)) == (
        dt.date(2023, 9, 7),
        Kind.MODIFIED,
        "S/PV.9412",
        "15-0-0",
    )
