"""The mandate chart, drawn on a fixed-width colourless console."""

from __future__ import annotations

import datetime as dt

from sanctions.model import Regime
from sanctions.render.chart import chart
from tests.render.conftest import plain

CHART = """\
Testland — mandates as of 2022-06-01
          2020                  2021                   2022
measures   ███████████████████████████████████████████████████████████████████ →
panel      █████████████████████████████████████████████✖■      │
                                               as of 2022-06-01 ▲
█ in force   ✖ veto   ✗ failed draft   ■ lapsed   │ as of   → no end date
┄ data not verified
"""


def test_chart(sample: Regime) -> None:
    assert plain(chart(sample, dt.date(2022, 6, 1)), width=80) == CHART


OLDLAND = """\
Oldland — mandates as of 1989-06-01
              1966    1969   1972    1975   1978    1981   1984    1987   1990
measures        █████████████████████████████████░░░████████████████████░░
arms-embargo    ████████████████████████████████████████████████████████░░
                                                        as of 1989-06-01 ▲
█ in force   ✖ veto   ✗ failed draft   ■ lapsed   │ as of   → no end date
┄ data not verified   ░ suspended
"""


def test_suspended_stretches_are_drawn_apart_and_later_decisions_are_not(oldland: Regime) -> None:
    # As of 1989-06-01 both mandates are suspended (since 1 February, on a Secretary-General's
    # report); the termination adopted in 1990 is not yet known, so the bars stop at the as-of date.
    # The axis starts in 1966: the 1964 veto set nothing and has no mark in any lane.
    assert plain(chart(oldland, dt.date(1989, 6, 1)), width=80) == OLDLAND
