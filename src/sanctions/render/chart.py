"""A regime as a picture in the terminal: one lane per mandate, bars for its periods, marks for vetoes and lapses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text

from sanctions.analysis.mandates import Status, charted_dates, drafted_for, mandate_status, periods
from sanctions.dataset.model import Kind, Regime
from sanctions.render import PALETTE, inert

# A veto and a failed draft must differ at a glance: a heavy cross, an open ring.
BAR, VETO, FAILED, LAPSE, NOW, UNKNOWN, SUSPENDED = "█", "✖", "○", "■", "│", "┄", "░"
LEGEND = (
    f"{BAR} in force",
    f"{VETO} veto",
    f"{FAILED} failed draft",
    f"{LAPSE} lapsed",
    f"{NOW} as of",
    "→ no end date",
    f"{UNKNOWN} data not verified",
)
SUSPENDED_LEGEND = f"{SUSPENDED} suspended"


def _legend(items: tuple[str, ...], width: int) -> str:
    """The legend's items three spaces apart, wrapped between items, never inside one."""
    lines = [""]
    for item in items:
        if lines[-1] and len(lines[-1]) + 3 + len(item) > width:
            lines.append("")
        lines[-1] += ("   " if lines[-1] else "") + item
    return "\n".join(lines)


class Chart:
    """Draws at whatever width the console offers, so the picture fills a terminal or a file alike."""

    def __init__(self, regime: Regime, as_of: dt.date) -> None:
        self.regime = regime
        self.as_of = as_of
        dates = [*charted_dates(regime), as_of]
        ends = [p.end for key in regime.mandates for p in periods(regime, key) if p.end]
        self.start = dt.date(min(dates).year, 1, 1)
        last = max(dates + ends)
        self.end = dt.date(last.year + 1, 1, 1) if last.year < dt.MAXYEAR else dt.date.max

    def _labels(self, width: int) -> dict[str, str]:
        """Each lane's label: the mandate's short label, or its name if that is short enough, else its key."""
        room = max(12, width * 2 // 5)
        labels = {}
        for key, mandate in self.regime.mandates.items():
            label = inert(mandate.label)
            labels[key] = label if len(label) <= room else key
        return labels

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        labels = self._labels(options.max_width)
        label = max(len(text) for text in labels.values()) + 2
        width = max(options.max_width - label - 2, 20)
        yield Text(inert(f"{self.regime.name} — mandates as of {self.as_of.isoformat()}"), style="bold")
        yield Text(" " * label) + self._axis(width)
        for key in self.regime.mandates:
            yield Text(labels[key].ljust(label)) + self._lane(key, width)
        now = self._column(self.as_of, width)
        marker = f"▲ as of {self.as_of.isoformat()}"
        if now + len(marker) > width:
            marker = f"as of {self.as_of.isoformat()} ▲"
            now = max(0, now - len(marker) + 1)
        yield Text(" " * (label + now) + marker, style="bold")
        suspended = any(
            p.suspended for key in self.regime.mandates for p in periods(self.regime, key, until=self.as_of)
        )
        yield Text(_legend((*LEGEND, SUSPENDED_LEGEND) if suspended else LEGEND, options.max_width), style="dim")

    def _column(self, day: dt.date, width: int) -> int:
        span = (self.end - self.start).days
        return min(width - 1, max(0, round((day - self.start).days / span * (width - 1))))

    def _axis(self, width: int) -> Text:
        cells = [" "] * width
        free = 0  # the first column after the last label and its two spaces
        for year in range(self.start.year, min(self.end.year + 1, dt.MAXYEAR + 1)):
            column, label = self._column(dt.date(year, 1, 1), width), str(year)
            if column >= free and column + len(label) <= width:  # a year before 1000 is shorter
                cells[column : column + len(label)] = list(label)
                free = column + len(label) + 2
        return Text("".join(cells), style="dim")

    def _lane(self, key: str, width: int) -> Text:
        cells = [" "] * width
        styles = [""] * width
        status = mandate_status(self.regime, key, self.as_of)
        current = status.status.in_force or status.status is Status.SUSPENDED
        for period in periods(self.regime, key, until=self.as_of):
            if period.start > self.as_of:
                continue
            stop = period.end or (self.as_of if current else period.start)
            if period.end is None and status.status.in_force:
                stop = self.end
            mark, style = (SUSPENDED, PALETTE["suspended"]) if period.suspended else (BAR, PALETTE["in force"])
            for column in range(self._column(period.start, width), self._column(min(stop, self.end), width) + 1):
                cells[column], styles[column] = mark, style
        if status.status is Status.UNVERIFIED:
            # The file's data stops: not known to have lapsed, so never drawn as ended.
            known = self._column(min(max(status.expires or self.regime.verified, self.start), self.end), width)
            for column in range(known + 1, self._column(min(self.as_of, self.end), width) + 1):
                cells[column], styles[column] = UNKNOWN, PALETTE["unverified"]
        # Where two marks share a column the veto wins: it is what a reader must not miss.
        priority = {FAILED: 0, LAPSE: 1, VETO: 2}
        for column, mark, style in sorted(self._marks(key, width), key=lambda m: priority[m[1]]):
            cells[column], styles[column] = mark, style
        now = self._column(self.as_of, width)
        if cells[now] == " ":
            cells[now], styles[now] = NOW, "bold"
        text = Text()
        for cell, style in zip(cells, styles, strict=True):
            text.append(cell, style=style)
        if status.status.value == "open-ended":
            text.append(" →", style=PALETTE["in force"])
        return text

    def _marks(self, key: str, width: int) -> Iterator[tuple[int, str, str]]:
        for event in self.regime.events:
            if event.date > self.as_of or event.date < self.start:
                continue  # a veto before the regime's first charted day (Iran 1980) has no place on the axis
            # Every veto in the span is drawn, one that would have set nothing on the measures' lane.
            drafted = event.kind.is_failed and drafted_for(self.regime, event, key)
            if event.kind is Kind.VETO and drafted:
                yield self._column(event.date, width), VETO, PALETTE["veto"]
            elif event.kind is Kind.FAILED_DRAFT and drafted:
                yield self._column(event.date, width), FAILED, PALETTE["ended"]
            elif key in event.lapses:
                yield self._column(event.date, width), LAPSE, PALETTE["ended"]


def chart(regime: Regime, as_of: dt.date) -> Chart:
    """The regime's mandates over time, as of a date."""
    return Chart(regime, as_of)
