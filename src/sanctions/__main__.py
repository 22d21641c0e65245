"""Run the command line as `python -m sanctions`."""

from sanctions.cli.entry import main

main()
