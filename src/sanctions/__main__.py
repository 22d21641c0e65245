"""Run the command line as `python -m sanctions`."""

from sanctions.entry import main

main()
