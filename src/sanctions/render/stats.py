"""`sanctions stats` in every format: each figure laid out once as titled tables, then drawn as a
terminal table, JSON, CSV or Markdown.

One module for the four formats, unlike the listings: a figure's tables (titles saying what they
count, columns, bars) are described once here, and each format draws that description.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sanctions.render import StatsFormat

# What draws is imported when it runs.
if TYPE_CHECKING:
    from sanctions.analysis.stats import Consensus, InForce, Lapse, MemberVotes, Renewals
    from sanctions.render.grid import Blocks, Cell, Grid


BAR = "█"
BAR_WIDTH = 10


def bar(share: float | None, width: int = BAR_WIDTH) -> str:
    """A bar of whole blocks for a share between 0 and 1; empty for no share.

    >>> bar(0.64)
    '██████'
    """
    return "" if share is None else BAR * round(max(0.0, min(share, 1.0)) * width)


@dataclass(frozen=True)
class Column:
    """One column of a figure's table: the record's field it shows, its header, how it is shown."""

    key: str
    header: str
    justify: str = "right"


@dataclass(frozen=True)
class Table:
    """A titled table of a figure: the title says what it counts; cells are already text."""

    title: str
    columns: tuple[Column, ...]
    rows: list[dict[str, str]]
    caption: str = ""


@dataclass(frozen=True)
class Figure:
    """A figure of `sanctions stats`: its tables, and the records its JSON gives whole."""

    name: str
    tables: tuple[Table, ...]
    document: dict[str, Any]


@dataclass(frozen=True)
class Scope:
    """What a figure was computed over, as the command was asked."""

    regimes: tuple[str, ...]  # the regimes' ids
    which: str  # "all", "ongoing", "ended" or "named"
    since: dt.date | None
    until: dt.date | None
    as_of: dt.date

    def words(self) -> str:
        """The scope in a few words, for a caption."""
        named = {"all": "all regimes", "ongoing": "ongoing regimes", "ended": "ended regimes"}
        over = named.get(self.which) or ", ".join(self.regimes)
        window = ""
        if self.since or self.until:
            window = (
                f", {self.since.isoformat() if self.since else '…'} to {self.until.isoformat() if self.until else '…'}"
            )
        return f"{len(self.regimes)} regime{'s' if len(self.regimes) != 1 else ''} ({over}){window}, as of {self.as_of}"


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value


def records(rows: list[Any]) -> list[dict[str, Any]]:
    """Dataclass records as JSON objects: dates as ISO text, tuples as lists."""
    return [{name: _plain(getattr(row, name)) for name in row.__dataclass_fields__} for row in rows]


def _scope_record(scope: Scope) -> dict[str, Any]:
    return {
        "regimes": list(scope.regimes),
        "which": scope.which,
        "since": _plain(scope.since),
        "until": _plain(scope.until),
        "as_of": scope.as_of.isoformat(),
    }


def _number(value: float | None, digits: int = 2) -> str:
    return "" if value is None else f"{value:.{digits}f}".rstrip("0").rstrip(".")


CONSENSUS_COLUMNS = (
    Column("period", "Period", "left"),
    Column("decisions", "Decisions"),
    Column("adopted", "Voted"),
    Column("unanimous", "Unanimous"),
    Column("share", "Share", "left"),
    Column("abstentions", "Abst."),
    Column("failed", "Failed"),
    Column("vetoed", "Vetoed"),
)
CONSENSUS_CAPTION = (
    "Decisions: sanctions resolutions adopted, each counted once · Voted: adopted by a vote whose tally is"
    " recorded · Unanimous: of those, none against and none abstaining · Share: Unanimous / Voted ('no tally'"
    " when none is recorded: never counted as unanimous) · Abst.: mean abstentions per voted decision ·"
    " Failed: drafts that failed without a veto · Vetoed: drafts vetoed"
)


def _consensus_cells(row: Consensus) -> dict[str, str]:
    if row.share_unanimous is not None:
        share = f"{row.share_unanimous:.0%} {bar(row.share_unanimous)}".rstrip()
    else:  # a period with decisions but no tally on record says so; one with none shows nothing
        share = "no tally" if row.decisions else ""
    return {
        "period": row.period,
        "decisions": str(row.decisions),
        "adopted": str(row.adopted),
        "unanimous": str(row.unanimous),
        "share": share,
        "abstentions": _number(row.mean_abstentions),
        "failed": str(row.failed),
        "vetoed": str(row.vetoed),
    }


def consensus(decades: list[Consensus], years: list[Consensus], scope: Scope) -> Figure:
    """The consensus figure: per decade, then per year."""
    tables = tuple(
        Table(
            f"Sanctions decisions per {by}: adopted by recorded vote, unanimous, share unanimous;"
            f" failed and vetoed sanctions drafts",
            CONSENSUS_COLUMNS,
            [_consensus_cells(row) for row in rows],
            f"{CONSENSUS_CAPTION}\n{scope.words()}",
        )
        for by, rows in (("decade", decades), ("year", years))
    )
    document = {
        "figure": "consensus",
        "scope": _scope_record(scope),
        "decades": records(decades),
        "years": records(years),
    }
    return Figure("consensus", tables, document)


MEMBER_COLUMNS = (
    Column("member", "Member", "left"),
    Column("decade", "Decade", "left"),
    Column("yes", "Yes"),
    Column("against", "Against"),
    Column("abstain", "Abstain"),
    Column("absent", "Absent"),
    Column("vetoes", "Vetoes"),
    Column("ended", "Ended"),
    Column("bar", "Not yes", "left"),
)


def _recorded_derived(recorded: int, derived: int) -> str:
    return f"{recorded} + {derived}"


def _member_cells(row: MemberVotes) -> dict[str, str]:
    known = row.yes + row.against + row.abstain + row.absent + row.derived_yes + row.derived_against
    known += row.derived_abstain
    not_yes = known - row.yes - row.derived_yes
    return {
        "member": row.member,
        "decade": row.decade,
        "yes": _recorded_derived(row.yes, row.derived_yes),
        "against": _recorded_derived(row.against, row.derived_against),
        "abstain": _recorded_derived(row.abstain, row.derived_abstain),
        "absent": str(row.absent),
        "vetoes": str(row.vetoes),
        "ended": str(row.vetoes_ended_mandate),
        "bar": bar(not_yes / known) if known else "",
    }


def members(rows: list[MemberVotes], scope: Scope, member: str | None = None) -> Figure:
    """The members figure: positions per member and decade, recorded + derived, and vetoes."""
    from sanctions.council.members import member_name

    who = f"{member_name(member)} ({member})" if member else "each Council member"
    title = (
        f"Positions of {who} on sanctions decisions adopted by recorded vote, per decade (recorded + derived"
        f" from the tally), and sanctions drafts vetoed"
    )
    caption = (
        "Each position: recorded (a source names it) + derived (the tally leaves no other possibility);"
        " never added up · Absent: recorded only · Vetoes: sanctions drafts vetoed · Ended: of those, drafts"
        " after which a mandate they would have renewed lapsed · Not yes: share of known positions other than"
        f" yes · members by ISO 3166 code, permanent members first\n{scope.words()}"
    )
    table = Table(title, MEMBER_COLUMNS, [_member_cells(row) for row in rows], caption)
    return Figure("members", (table,), {"figure": "members", "scope": _scope_record(scope), "members": records(rows)})


RENEWAL_COLUMNS = (
    Column("regime", "Regime", "left"),
    Column("renewals", "Renewals"),
    Column("rollovers", "Rollovers"),
    Column("ahead", "Median days ahead"),
    Column("lapses", "Lapses"),
    Column("bar", "", "left"),
)
LAPSE_COLUMNS = (
    Column("regime", "Regime", "left"),
    Column("mandate", "Mandate", "left"),
    Column("expired", "Expired", "left"),
    Column("cause", "Cause", "left"),
    Column("draft", "Draft", "left"),
    Column("vetoed_by", "Vetoed by", "left"),
    Column("resumed", "Resumed", "left"),
)


def renewals(rows: list[Renewals], lapses: list[Lapse], scope: Scope, rollover_days: int) -> Figure:
    """The renewals figure: per regime, then every lapse with its cause."""
    most = max((row.renewals for row in rows), default=0)
    renewal_rows = [
        {
            "regime": row.regime,
            "renewals": str(row.renewals),
            "rollovers": str(row.rollovers),
            "ahead": _number(row.median_days_ahead, 1),
            "lapses": str(row.lapses),
            "bar": bar(row.renewals / most) if most else "",
        }
        for row in rows
    ]
    caption = (
        f"Renewals: decisions recorded as renewing · Rollovers: technical rollovers, renewals that extend every"
        f" dated term they renew by at most {rollover_days} days · Median days ahead: from adoption to the"
        f" expiry it replaced (negative: late), over the renewals that replaced a dated expiry · Lapses: dated"
        f" terms that ran out before a decision carried them on\n{scope.words()}"
    )
    tables = [
        Table(
            "Renewals of each regime's mandates: renewals, technical rollovers, median days from adoption to the"
            " expiry replaced, lapses",
            RENEWAL_COLUMNS,
            renewal_rows,
            caption,
        )
    ]
    if lapses:
        tables.append(
            Table(
                "Lapses: mandates whose dated term ran out before a decision carried them on, and why",
                LAPSE_COLUMNS,
                [
                    {
                        "regime": lapse.regime,
                        "mandate": lapse.mandate,
                        "expired": lapse.expired.isoformat(),
                        "cause": lapse.cause,
                        "draft": lapse.draft or "",
                        "vetoed_by": " ".join(lapse.vetoed_by),
                        "resumed": lapse.resumed.isoformat() if lapse.resumed else "",
                    }
                    for lapse in lapses
                ],
                "Cause: the last veto or failed draft that would have renewed it; else 'renewed late' when a later"
                " decision carried it on (Resumed), else 'not renewed'",
            )
        )
    document = {
        "figure": "renewals",
        "scope": _scope_record(scope),
        "rollover_days": rollover_days,
        "regimes": records(rows),
        "lapses": records(lapses),
    }
    return Figure("renewals", tuple(tables), document)


IN_FORCE_COLUMNS = (Column("year", "Year", "left"), Column("count", "In force"), Column("bar", "", "left"))


def in_force(years: list[InForce], scope: Scope) -> Figure:
    """The regimes figure: how many regimes were in force each year."""
    most = max((row.count for row in years), default=0)
    table = Table(
        f"Sanctions regimes in force each year, {years[0].year if years else ''} to {scope.as_of.year}:"
        " regimes with a measure or body in force on at least one day of the year",
        IN_FORCE_COLUMNS,
        [
            {"year": str(row.year), "count": str(row.count), "bar": bar(row.count / most, 20) if most else ""}
            for row in years
        ],
        "A term with no end date on record counts to the as-of date when open-ended, else to the day its"
        f" regime's data was verified; --format json names each year's regimes\n{scope.words()}",
    )
    return Figure("regimes", (table,), {"figure": "regimes", "scope": _scope_record(scope), "years": records(years)})


def table(figure: Figure) -> Blocks:
    """The figure's tables for a terminal, or as aligned text in a file or pipe."""
    from sanctions.render.grid import TOKEN, Blocks, Cell, Grid

    grids: list[Grid | Cell] = []
    for part in figure.tables:
        if grids:
            grids.append(Cell(""))
        grid = Grid(title=part.title, caption=Cell(part.caption, "dim") if part.caption else None)
        for column in part.columns:
            grid.add_column(column.header, TOKEN, column.justify)
        for row in part.rows:
            grid.add_row(*(row[column.key] for column in part.columns))
        grids.append(grid)
    return Blocks(*grids)


