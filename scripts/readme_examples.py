"""Print the README's example outputs as a 100-column terminal without colour shows them.

    python scripts/readme_examples.py

Paste the blocks into README.md when the commands' output changes; tests/test_docs.py checks
that every example in the README still matches what this prints.
"""

from __future__ import annotations

import io
import os
import shlex
import sys
from unittest import mock

from typer.testing import CliRunner

from sanctions.cli import app

EXAMPLES = [
    "sanctions timeline mali --since 2022-01-01",
    "sanctions expiry mali dprk --as-of 2024-04-01",
    "sanctions chart dprk --as-of 2024-05-01",
    "sanctions vetoes mali dprk",
]


def render(command: str) -> str:
    """The command's output on a 100-column terminal with colour off."""
    import rich.console

    def terminal(width: int) -> rich.console.Console:
        return rich.console.Console(highlight=False, width=100, color_system=None, force_terminal=True, file=sys.stdout)

    with (
        mock.patch("sanctions.cli._is_terminal", return_value=True),
        mock.patch("sanctions.cli._console", terminal),
        mock.patch.dict(os.environ, {"NO_COLOR": "1"}),
    ):
        result = CliRunner().invoke(app, shlex.split(command)[1:])
    return "\n".join(line.rstrip() for line in result.stdout.splitlines()) + "\n"


if __name__ == "__main__":
    out = io.StringIO()
    for command in EXAMPLES:
        out.write(f"```\n$ {command}\n{render(command)}```\n\n")
    sys.stdout.write(out.getvalue())
