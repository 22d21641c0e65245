"""Print the README's example outputs as an 80-column terminal without colour shows them.

    python scripts/readme_examples.py           # print them
    python scripts/readme_examples.py --write   # and replace the README's blocks with them

Run it with --write when the commands' output changes; tests/test_docs.py checks
that every example in the README still matches what this prints.
"""

from __future__ import annotations

import io
import os
import re
import shlex
import sys
from pathlib import Path
from unittest import mock

from typer.testing import CliRunner

from sanctions.cli.app import app

EXAMPLES = [
    "sanctions timeline mali --since 2022-01-01",
    "sanctions expiry mali dprk --as-of 2024-04-01",
    "sanctions chart dprk --as-of 2024-05-01",
    "sanctions vetoes mali dprk",
    "sanctions changes --since 2024-03-01 --until 2024-05-01",
    "sanctions votes mali --member FR",
    "sanctions regimes --as-of 1985-01-01",
    "sanctions expiry libya-1992 --as-of 2000-01-01",
]


def render(command: str) -> str:
    """The command's output on an 80-column terminal with colour off."""
    import rich.console

    def terminal(width: int, colour: bool = False) -> rich.console.Console:
        return rich.console.Console(
            highlight=False, width=width, color_system=None, force_terminal=True, file=sys.stdout
        )

    with (
        mock.patch("sanctions.cli.options._is_terminal", return_value=True),
        mock.patch("sanctions.cli.options._console", terminal),
        mock.patch.dict(os.environ, {"NO_COLOR": "1", "COLUMNS": "80"}),
    ):
        result = CliRunner().invoke(app, shlex.split(command)[1:])
    return "\n".join(line.rstrip() for line in result.stdout.splitlines()) + "\n"


def write_readme(path: Path) -> None:
    """Replace each example's block in the README with what the command prints now."""
    text = path.read_text(encoding="utf-8")
    for command in EXAMPLES:
        block = re.compile(r"```\n\$ " + re.escape(command) + r"\n.*?```", re.S)
        shown = f"```\n$ {command}\n{render(command)}```"
        text = block.sub(lambda _, shown=shown: shown, text, count=1)
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] == ["--write"]:
        write_readme(Path(__file__).resolve().parents[1] / "README.md")
        sys.exit(0)
    out = io.StringIO()
    for command in EXAMPLES:
        out.write(f"```\n$ {command}\n{render(command)}```\n\n")
    sys.stdout.write(out.getvalue())
