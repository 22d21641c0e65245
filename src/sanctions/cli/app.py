"""The command line: options in, one library call, one renderer out."""

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
from typer.core import TyperGroup

from sanctions import __version__, streams
from sanctions.dataset.model import Kind
from sanctions.errors import SanctionsError, UsageError
from sanctions.render import (
    ChangesFormat,
    DraftFormat,
    ExpiryFormat,
    ExportFormat,
    FigureName,
    Format,
    StatsFormat,
    inert,
)

if TYPE_CHECKING:
    from collections.abc import Callable
    from enum import StrEnum

    from rich.console import Console, RenderableType

    from sanctions.analysis.mandates import RegimeSummary
    from sanctions.dataset.model import Regime
    from sanctions.render.grid import Drawable

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


@app.command()
def regimes(
    ctx: typer.Context,
    data: DataOption = None,
    fmt: FormatOption = Format.TABLE,
    as_of: AsOfOption = "today",
    everything: AllOption = False,
    ended: EndedOption = False,
    output: ToOption = None,
    force: OverwriteOption = False,
) -> None:
    """List the regimes ongoing on a date: committee, establishment, status and next expiry.

    A regime is ongoing while any of its measures or bodies is in force or suspended. --all lists
    every regime since 1966, --ended those that had ended by the date.

    Example: sanctions regimes --all --as-of 1985-01-01
    """
    day = _date(as_of) or _today()
    summaries, left_out = _in_scope(_regimes(ctx, data, "mandates"), None, day, everything, ended)
    _emit(_listing(fmt, "regimes", summaries, left_out), output, force)


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


@app.command()
def timeline(
    ctx: typer.Context,
    regime: Annotated[
        str,
        typer.Argument(
            metavar="REGIME",
            help="Regime id, alias or resolution number (mali, 2374, dprk, 1718).",
            autocompletion=_complete_regimes,
        ),
    ],
    since: SinceOption = None,
    until: UntilOption = None,
    kind: Annotated[
        Optional[list[Kind]],
        typer.Option(
            "--kind",
            "-k",
            metavar="KIND",
            help=f"Only events of this kind (repeatable): {', '.join(kind.value for kind in Kind)}.",
        ),
    ] = None,
    data: DataOption = None,
    fmt: FormatOption = Format.TABLE,
    output: ToOption = None,
    force: OverwriteOption = False,
) -> None:
    """Show a regime's history, one row per event, oldest first.

    Example: sanctions timeline mali --kind veto --kind renewed
    """
    from sanctions.analysis.catalogue import find_regime
    from sanctions.analysis.timeline import select_events
    from sanctions.render import renderer

    # A table shows no prose or sources: the brief view is enough, and far lighter for long histories.
    first, last = _window(since, until)
    chosen = find_regime(_regimes(ctx, data, "full" if fmt in (Format.JSON, Format.CSV) else "brief"), regime)
    events = select_events(chosen, first, last, kind or ())
    _emit(renderer(fmt).timeline(chosen, events), output, force)


