"""What the commands share: the options they repeat, loading the regimes, the date, and writing output."""

# No `from __future__ import annotations` here: typer reads the commands' annotations at run time,
# and string annotations would cost it a compile and an eval each on every start.

import datetime as dt
import errno
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from sanctions import streams
from sanctions.errors import SanctionsError, UsageError
from sanctions.render import ExpiryFormat, Format, inert

if TYPE_CHECKING:
    from enum import StrEnum

    from rich.console import Console, RenderableType

    from sanctions.analysis.mandates import RegimeSummary
    from sanctions.dataset.model import Regime
    from sanctions.render.grid import Drawable


DataOption = Annotated[
    Optional[Path],
    typer.Option(
        "--data",
        envvar="SANCTIONS_DATA",
        metavar="DIR",
        help="Folder of regime files to use instead of the bundled ones.",
        show_default=False,
        file_okay=False,
    ),
]


def _choices(formats: "type[StrEnum]") -> str:
    """The values of a format enum, for its option's help: 'table, json or csv'."""
    values = [fmt.value for fmt in formats]
    return f"{', '.join(values[:-1])} or {values[-1]}"


FormatOption = Annotated[
    Format, typer.Option("--format", "-f", metavar="FORMAT", help=f"Output format: {_choices(Format)}.")
]


SinceOption = Annotated[
    Optional[str],
    typer.Option(
        "--since", metavar="DATE", help="Only events on or after this date (2023-01-01, '30 June 2021', '2 years ago')."
    ),
]


UntilOption = Annotated[
    Optional[str], typer.Option("--until", metavar="DATE", help="Only events on or before this date.")
]


ToOption = Annotated[
    Optional[str],
    typer.Option(
        "--output", "-o", metavar="FILE", help="Write to FILE (atomically; an existing file only with --force)."
    ),
]


OverwriteOption = Annotated[bool, typer.Option("--force", help="With -o: replace an existing regular file.")]


AllOption = Annotated[
    bool, typer.Option("--all", help="Every regime since 1966, ongoing or ended (default: those ongoing on the date).")
]


EndedOption = Annotated[bool, typer.Option("--ended", help="Only the regimes that had ended by the date.")]


AsOfOption = Annotated[
    str,
    typer.Option(
        "--as-of", metavar="DATE", help="The date to judge status on (2024-04-30, '30 June 2021', 'in 90 days')."
    ),
]


def _complete_regimes(incomplete: str) -> list[str]:
    """Regime ids and aliases for shell completion, from the data folder a command would read."""
    from sanctions.dataset.cache import Cache, default_dir
    from sanctions.dataset.loader import data_dir, scan
    from sanctions.dataset.views import View

    try:
        regimes, _ = scan(data_dir(), Cache(default_dir()), view=View.MANDATES)
    except SanctionsError:
        return []
    return sorted(name for regime in regimes for name in regime.names if name.startswith(incomplete.lower()))


# The regimes a listing narrows to (`expiry`, `changes`), completed from the data folder.
RegimesArgument = Annotated[
    Optional[list[str]],
    typer.Argument(
        metavar="REGIME...",
        help="Regimes to show (id, alias or resolution number); all if none.",
        autocompletion=_complete_regimes,
    ),
]


# How output is laid out, from the tool's options: one command runs per process (and per CliRunner call).
_LAYOUT: dict[str, Any] = {"width": None, "wide": False, "pager": True}


def _today() -> dt.date:
    return dt.date.today()


def _date(text: str | None) -> dt.date | None:
    from sanctions.dataset.dates import parse_date

    return None if text is None else parse_date(text, _today())


def _window(since: str | None, until: str | None) -> tuple[dt.date | None, dt.date | None]:
    first, last = _date(since), _date(until)
    if first is not None and last is not None and first > last:
        raise UsageError(f"--since {first.isoformat()} is after --until {last.isoformat()}: nothing can be in between")
    return first, last


