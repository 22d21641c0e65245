"""HTML pages: a self-contained report on one regime (with its chart as inline SVG), and an index of regimes."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any
from urllib.parse import quote

# Jinja2 is imported here and nowhere else: sanctions.render.renderer loads this module only for --format html.
import jinja2
import markupsafe

from sanctions import __version__
from sanctions.analysis.mandates import (
    DEFAULT_WINDOW_DAYS,
    ONGOING,
    MandateStatus,
    Period,
    RegimeSummary,
    Scope,
    Status,
    charted_dates,
    drafted_for,
    expiries,
    in_scope,
    summarise,
)
from sanctions.analysis.report import Report
from sanctions.council import members
from sanctions.dataset.dates import later
from sanctions.dataset.model import Event, Expiry, Kind, Regime
from sanctions.render import inert
from sanctions.render.markdown import Source, document_url, milestone, numbered_sources

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
            if event.date > as_of or event.date < start:
                continue
            drafted = event.kind.is_failed and drafted_for(regime, event, key)  # as `sanctions chart` marks it
            if event.kind is Kind.VETO and drafted:
                kind = "veto"
            elif event.kind is Kind.FAILED_DRAFT and drafted:
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
        loader=jinja2.PackageLoader("sanctions", "render/templates"),
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
    environment.filters["id"] = id  # events are looked up by identity, as `anchors` keys them
    environment.filters["page"] = lambda regime: quote(page_name(regime))
    environment.globals.update(version=__version__, document_url=document_url, member_name=members.member_name)
    return environment


def _render(template: str, **context: Any) -> str:
    return _environment().get_template(template).render(**context).rstrip("\n") + "\n"


def anchors(events: Sequence[Event]) -> dict[int, str]:
    """Each event's id on its regime's page, by `id()` of the event: the one rule for a link to an event.

    The id is the event's date and kind, `2024-03-28-veto`; a second event of the same date and kind
    gets `-2`, a third `-3`, in the order of the regime file. Given every event of a regime (not a
    date range of them), a page limited to a range keeps the ids of the full page, and the feed and the
    other pages can link to them. An id starts with a digit, so it never meets a section's id.
    """
    seen: Counter[str] = Counter()
    found = {}
    for event in events:
        base = f"{event.date.isoformat()}-{event.kind.value}"
        seen[base] += 1
        found[id(event)] = base if seen[base] == 1 else f"{base}-{seen[base]}"
    return found


@dataclass(frozen=True)
class Related:
    """Another regime a page links to, and why."""

    regime: Regime
    relation: str  # "preceded by", "succeeded by" or "shares decisions"
    href: str | None  # its page beside this one, when the export wrote one
    documents: tuple[str, ...] = ()  # the decisions both record


def related(regime: Regime, site: Sequence[Regime]) -> list[Related]:
    """The regimes before and after this one, and those that record one of its decisions too."""
    others = {other.id: other for other in site if other.id != regime.id}
    found = [
        Related(others[key], relation, quote(page_name(others[key])))
        for relation, key in (("preceded by", regime.preceded_by), ("succeeded by", regime.succeeded_by))
        if key in others
    ]
    mine = {event.document for event in regime.events}
    linked = {item.regime.id for item in found}
    for other in others.values():
        shared = tuple(dict.fromkeys(e.document for e in other.events if e.document in mine))
        if shared and other.id not in linked:
            found.append(Related(other, "shares decisions", quote(page_name(other)), shared))
    return found


def _also_in(regime: Regime, site: Sequence[Regime]) -> dict[str, list[tuple[Regime, str]]]:
    """For each document of the regime, the other regimes' events that record it, as (regime, anchor)."""
    mine = {event.document for event in regime.events}
    found: dict[str, list[tuple[Regime, str]]] = {}
    for other in site:
        if other.id == regime.id:
            continue
        ids = anchors(other.events)
        for event in other.events:
            if event.document in mine:
                found.setdefault(event.document, []).append((other, ids[id(event)]))
    return found