@app.command()
def expiry(
    ctx: typer.Context,
    regime: Annotated[
        Optional[list[str]],
        typer.Argument(
            metavar="REGIME...",
            help="Regimes to show (id, alias or resolution number); all if none.",
            autocompletion=_complete_regimes,
        ),
    ] = None,
    as_of: AsOfOption = "today",
    within: Annotated[
        Optional[str],
        typer.Option(
            "--within",
            metavar="PERIOD",
            help="List only the mandates expiring this soon after --as-of (60d, '60 days', 2w, 3m, 1y).",
            show_default=False,
        ),
    ] = None,
    until: Annotated[
        Optional[str],
        typer.Option(
            "--until",
            metavar="DATE",
            help="List only the mandates expiring from --as-of to this date.",
            show_default=False,
        ),
    ] = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check", help="Exit 3 if any mandate expires in the window, 60 days by default (for cron and CI)."
        ),
    ] = False,
    alarm: Annotated[
        Optional[str],
        typer.Option(
            "--alarm",
            metavar="PERIOD",
            help="ics: a reminder this long before each expiry still to come (30d, 2w), or 'none' (default 30d).",
            show_default=False,
        ),
    ] = None,
    deadlines: Annotated[
        bool, typer.Option("--deadlines", help="ics: add the report deadlines that decisions set.")
    ] = False,
    explain: Annotated[
        bool, typer.Option("--explain", help="Under each unverified row, say what its data last records.")
    ] = False,
    everything: AllOption = False,
    ended: EndedOption = False,
    data: DataOption = None,
    fmt: Annotated[
        ExpiryFormat,
        typer.Option("--format", "-f", metavar="FORMAT", help=f"Output format: {_choices(ExpiryFormat)}."),
    ] = ExpiryFormat.TABLE,
    output: ToOption = None,
    force: OverwriteOption = False,
) -> None:
    """Show every mandate's expiry as of a date, soonest first, with days left.

    Without regimes named: the regimes ongoing on the date; --all every regime, --ended the ended ones.
    --within or --until lists only the mandates that expire in that window; without one, every mandate
    is listed and those expiring within 60 days are marked.

    --format ics: a calendar feed of the dated expiries (with a window, only those in it).

    Example: sanctions expiry dprk --as-of 2024-04-01 --within 3m --check
    """
    from sanctions.analysis.mandates import expiries, in_window, needs_alert

    if fmt is not ExpiryFormat.ICS and (alarm is not None or deadlines):
        raise UsageError("--alarm and --deadlines apply to --format ics only")
    day = _date(as_of) or _today()
    horizon = _horizon(day, within, until)
    chosen, left_out = _in_scope(_regimes(ctx, data, "mandates"), regime, day, everything, ended)
    statuses = expiries([summary.regime for summary in chosen], day, horizon)
    windowed = within is not None or until is not None
    if fmt is ExpiryFormat.ICS:
        from sanctions.render import ics

        before = ics.parse_alarm(alarm or ics.DEFAULT_ALARM)
        _emit(
            ics.expiry(statuses, until=horizon if windowed else None, alarm=before, deadlines=deadlines),
            output,
            force,
        )
    else:
        shown = in_window(statuses) if windowed else statuses
        outside = len(statuses) - len(shown)
        if outside:
            mandates = "mandate" if outside == 1 else "mandates"
            given = "--within" if within is not None else "--until"
            window = f"{outside} {mandates} not expiring from {day} to {horizon} left out"
            left_out = "\n".join(filter(None, (f"{window}: drop {given} to list every mandate", left_out)))
        _emit(_listing(fmt, "expiry", shown, left_out, explain=explain), output, force)
    if check and needs_alert(statuses):
        raise typer.Exit(3)


def _horizon(day: dt.date, within: str | None, until: str | None) -> dt.date:
    """The last day of the expiry window: --until, or --within (60 days by default) after `day`."""
    from sanctions.analysis.mandates import DEFAULT_WINDOW_DAYS
    from sanctions.dataset.dates import later, parse_period

    if within is not None and until is not None:
        raise UsageError("--within and --until both end the window: give one of them")
    if until is not None:
        last = _date(until)
        assert last is not None  # given: _date parsed it
        if last < day:
            raise UsageError(f"--until {last} is before --as-of {day}: nothing can expire in between")
        return last
    return later(day, parse_period(within or f"{DEFAULT_WINDOW_DAYS}d"))


