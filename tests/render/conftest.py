"""Render helpers: a fixed-width, colourless console for exact-output tests."""

from __future__ import annotations

import io

from rich.console import Console, RenderableType

from sanctions.render.grid import Blocks, Cell, Drawable, Grid


def plain(renderable: RenderableType | Drawable, width: int = 100) -> str:
    """What a 100-column terminal without colour shows."""
    console = Console(file=io.StringIO(), width=width, color_system=None, highlight=False)
    console.print(renderable.to_rich() if isinstance(renderable, (Grid, Blocks, Cell)) else renderable)
    output = console.file.getvalue()  # type: ignore[attr-defined]
    return "\n".join(line.rstrip() for line in output.splitlines()) + "\n"
