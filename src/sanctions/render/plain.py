"""Tables as plain aligned text, one line per row: what a file or pipe gets instead of box drawing.

rich lays a table out at about a millisecond a row, which is fine for a screen and far too slow
for a 10,000-event timeline written to a file; and one line per row is what grep and diff want.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

_GAP = "  "


def _cell(renderable: RenderableType) -> str:
    text = renderable.plain if isinstance(renderable, Text) else str(renderable)
    return " / ".join(part for part in text.splitlines() if part)


def _table(table: Table) -> list[str]:
    columns = [[_cell(c.header), *(_cell(cell) for cell in c.cells)] for c in table.columns]
    if not columns:
        return []
    widths = [max(len(value) for value in column) for column in columns]
    rows = zip(*columns, strict=True)
    lines = [_cell(table.title)] if table.title else []
    for row in rows:
        padded = (value.ljust(width) for value, width in zip(row, widths, strict=True))
        lines.append(_GAP.join(padded).rstrip())
    if table.caption:
        lines.append(_cell(table.caption))
    return lines


def convertible(renderable: RenderableType) -> bool:
    """True for what this module can write: tables, text, and groups of them."""
    if isinstance(renderable, Group):
        return all(convertible(r) for r in renderable.renderables)
    return isinstance(renderable, (Table, Text, str))


def plain(renderable: RenderableType) -> str:
    """The renderable as plain text lines."""
    if isinstance(renderable, Group):
        return "".join(plain(r) for r in renderable.renderables)
    if isinstance(renderable, Table):
        return "\n".join(_table(renderable)) + "\n"
    return _cell(renderable) + "\n"
