"""Run the command line as `python -m sanctions`."""

from sanctions.cli import run

run()
