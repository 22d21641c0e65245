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
█ in force   ✖ veto   ✗ failed draft   ■ lapsed   │ as of   → no end date   ┄
data not verified
"""


def test_chart(sample: Regime) -> None:
    assert plain(chart(sample, dt.date(2022, 6, 1)), width=80) == CHART
