"""The dates users check first in the Liberia (1992, 2001, 2003) and Sierra Leone regime files."""

from __future__ import annotations

import datetime as dt

from sanctions.analysis.mandates import Status, mandate_status
from sanctions.dataset.model import Regime


def _regime(bundled: list[Regime], regime_id: str) -> Regime:
    return next(r for r in bundled if r.id == regime_id)


def _ended(regime: Regime, key: str, as_of: dt.date) -> tuple[Status, dt.date | None, str | None]:
    status = mandate_status(regime, key, as_of)
    ended_by = status.ended_by
    return status.status, ended_by.date if ended_by else None, ended_by.document if ended_by else None


def test_the_1992_embargo_ran_until_resolution_1343(bundled: list[Regime]) -> None:
    regime = _regime(bundled, "liberia-1992")
    assert mandate_status(regime, "arms-embargo", dt.date(2000, 1, 1)).status is Status.OPEN_ENDED
    assert _ended(regime, "arms-embargo", dt.date(2001, 3, 7)) == (
        Status.TRANSFERRED,
        dt.date(2001, 3, 7),
        "S/RES/1343 (2001)",
    )


def test_the_1343_measures_ended_with_resolution_1521(bundled: list[Regime]) -> None:
    regime = _regime(bundled, "liberia-2001")
    timber = mandate_status(regime, "timber", dt.date(2003, 8, 1))
    assert (timber.status, timber.expires) == (Status.ACTIVE, dt.date(2004, 5, 6))
    for key in ("arms-embargo", "diamonds", "travel-ban", "timber"):
        assert _ended(regime, key, dt.date(2004, 1, 1)) == (
            Status.TRANSFERRED,
            dt.date(2003, 12, 22),
            "S/RES/1521 (2003)",
        )
    assert _ended(regime, "panel", dt.date(2004, 1, 1)) == (
        Status.TERMINATED,
        dt.date(2003, 12, 22),
        "S/RES/1521 (2003)",
    )


def test_liberia_1521_measures_lifted_one_by_one(bundled: list[Regime]) -> None:
    regime = _regime(bundled, "liberia-2003")
    as_of = dt.date(2016, 6, 1)
    assert _ended(regime, "timber", as_of) == (Status.TERMINATED, dt.date(2006, 6, 20), "S/RES/1689 (2006)")
    assert _ended(regime, "diamonds", as_of) == (Status.TERMINATED, dt.date(2007, 4, 27), "S/RES/1753 (2007)")
    assert _ended(regime, "travel-ban", as_of) == (Status.TERMINATED, dt.date(2015, 9, 2), "S/RES/2237 (2015)")
    assert _ended(regime, "assets-freeze", as_of) == (Status.TERMINATED, dt.date(2015, 9, 2), "S/RES/2237 (2015)")
    assert _ended(regime, "arms-embargo", as_of) == (Status.TERMINATED, dt.date(2016, 5, 25), "S/RES/2288 (2016)")
    assert _ended(regime, "panel", as_of) == (Status.TERMINATED, dt.date(2016, 5, 25), "S/RES/2288 (2016)")


def test_liberia_panel_to_2_july_2016_when_the_regime_ended(bundled: list[Regime]) -> None:
    panel = mandate_status(_regime(bundled, "liberia-2003"), "panel", dt.date(2016, 5, 24))
    assert (panel.status, panel.expires, panel.days_left) == (Status.EXPIRING, dt.date(2016, 7, 2), 39)


def test_sierra_leone_diamond_ban_lapsed_on_5_june_2003(bundled: list[Regime]) -> None:
    regime = _regime(bundled, "sierra-leone")
    diamonds = mandate_status(regime, "diamonds", dt.date(2003, 7, 1))
    assert (diamonds.status, diamonds.expires) == (Status.LAPSED, dt.date(2003, 6, 5))
    assert _ended(regime, "oil-embargo", dt.date(1998, 3, 16)) == (
        Status.TERMINATED,
        dt.date(1998, 3, 16),
        "S/RES/1156 (1998)",
    )
    for key in ("arms-embargo", "travel-ban"):
        assert mandate_status(regime, key, dt.date(2010, 9, 28)).status is Status.OPEN_ENDED
        assert _ended(regime, key, dt.date(2010, 9, 29)) == (
            Status.TERMINATED,
            dt.date(2010, 9, 29),
            "S/RES/1940 (2010)",
        )


def test_liberia_regimes_link_in_order(bundled: list[Regime]) -> None:
    links = {r.id: (r.preceded_by, r.succeeded_by) for r in bundled if r.id.startswith("liberia-")}
    assert links == {
        "liberia-1992": ("", "liberia-2001"),
        "liberia-2001": ("liberia-1992", "liberia-2003"),
        "liberia-2003": ("liberia-2001", ""),
    }


def test_1343_diamond_and_travel_bans_took_effect_on_7_may_2001(bundled: list[Regime]) -> None:
    regime = _regime(bundled, "liberia-2001")
    for key in ("diamonds", "travel-ban"):
        assert mandate_status(regime, key, dt.date(2001, 5, 6)).status is Status.NOT_ESTABLISHED
        assert mandate_status(regime, key, dt.date(2001, 5, 7)).status is Status.ACTIVE
    assert mandate_status(regime, "timber", dt.date(2003, 7, 6)).status is Status.NOT_ESTABLISHED
    assert mandate_status(regime, "timber", dt.date(2003, 7, 7)).status is Status.ACTIVE
