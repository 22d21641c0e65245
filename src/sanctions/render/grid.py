"""Tables and styled text kept as plain data: laid out for a terminal's width, or written whole for a pipe.

Building rich objects costs about a millisecond a row; a 10,000-event timeline written to a file
needs none of it. The renderers fill a Grid of Cells and say, for each column, how much it matters
(`priority`) and what it becomes when space is short. Two paths draw a grid, kept apart here rather
than in each command:

- `design` lays it out for a width, as gh and kubectl do: the prose column gets the room it needs,
  other cells wrap onto a few lines at most, short forms stand in for long ones, and low-priority
  columns move under each row as one-line notes or drop (shown again with `wide`). `to_rich` draws
  that on a terminal; `write_text(width=N)` writes the same layout as plain text, nothing dropped.
- `write_text()` with no width is for pipes and files: one line per row, every cell whole, columns
  aligned with spaces (kubectl's `get`) -- what grep, awk and diff want.
"""

from __future__ import annotations

import re
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
Parts = list[tuple[str, str]]  # a line as (text, style) pieces


class Cell:
    """Text made of styled parts, like rich's Text but without its layout machinery.

    Text is made inert as it is given (line breaks kept), so whatever a renderer forgets, no cell
    carries a control character or escape sequence to a terminal or file. A cell may carry a
    `short` form (a mandate's short label, a status in one word) that a narrow layout shows instead.
    """

    __slots__ = ("parts", "plain", "short")

    def __init__(self, text: str = "", style: str = "", short: Cell | str | None = None) -> None:
        text = inert_lines(text)
        self.parts: Parts = [(text, style)] if text else []
        self.plain = text  # the text without styles, kept as parts are added
        self.short: Cell | None = None if short is None else _cell(short)

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

    def to_rich(self, wide: bool = False) -> RenderableType:
        """The cell on a terminal: wrapped at words to the console's width, a symbol never split."""
        return _Drawn(self, wide)

    def text(self) -> Text:
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
    """A cell for the layout; a str is made inert on the way, as every Cell's text is."""
    return value if isinstance(value, Cell) else Cell(value)


# What a column holds decides how it may be narrowed on a terminal.
TOKEN = "token"  # each line is one unit (a date, a symbol, a tally, a status): never split, never cut
TEXT = "text"  # a few words (a name, a list of members): wraps at words onto a few lines at most
PROSE = "prose"  # the column people read (a title, what followed): takes the room that is left
_PROSE_SHARE = 3 / 8  # the prose column's floor: 30 columns of 80, 45 of 120
_NOTE_INDENT = "    "
# A space that does not break a line: inside a symbol and its year, "S/RES/2374 (2017)".
_BREAKS = re.compile(r" (?!\(\d{4}\))")


class Column:
    """A column: its header; whether it holds tokens, text or prose; its alignment; how much it
    matters (`priority` 0 always stands, higher numbers give way first); whether, giving way, it
    moves under each row as a one-line note or `drop`s (shown again with `--wide`); and `under`,
    for long optional text that always goes on its own line under the row."""

    __slots__ = ("drop", "header", "justify", "kind", "priority", "under")

    def __init__(
        self,
        header: str,
        kind: str = TOKEN,
        justify: str = "left",
        under: bool = False,
        priority: int = 0,
        drop: bool = False,
    ) -> None:
        self.header = header
        self.kind = kind
        self.justify = justify
        self.under = under
        self.priority = priority
        self.drop = drop


def _spans(line: str, width: int) -> list[tuple[int, int]]:
    """Where a line of text breaks to fit `width`: (start, end) offsets, at spaces, never inside a
    word or a symbol; a word longer than the width is folded (only when nothing else can fit)."""
    if len(line) <= width:
        return [(0, len(line))]
    spans: list[tuple[int, int]] = []
    start = end = 0
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+(?: \(\d{4}\))*", line)]
    for first, last in words:
        if end > start and last - start <= width:
            end = last
            continue
        if end > start:
            spans.append((start, end))
        start = first
        while last - start > width:  # a word wider than the column
            spans.append((start, start + width))
            start += width
        end = last
    if end > start or not spans:
        spans.append((start, end))
    return spans


def _line_count(text: str, width: int) -> int:
    return sum(len(_spans(line, width)) for line in text.split("\n"))


def _longest_word(text: str) -> int:
    return max((len(w) for w in re.findall(r"\S+(?: \(\d{4}\))*", text)), default=0)


