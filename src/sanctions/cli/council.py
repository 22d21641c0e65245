"""The commands about the Council's decisions: vetoes, votes, show, stats."""

# No `from __future__ import annotations` here: typer reads the commands' annotations at run time,
# and string annotations would cost it a compile and an eval each on every start.

import datetime as dt
from typing import Annotated, Optional

import typer

from sanctions import streams
from sanctions.cli import options
from sanctions.cli.options import (
    AsOfOption,
    DataOption,
    EndedOption,
    FormatOption,
    OverwriteOption,
    SinceOption,
    ToOption,
    UntilOption,
    _choices,
    _complete_regimes,
    _date,
    _emit,
    _in_scope,
    _listing,
    _regimes,
    _window,
)
from sanctions.errors import UsageError
from sanctions.render import (
    FigureName,
    Format,
    StatsFormat,
    inert,
)


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
    chosen, left_out = _in_scope(_regimes(ctx, data), regime, options._today(), everything, ended, by_date=False)
    drafts = failed_drafts([summary.regime for summary in chosen], code, first, last)
    _emit(_listing(fmt, "vetoes", drafts, left_out), output, force)


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
    day = _date(as_of) or options._today()
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
