"""The commands about regimes and their mandates: regimes, timeline, expiry, changes, chart."""

# No `from __future__ import annotations` here: typer reads the commands' annotations at run time,
# and string annotations would cost it a compile and an eval each on every start.

import datetime as dt
from typing import Annotated, Optional

import typer

from sanctions.cli import options
from sanctions.cli.options import (
    AllOption,
    AsOfOption,
    DataOption,
    EndedOption,
    FormatOption,
    OverwriteOption,
    RegimesArgument,
    SinceOption,
    ToOption,
    UntilOption,
    _choices,
    _complete_regimes,
    _date,
    _emit,
    _in_scope,
    _listing,
    _regime_on,
    _regimes,
    _window,
)
from sanctions.dataset.model import Kind
from sanctions.errors import UsageError
from sanctions.render import ChangesFormat, ExpiryFormat, Format


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
    day = _date(as_of) or options._today()
    summaries, left_out = _in_scope(_regimes(ctx, data, "mandates"), None, day, everything, ended)
    _emit(_listing(fmt, "regimes", summaries, left_out), output, force)


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


def expiry(
    ctx: typer.Context,
    regime: RegimesArgument = None,
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
    day = _date(as_of) or options._today()
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


def changes(
    ctx: typer.Context,
    since: SinceOption,
    regime: RegimesArgument = None,
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

    day = _date(as_of) or options._today()
    _emit(draw(_regime_on(_regimes(ctx, data, "mandates"), regime, day), day), output, force)
