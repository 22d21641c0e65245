"""Tables and styled text kept as plain data, drawn by rich on a terminal or written as aligned text.

Building rich objects costs about a millisecond a row; a 10,000-event timeline written to a file
needs none of it. The renderers fill a Grid of Cells; `to_rich` draws it on a terminal and
`write_text` writes it one line per row, aligned, for files and pipes (what grep and diff want).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain, islice
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from sanctions.render import inert_lines

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

_GAP = "  "
_BATCH = 1000  # lines per write

Row = Sequence["Cell | str"]


class Cell:
    """Text made of styled parts, like rich's Text but without its layout machinery.

    Text is made inert as it is given (line breaks kept), so whatever a renderer forgets, no cell
    carries a control character or escape sequence to a terminal or file.
    """

    __slots__ = ("parts", "plain")

    def __init__(self, text: str = "", style: str = "") -> None:
        text = inert_lines(text)
        self.parts: list[tuple[str, str]] = [(text, style)] if text else []
        self.plain = text  # the text without styles, kept as parts are added

    def append(self, text: str, style: str = "") -> Cell:
        text = inert_lines(text)
        if text:
            self.parts.append((text, style))
            self.plain += text
        return self

    def rstrip(self) -> None:
        while self.parts and not self.parts[-1][0].rstrip():
            self.parts.pop()
        if self.parts:
            text, style = self.parts[-1]
            self.parts[-1] = (text.rstrip(), style)
        self.plain = "".join(text for text, _ in self.parts)

    def to_rich(self) -> Text:
        from rich.text import Text

        return Text.assemble(*self.parts)


def _flat(value: Cell | str) -> str:
    """A cell on one line, made inert: its lines joined with " / "."""
    if value.__class__ is str:
        if value.isprintable():  # most cells of a long table: nothing to do
            return value
        text = inert_lines(value)
    else:
        text = value.plain  # type: ignore[union-attr]  # a Cell's text is inert already
    return text if "\n" not in text else " / ".join(filter(None, text.split("\n")))


def _cell(value: Cell | str) -> Cell:
    """A cell for rich; a str is made inert on the way, as every Cell's text is."""
    return value if isinstance(value, Cell) else Cell(value)


PROSE = "prose"  # wraps at word boundaries on a terminal; cut short with "…" in a file or pipe
TOKEN = "token"  # each line is one unit (a date, a symbol, a tally, a kind): never split, never cut
_PROSE_MIN = 12  # the narrowest a prose column is cut to in a file or pipe
_FOLD_INDENT = "    "


class Column:
    """A column: its header, whether its lines are tokens or prose, its alignment, and whether it
    is long optional text that always goes on its own line under the row (`under`)."""

    __slots__ = ("header", "justify", "kind", "under")

    def __init__(self, header: str, kind: str = TOKEN, justify: str = "left", under: bool = False) -> None:
        self.header = header
        self.kind = kind
        self.justify = justify
        self.under = under


class _Layout:
    """Which columns stand in the table at which widths, and which are folded under each row."""

    __slots__ = ("folded", "shown", "widths")

    def __init__(self, shown: list[int], widths: list[int], folded: list[int]) -> None:
        self.shown = shown
        self.widths = widths
        self.folded = folded