@app.command()
def changes(
    ctx: typer.Context,
    since: SinceOption,
    regime: Annotated[
        Optional[list[str]],
        typer.Argument(
            metavar="REGIME...",
            help="Regimes to show (id, alias or resolution number); all if none.",
            autocompletion=_complete_regimes,
        ),
    ] = None,
    until: UntilOption = None,
    check: Annotated[
        bool, typer.Option("--check", help="Exit 3 if anything was decided or changed (for cron and CI).")
    ] = False,
    data: DataOption = None,
    fmt: Annotated[
        ChangesFormat,
        typer.Option("--format", "-f", metavar="FORMAT", help=f"Output format: {_choices(ChangesFormat)}."),
    ] = ChangesFormat.TABLE,
    output: ToOption = None,
    force: OverwriteOption = False,
) -> None:
    """List the decisions taken from --since to --until (default: today) and the mandates whose status changed.

    Status is compared on the day before --since and on --until: expiring counts as active, a moved expiry is a change.

    Reports and related events are not decisions and are left out. --check exits 3 when anything is listed.

    Example: sanctions changes --since 2025-01-01 --format markdown
    """
    from sanctions.analysis.catalogue import select
    from sanctions.analysis.changes import changes as find_changes
    from sanctions.render import renderer

    first, last = _window(since, until or "today")
    assert first is not None and last is not None  # both given: _window parsed them
    chosen = select(_regimes(ctx, data, "full" if fmt is ChangesFormat.JSON else "brief"), regime)
    found = find_changes(chosen, first, last)
    _emit(renderer(fmt).changes(found), output, force)
    if check and found.changed:
        raise typer.Exit(3)


@app.command()
def chart(
    ctx: typer.Context,
    regime: Annotated[
        str,
        typer.Argument(
            metavar="REGIME", help="Regime id, alias or resolution number.", autocompletion=_complete_regimes
        ),
    ],
    as_of: AsOfOption = "today",
    data: DataOption = None,
    output: ToOption = None,
    force: OverwriteOption = False,
) -> None:
    """Draw a regime's mandates over time: a lane each, bars for periods, marks for vetoes and lapses.

    Example: sanctions chart dprk --as-of 2024-05-01
    """
    from sanctions.render.chart import chart as draw

    day = _date(as_of) or _today()
    _emit(draw(_regime_on(_regimes(ctx, data, "mandates"), regime, day), day), output, force)


def _member(text: str | None) -> str | None:
    from sanctions.council.members import member_code

    return None if text is None else member_code(text)


MemberOption = Annotated[
    Optional[str],
    typer.Option(
        "--member",
        "-m",
        metavar="MEMBER",
        help="A Council member by code or name (RU, russia, PRC, UK, 'United States').",
        autocompletion=lambda incomplete: [
            code for code in ("CN", "FR", "GB", "RU", "US") if code.startswith(incomplete.upper())
        ],
    ),
]


@app.command()
def vetoes(
    ctx: typer.Context,
    regime: Annotated[
        Optional[list[str]],
        typer.Argument(metavar="REGIME...", help="Regimes to show; all if none.", autocompletion=_complete_regimes),
    ] = None,
    member: MemberOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    everything: Annotated[
        bool, typer.Option("--all", hidden=True, help="Every regime since 1966: the default.")
    ] = False,
    ended: Annotated[bool, typer.Option("--ended", help="Only the drafts on regimes that have ended.")] = False,
    data: DataOption = None,
    fmt: FormatOption = Format.TABLE,
    output: ToOption = None,
    force: OverwriteOption = False,
) -> None:
    """List vetoed drafts and drafts that failed without a veto, with tallies and what followed.

    Vetoes are counted one per draft per permanent member voting against. Drafts that failed for want
    of nine votes are listed and marked, never counted as vetoes. --member keeps the vetoes that member cast.

    Without regimes named: the drafts on every regime since 1966; --ended only those on the regimes that
    have ended.

    Example: sanctions vetoes --member russia --since 2020-01-01
    """
    from sanctions.analysis.vetoes import failed_drafts
    from sanctions.council.members import veto_hint

    first, last = _window(since, until)
    code = _member(member)
    hint = veto_hint(code) if code is not None else None
    if hint is not None:
        streams.say(f"sanctions: note: {hint}")
    # Vetoes are history: every regime's, whether or not it is in force today.
    everything = everything or not (regime or ended)
    chosen, left_out = _in_scope(_regimes(ctx, data), regime, _today(), everything, ended, by_date=False)
    drafts = failed_drafts([summary.regime for summary in chosen], code, first, last)
    _emit(_listing(fmt, "vetoes", drafts, left_out), output, force)


