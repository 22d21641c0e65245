"""HTML pages: a self-contained report on one regime (with its chart as inline SVG), and an index of regimes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from functools import cache
from typing import Any
from urllib.parse import quote

# Jinja2 is imported here and nowhere else: sanctions.render.renderer loads this module only for --format html.
import jinja2
import markupsafe

from sanctions import __version__, members
from sanctions.mandates import MandateStatus, Period, Status, charted_dates, summarise
from sanctions.model import Event, Expiry, Kind, Regime
from sanctions.render import inert
from sanctions.render.markdown import Source, document_url, milestone, numbered_sources
from sanctions.report import Report

# The chart's drawing area, in SVG user units; the page scales it to its width.
WIDTH, LEFT, RIGHT, TOP, LANE, BAR = 960, 150, 28, 30, 44, 16
_MARK_ORDER = {"failed": 0, "lapse": 1, "veto": 2}  # drawn last is on top: a veto must not be hidden
# Marks closer than a mark's width share a cluster: the first (a veto, if any) sits on the bar, the
# others above it (a failed draft) or below it (a lapse), so a veto, a failed draft and a lapse in
# one week are all seen.
_NEAR, _OFF_BAR = 12.0, {"veto": -14, "failed": -14, "lapse": 14}


@dataclass(frozen=True)
class Bar:
    """One period of a mandate, drawn from its start to its end."""

    x: float
    width: float
    period: Period
    label: str


@dataclass(frozen=True)
class Mark:
    """A veto, failed draft or lapse on a mandate's lane."""

    x: float
    kind: str  # "veto", "failed" or "lapse"
    event: Event
    label: str
    dy: int = 0  # off the bar's middle, when marks crowd


@dataclass(frozen=True)
class Lane:
    """One mandate's row of the chart."""

    key: str
    name: str
    y: float
    status: MandateStatus
    bars: list[Bar]
    marks: list[Mark]
    arrow: bool  # in force with no end date: the bar runs off the chart


@dataclass(frozen=True)
class Chart:
    """The mandate periods of a regime laid out for SVG, with the same facts as `sanctions chart`."""

    height: float
    ticks: list[tuple[float, int]]
    as_of_x: float
    lanes: list[Lane]
    description: str

    @property
    def bottom(self) -> float:
        return TOP + LANE * len(self.lanes)


def _expiry(value: Expiry) -> str:
    return value.isoformat() if isinstance(value, dt.date) else value


def _names(codes: tuple[str, ...] | list[str]) -> str:
    return ", ".join(members.member_name(code) for code in codes)