def _fill(natural: list[int], minimum: list[int], prose: list[bool], room: int) -> list[int]:
    """Token columns at their width; prose columns share what is left, narrowest needs first."""
    widths = [n if not p else m for n, m, p in zip(natural, minimum, prose, strict=True)]
    left = room - sum(widths)
    wanting = sorted((i for i, p in enumerate(prose) if p), key=lambda i: natural[i] - minimum[i])
    for count, i in enumerate(wanting):
        extra = min(natural[i] - minimum[i], left // (len(wanting) - count))
        widths[i] += extra
        left -= extra
    return widths


def _layout(columns: list[Column], natural: list[int], minimum: list[int], filled: list[bool], width: int) -> _Layout:
    """Fit the columns in `width`: as they are, or with prose narrowed, or with the rightmost
    columns moved under each row until the rest fit. Empty columns take no width."""
    if not any(filled):  # no rows: the headers alone say what would be listed
        filled = [True] * len(columns)
    shown = [i for i, column in enumerate(columns) if filled[i] and not column.under]
    folded: list[int] = []
    while True:
        gaps = len(_GAP) * (len(shown) - 1)
        natural_shown = [natural[i] for i in shown]
        minimum_shown = [minimum[i] for i in shown]
        if sum(natural_shown) + gaps <= width:
            widths = natural_shown
            break
        if sum(minimum_shown) + gaps <= width or len(shown) == 1:
            prose = [columns[i].kind == PROSE for i in shown]
            widths = _fill(natural_shown, minimum_shown, prose, width - gaps)
            break
        folded.insert(0, shown.pop())
    folded += [i for i, column in enumerate(columns) if filled[i] and column.under]
    return _Layout(shown, widths, folded)


def _cut(text: str, width: int) -> str:
    """Prose cut to `width` characters, at a word if one ends late enough, marked with "…"."""
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > width // 2 else cut).rstrip() + "…"


def _wrap(text: str, width: int, indent: str = "") -> list[str]:
    """Text wrapped at spaces to `width`, continuation lines indented; a word is never split."""
    import textwrap

    return textwrap.wrap(text, width, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False) or [""]


def _paragraphs(value: Cell | str, width: int) -> str:
    """A title or caption for a file or pipe: each of its lines wrapped to `width`."""
    text = _cell(value).plain
    return "".join(f"{piece}\n" for line in text.split("\n") for piece in _wrap(line, width))


class Grid:
    """A table: a title, columns, rows of cells, a caption; laid out to fit a width.

    On a terminal cells wrap (prose at word boundaries; tokens never split); in a file or pipe each
    row is one line, prose cut short with "…" unless `wide`. When the columns cannot fit, the
    rightmost move under each row as "Header: value" lines; no data is dropped at any width.
    Rows may be given lazily (`add_rows`), so a long table is built one row at a time as it is
    drawn, never held whole as cells; a grid is therefore drawn once.
    """

    def __init__(self, title: Cell | str | None = None, caption: Cell | str | None = None) -> None:
        self.title = title
        self.caption = caption
        self.columns: list[Column] = []
        self._rows: list[Iterable[Row]] = []

    @property
    def headers(self) -> list[str]:
        return [column.header for column in self.columns]

    def add_column(self, header: str, kind: str = TOKEN, justify: str = "left", under: bool = False) -> None:
        self.columns.append(Column(header, kind, justify, under))

    def add_row(self, *cells: Cell | str) -> None:
        self._rows.append((cells,))

    def add_rows(self, rows: Iterable[Row]) -> None:
        """Rows to build only when the grid is drawn."""
        self._rows.append(rows)

    def rows(self) -> Iterator[Row]:
        return chain.from_iterable(self._rows)

    def to_rich(self) -> RenderableType:
        return _Drawn(self)

    def write_text(self, write: Callable[[str], object], width: int = 160, wide: bool = False) -> None:
        """Aligned text, one line per row (plus folded lines), written a batch of lines at a time."""
        # Only the cells' plain text is kept (the widths need every row before the first line).
        cells = [tuple(map(_flat, row)) for row in self.rows()]
        columns = self.columns
        # One pass over the columns gives both how wide each is and whether it holds anything.
        # (zip(strict=True) refuses a row with too few or too many cells.)
        content = [max(map(len, column)) for column in zip(*cells, strict=True)] if cells else [0] * len(columns)
        if len(content) != len(columns):
            raise ValueError("a row has a different number of cells than the grid has columns")
        filled = [width > 0 for width in content]
        natural = [max(len(c.header), width) for c, width in zip(columns, content, strict=True)]
        minimum = [
            n if c.kind == TOKEN or wide else min(n, max(len(c.header), _PROSE_MIN))
            for c, n in zip(columns, natural, strict=True)
        ]
        layout = _layout(columns, natural, minimum, filled, 10**9 if wide else width)
        if self.title is not None:
            write(_paragraphs(self.title, width))
        shown, widths = layout.shown, layout.widths
        # Every column padded to its width but the last; trailing spaces of empty cells trimmed.
        line = _GAP.join(
            [
                f"%{'-' if columns[i].justify == 'left' else ''}{w}s"
                for i, w in zip(shown[:-1], widths[:-1], strict=True)
            ]
            + ["%s" if columns[shown[-1]].justify == "left" else f"%{widths[-1]}s"]
        )
        cut = [
            (position, width)
            for position, (i, width) in enumerate(zip(shown, widths, strict=True))
            if columns[i].kind == PROSE and width < natural[i]
        ]
        labels = [(i, f"{_FOLD_INDENT}{columns[i].header}: ") for i in layout.folded]

        every = shown == list(range(len(columns)))

        # The shown cells of a row, picked in C; itemgetter of one index gives the cell, not a tuple.
        pick = itemgetter(*shown) if len(shown) > 1 else (lambda row: (row[shown[0]],))

        def main_line(row: tuple[str, ...]) -> str:
            values = row if every else pick(row)
            for position, limit in cut:  # a new row only where a cell is too long
                if len(values[position]) > limit:
                    values = (*values[:position], _cut(values[position], limit), *values[position + 1 :])
            return (line % values).rstrip() + "\n"

        def with_folded(row: tuple[str, ...]) -> str:
            text = main_line(row)
            for i, label in labels:
                value = row[i]
                if value:
                    folded = label + value
                    if len(folded) <= width:  # the usual case: no need to wrap
                        text += folded + "\n"
                    else:
                        text += "".join(f"{piece}\n" for piece in _wrap(folded, width, _FOLD_INDENT * 2))
            return text

        header = (line % tuple(self.headers[i] for i in shown)).rstrip() + "\n"
        rendered: Iterable[str]
        if labels:
            rendered = map(with_folded, cells)
        elif every and len(cut) == 1:  # the usual cut: one prose column, inline rather than a call a row
            ((i, limit),) = cut
            rendered = (
                (line % (row if len(row[i]) <= limit else (*row[:i], _cut(row[i], limit), *row[i + 1 :]))).rstrip()
                + "\n"
                for row in cells
            )
        elif cut or not every:
            rendered = map(main_line, cells)
        else:  # the usual case: every column whole, one template per line
            rendered = ((line % row).rstrip() + "\n" for row in cells)
        text = chain([header], rendered)
        while batch := list(islice(text, _BATCH)):
            write("".join(batch))
        if self.caption is not None:
            write(_paragraphs(self.caption, width))


class _Drawn:
    """A Grid drawn on a terminal by rich: cells wrap, tokens stay whole, styles kept."""

    def __init__(self, grid: Grid) -> None:
        self.grid = grid

    def __rich_console__(self, console: Any, options: Any) -> Iterator[Any]:

        grid, width = self.grid, options.max_width
        columns = grid.columns
        rows = [tuple(_cell(value) for value in row) for row in grid.rows()]
        if any(len(row) != len(columns) for row in rows):
            raise ValueError("a row has a different number of cells than the grid has columns")
        filled = [any(row[i].plain for row in rows) for i in range(len(columns))]

        def longest(values: Iterable[str], split: Callable[[str], list[str]]) -> int:
            return max((len(piece) for value in values for piece in split(value)), default=0)

        natural = [
            max(len(c.header), longest((r[i].plain for r in rows), str.splitlines)) for i, c in enumerate(columns)
        ]
        # A token line is never split, a word of prose never broken: those set how narrow a column may be.
        minimum = [
            max(
                longest([c.header], str.split),
                longest((r[i].plain for r in rows), str.splitlines if c.kind == TOKEN else str.split),
            )
            for i, c in enumerate(columns)
        ]
        layout = _layout(columns, natural, minimum, filled, width)
        if grid.title is not None:
            yield _styled(grid.title, "bold")
        justify = [columns[i].justify for i in layout.shown]
        header = [Cell(columns[i].header, "bold") for i in layout.shown]
        yield from _lines(console, header, layout.widths, justify)
        for row in rows:
            yield from _lines(console, [row[i] for i in layout.shown], layout.widths, justify)
            for i in layout.folded:
                if row[i].plain:
                    yield from _folded(console, columns[i].header, row[i], width)
        if grid.caption is not None:
            yield _styled(grid.caption, "dim")


def _folded(console: Any, header: str, cell: Cell, width: int) -> Iterator[Any]:
    """A cell moved under its row: "    Header: value", wrapped under the value, never splitting a word."""
    from rich.text import Text

    label = Text(f"{_FOLD_INDENT}{header}: ", style="dim")
    value = Text(" / ").join(line for line in cell.to_rich().split("\n") if line.plain)
    room = max(width - len(label), len(max(value.plain.split(), key=len, default="")))
    for number, line in enumerate(value.wrap(console, room, overflow="fold")):
        line.rstrip()
        yield (label if number == 0 else Text(" " * len(label))) + line


def _styled(value: Cell | str, style: str) -> Any:
    text = _cell(value).to_rich()
    text.stylize(style)
    return text


def _lines(console: Any, cells: list[Cell], widths: list[int], justify: list[str]) -> Iterator[Any]:
    """One table row as terminal lines: each cell wrapped to its column, the columns side by side."""
    from rich.text import Text

    wrapped = [
        cell.to_rich().wrap(console, width, justify=side, overflow="fold")  # type: ignore[arg-type]
        for cell, width, side in zip(cells, widths, justify, strict=True)
    ]
    for number in range(max(len(lines) for lines in wrapped)):
        line = Text()
        for position, (lines, width) in enumerate(zip(wrapped, widths, strict=True)):
            piece = lines[number].copy() if number < len(lines) else Text()
            if position < len(widths) - 1:
                piece.set_length(width)
                piece.append(_GAP)
            line.append_text(piece)
        line.rstrip()
        yield line


class Blocks:
    """Tables and lines shown one after another."""

    def __init__(self, *items: Grid | Cell) -> None:
        self.items = list(items)

    def to_rich(self) -> RenderableType:
        from rich.console import Group

        return Group(*(item.to_rich() for item in self.items))

    def write_text(self, write: Callable[[str], object], width: int = 160, wide: bool = False) -> None:
        for item in self.items:
            write_text(item, write, width, wide)


Drawable = Grid | Blocks | Cell


def write_text(drawable: Drawable, write: Callable[[str], object], width: int = 160, wide: bool = False) -> None:
    """Plain text for a file or pipe, given to `write` in pieces: lines fit `width` unless `wide`."""
    if isinstance(drawable, Cell):
        lines = (
            drawable.plain.split("\n")
            if wide
            else [w for part in drawable.plain.split("\n") for w in _wrap(part, width)]
        )
        write("".join(line + "\n" for line in lines))
    else:
        drawable.write_text(write, width, wide)


def to_text(drawable: Drawable, width: int = 160, wide: bool = False) -> str:
    """Plain text for a file or pipe, as one string."""
    pieces: list[str] = []
    write_text(drawable, pieces.append, width, wide)
    return "".join(pieces)