def _slice(parts: Parts, start: int, end: int) -> Parts:
    """The styled pieces of a cell between two offsets of its plain text."""
    out: Parts = []
    at = 0
    for text, style in parts:
        stop = at + len(text)
        if stop > start and at < end:
            out.append((text[max(start - at, 0) : end - at], style))
        at = stop
        if at >= end:
            break
    return out


def _wrapped(cell: Cell, width: int) -> list[Parts]:
    """A cell as styled lines no wider than `width`."""
    lines: list[Parts] = []
    offset = 0
    for line in cell.plain.split("\n"):
        for start, end in _spans(line, width):
            lines.append(_slice(cell.parts, offset + start, offset + end))
        offset += len(line) + 1
    return lines


class Design:
    """A grid laid out for a width: the columns standing (and their widths), those shown in their
    short form, those moved under each row as notes, and those dropped."""

    __slots__ = ("dropped", "notes", "short", "shown", "widths")

    def __init__(self, shown: list[int], widths: list[int], short: set[int], notes: list[int], dropped: list[int]):
        self.shown = shown
        self.widths = widths
        self.short = short
        self.notes = notes
        self.dropped = dropped


def row_limit(width: int) -> int:
    """How many lines a row may take at a width, its notes aside: 4 below 120 columns, 3 from 120."""
    return 4 if width < 120 else 3


def design(columns: list[Column], rows: list[tuple[Cell, ...]], width: int, wide: bool = False) -> Design:
    """Lay the columns out in `width`: every column as it is if the prose column still gets its
    room, else with short forms, else without the least important column (the highest `priority`,
    the rightmost of equals), and so on; with `wide` nothing is dropped or shortened, only moved
    under the row."""
    count = len(columns)
    filled = [any(row[i].plain for row in rows) for i in range(count)] if rows else [True] * count
    inline = [i for i in range(count) if filled[i] and not columns[i].under]
    giving = sorted((i for i in inline if columns[i].priority > 0), key=lambda i: (-columns[i].priority, -i))
    # Short forms leave something out: never with `wide`.
    has_short = not wide and any(row[i].short is not None for row in rows for i in inline)
    limit = row_limit(width)
    cache: dict[tuple[int, bool], tuple[int, int, int]] = {}

    def needs(i: int, short: bool) -> tuple[int, int, int]:
        """(narrowest, acceptable, natural) widths of a column."""
        key = (i, short and columns[i].kind != PROSE)
        if key not in cache:
            column = columns[i]
            header = len(column.header)
            if column.kind == TOKEN:
                values = [_form(row[i], short).plain for row in rows]
            else:  # a cell too long for its line wraps, or gives way to its short form if it has one
                values = [(row[i] if wide else row[i].short or row[i]).plain for row in rows]
            natural = max([header, *(len(line) for row in rows for line in row[i].plain.split("\n"))])
            if column.kind == TOKEN:
                cache[key] = (natural, natural, natural)
            else:
                narrowest = max([header, *(_longest_word(value) for value in values)])
                lines = limit if column.kind == PROSE else limit - 1
                floor = min(natural, max(narrowest, round(width * _PROSE_SHARE))) if column.kind == PROSE else narrowest
                acceptable = floor
                if len(values) <= 500:  # a long table is not measured row by row
                    while acceptable < natural and any(_line_count(v, acceptable) > lines for v in values):
                        acceptable += 1
                cache[key] = (narrowest, acceptable, natural)
        return cache[key]

    def fit(shown: list[int], short: bool, strict: bool = True) -> list[int] | None:
        gaps = len(_GAP) * (len(shown) - 1)
        prose = [i for i in shown if columns[i].kind == PROSE]
        widths = {i: needs(i, short)[1 if strict or columns[i].kind != PROSE else 0] for i in shown}
        if not strict:  # every other column at its narrowest too
            widths = {i: needs(i, short)[0] if columns[i].kind != TOKEN else widths[i] for i in shown}
        left = width - gaps - sum(widths.values())
        if left < 0:
            return None
        # Room left over goes to the text columns first (a name read whole), then to the prose.
        for i in [i for i in shown if columns[i].kind == TEXT] + prose:
            extra = min(left, needs(i, short)[2] - widths[i])
            widths[i] += extra
            left -= extra
        return [widths[i] for i in shown]

    def done(shown: list[int], widths: list[int], short: bool) -> Design:
        gone = [i for i in inline if i not in shown]
        notes = [i for i in gone if wide or not columns[i].drop]
        notes += [i for i in range(count) if filled[i] and columns[i].under]
        dropped = [i for i in gone if i not in notes]
        return Design(shown, widths, set(shown) if short else set(), notes, dropped)

    for removed in range(len(giving) + 1):
        shown = [i for i in inline if i not in giving[:removed]]
        for short in (False, True) if has_short else (False,):
            widths = fit(shown, short)
            if widths is not None:
                return done(shown, widths, short)
    # Even the columns that always stand do not fit: narrow every column as far as it goes, then
    # move the rightmost under the row until the rest fit.
    shown = [i for i in inline if i not in giving]
    while True:
        widths = fit(shown, has_short, strict=False)
        if widths is not None:
            return done(shown, widths, has_short)
        if len(shown) == 1:
            return done(shown, [width], has_short)
        rightmost = max((i for i in shown if columns[i].kind != PROSE), default=shown[-1])
        shown.remove(rightmost)