def json(figure: Figure) -> str:
    """The figure's records as one JSON document (schema/stats-NAME.schema.json)."""
    from sanctions.render.json import _dump

    return _dump(figure.document)


def csv_text(figure: Figure) -> str:
    """The figure's first table as CSV: one header row, the records' own fields (no bars), CRLF line ends."""
    import csv
    import io

    from sanctions.render import inert_lines
    from sanctions.render.csv import neutralise

    key = {"consensus": "decades", "members": "members", "renewals": "regimes", "regimes": "years"}[figure.name]
    rows = list(figure.document[key])
    if figure.name == "consensus":
        rows += figure.document["years"]
    buffer = io.StringIO()
    if rows:
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(rows[0])
        for row in rows:
            cells = [" ".join(v) if isinstance(v, list) else "" if v is None else str(v) for v in row.values()]
            writer.writerow([neutralise(inert_lines(cell)) for cell in cells])
    return buffer.getvalue()


def markdown(figure: Figure) -> str:
    """The figure's tables as Markdown: a heading per table, its caption under it."""
    from sanctions.render.markdown import text

    lines = []
    for part in figure.tables:
        lines += [f"## {text(part.title)}", ""]
        lines.append("| " + " | ".join(text(column.header) or "&nbsp;" for column in part.columns) + " |")
        lines.append("| " + " | ".join("---:" if c.justify == "right" else "---" for c in part.columns) + " |")
        lines += ["| " + " | ".join(text(row[c.key]) for c in part.columns) + " |" for row in part.rows]
        lines.append("")
        lines += [f"{text(line)}  " for line in part.caption.split("\n")]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def render(figure: Figure, fmt: StatsFormat) -> str | Blocks:
    """The figure in a format."""
    if fmt is StatsFormat.TABLE:
        return table(figure)
    if fmt is StatsFormat.JSON:
        return json(figure)
    if fmt is StatsFormat.CSV:
        return csv_text(figure)
    return markdown(figure)
