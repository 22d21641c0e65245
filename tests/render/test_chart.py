"""The mandate chart, drawn on a fixed-width colourless console."""

from __future__ import annotations

import datetime as dt

from sanctions.dataset.model import Regime
from sanctions.render.chart import chart
from tests.render.conftest import plain

CHART = """\
Testland — mandates as of 2022-06-01
                  2020                2021               2022
Asset freeze      ████████████████████████████████████████████████████████████ →
Panel of Experts  █████████████████████████████████████████✖     │
                                                as of 2022-06-01 ▲
█ in force   ✖ veto   ○ failed draft   ■ lapsed   │ as of   → no end date
┄ data not verified
"""


def test_chart(sample: Regime) -> None:
    assert plain(chart(sample, dt.date(2022, 6, 1)), width=80) == CHART


OLDLAND = """\
Oldland — mandates as of 1989-06-01
               1966   1969    1972   1975    1978   1981    1984   1987
Trade embargo    █████████████████████████████████░░░███████████████████░░
Arms embargo     ███████████████████████████████████████████████████████░░
                                                        as of 1989-06-01 ▲
█ in force   ✖ veto   ○ failed draft   ■ lapsed   │ as of   → no end date
┄ data not verified   ░ suspended
"""


def test_suspended_stretches_are_drawn_apart_and_later_decisions_are_not(oldland: Regime) -> None:
    # As of 1989-06-01 both mandates are suspended (since 1 February, on a Secretary-General's
    # report); the termination adopted in 1990 is not yet known, so the bars stop at the as-of date.
    # The axis starts in 1966: the 1964 veto set nothing and has no mark in any lane.
    assert plain(chart(oldland, dt.date(1989, 6, 1)), width=80) == OLDLAND


def test_every_dprk_veto_is_drawn_apart_from_failed_drafts(bundled: list[Regime]) -> None:
    from sanctions.render.chart import FAILED, VETO

    dprk = next(regime for regime in bundled if regime.id == "dprk")
    lines = plain(chart(dprk, dt.date(2024, 5, 1)), width=100).splitlines()
    lanes = {line[:34].strip(): line[34:] for line in lines[2:4]}
    # 2022: S/2022/431, new measures (it would have set no expiry), on the measures' lane;
    # 2024: SC/15648, the Panel's renewal, on the Panel's lane. Lanes carry the short labels.
    assert lanes["Arms, nuclear and sectoral bans"].count(VETO) == 1
    assert lanes["Panel of Experts"].count(VETO) == 1
    legend = "\n".join(lines[-2:])
    assert VETO != FAILED and f"{VETO} veto" in legend and f"{FAILED} failed draft" in legend


def test_axis_labels_of_short_years_never_run_together(sample: Regime) -> None:
    # As of year 1 the axis spans two millennia: years of one to three digits, each apart from the next.
    axis = plain(chart(sample, dt.date(1, 1, 1)), width=120).splitlines()[1]
    labels = axis.split()
    assert labels[0] == "1" and len(labels) > 5
    assert [int(label) for label in labels] == sorted(int(label) for label in labels)
    assert "  " in axis.strip() and len(axis) <= 120
    assert all(len(label) <= 4 for label in labels)