def _pad(parts: Parts, width: int, justify: str) -> Parts:
    room = width - sum(len(text) for text, _ in parts)
    if room <= 0:
        return parts
    return [*parts, (" " * room, "")] if justify == "left" else [(" " * room, ""), *parts]


def _strip(parts: Parts) -> Parts:
    while parts and not parts[-1][0].rstrip():
        parts.pop()
    if parts:
        parts[-1] = (parts[-1][0].rstrip(), parts[-1][1])
    return parts


def _paragraph(cell: Cell, width: int, style: str = "", indent: str = "") -> Iterator[Parts]:
    """A title, caption or line of text wrapped at words to `width`, continuation lines indented."""
    offset = 0
    for line in cell.plain.split("\n"):
        room = width - len(indent)
        spans = _spans(line, width)
        if len(spans) > 1 and indent:  # the first piece at full width, the rest indented
            first = _spans(line, width)[0]
            spans = [first] + [(a + first[1], b + first[1]) for a, b in _spans(line[first[1] :], room)]
        for number, (start, end) in enumerate(spans):
            pieces = _slice(cell.parts, offset + start, offset + end)
            if number:
                pieces = [(pieces[0][0].lstrip(), pieces[0][1]), *pieces[1:]] if pieces else pieces
            lead = [(indent, "")] if number and indent else []
            yield lead + [(text, f"{style} {own}".strip()) for text, own in pieces]
        offset += len(line) + 1


def _note(header: str, cell: Cell, width: int, wide: bool) -> Iterator[Parts]:
    """A cell moved under its row: "    Header: value" on one line, the cell's lines joined by commas; cut with
    "…" at a word on a terminal, wrapped when `wide` (nothing may be cut in a file)."""
    label = f"{_NOTE_INDENT}{header}: "
    joined = Cell()
    for number, line in enumerate(_wrapped(cell, 10**9)):
        if number and line:  # "would have set:" runs on into what it introduces
            joined.append(" " if joined.plain.endswith(":") else ", ")
        for text, style in line:
            joined.append(text, style)
    if len(label) + len(joined.plain) <= width:
        yield [(label, "dim"), *joined.parts]
    elif wide:
        for number, line in enumerate(_wrapped(joined, max(width - len(label), 10))):
            yield [(label if number == 0 else " " * len(label), "dim" if number == 0 else ""), *line]
    else:
        room = max(width - len(label) - 1, 1)
        end = _spans(joined.plain, room)[0][1]
        yield [(label, "dim"), *_slice(joined.parts, 0, end), ("…", "dim")]


def _notes(notes: list[tuple[str, Cell]], width: int, wide: bool) -> Iterator[Parts]:
    """A row's notes, several on one line when they fit ("    Vote: 15-0-0   Sets: …")."""
    pending: Parts = []
    for header, cell in notes:
        lines = list(_note(header, cell, width, wide))
        if len(lines) == 1 and pending:
            line = lines[0]
            if len(_plain(pending)) + 3 + len(_plain(line)) - len(_NOTE_INDENT) <= width:
                pending += [("   ", ""), (line[0][0][len(_NOTE_INDENT) :], line[0][1]), *line[1:]]
                continue
        if pending:
            yield pending
        if len(lines) == 1:
            pending = lines[0]
        else:
            yield from lines
            pending = []
    if pending:
        yield pending


def _form(cell: Cell, short: bool) -> Cell:
    return cell.short if short and cell.short is not None else cell


def _longest_line(text: str) -> int:
    return max(map(len, text.split("\n")))