@app.command()
def votes(
    ctx: typer.Context,
    regime: Annotated[
        str,
        typer.Argument(
            metavar="REGIME", help="Regime id, alias or resolution number.", autocompletion=_complete_regimes
        ),
    ],
    member: MemberOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    data: DataOption = None,
    fmt: FormatOption = Format.TABLE,
    output: ToOption = None,
    force: OverwriteOption = False,
) -> None:
    """Show every recorded vote of a regime, each member's position where known, and per-member totals.

    Example: sanctions votes mali --member RU
    """
    from sanctions.analysis.catalogue import find_regime
    from sanctions.analysis.votes import recorded_votes
    from sanctions.render import renderer

    first, last = _window(since, until)
    chosen = find_regime(_regimes(ctx, data), regime)
    code = _member(member)
    _emit(renderer(fmt).votes(chosen, recorded_votes(chosen, code, first, last), code), output, force)


@app.command()
def show(
    ctx: typer.Context,
    target: Annotated[
        str,
        typer.Argument(
            metavar="TARGET",
            help="A resolution (2745, 'S/RES/2745 (2024)', 'resolution 2745'), a draft (S/2023/638), a meeting"
            " record (S/PV.9408) or a press release (SC/15648).",
        ),
    ],
    data: DataOption = None,
    fmt: FormatOption = Format.TABLE,
    output: ToOption = None,
    force: OverwriteOption = False,
) -> None:
    """Show one decision as git show shows a commit: vote, what it set or ended, what followed, summary, sources.

    Every regime since 1966 is searched, and every event recorded for the decision is shown.

    Example: sanctions show 'S/RES/2745 (2024)'
    """
    from sanctions.analysis.show import show as find_decision
    from sanctions.render import renderer

    _emit(renderer(fmt).show(find_decision(_regimes(ctx, data), target)), output, force)


@app.command()
def stats(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(
            metavar="FIGURE",
            help=f"The figure: {_choices(FigureName)}.",
            show_default=False,
            autocompletion=lambda incomplete: [f.value for f in FigureName if f.value.startswith(incomplete)],
        ),
    ],
    regime: Annotated[
        Optional[list[str]],
        typer.Argument(
            metavar="REGIME",
            help="Regimes to count (id, alias or resolution number); all if none.",
            autocompletion=_complete_regimes,
        ),
    ] = None,
    member: MemberOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    ongoing: Annotated[bool, typer.Option("--ongoing", help="Only the regimes ongoing on the as-of date.")] = False,
    ended: EndedOption = False,
    as_of: AsOfOption = "today",
    data: DataOption = None,
    fmt: Annotated[
        StatsFormat, typer.Option("--format", "-f", metavar="FORMAT", help=f"Output format: {_choices(StatsFormat)}.")
    ] = StatsFormat.TABLE,
    output: ToOption = None,
    force: OverwriteOption = False,
) -> None:
    """Figures over every regime: the Council's consensus on sanctions, members' votes, renewals, regimes in force.

    consensus: sanctions decisions per decade and year: by recorded vote, unanimous, share; failed and vetoed drafts.

    members: each member's positions per decade (recorded and derived apart) and vetoes; --member for one.

    renewals: per regime, renewals, technical rollovers, median days ahead of the expiry, lapses and their causes.

    regimes: how many regimes were in force each year since 1966 (--format json names them).

    Definitions: docs/stats.md.

    Example: sanctions stats consensus --since 2000-01-01 --format json
    """
    from sanctions.analysis import stats as figures
    from sanctions.render import stats as draw

    if name not in set(FigureName):
        raise UsageError(f"unknown figure '{inert(name)}': expected {_choices(FigureName)}")
    figure = FigureName(name)

    first, last = _window(since, until)
    day = _date(as_of) or _today()
    if ongoing and ended:
        raise UsageError("give one of --ongoing and --ended")
    if (ongoing or ended) and regime:
        raise UsageError("--ongoing and --ended choose among every regime: name regimes or give one of them")
    if member is not None and figure is not FigureName.MEMBERS:
        raise UsageError("--member applies to 'stats members' only")
    code = _member(member)
    which = "ongoing" if ongoing else "ended" if ended else "all"
    # Only `members` reads each member's recorded position: the others need no more than the brief view.
    loaded = _regimes(ctx, data, "full" if figure is FigureName.MEMBERS else "brief")
    chosen, which = figures.chosen(loaded, regime, day, which)
    scope = draw.Scope(tuple(r.id for r in chosen), which, first, last, day)
    if figure is FigureName.CONSENSUS:
        drawn = draw.consensus(
            figures.consensus(chosen, "decade", first, last), figures.consensus(chosen, "year", first, last), scope
        )
    elif figure is FigureName.MEMBERS:
        drawn = draw.members(figures.members(chosen, code, first, last), scope, code)
    elif figure is FigureName.RENEWALS:
        drawn = draw.renewals(
            figures.renewals(chosen, first, last), figures.lapses(chosen, first, last), scope, figures.ROLLOVER_DAYS
        )
    else:
        years = [row for row in figures.in_force(chosen, day) if _in_years(row.year, first, last)]
        drawn = draw.in_force(years, scope)
    _emit(draw.render(drawn, fmt), output, force)


