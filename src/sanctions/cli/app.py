"""The command line: the typer app, its global options, and the commands of cli/regimes.py, cli/council.py
and cli/files.py registered in the order --help lists them."""

# No `from __future__ import annotations` here: typer reads the commands' annotations at run time,
# and string annotations would cost it a compile and an eval each on every start.

import sys
from typing import Annotated, Any, Optional

import typer
from typer.core import TyperGroup

from sanctions import __version__, streams
from sanctions.cli import council, files, regimes
from sanctions.cli.options import _LAYOUT, _reader_gone
from sanctions.errors import SanctionsError
from sanctions.render import inert

EXIT_CODES = (
    "Exit codes: 0 ok (also when a reader such as `head` stops reading early) · 1 data, runtime or output error"
    " · 2 usage error · 3 expiry --check found a mandate expiring, or changes --check a change · 130 interrupted."
)


SCOPE_RULE = (
    "Commands about the past (timeline, show, votes, vetoes, changes) cover every regime since 1966 unless narrowed;"
    " commands about a date's state (regimes, expiry, chart) cover the regimes ongoing on --as-of (default today)."
)


# Options of the whole tool, accepted before or after the command (`sanctions timeline mali --debug`).
GLOBAL_FLAGS = ("--debug", "--no-cache", "--no-pager", "--wide")
GLOBAL_VALUES = ("--width",)


def _globals_first(args: list[str]) -> list[str]:
    """The arguments with the tool's own options moved before the command, where click reads them."""
    front: list[str] = []
    rest: list[str] = []
    words = iter(args)
    for word in words:
        if word == "--":  # everything after is an argument, whatever it looks like
            rest += [word, *words]
            break
        name = word.split("=", 1)[0]
        if word in GLOBAL_FLAGS or (name in GLOBAL_VALUES and "=" in word):
            front.append(word)
        elif word in GLOBAL_VALUES:
            front += [word, next(words, "")]
        else:
            rest.append(word)
    return front + rest


class _Commands(TyperGroup):
    """Turns every SanctionsError into one line on stderr and its exit code."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, _globals_first(args))
        except OSError as error:  # the tool's own --help, read by `| head -1`
            raise typer.Exit(streams.output_failed(error)) from None

    def invoke(self, ctx: Any) -> Any:  # typer 0.26+ bundles its own click; ctx is its Context
        try:
            return super().invoke(ctx)
        except SanctionsError as error:
            if ctx.meta.get("sanctions.debug"):
                raise
            # Messages quote regime files and paths: never let them drive the terminal.
            streams.say(f"sanctions: error: {inert(str(error))}")
            raise typer.Exit(error.exit_code) from None
        except KeyboardInterrupt:
            # Writes are atomic, so there is nothing half-done to clean up: say so in one line.
            streams.say("sanctions: interrupted")
            raise typer.Exit(130) from None
        except OSError as error:
            # Every file the tool reads or writes reports its own errors as a SanctionsError: what
            # is left is standard output closed, full, or a reader gone (`| head`, exit 0).
            if ctx.meta.get("sanctions.debug"):
                raise
            raise typer.Exit(streams.output_failed(error)) from None


app = typer.Typer(
    cls=_Commands,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="The UN Security Council's sanctions regimes: decisions, mandates, expiries and vetoes, offline.\n\n"
    + SCOPE_RULE
    + "\n\nExample: sanctions expiry --within 60d",
    epilog=EXIT_CODES,
)


def _version(show: bool) -> None:
    if show:
        typer.echo(f"sanctions {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback on errors.")] = False,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Parse every regime file afresh; neither read nor write the cache.")
    ] = False,
    width: Annotated[
        Optional[int],
        typer.Option(
            "--width",
            min=20,
            max=streams.MAX_WIDTH,
            metavar="N",
            help="Lay tables out for N columns, as on a terminal (in a file or pipe: one line per row without it).",
        ),
    ] = None,
    wide: Annotated[
        bool, typer.Option("--wide", help="On a terminal, show the columns a narrow layout leaves out, under each row.")
    ] = False,
    no_pager: Annotated[
        bool, typer.Option("--no-pager", help="Never page output (also: PAGER= with nothing after it).")
    ] = False,
) -> None:
    """The UN Security Council's sanctions regimes: decisions, mandates, expiries and vetoes, offline.

    Options of the tool (--debug, --no-cache, --width, --wide, --no-pager) go before or after the command.
    """
    ctx.meta["sanctions.debug"] = debug
    ctx.meta["sanctions.cache"] = not no_cache
    _LAYOUT.update(width=width, wide=wide, pager=not no_pager)


# The commands, in the order --help lists them.
for _group, _names in (
    (regimes, ("regimes", "timeline", "expiry", "changes", "chart")),
    (council, ("vetoes", "votes", "show", "stats")),
    (files, ("export", "draft", "copy-data", "validate")),
):
    for _name in _names:
        app.command(_name)(getattr(_group, _name.replace("-", "_")))


def _reflowed(doc: str) -> str:
    """A docstring as help text: each paragraph on one line, for rich to wrap at the terminal's width
    (typer keeps a docstring's line breaks, which break sentences mid-way on any other width)."""
    import inspect

    paragraphs = inspect.cleandoc(doc).split("\n\n")
    return "\n\n".join(" ".join(line.strip() for line in paragraph.splitlines()) for paragraph in paragraphs)


for _command in app.registered_commands:
    _command.help = _reflowed(_command.callback.__doc__ or "")


def run() -> int:
    """Run the command line on sys.argv; the exit code."""
    if not sys.argv[1:] or {"-h", "--help"} & set(sys.argv[1:]):
        # typer prints help through a rich console of its own making: it too leaves a reader gone to us.
        from rich.console import Console

        Console.on_broken_pipe = _reader_gone  # type: ignore[method-assign,assignment]
    try:
        app(prog_name="sanctions")
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else int(done.code is not None)
    return 0