def _designed_lines(grid: Grid, width: int, wide: bool) -> Iterator[Parts]:
    """The grid laid out for `width`, as styled lines."""
    columns = grid.columns
    rows = [tuple(map(_cell, row)) for row in grid.rows()]
    if any(len(row) != len(columns) for row in rows):
        raise ValueError("a row has a different number of cells than the grid has columns")
    layout = design(columns, rows, width, wide)
    if grid.title is not None:
        yield from _paragraph(_cell(grid.title), width, "bold")
    justify = [columns[i].justify for i in layout.shown]
    kinds = [columns[i].kind for i in layout.shown]
    wrapped_rows = []
    for row in rows:
        cells = [
            _form(row[i], i in layout.short or (not wide and kind != TOKEN and _longest_line(row[i].plain) > w))
            for i, w, kind in zip(layout.shown, layout.widths, kinds, strict=True)
        ]
        wrapped_rows.append((row, [_wrapped(cell, w) for cell, w in zip(cells, layout.widths, strict=True)]))
    # A column whose long cells gave way to short forms is only as wide as what it shows.
    widths = [
        max([len(columns[i].header), *(len(_plain(line)) for _, wrapped in wrapped_rows for line in wrapped[n])])
        for n, i in enumerate(layout.shown)
    ]
    header = [[[(columns[i].header, "bold")]] for i in layout.shown]
    yield from _side_by_side(header, widths, justify)
    for row, wrapped in wrapped_rows:
        yield from _side_by_side(wrapped, widths, justify)
        yield from _notes([(columns[i].header, row[i]) for i in layout.notes if row[i].plain], width, wide)
    if grid.caption is not None:
        yield from _paragraph(_cell(grid.caption), width, "dim")


def _side_by_side(wrapped: list[list[Parts]], widths: list[int], justify: list[str]) -> Iterator[Parts]:
    last = len(widths) - 1
    for number in range(max(len(lines) for lines in wrapped)):
        line: Parts = []
        for position, (lines, width) in enumerate(zip(wrapped, widths, strict=True)):
            piece = lines[number] if number < len(lines) else []
            if position < last or justify[position] == "right":
                piece = _pad(piece, width, justify[position])
            line.extend(piece)
            if position < last:
                line.append((_GAP, ""))
        yield _strip(line)


class Grid:
    """A table: a title, columns, rows of cells, a caption; laid out for a terminal, or whole.

    Rows may be given lazily (`add_rows`), so a long table is built one row at a time as it is
    written to a pipe, never held whole as cells; a grid is therefore drawn once.
    """

    def __init__(self, title: Cell | str | None = None, caption: Cell | str | None = None) -> None:
        self.title = title
        self.caption = caption
        self.columns: list[Column] = []
        self._rows: list[Iterable[Row]] = []

    @property
    def headers(self) -> list[str]:
        return [column.header for column in self.columns]

    def add_column(
        self,
        header: str,
        kind: str = TOKEN,
        justify: str = "left",
        under: bool = False,
        priority: int = 0,
        drop: bool = False,
    ) -> None:
        """A column; see Column for what `priority` and `drop` say about it on a narrow terminal."""
        self.columns.append(Column(header, kind, justify, under, priority, drop))

    def add_row(self, *cells: Cell | str) -> None:
        self._rows.append((cells,))

    def add_rows(self, rows: Iterable[Row]) -> None:
        """Rows to build only when the grid is drawn."""
        self._rows.append(rows)

    def rows(self) -> Iterator[Row]:
        return chain.from_iterable(self._rows)

    def to_rich(self, wide: bool = False) -> RenderableType:
        return _Drawn(self, wide)

    def write_text(self, write: Callable[[str], object], width: int | None = None, wide: bool = False) -> None:
        """Plain text: laid out for `width` (nothing dropped or cut), or without one a line per row,
        every cell whole and the columns aligned, written a batch of lines at a time."""
        if width is not None:
            write("".join(_plain(line) + "\n" for line in _designed_lines(self, width, wide=True)))
            return
        # Only the cells' plain text is kept (the widths need every row before the first line).
        cells = [tuple(map(_flat, row)) for row in self.rows()]
        columns = self.columns
        # One pass over the columns gives both how wide each is and whether it holds anything.
        # (zip(strict=True) refuses a row with too few or too many cells.)
        content = [max(map(len, column)) for column in zip(*cells, strict=True)] if cells else [0] * len(columns)
        if len(content) != len(columns):
            raise ValueError("a row has a different number of cells than the grid has columns")
        shown = [i for i, size in enumerate(content) if size or not cells]
        widths = [max(len(columns[i].header), content[i]) for i in shown]
        if self.title is not None:
            write(_flat(self.title) + "\n")
        # Every column padded to its width but the last; trailing spaces of empty cells trimmed.
        line = _GAP.join(
            [
                f"%{'-' if columns[i].justify == 'left' else ''}{w}s"
                for i, w in zip(shown[:-1], widths[:-1], strict=True)
            ]
            + ["%s" if columns[shown[-1]].justify == "left" else f"%{widths[-1]}s"]
        )
        header = (line % tuple(self.headers[i] for i in shown)).rstrip() + "\n"
        if len(shown) == len(columns):  # the usual case: one template per line
            rendered: Iterable[str] = ((line % row).rstrip() + "\n" for row in cells)
        else:
            rendered = ((line % tuple(row[i] for i in shown)).rstrip() + "\n" for row in cells)
        text = chain([header], rendered)
        while batch := list(islice(text, _BATCH)):
            write("".join(batch))
        if self.caption is not None:
            write("".join(f"{line}\n" for line in _cell(self.caption).plain.split("\n")))