def _in_years(year: int, first: dt.date | None, last: dt.date | None) -> bool:
    return (first is None or year >= first.year) and (last is None or year <= last.year)


@app.command()
def export(
    ctx: typer.Context,
    regime: Annotated[
        Optional[str],
        typer.Argument(
            metavar="REGIME", help="Regime id, alias or resolution number.", autocompletion=_complete_regimes
        ),
    ] = None,
    fmt: Annotated[
        ExportFormat,
        typer.Option("--format", "-f", metavar="FORMAT", help=f"Export format: {_choices(ExportFormat)}."),
    ] = ExportFormat.MARKDOWN,
    output: Annotated[
        Optional[str],
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="File to write ('-' or none: standard output); with --all the folder (DIR) to write into, or the"
            " database file for sqlite.",
        ),
    ] = None,
    all_regimes: Annotated[
        bool, typer.Option("--all", help="Export every regime, one file each into the -o folder (sqlite: one file).")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing files.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="With --all: name each file written.")] = False,
    since: SinceOption = None,
    until: UntilOption = None,
    no_chart: Annotated[bool, typer.Option("--no-chart", help="Leave the chart out of markdown and HTML.")] = False,
    excel: Annotated[
        bool, typer.Option("--excel", help="CSV for Excel: start with a UTF-8 byte order mark so accents survive.")
    ] = False,
    as_of: AsOfOption = "today",
    data: DataOption = None,
) -> None:
    """Export a regime as a markdown or HTML report, lossless JSON, CSV or a SQLite database; files are written
    atomically.

    An existing file is kept unless --force is given; a failed or interrupted export leaves no partial file.
    --all -o DIR writes one file per regime into DIR, made if missing (its parent must exist).
    --format sqlite writes one database to -o FILE, holding every regime with --all.

    Example: sanctions export mali --format markdown -o mali.md
    """
    from functools import partial

    from sanctions.analysis.report import build_report
    from sanctions.dataset.files import OutputError, few, write_all, write_atomically, write_into
    from sanctions.errors import UsageError
    from sanctions.render import renderer

    if all_regimes == (regime is not None):
        raise UsageError("name one regime to export, or use --all with -o FOLDER")
    if excel and fmt is not ExportFormat.CSV:
        raise UsageError("--excel applies to --format csv only")
    first, last = _window(since, until)
    if fmt is ExportFormat.SQLITE:
        if output in (None, "-"):
            raise UsageError("--format sqlite writes a database file: give it with -o FILE")
        if since is not None or until is not None:
            raise UsageError(
                "--since and --until do not apply to --format sqlite: it holds every event, select with SQL"
            )
    regimes = _regimes(ctx, data)
    day = _date(as_of) or _today()
    if fmt is ExportFormat.SQLITE:
        from sanctions.render.sqlite import files

        chosen = regimes if regime is None else [_regime_on(regimes, regime, day)]
        written = files([build_report(r, day) for r in chosen], Path(str(output)))  # and its datasette metadata
        write_all(written, force=force)
        if regime is None:
            for path, _ in written:
                streams.say(f"wrote {inert(str(path))}")
        return
    render = partial(renderer(fmt).export, excel=True) if excel else renderer(fmt).export
    if fmt is ExportFormat.HTML and regime is None:  # the pages of a site link the index and each other
        render = partial(renderer(fmt).export, site=regimes)

    def text_of(chosen: "Regime") -> str:
        return str(render(build_report(chosen, day, first, last), not no_chart))

    if regime is not None:
        content = text_of(_regime_on(regimes, regime, day))
        if output in (None, "-"):
            sys.stdout.write(content)
        else:
            write_atomically(Path(output), content, force=force)
        return
    if output in (None, "-"):
        raise UsageError("--all writes one file per regime: give the folder with -o FOLDER")
    folder = Path(output)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"--all writes into a folder: '{folder}' is a file")
    if not folder.parent.is_dir():
        raise UsageError(f"--all makes the folder '{folder}' only inside an existing one: '{folder.parent}' is not")
    pages: dict[Path, Callable[[], str]] = {
        folder / f"{chosen.id}.{fmt.extension}": partial(text_of, chosen) for chosen in regimes
    }
    if fmt is ExportFormat.HTML:  # and the figures of `sanctions stats`, and a page that links them all
        from sanctions.render import stats_html

        if (figures := folder / stats_html.PAGE) in pages:
            raise UsageError(
                f"--all --format html writes the figures to '{figures}': the regime 'stats' needs another id"
            )
        pages[figures] = partial(stats_html.page, regimes, day)
        if (index := folder / "index.html") in pages:
            raise UsageError(f"--all --format html writes the index to '{index}': the regime 'index' needs another id")
        pages[index] = partial(renderer(fmt).index, regimes, day)
        pages.update({folder / name: partial(text, regimes, day) for name, text in renderer(fmt).companions().items()})
    taken = [path for path in pages if path.exists()]
    if taken and not force:
        # The same refusal, and exit code, as a single export's (files.OutputError).
        one = len(taken) == 1
        raise OutputError(
            f"{inert(few(taken))} already exist{'s' if one else ''}: use --force to overwrite {'it' if one else 'them'}"
        )
    # Every report is rendered and written before any is moved into place: a blocked target or a
    # failed write leaves the whole folder as it was, never half a set.
    write_into(folder, [(path, page()) for path, page in pages.items()], force=force)
    if verbose:
        for path in pages:
            streams.say(f"wrote {inert(str(path))}")
    streams.say(f"wrote {len(pages)} files to {inert(os.path.join(output, ''))}")


