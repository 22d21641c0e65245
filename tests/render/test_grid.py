"""Plain-text tables for files and pipes: one line per row, aligned, no box drawing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sanctions.model import Regime
from sanctions.render import table
from sanctions.render.grid import Cell, Grid, to_text, write_text

TIMELINE = """\
Testland — Committee established pursuant to resolution 9999 (2020)
Date        Kind         Document                       Title                                  Vote                   Sets
2020-01-10  established  S/RES/9999 (2020) / S/PV.9000  Regime established                     15-0-0                 measures → open-ended / panel → 2021-01-31
2021-01-20  renewed      S/RES/9998 (2021)              Panel renewed                          14-0-1                 panel → 2022-01-31
2022-01-25  ✖ veto       S/2022/10 † / S/PV.9100        Renewal [bold red]vetoed[/] |…         13-1-1 / veto: Russia  would have set: / panel → 2023-01-31
2022-01-31  ■ lapsed     S/RES/9998 (2021) †            Panel lapses                                                  panel lapsed
4 events · data verified to 2023-06-01 · ✖ draft not adopted · ■ mandate ended
† secondary sources only (no UN or Security Council Report source)
"""

TIMELINE_80 = """\
Testland — Committee established pursuant to resolution 9999 (2020)
Date        Kind         Document                       Title
2020-01-10  established  S/RES/9999 (2020) / S/PV.9000  Regime established
    Vote: 15-0-0
    Sets: measures → open-ended / panel → 2021-01-31
2021-01-20  renewed      S/RES/9998 (2021)              Panel renewed
    Vote: 14-0-1
    Sets: panel → 2022-01-31
2022-01-25  ✖ veto       S/2022/10 † / S/PV.9100        Renewal [bold…
    Vote: 13-1-1 / veto: Russia
    Sets: would have set: / panel → 2023-01-31
2022-01-31  ■ lapsed     S/RES/9998 (2021) †            Panel lapses
    Sets: panel lapsed
4 events · data verified to 2023-06-01 · ✖ draft not adopted · ■ mandate ended
† secondary sources only (no UN or Security Council Report source)
"""

TIMELINE_WIDE = """\
Testland — Committee established pursuant to resolution 9999 (2020)
Date        Kind         Document                       Title                                     Vote                   Sets
2020-01-10  established  S/RES/9999 (2020) / S/PV.9000  Regime established                        15-0-0                 measures → open-ended / panel → 2021-01-31
2021-01-20  renewed      S/RES/9998 (2021)              Panel renewed                             14-0-1                 panel → 2022-01-31
2022-01-25  ✖ veto       S/2022/10 † / S/PV.9100        Renewal [bold red]vetoed[/] | <b>*x*</b>  13-1-1 / veto: Russia  would have set: / panel → 2023-01-31
2022-01-31  ■ lapsed     S/RES/9998 (2021) †            Panel lapses                                                     panel lapsed
4 events · data verified to 2023-06-01 · ✖ draft not adopted · ■ mandate ended
† secondary sources only (no UN or Security Council Report source)
"""


def test_timeline(sample: Regime) -> None:
    assert to_text(table.timeline(sample, list(sample.events))) == TIMELINE


def test_timeline_at_80_columns_cuts_prose_and_folds_the_rest_under_each_row(sample: Regime) -> None:
    output = to_text(table.timeline(sample, list(sample.events)), width=80)
    assert output == TIMELINE_80
    assert max(map(len, output.splitlines())) <= 80


def test_timeline_wide_shows_every_cell_whole(sample: Regime) -> None:
    assert to_text(table.timeline(sample, list(sample.events)), wide=True) == TIMELINE_WIDE


def test_empty_columns_take_no_width() -> None:
    grid = Grid()
    grid.add_column("A")
    grid.add_column("Empty")
    grid.add_column("B")
    grid.add_row("x", "", "y")
    assert to_text(grid) == "A  B\nx  y\n"


def test_long_optional_text_goes_under_its_row() -> None:
    grid = Grid()
    grid.add_column("A")
    grid.add_column("Disputed", under=True)
    grid.add_row("x", "rejected by several members")
    grid.add_row("y", "")
    assert to_text(grid) == "A\nx\n    Disputed: rejected by several members\ny\n"


def test_multi_line_cells_join_on_one_line() -> None:
    grid = Grid()
    grid.add_column("A")
    grid.add_column("B")
    grid.add_row(Cell("one\ntwo", "bold"), "x")
    assert to_text(grid) == "A          B\none / two  x\n"


def test_cells_keep_their_styles_for_the_terminal() -> None:
    cell = Cell("13-1-1").append("\nveto: Russia", "bold red")
    assert cell.to_rich().spans[0].style == "bold red"
    assert cell.plain == "13-1-1\nveto: Russia"


def test_long_tables_are_written_in_batches_and_built_lazily() -> None:
    built: list[int] = []

    def rows() -> Iterator[tuple[str, str]]:
        for number in range(2500):
            built.append(number)
            yield str(number), "x" * (number % 7)

    grid = Grid(title="Numbers")
    grid.add_column("N")
    grid.add_column("Xs")
    grid.add_rows(rows())
    assert built == []  # nothing is built before the grid is drawn
    pieces: list[str] = []
    write_text(grid, pieces.append)
    assert len(pieces) == 1 + 3  # the title, then 2,501 lines in batches of 1,000
    lines = "".join(pieces).splitlines()
    assert lines[:3] == ["Numbers", "N     Xs", "0"]
    assert lines[-2:] == ["2498  " + "x" * (2498 % 7), "2499"]  # 2499 % 7 == 0: trailing spaces trimmed
    assert len(lines) == 2502


def test_a_row_with_too_few_cells_is_refused() -> None:
    grid = Grid()
    grid.add_column("A")
    grid.add_column("B")
    grid.add_row("only one")
    with pytest.raises(ValueError):
        to_text(grid)


def test_an_empty_table_shows_its_headers() -> None:
    grid = Grid(title="Nothing")
    grid.add_column("A")
    grid.add_column("B", under=True)
    grid.add_column("C")
    assert to_text(grid) == "Nothing\nA  C\n"
