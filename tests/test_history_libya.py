"""Facts of the Libya (1970) regime that users check first (regimes/libya.yaml)."""

from __future__ import annotations

import datetime as dt

import pytest

from sanctions.analysis.mandates import Status, mandate_status
from sanctions.dataset.model import Kind, Regime


@pytest.fixture(scope="module")
def libya(bundled: list[Regime]) -> Regime:
    (regime,) = [r for r in bundled if r.id == "libya"]
    return regime


def test_the_high_seas_inspection_authorizations_from_2292_to_2804(libya: Regime) -> None:
    rows = [
        (str(e.date), e.kind.value, e.document, e.press_release, str(e.vote))
        for e in libya.events
        if "inspections" in e.sets
    ]
    assert rows == [
        ("2016-06-14", "established", "S/RES/2292 (2016)", "SC/12401", "15-0-0"),
        ("2017-06-12", "renewed", "S/RES/2357 (2017)", "SC/12864", "15-0-0"),
        ("2018-06-11", "renewed", "S/RES/2420 (2018)", "SC/13374", "15-0-0"),
        ("2019-06-10", "renewed", "S/RES/2473 (2019)", "SC/13832", "15-0-0"),
        ("2020-06-05", "renewed", "S/RES/2526 (2020)", "SC/14206", "15-0-0"),
        ("2021-06-03", "renewed", "S/RES/2578 (2021)", "SC/14538", "15-0-0"),
        ("2022-06-03", "renewed", "S/RES/2635 (2022)", "SC/14920", "14-0-1"),
        ("2023-06-02", "renewed", "S/RES/2684 (2023)", "SC/15303", "14-0-1"),
        ("2024-05-31", "renewed", "S/RES/2733 (2024)", "SC/15716", "9-0-6"),
        ("2025-05-29", "renewed", "S/RES/2780 (2025)", "SC/16074", "13-0-2"),
        ("2025-11-25", "renewed", "S/RES/2804 (2025)", "SC/16233", "13-0-2"),
    ]


def test_the_inspections_run_to_28_november_2025_on_1_june_2025(libya: Regime) -> None:
    status = mandate_status(libya, "inspections", dt.date(2025, 6, 1))
    assert (status.status, status.expires) == (Status.ACTIVE, dt.date(2025, 11, 28))
    assert status.set_by is not None and status.set_by.kind is Kind.RENEWED
    assert mandate_status(libya, "inspections", dt.date(2016, 6, 13)).status is Status.NOT_ESTABLISHED