def export(report: Report, chart: bool, *, site: Sequence[Regime] | None = None) -> str:
    """The report as one HTML page that needs nothing else: inline CSS and SVG, no script.

    With `site`, the regimes whose pages are written beside it with an `index.html`: the page then links
    the index and the pages of related regimes.
    """
    sources: dict[str, Source] = numbered_sources(report.events)
    regime = report.regime
    return _render(
        "regime.html.j2",
        report=report,
        regime=regime,
        sources=sources,
        chart=layout(report) if chart else None,
        effects=_effects,
        geometry={"width": WIDTH, "left": LEFT, "top": TOP, "lane": LANE, "bar": BAR},
        anchors=anchors(regime.events),
        in_site=site is not None,
        related=related(regime, site or ()),
        also_in=_also_in(regime, site or ()),
    )


def page_name(regime: Regime) -> str:
    """The file name of a regime's page beside the index."""
    return f"{regime.id}.html"


#: The files `export --all --format html` writes beside the pages, linked from the index.
FEED, CALENDAR = "decisions.atom", "expiry.ics"


def calendar(regimes: Sequence[Regime], as_of: dt.date) -> str:
    """The site's calendar: what `sanctions expiry --format ics` gives for the regimes ongoing on `as_of`."""
    from sanctions.render import ics

    ongoing = [s.regime for s in in_scope([summarise(r, as_of) for r in regimes], Scope.ONGOING)]
    return ics.expiry(expiries(ongoing, as_of, later(as_of, dt.timedelta(days=DEFAULT_WINDOW_DAYS))))


def companions() -> dict[str, Callable[[Sequence[Regime], dt.date], str]]:
    """The files written beside the pages and the index, by name: the feed of decisions and the calendar."""
    from sanctions.render import feed

    return {FEED: feed.feed, CALENDAR: calendar}


@dataclass(frozen=True)
class Group:
    """One table of the index: the regimes ongoing, ended, or never established on the as-of date."""

    key: str
    title: str
    rows: list[tuple[str, RegimeSummary, dt.date | None]]  # page, summary, the day it ended (ended only)


def _ended_on(summary: RegimeSummary) -> dt.date | None:
    """The last day any mandate of an ended regime was in force, or the day the decision ending it took effect."""
    days = [
        s.expires if s.status is Status.LAPSED and s.expires else s.set_by.in_effect
        for s in summary.mandates
        if s.set_by is not None and s.status in (Status.LAPSED, Status.TERMINATED, Status.TRANSFERRED)
    ]
    return max(days, default=None)


def groups(regimes: Sequence[Regime], as_of: dt.date) -> list[Group]:
    """The index's tables: ongoing regimes by name, then ended ones, the latest to end first, then those
    never established."""
    summaries = [summarise(regime, as_of) for regime in regimes]
    ongoing = sorted((s for s in summaries if s.status in ONGOING), key=lambda s: s.regime.name.casefold())
    ended = [(s, _ended_on(s)) for s in summaries if s.status == "ended"]
    ended.sort(key=lambda pair: (pair[1] or dt.date.min, pair[0].regime.name.casefold()), reverse=True)
    never = [s for s in summaries if s.status not in ONGOING and s.status != "ended"]
    return [
        Group("ongoing", "Ongoing", [(quote(page_name(s.regime)), s, None) for s in ongoing]),
        Group("ended", "Ended", [(quote(page_name(s.regime)), s, day) for s, day in ended]),
        Group("proposed", "Proposed, never established", [(quote(page_name(s.regime)), s, None) for s in never]),
    ]


def index(regimes: list[Regime], as_of: dt.date) -> str:
    """A page linking every regime's page, ongoing regimes first, with each regime's status as of a date."""
    dates = sorted(regime.verified for regime in regimes)
    verified = (dates[0], dates[-1]) if dates else None
    return _render(
        "index.html.j2",
        groups=[group for group in groups(regimes, as_of) if group.rows],
        count=len(regimes),
        as_of=as_of,
        verified=verified,
        feed=FEED,
        calendar=CALENDAR,
    )
