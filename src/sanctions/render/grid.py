"""Tables and styled text kept as plain data, drawn by rich on a terminal or written as aligned text.

Building rich objects costs about a millisecond a row; a 10,000-event timeline written to a file
needs none of it. The renderers fill a Grid of Cells; `to_rich` draws it on a terminal and
`write_text` writes it one line per row, aligned, for files and pipes (what grep and diff want).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain, islice
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
    if isinstance(value, Cell):
        text = value.plain  # inert already
    elif value.isprintable():  # most cells of a long table: they need no call
        return value
    else:
        text = inert_lines(value)
    return text if "\n" not in text else " / ".join(filter(None, text.split("\n")))


def _cell(value: Cell | str) -> Cell:
    """A cell for rich; a str is made inert on the way, as every Cell's text is."""
    return value if isinstance(value, Cell) else Cell(value)


class Grid:
    """A table: a title, columns with rich's layout options, rows of cells, a caption.

    Rows may be given lazily (`add_rows`), so a long table is built one row at a time as it is
    drawn, never held whole as cells; a grid is therefore drawn once.
    """

    def __init__(self, title: Cell | str | None = None, caption: Cell | str | None = None) -> None:
        self.title = title
        self.caption = caption
        self.headers: list[str] = []
        self.options: list[dict[str, Any]] = []
        self._rows: list[Iterable[Row]] = []

    def add_column(self, header: str, **options: Any) -> None:
        self.headers.append(header)
        self.options.append(options)

    def add_row(self, *cells: Cell | str) -> None:
        self._rows.append((cells,))

    def add_rows(self, rows: Iterable[Row]) -> None:
        """Rows to build only when the grid is drawn."""
        self._rows.append(rows)

    def rows(self) -> Iterator[Row]:
        return chain.from_iterable(self._rows)

    def to_rich(self) -> RenderableType:
        from rich.table import Table

        table = Table(
            title=_cell(self.title).to_rich() if self.title is not None else None,
            caption=_cell(self.caption).to_rich() if self.caption is not None else None,
        )
        for header, options in zip(self.headers, self.options, strict=True):
            table.add_column(header, **options)
        for row in self.rows():
            table.add_row(*(_cell(value).to_rich() for value in row))
        return table

    def write_text(self, write: Callable[[str], object]) -> None:
        """Aligned text, one line per row, written a batch of lines at a time."""
        # Only the cells' plain text is kept (the widths need every row before the first line).
        cells = [tuple(map(_flat, row)) for row in self.rows()]
        widths = [max(map(len, column)) for column in zip(self.headers, *cells, strict=True)]
        if self.title is not None:
            write(_flat(self.title) + "\n")
        # Every column padded to its width but the last; trailing spaces of empty cells trimmed.
        line = _GAP.join([f"%-{width}s" for width in widths[:-1]] + ["%s"])
        lines = chain([tuple(self.headers)], cells)
        while batch := list(islice(lines, _BATCH)):
            write("".join([(line % row).rstrip() + "\n" for row in batch]))
        if self.caption is not None:
            write(_flat(self.caption) + "\n")


class Blocks:
    """Tables and lines shown one after another."""

    def __init__(self, *items: Grid | Cell) -> None:
        self.items = list(items)

    def to_rich(self) -> RenderableType:
        from rich.console import Group

        return Group(*(item.to_rich() for item in self.items))

    def write_text(self, write: Callable[[str], object]) -> None:
        for item in self.items:
            write_text(item, write)


Drawable = Grid | Blocks | Cell


def write_text(drawable: Drawable, write: Callable[[str], object]) -> None:
    """Plain text for a file or pipe, given to `write` in pieces."""
    if isinstance(drawable, Cell):
        write(drawable.plain + "\n")
    else:
        drawable.write_text(write)


def to_text(drawable: Drawable) -> str:
    """Plain text for a file or pipe, as one string."""
    pieces: list[str] = []
    write_text(drawable, pieces.append)
    return "".join(pieces)
