"""Facts about the historical regimes southern-rhodesia and south-africa that users check first."""

from __future__ import annotations

import datetime as dt

from sanctions.analysis.mandates import Status, mandate_status
from sanctions.dataset.model import Kind, Regime


def _regime(bundled: list[Regime], regime_id: str) -> Regime:
    return next(r for r in bundled if r.id == regime_id)


def test_southern_rhodesia_measures_from_232_to_460(bundled: list[Regime]) -> None:
    rhodesia = _regime(bundled, "southern-rhodesia")
    assert mandate_status(rhodesia, "measures", dt.date(1966, 12, 15)).status is Status.NOT_ESTABLISHED
    during = mandate_status(rhodesia, "measures", dt.date(1975, 1, 1))
    assert during.status is Status.OPEN_ENDED
    after = mandate_status(rhodesia, "measures", dt.date(1980, 1, 1))
    assert after.status is Status.TERMINATED
    assert after.ended_by is not None and after.ended_by.document == "S/RES/460 (1979)"


def test_southern_rhodesia_vetoes_are_the_seven_of_the_veto_list(bundled: list[Regime]) -> None:
    vetoes = [
        (e.date.isoformat(), e.vetoed_by) for e in _regime(bundled, "southern-rhodesia").events if e.kind is Kind.VETO
    ]
    assert vetoes == [
        ("1963-09-13", ("GB",)),
        ("1970-03-17", ("GB", "US")),
        ("1970-11-10", ("GB",)),
        ("1971-12-30", ("GB",)),
        ("1972-02-04", ("GB",)),
        ("1972-09-29", ("GB",)),
        ("1973-05-22", ("GB", "US")),
    ]


def test_south_africa_arms_embargo_from_418_to_919(bundled: list[Regime]) -> None:
    south_africa = _regime(bundled, "south-africa")
    assert mandate_status(south_africa, "arms-embargo", dt.date(1977, 11, 3)).status is Status.NOT_ESTABLISHED
    assert mandate_status(south_africa, "arms-embargo", dt.date(1990, 1, 1)).status is Status.OPEN_ENDED
    after = mandate_status(south_africa, "arms-embargo", dt.date(1994, 5, 25))
    assert after.status is Status.TERMINATED
    assert after.ended_by is not None and after.ended_by.press_release == "SC/5845"


def test_south_africa_vetoes_recorded_are_those_calling_for_measures(bundled: list[Regime]) -> None:
    drafts = [e.document for e in _regime(bundled, "south-africa").events if e.kind is Kind.VETO]
    assert drafts == [
        "S/11713",
        "S/12211",
        "S/12310/Rev.1",
        "S/12311/Rev.1",
        "S/12312/Rev.1",
        "S/14459",
        "S/14460/Rev.1",
        "S/14461",
        "S/14462",
        "S/17633",
        "S/18087/Rev.1",
        "S/18163",
        "S/18705",
        "S/18785",
        "S/19585",
    ]
