"""Plain-text tables for files and pipes: one line per row, aligned, no box drawing."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from sanctions.model import Regime
from sanctions.render import table
from sanctions.render.plain import convertible, plain

TIMELINE = """\
Testland — Committee established pursuant to resolution 9999 (2020)
Date        Kind         Document                       Title                                     Vote                   Sets
2020-01-10  established  S/RES/9999 (2020) / S/PV.9000  Regime established                        15-0-0                 measures → open-ended / panel → 2021-01-31
2021-01-20  renewed      S/RES/9998 (2021)              Panel renewed                             14-0-1                 panel → 2022-01-31
2022-01-25  ✖ veto       S/2022/10 / S/PV.9100          Renewal [bold red]vetoed[/] | <b>*x*</b>  13-1-1 / veto: Russia  would have set: / panel → 2023-01-31
2022-01-31  ■ lapsed     S/RES/9998 (2021)              Panel lapses                                                     panel lapsed
4 events · data verified to 2023-06-01
"""


def test_timeline(sample: Regime) -> None:
    assert plain(table.timeline(sample, list(sample.events))) == TIMELINE


def test_multi_line_cells_join_on_one_line() -> None:
    grid = Table("A", "B")
    grid.add_row(Text("one\ntwo"), "x")
    assert plain(grid) == "A          B\none / two  x\n"


def test_what_it_converts(sample: Regime) -> None:
    from sanctions.render.chart import chart

    assert convertible(table.timeline(sample, list(sample.events)))
    assert not convertible(chart(sample, sample.verified))