def _plural(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _year_step(years: int) -> int:
    """Years between axis labels: the smallest round step that leaves at most a dozen labels."""
    step = 1
    while years / step > 12:
        step = step * 5 // 2 if str(step).startswith("2") else step * 2  # 1, 2, 5, 10, 20, 50, …
    return step


def layout(report: Report) -> Chart:
    """Lanes, bars and marks of the regime's mandates as of the report's date, as `sanctions chart` draws them."""
    regime, as_of = report.regime, report.as_of
    periods = report.periods
    dates = [*charted_dates(regime), as_of]
    ends = [p.end for key in regime.mandates for p in periods[key] if p.end]
    start = dt.date(min(dates).year, 1, 1)
    last = max(dates + ends)
    end = dt.date(last.year + 1, 1, 1) if last.year < dt.MAXYEAR else dt.date.max
    span = (end - start).days

    def x(day: dt.date) -> float:
        return round(LEFT + (min(day, end) - start).days / span * (WIDTH - LEFT - RIGHT), 1)

    step = _year_step(end.year - start.year)
    first = -(-start.year // step) * step  # labels on round years
    ticks = [(x(dt.date(year, 1, 1)), year) for year in range(first, min(end.year, dt.MAXYEAR) + 1, step)]
    statuses = {status.mandate.key: status for status in report.statuses}
    lanes = []
    for row, (key, mandate) in enumerate(regime.mandates.items()):
        status = statuses[key]
        bars = []
        for period in periods[key]:
            if period.start > as_of:
                continue
            current = status.status.in_force or status.status is Status.SUSPENDED
            stop = period.end or ((end if status.status.in_force else as_of) if current else period.start)
            until = period.end.isoformat() if period.end else "no end date"
            verb = "suspended by" if period.suspended else "set by"
            label = f"{mandate.name}: {period.start.isoformat()} to {until}, {verb} {period.set_by.document}"
            bars.append(Bar(x(period.start), max(x(stop) - x(period.start), 2.0), period, label))
        marks = []
        for event in regime.events:
            if event.date > as_of:
                continue
            if event.kind is Kind.VETO and key in event.would_have_set:
                kind = "veto"
            elif event.kind is Kind.FAILED_DRAFT and key in event.would_have_set:
                kind = "failed"
            elif key in event.lapses:
                kind = "lapse"
            else:
                continue
            what = f"{mandate.name} lapsed" if kind == "lapse" else milestone(report, event)[0]
            marks.append(Mark(x(event.date), kind, event, f"{event.date.isoformat()}: {what}"))
        marks = _spread(marks)
        lanes.append(Lane(key, mandate.name, TOP + LANE * row, status, bars, marks, status.status is Status.OPEN_ENDED))
    counts = {kind: sum(1 for lane in lanes for m in lane.marks if m.kind == kind) for kind in _MARK_ORDER}
    drawn = sum(len(lane.bars) for lane in lanes)
    description = (
        f"One lane per mandate from {start.year} to {end.year}: {_plural(drawn, 'period')}"
        f" in force, {_plural(counts['veto'], 'veto')}, {_plural(counts['failed'], 'failed draft')} and"
        f" {_plural(counts['lapse'], 'lapse')} marked, and a line at the as-of date, {as_of.isoformat()}."
        " The table after the chart lists every period."
    )
    return Chart(TOP + LANE * len(lanes) + 34, ticks, x(as_of), lanes, description)


def _spread(marks: list[Mark]) -> list[Mark]:
    """The marks of one lane, crowded ones moved off the bar's middle, in the order they are drawn."""
    clusters: list[list[Mark]] = []
    for mark in sorted(marks, key=lambda m: m.x):
        if clusters and mark.x - clusters[-1][-1].x < _NEAR:
            clusters[-1].append(mark)
        else:
            clusters.append([mark])
    placed = []
    for cluster in clusters:
        cluster.sort(key=lambda m: (-_MARK_ORDER[m.kind], m.x))  # a veto first: it stays on the bar
        placed += [cluster[0], *(replace(m, dy=_OFF_BAR[m.kind]) for m in cluster[1:])]
    return sorted(placed, key=lambda m: _MARK_ORDER[m.kind])


def _kind_label(kind: Kind) -> str:
    return kind.value.replace("-", " ")


def _effects(event: Event) -> list[str]:
    """What an event did to the mandates, one line each, as the terminal's Sets column shows it."""
    lines = [f"{key} → {_expiry(value)}" for key, value in event.sets.items()]
    lines += [f"would have set {key} → {_expiry(value)}" for key, value in event.would_have_set.items()]
    return lines + [f"{key} lapsed" for key in event.lapses]


@cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("sanctions", "templates"),
        autoescape=True,  # every value is escaped unless a template says otherwise, and none does
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        # Whatever a template prints (a string, a date, a Consequence naming a mandate) loses its control
        # characters before it is escaped; only markup the templates made themselves (a macro's) is kept.
        finalize=lambda value: value if isinstance(value, markupsafe.Markup) else inert(str(value)),
    )
    environment.filters["names"] = _names
    environment.filters["expiry"] = _expiry
    environment.filters["kind_label"] = _kind_label
    environment.globals.update(version=__version__, document_url=document_url, member_name=members.member_name)
    return environment


def _render(template: str, **context: Any) -> str:
    return _environment().get_template(template).render(**context).rstrip("\n") + "\n"


def export(report: Report, chart: bool) -> str:
    """The report as one HTML page that needs nothing else: inline CSS and SVG, no script."""
    sources: dict[str, Source] = numbered_sources(report.events)
    return _render(
        "regime.html.j2",
        report=report,
        regime=report.regime,
        sources=sources,
        chart=layout(report) if chart else None,
        effects=_effects,
        geometry={"width": WIDTH, "left": LEFT, "top": TOP, "lane": LANE, "bar": BAR},
    )


def page_name(regime: Regime) -> str:
    """The file name of a regime's page beside the index."""
    return f"{regime.id}.html"


def index(regimes: list[Regime], as_of: dt.date) -> str:
    """A page linking every regime's page, with each regime's status as of a date."""
    rows = [(quote(page_name(regime)), summarise(regime, as_of)) for regime in regimes]
    dates = sorted(regime.verified for regime in regimes)
    verified = (dates[0], dates[-1]) if dates else None
    return _render("index.html.j2", rows=rows, as_of=as_of, verified=verified)
