"""The vetoed drafts on South Africa and Namibia recorded in `south-africa`, and those left out."""

from __future__ import annotations

import datetime as dt

from sanctions.dataset.model import Kind, Regime


def _vetoes(bundled: list[Regime], regime_id: str) -> dict[str, dt.date]:
    regime = next(r for r in bundled if r.id == regime_id)
    return {e.document: e.date for e in regime.events if e.kind is Kind.VETO}


def test_south_africa_records_the_sanctions_vetoes_of_1976_to_1987(bundled: list[Regime]) -> None:
    vetoes = _vetoes(bundled, "south-africa")
    assert vetoes["S/12211"] == dt.date(1976, 10, 19)
    for draft in ("S/12310/Rev.1", "S/12311/Rev.1", "S/12312/Rev.1"):
        assert vetoes[draft] == dt.date(1977, 10, 31)
    for draft in ("S/14459", "S/14460/Rev.1", "S/14461", "S/14462"):
        assert vetoes[draft] == dt.date(1981, 4, 30)
    assert vetoes["S/18705"] == dt.date(1987, 2, 20)


def test_vetoes_not_about_sanctions_are_left_out(bundled: list[Regime]) -> None:
    # S/11543 (1974) would have recommended expulsion; S/1994/1358's content was not verified.
    assert "S/11543" not in _vetoes(bundled, "south-africa")
    assert "S/1994/1358" not in _vetoes(bundled, "former-yugoslavia")
