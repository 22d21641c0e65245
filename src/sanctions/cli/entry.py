"""The `sanctions` command: answers --version at once and hands everything else to the CLI."""

from __future__ import annotations

import gc
import sys


def main() -> None:
    """Entry point of the `sanctions` script and of `python -m sanctions`."""
    sys.exit(_run())


def _run() -> int:
    from sanctions import streams

    streams.prepare()
    try:
        # Scripts ask for the version often; building the whole typer app to print it costs 20 ms.
        if sys.argv[1:] == ["--version"]:
            from sanctions import __version__

            sys.stdout.write(f"sanctions {__version__}\n")
            return streams.finish(0)
        # A command lives a fraction of a second and builds almost no reference cycles, while the
        # cyclic collector would walk every loaded event again and again (5 % of a warm 10,000-event
        # timeline): let reference counting alone free memory, as it does for all acyclic data.
        gc.disable()
        from sanctions.cli.app import run

        code = run()
    except KeyboardInterrupt:  # before the CLI catches it itself, while modules are still loading
        streams.say("sanctions: interrupted")
        return 130
    except OSError as error:  # standard output failed before or after a command ran
        return streams.finish(streams.output_failed(error))
    return streams.finish(code)
