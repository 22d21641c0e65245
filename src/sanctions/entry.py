"""The `sanctions` command: answers --version at once and hands everything else to the CLI."""

from __future__ import annotations

import sys


def main() -> None:
    """Entry point of the `sanctions` script and of `python -m sanctions`."""
    # Scripts ask for the version often; building the whole typer app to print it costs 20 ms.
    if sys.argv[1:] == ["--version"]:
        from sanctions import __version__

        sys.stdout.write(f"sanctions {__version__}\n")
        return
    from sanctions.cli import run

    run()