@app.command()
def draft(
    ctx: typer.Context,
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE", help="The press release: text copied from the page, the page saved as HTML, or '-'."
        ),
    ],
    regime: Annotated[
        Optional[str],
        typer.Option("--regime", "-r", metavar="REGIME", help="The regime, if not the one the text names."),
    ] = None,
    date: Annotated[
        Optional[str],
        typer.Option("--date", metavar="DATE", help="The date of a text that says only 'today' (ISO, '30 June 2021')."),
    ] = None,
    url: Annotated[
        Optional[str],
        typer.Option("--url", metavar="URL", help="The release's address: cited as the source, read for its symbol."),
    ] = None,
    fmt: Annotated[
        DraftFormat,
        typer.Option("--format", "-f", metavar="FORMAT", help=f"Output format: {_choices(DraftFormat)}."),
    ] = DraftFormat.YAML,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show every value with the sentence it came from (on standard error).")
    ] = False,
    apply: Annotated[
        bool, typer.Option("--apply", help="Add the event to the regime file in date order, if the file stays valid.")
    ] = False,
    data: DataOption = None,
) -> None:
    """Draft the event a UN press release records, ready for a regime file.

    Reads the regime, date, kind, symbols, vote and every mandate's new end date from the text; what the
    text does not say plainly is left out and named in a warning, never guessed. --apply adds the event to
    the regime file (or the --data copy) in date order, keeping the file's comments, and writes it only if
    the whole file then validates.

    Example: sanctions draft sc15648.txt --date 2024-03-28 --url https://press.un.org/en/2024/sc15648.doc.htm
    """
    from sanctions.analysis.catalogue import find_regime
    from sanctions.dataset.loader import writable_data_dir
    from sanctions.drafting.draft import draft_event, read_press_release
    from sanctions.render import renderer

    # Refused before anything is read or printed: never into the installed package's files.
    folder = writable_data_dir(data) if apply else None
    regimes = _regimes(ctx, data)
    chosen = find_regime(regimes, regime) if regime is not None else None
    text = read_press_release(file, getattr(sys.stdin, "buffer", None))
    drafted = draft_event(text, regimes, url=url, given_date=_date(date), regime=chosen)
    if explain:
        for explanation in drafted.explanations:
            streams.say(f"{explanation.field}: {inert(explanation.value)}")
            streams.say(f"    from: {inert(explanation.source)}")
    for warning in drafted.warnings:
        streams.say(f"sanctions: warning: {inert(warning)}")
    _emit(renderer(fmt).draft(drafted))
    if folder is not None:
        from sanctions.drafting.insert import apply_draft

        path, line = apply_draft(folder, drafted, renderer(DraftFormat.YAML).draft(drafted))
        streams.say(f"added to {inert(str(path))} at line {line}")


