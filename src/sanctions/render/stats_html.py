"""The `stats.html` page of the HTML export: the figures of `sanctions stats` with SVG bar charts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sanctions.analysis import stats
from sanctions.dataset.model import Regime
from sanctions.render.html import _render

# The drawing area of a chart, in SVG user units; the page scales it to its width.
WIDTH, LEFT, RIGHT, TOP = 960, 44, 12, 16
#: Page file name beside the index.
PAGE = "stats.html"


@dataclass(frozen=True)
class Bar:
    """One rectangle of a bar chart, with what it counts as its tooltip."""

    x: float
    y: float
    width: float
    height: float
    kind: str  # its CSS class: what it counts
    label: str


@dataclass(frozen=True)
class BarChart:
    """A chart of one bar (or stack) per year, upwards from a baseline and, for a second measure, downwards."""

    id: str
    title: str
    description: str
    height: float
    baseline: float
    bars: list[Bar]
    ticks: list[tuple[float, str]]  # along the axis: (x, year)
    levels: list[tuple[float, str]]  # up the side: (y, count)


def _years(first: int, last: int) -> tuple[float, list[tuple[float, str]]]:
    """The width of a year's slot, and a tick on each decade."""
    slot = (WIDTH - LEFT - RIGHT) / (last - first + 1)
    ticks = [
        (round(LEFT + (year - first + 0.5) * slot, 1), str(year)) for year in range(first, last + 1) if year % 10 == 0
    ]
    return slot, ticks


def _levels(most: int, baseline: float, scale: float) -> list[tuple[float, str]]:
    step = 5 if most <= 25 else 10
    return [(round(baseline - level * scale, 1), str(level)) for level in range(0, most + 1, step)]


def consensus_chart(years: list[stats.Consensus]) -> BarChart:
    """Per year: decisions adopted unanimously, adopted with votes against or abstentions, adopted with no
    tally on record (stacked upwards); vetoed and failed drafts (downwards)."""
    first, last = int(years[0].period), int(years[-1].period)
    slot, ticks = _years(first, last)
    up = max(row.decisions for row in years) or 1
    down = max(row.vetoed + row.failed for row in years) or 1
    scale = 180 / up
    baseline = TOP + up * scale
    bars = []
    for row in years:
        x = round(LEFT + (int(row.period) - first) * slot + 1, 1)
        top = below = baseline
        for count, kind, words, upward in (
            (row.unanimous, "unanimous", "adopted unanimously", True),
            (row.adopted - row.unanimous, "divided", "adopted with votes against or abstentions", True),
            (row.no_tally, "untallied", "adopted, no tally on record", True),
            (row.vetoed, "vetoed", "drafts vetoed", False),
            (row.failed, "failed", "drafts failed without a veto", False),
        ):
            if not count:
                continue
            height = count * scale
            if upward:
                top -= height
                y = top
            else:
                y = below
                below += height
            label = f"{row.period}: {count} {words}"
            bars.append(Bar(x, round(y, 1), round(slot - 2, 1), round(height, 1), kind, label))
    total = sum(row.decisions for row in years)
    description = (
        f"One column per year from {first} to {last}: above the line, the {total} sanctions decisions adopted,"
        " unanimous at the bottom, then those with votes against or abstentions, then those with no tally on"
        " record; below the line, vetoed drafts and drafts that failed without a veto. The table below gives the"
        " figures per decade."
    )
    return BarChart(
        "consensus-chart",
        "Sanctions decisions per year, unanimous or not, and failed drafts",
        description,
        round(baseline + down * scale + 34, 1),
        round(baseline, 1),
        bars,
        ticks,
        _levels(up, baseline, scale),
    )


def in_force_chart(years: list[stats.InForce]) -> BarChart:
    """Per year: how many regimes were in force."""
    first, last = years[0].year, years[-1].year
    slot, ticks = _years(first, last)
    most = max(row.count for row in years) or 1
    scale = 180 / most
    baseline = TOP + 180
    bars = [
        Bar(
            round(LEFT + (row.year - first) * slot + 1, 1),
            round(baseline - row.count * scale, 1),
            round(slot - 2, 1),
            round(row.count * scale, 1),
            "in-force",
            f"{row.year}: {row.count} regime{'s' if row.count != 1 else ''} in force: {', '.join(row.regimes)}",
        )
        for row in years
        if row.count
    ]
    description = (
        f"One column per year from {first} to {last}: the number of sanctions regimes with a measure or body in force"
        f" on at least one day of the year, at most {most}. Point at a column for the regimes' names."
    )
    return BarChart(
        "in-force-chart",
        "Sanctions regimes in force each year",
        description,
        baseline + 34,
        baseline,
        bars,
        ticks,
        _levels(most, baseline, scale),
    )


def page(regimes: list[Regime], as_of: dt.date) -> str:
    """The statistics page: the figures of `sanctions stats` over every regime, as of a date."""
    years = stats.consensus(regimes, "year")
    in_force = stats.in_force(regimes, as_of)
    members = stats.members(regimes)
    return _render(
        "stats.html.j2",
        as_of=as_of,
        regimes=regimes,
        decades=stats.consensus(regimes, "decade"),
        consensus_chart=consensus_chart(years) if years else None,
        in_force=in_force,
        in_force_chart=in_force_chart(in_force) if in_force else None,
        permanent=[row for row in members if row.permanent],
        elected=[row for row in members if not row.permanent],
        renewals=[row for row in stats.renewals(regimes) if row.renewals or row.lapses],
        lapses=stats.lapses(regimes),
        rollover_days=stats.ROLLOVER_DAYS,
        geometry={"width": WIDTH, "left": LEFT, "right": RIGHT},
    )
