"""Plain-text tables for files and pipes: one line per row, aligned, no box drawing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sanctions.dataset.model import Regime
from sanctions.render import table
from sanctions.render.grid import PROSE, TEXT, Cell, Grid, to_text, write_text
from tests.render.conftest import plain

TIMELINE = """\
Testland — Committee established pursuant to resolution 9999 (2020)
Date        Kind         Document                       Title                                     Vote                   Sets
2020-01-10  established  S/RES/9999 (2020) / S/PV.9000  Regime established                        15-0-0                 measures → open-ended / panel → 2021-01-31
2021-01-20  renewed      S/RES/9998 (2021)              Panel renewed                             14-0-1                 panel → 2022-01-31
2022-01-25  ✖ veto       S/2022/10 † / S/PV.9100        Renewal [bold red]vetoed[/] | <b>*x*</b>  13-1-1 / veto: Russia  would have set: / panel → 2023-01-31
2022-01-31  ■ lapsed     S/RES/9998 (2021) †            Panel lapses                                                     panel lapsed
4 events · data verified to 2023-06-01 · ✖ draft not adopted · ■ mandate ended
† secondary sources only (no UN or Security Council Report source)
"""

TIMELINE_80 = """\
Testland — Committee established pursuant to resolution 9999 (2020)
Date        Kind         Document             Title
2020-01-10  established  S/RES/9999 (2020)    Regime established
                         S/PV.9000
    Vote: 15-0-0   Sets: measures → open-ended, panel → 2021-01-31
2021-01-20  renewed      S/RES/9998 (2021)    Panel renewed
    Vote: 14-0-1   Sets: panel → 2022-01-31
2022-01-25  ✖ veto       S/2022/10 †          Renewal [bold red]vetoed[/] |
                         S/PV.9100            <b>*x*</b>
    Vote: 13-1-1, veto: Russia   Sets: would have set: panel → 2023-01-31
2022-01-31  ■ lapsed     S/RES/9998 (2021) †  Panel lapses
    Sets: panel lapsed
4 events · data verified to 2023-06-01 · ✖ draft not adopted · ■ mandate ended
† secondary sources only (no UN or Security Council Report source)
"""


def test_a_pipe_gets_every_cell_whole_on_one_line_a_row(sample: Regime) -> None:
    assert to_text(table.timeline(sample, list(sample.events))) == TIMELINE


def test_a_width_lays_the_table_out_as_on_a_terminal(sample: Regime) -> None:
    output = to_text(table.timeline(sample, list(sample.events)), width=80)
    assert output == TIMELINE_80
    assert max(map(len, output.splitlines())) <= 80


def test_empty_columns_take_no_width() -> None:
    grid = Grid()
    grid.add_column("A")
    grid.add_column("Empty")
    grid.add_column("B")
    grid.add_row("x", "", "y")
    assert to_text(grid) == "A  B\nx  y\n"


def test_long_optional_text_goes_under_its_row_on_a_terminal_and_inline_in_a_pipe() -> None:
    grid = Grid()
    grid.add_column("A")
    grid.add_column("Disputed", under=True)
    grid.add_row("x", "rejected by several members")
    grid.add_row("y", "")
    assert to_text(grid, width=50) == "A\nx\n    Disputed: rejected by several members\ny\n"
    assert to_text(grid) == "A  Disputed\nx  rejected by several members\ny\n"


def test_multi_line_cells_join_on_one_line() -> None:
    grid = Grid()
    grid.add_column("A")
    grid.add_column("B")
    grid.add_row(Cell("one\ntwo", "bold"), "x")
    assert to_text(grid) == "A          B\none / two  x\n"


def test_cells_keep_their_styles_for_the_terminal() -> None:
    cell = Cell("13-1-1").append("\nveto: Russia", "bold red")
    assert cell.text().spans[0].style == "bold red"
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
    assert to_text(grid) == "Nothing\nA  B  C\n"
    assert to_text(grid, width=40) == "Nothing\nA  C\n"


def _designed() -> Grid:
    """A table that plugs into the layout by saying what each column is and how much it matters."""
    grid = Grid()
    grid.add_column("Date")
    grid.add_column("Member", TEXT, priority=1)
    grid.add_column("Mandate", PROSE)
    grid.add_column("Vote", priority=2)
    grid.add_column("Set by", priority=3, drop=True)
    long = "Panel of Experts (2002-2003, from 2018) / Monitoring Group (2003-2018)"
    grid.add_row(
        "2024-03-28",
        "Russian Federation",
        Cell(long, short="Panel (Monitoring Group 2003-18)"),
        "13-1-1",
        "S/RES/2680 (2023)",
    )
    grid.add_row("2023-08-30", "United States of America", "Travel ban and asset freeze", "13-1-1", "S/RES/2649 (2022)")
    return grid


DESIGNED_120 = """\
Date        Member                    Mandate                           Vote    Set by
2024-03-28  Russian Federation        Panel (Monitoring Group 2003-18)  13-1-1  S/RES/2680 (2023)
2023-08-30  United States of America  Travel ban and asset freeze       13-1-1  S/RES/2649 (2022)
"""
DESIGNED_80 = """\
Date        Member                    Mandate                           Vote
2024-03-28  Russian Federation        Panel (Monitoring Group 2003-18)  13-1-1
2023-08-30  United States of America  Travel ban and asset freeze       13-1-1
"""
DESIGNED_60 = """\
Date        Member            Mandate               Vote
2024-03-28  Russian           Panel (Monitoring     13-1-1
            Federation        Group 2003-18)