def _plain(parts: Parts) -> str:
    return "".join(text for text, _ in parts)


class _Drawn:
    """A grid or a line of text laid out for a terminal and drawn by rich, styles kept."""

    def __init__(self, drawable: Grid | Cell, wide: bool) -> None:
        self.drawable = drawable
        self.wide = wide

    def __rich_console__(self, console: Any, options: Any) -> Iterator[Any]:
        from rich.text import Text

        width = options.max_width
        if isinstance(self.drawable, Cell):
            lines: Iterable[Parts] = _paragraph(self.drawable, width, indent=_NOTE_INDENT)
        else:
            lines = _designed_lines(self.drawable, width, self.wide)
        for line in lines:
            yield Text.assemble(*line, end="\n")


# Select Graphic Rendition codes for the few styles the renderers use (see render.PALETTE).
_SGR = {"bold": "1", "dim": "2", "italic": "3", "underline": "4"}
_COLOURS = {"red": "31", "green": "32", "yellow": "33", "blue": "34", "magenta": "35", "cyan": "36", "white": "37"}


def _sgr(style: str) -> str:
    return ";".join(code for code in (_SGR.get(word) or _COLOURS.get(word) for word in style.split()) if code)


def _lines_of(drawable: Drawable, width: int, wide: bool) -> Iterator[Parts]:
    if isinstance(drawable, Grid):
        yield from _designed_lines(drawable, width, wide)
    elif isinstance(drawable, Cell):
        yield from _paragraph(drawable, width, indent=_NOTE_INDENT)
    else:
        for item in drawable.items:
            yield from _lines_of(item, width, wide)


def to_terminal(drawable: Drawable, width: int, wide: bool = False, colour: bool = True) -> str:
    """What a terminal shows: the layout for `width`, styled with escape sequences unless `colour` is
    off (NO_COLOR). Drawn without rich: a table on a terminal starts as fast as one written to a file."""
    out = []
    for line in _lines_of(drawable, width, wide):
        for text, style in line:
            code = _sgr(style) if style and colour else ""
            out.append(f"\x1b[{code}m{text}\x1b[0m" if code and text else text)
        out.append("\n")
    return "".join(out)


class Blocks:
    """Tables and lines shown one after another."""

    def __init__(self, *items: Grid | Cell) -> None:
        self.items = list(items)

    def to_rich(self, wide: bool = False) -> RenderableType:
        from rich.console import Group

        return Group(*(item.to_rich(wide) for item in self.items))

    def write_text(self, write: Callable[[str], object], width: int | None = None, wide: bool = False) -> None:
        for item in self.items:
            write_text(item, write, width, wide)


Drawable = Grid | Blocks | Cell


def write_text(
    drawable: Drawable, write: Callable[[str], object], width: int | None = None, wide: bool = False
) -> None:
    """Plain text for a file or pipe, given to `write` in pieces: every word kept; laid out for
    `width` if one is given, else one line per row."""
    if isinstance(drawable, Cell):
        if width is None:
            write(drawable.plain + "\n")
        else:
            write("".join(_plain(line) + "\n" for line in _paragraph(drawable, width, indent=_NOTE_INDENT)))
    else:
        drawable.write_text(write, width, wide)


def to_text(drawable: Drawable, width: int | None = None, wide: bool = False) -> str:
    """Plain text for a file or pipe, as one string."""
    pieces: list[str] = []
    write_text(drawable, pieces.append, width, wide)
    return "".join(pieces)