class _LoadProgress:
    """A progress bar on stderr, shown only on a terminal and only once loading passes a second."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.bar: Any = None
        self.task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            if time.monotonic() - self.started < 1.0:
                return
            from rich.console import Console
            from rich.progress import Progress

            self.bar = Progress(console=Console(stderr=True, width=streams.width(True)), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("Loading regime files", total=total)
        self.bar.update(self.task, completed=done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _regimes(ctx: typer.Context, data: Path | None, view: str = "full") -> "list[Regime]":
    """The regimes of the data folder, narrowed to what the command needs (see sanctions.dataset.views)."""
    from sanctions.dataset.cache import Cache, default_dir
    from sanctions.dataset.loader import data_dir, load_all
    from sanctions.dataset.views import View

    use_cache = ctx.meta.get("sanctions.cache", True)
    progress = _LoadProgress() if sys.stderr.isatty() else None
    cache = Cache(default_dir(), warn=lambda message: streams.say(f"sanctions: warning: {inert(message)}"))
    try:
        return load_all(data_dir(data), cache if use_cache else None, progress, View(view))
    finally:
        if progress is not None:
            progress.close()


def _is_terminal() -> bool:
    """Standard output is a terminal: tables are laid out for its width, and may be shortened to fit."""
    return sys.stdout.isatty()


def _dumb() -> bool:
    """A terminal that takes no escape sequences."""
    return os.environ.get("TERM") == "dumb"


def _colour() -> bool:
    """Colour on a terminal, or where FORCE_COLOR asks for it; NO_COLOR wins over both (no bold either)."""
    if os.environ.get("NO_COLOR"):
        return False
    return _is_terminal() or bool(os.environ.get("FORCE_COLOR"))


def _emit(output: "str | Drawable | RenderableType", to: str | None = None, force: bool = False) -> None:
    """Standard output, or with `to` a file written atomically (as a pipe would get it, no colour).

    A table goes one of two ways: on a terminal it is laid out for the width (rich draws it, with
    colour); in a pipe or file every row is one line with every cell whole, unless --width asks
    for the terminal's layout (then nothing is dropped or cut either).
    """
    from sanctions.render.grid import Blocks, Cell, Grid, to_terminal, to_text, write_text

    width: int | None = _LAYOUT["width"]
    if to not in (None, "-"):
        from sanctions.dataset.files import write_atomically

        if isinstance(output, (Grid, Blocks, Cell)):
            text = to_text(output, width)
        elif isinstance(output, str):
            text = output
        else:
            console = _console(width or streams.width(False))
            with console.capture() as captured:
                console.print(output)
            text = captured.get()
        write_atomically(Path(str(to)), text, force=force)
        return
    if isinstance(output, str):
        sys.stdout.write(output)
        return
    # FORCE_COLOR may bring colour into a pipe, never the terminal's layout: a pipe gets whole rows.
    terminal = _is_terminal()
    paged = terminal and _LAYOUT["pager"] and sys.stdout.isatty()
    if isinstance(output, (Grid, Blocks, Cell)):
        if not terminal:
            write_text(output, sys.stdout.write, width)  # no rich at all: aligned text
            return
        # Laid out and styled without rich, which a table does not need.
        text = to_terminal(output, width or streams.width(True), _LAYOUT["wide"], _colour() and not _dumb())
    else:
        console = _console(width or streams.width(terminal), _colour())
        if not paged:
            console.print(output)  # off a terminal a drawing such as the chart keeps its layout
            return
        with console.capture() as captured:
            console.print(output)
        text = captured.get()
    if not paged or text.count("\n") < streams.height() or not streams.page(text):
        sys.stdout.write(text)


def _reader_gone(console: "Console") -> None:
    """rich exits 1 when the reader of standard output goes away; the CLI says 0 (`| head` took its fill)."""
    raise BrokenPipeError(errno.EPIPE, "the reader went away")


def _console(width: int, colour: bool = False) -> "Console":
    """A rich console for standard output, in colour or with no styling at all."""
    from rich.console import Console

    class ReaderAware(Console):
        on_broken_pipe = _reader_gone

    return ReaderAware(highlight=False, width=width, force_terminal=colour, color_system="auto" if colour else None)


def _in_scope(
    regimes: list["Regime"], names: list[str] | None, day: dt.date, everything: bool, ended: bool, by_date: bool = True
) -> tuple[list["RegimeSummary"], str]:
    """The regimes a listing shows, as of `day`: those named (a shared name read on `day` if `by_date`),
    else those of the scope; and a line for a table saying which it leaves out."""
    from sanctions.analysis.catalogue import select, select_on
    from sanctions.analysis.mandates import Scope, in_scope, summarise

    if names:
        if by_date:
            named, notes = select_on(regimes, names, day)
            _notes(notes)
        else:
            named = select(regimes, names)
        if everything or ended:
            raise UsageError("--all and --ended choose among every regime: name regimes or give one of them")
        return [summarise(regime, day) for regime in named], ""
    if everything and ended:
        raise UsageError("--all already includes the ended regimes: give one of --all and --ended")
    scope = Scope.ALL if everything else Scope.ENDED if ended else Scope.ONGOING
    summaries = [summarise(regime, day) for regime in regimes]
    shown = in_scope(summaries, scope)
    left = len(summaries) - len(shown)
    if not left or scope is Scope.ALL:
        return shown, ""
    which = "not ongoing" if scope is Scope.ONGOING else "not ended"
    return shown, f"{left} regime{'s' if left != 1 else ''} {which} on {day} left out: --all lists every regime"


def _notes(notes: list[str]) -> None:
    for note in notes:
        streams.say(f"sanctions: note: {inert(note)}")


def _regime_on(regimes: list["Regime"], name: str, day: dt.date) -> "Regime":
    """The regime a name means on `day` (see catalogue.find_regime_on), saying so when the name did not."""
    from sanctions.analysis.catalogue import find_regime_on

    regime, note = find_regime_on(regimes, name, day)
    _notes([note] if note else [])
    return regime


def _listing(fmt: Format | ExpiryFormat, name: str, rows: list[Any], left_out: str, **table: Any) -> Any:
    """A listing in its format; a table (and markdown) also says what it leaves out, and that nothing is
    left; `table` holds the options of those two."""
    from sanctions.render import renderer

    if fmt.value in ("json", "csv"):  # records only; a table and markdown also say what is left out
        return getattr(renderer(fmt), name)(rows)
    if not rows and left_out:
        return f"Nothing to list. {left_out[0].upper()}{left_out[1:]}.\n"
    return getattr(renderer(fmt), name)(rows, left_out=left_out, **table)