2023-08-30  United States of  Travel ban and asset  13-1-1
            America           freeze
"""
DESIGNED_60_WIDE = """\
Date        Member            Mandate                 Vote
2024-03-28  Russian           Panel of Experts        13-1-1
            Federation        (2002-2003, from 2018)
                              / Monitoring Group
                              (2003-2018)
    Set by: S/RES/2680 (2023)
2023-08-30  United States of  Travel ban and asset    13-1-1
            America           freeze
    Set by: S/RES/2649 (2022)
"""


def test_a_long_cell_gives_way_to_its_short_form_and_low_priority_columns_drop_first() -> None:
    assert plain(_designed(), width=120) == DESIGNED_120
    assert plain(_designed(), width=80) == DESIGNED_80  # "Set by" drops: priority 3
    assert plain(_designed(), width=60) == DESIGNED_60  # the text column wraps, on 3 lines at most


def test_wide_shows_what_a_narrow_terminal_drops_and_the_full_forms() -> None:
    assert plain(_designed().to_rich(wide=True), width=60) == DESIGNED_60_WIDE


def test_a_pipe_shows_the_full_forms_of_every_column() -> None:
    assert to_text(_designed()).splitlines()[1] == (
        "2024-03-28  Russian Federation        Panel of Experts (2002-2003, from 2018) / Monitoring Group (2003-2018)"
        "  13-1-1  S/RES/2680 (2023)"
    )


def test_a_symbol_and_its_year_are_never_split() -> None:
    grid = Grid()
    grid.add_column("What followed", PROSE)
    grid.add_row("adopted as S/RES/2402 (2018) the same day")
    assert plain(grid, width=20) == "What followed\nadopted as\nS/RES/2402 (2018)\nthe same day\n"


def test_a_note_too_long_for_its_line_is_cut_on_a_terminal_and_wrapped_in_a_file() -> None:
    grid = Grid()
    grid.add_column("Date")
    grid.add_column("Title", PROSE)
    grid.add_column("Vote", priority=1)
    grid.add_column("Abstaining", TEXT, priority=2)
    grid.add_row(
        "2016-12-23", "Arms embargo draft", "7-0-8", "Angola, China, Egypt, Japan, Malaysia, Russia, Senegal, Venezuela"
    )
    lines = plain(grid, width=44).splitlines()
    assert lines == [
        "Date        Title               Vote",
        "2016-12-23  Arms embargo draft  7-0-8",
        "    Abstaining: Angola, China, Egypt,…",
    ]
    # In a file laid out to a width nothing is cut: the note wraps.
    assert to_text(grid, width=44).endswith("Malaysia, Russia, Senegal,\n                Venezuela\n")


def test_a_terminal_gets_the_layout_with_styles_as_escape_sequences_without_rich() -> None:
    from sanctions.render.grid import to_terminal

    grid = Grid(title="Votes")
    grid.add_column("Vote")
    grid.add_row(Cell("13-1-1").append("\nveto: Russia", "bold red"))
    assert to_terminal(grid, 40) == "\x1b[1mVotes\x1b[0m\n\x1b[1mVote\x1b[0m\n13-1-1\n\x1b[1;31mveto: Russia\x1b[0m\n"
    assert to_terminal(grid, 40, colour=False) == "Votes\nVote\n13-1-1\nveto: Russia\n"  # NO_COLOR