@app.command("copy-data")
def copy_data(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="The folder to copy into (made if missing).")],
) -> None:
    """Copy the bundled regime files into a folder of your own, to edit and use with --data or SANCTIONS_DATA.

    Nothing is copied if any of the files is already there. draft --apply writes only into such a
    copy (or a checkout), never into an installed package.

    Example: sanctions copy-data ./my-regimes && sanctions validate --data ./my-regimes
    """
    from sanctions.dataset.loader import copy_bundled

    copied = copy_bundled(folder)
    streams.say(f"copied {len(copied)} regime files to {inert(os.path.join(folder, ''))}")
    streams.say(f"use them with --data {inert(str(folder))} or SANCTIONS_DATA={inert(str(folder))}")


@app.command()
def validate(
    data: DataOption = None,
    fmt: FormatOption = Format.TABLE,
    output: ToOption = None,
    force: OverwriteOption = False,
) -> None:
    """Check every regime file and list every problem; exit 1 if there is any (warnings alone exit 0).

    Example: sanctions copy-data ./my-regimes && sanctions validate --data ./my-regimes
    """
    from sanctions.dataset.loader import data_dir, regime_files, scan
    from sanctions.dataset.rules import late_renewals
    from sanctions.render import renderer

    folder = data_dir(data)
    files = regime_files(folder)
    if not files:
        raise UsageError(f"no regime files (*.yaml) in '{folder}'")
    regimes, problems = scan(folder)
    warnings = [warning for regime in regimes for warning in late_renewals(regime)]
    _emit(renderer(fmt).problems(problems, warnings, len(files)), output, force)
    if problems:
        raise typer.Exit(1)


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
