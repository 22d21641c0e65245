"""SQLite export: the regimes as a database of plain tables, for sqlite3, datasette and sqlite-utils."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

from sanctions.analysis.report import Report
from sanctions.analysis.votes import positions
from sanctions.council import members
from sanctions.council import seats as council
from sanctions.dataset.model import Event, Expiry
from sanctions.render import inert_lines
from sanctions.render.sqlite_schema import PAGE_SIZE, SCHEMA, SCHEMA_VERSION, TABLES


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _value(expiry: Expiry) -> tuple[str, str | None]:
    """An expiry as the JSON export writes it, and as a date column (NULL unless it is a date)."""
    if isinstance(expiry, dt.date):
        return expiry.isoformat(), expiry.isoformat()
    return expiry, None


def _changes(event_id: int, regime: str, event: Event) -> Iterable[tuple[object, ...]]:
    for effect, expiries in (("sets", event.sets), ("would_have_set", event.would_have_set)):
        for mandate, expiry in expiries.items():
            yield (event_id, regime, mandate, effect, *_value(expiry), event.derived.get(mandate))
    for mandate in event.lapses:
        yield (event_id, regime, mandate, "lapses", None, None, None)


class _Inert:
    """A connection that stores text as every other format shows it: no control characters (ESC, bidi
    overrides) for `sqlite3 x.db "select title from events"` to send to a terminal."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def execute(self, sql: str, row: Sequence[object] = ()) -> sqlite3.Cursor:
        return self._db.execute(sql, _inert_row(row))

    def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> sqlite3.Cursor:
        return self._db.executemany(sql, map(_inert_row, rows))


def _inert_row(row: Sequence[object]) -> tuple[object, ...]:
    return tuple(inert_lines(value) if isinstance(value, str) else value for value in row)


def _fill(db: _Inert, reports: Sequence[Report]) -> dict[int, int]:
    """Every regime's rows; the row id of each event, by `id()` of the Event."""
    ids: dict[int, int] = {}  # id() of each Event exported -> its row id
    for report in reports:
        regime = report.regime
        db.execute(
            "INSERT INTO regimes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                regime.id,
                regime.name,
                regime.committee,
                regime.established_by or None,
                _iso(regime.established),
                regime.verified.isoformat(),
                regime.summary,
                regime.notes,
                regime.preceded_by or None,
                regime.succeeded_by or None,
            ),
        )
        db.executemany(
            "INSERT INTO aliases VALUES (?, ?, ?)", [(regime.id, i, a) for i, a in enumerate(regime.aliases)]
        )
        db.executemany(
            "INSERT INTO mandates VALUES (?, ?, ?, ?, ?, ?)",
            [(regime.id, m.key, m.name, m.description, m.category.value, m.short) for m in regime.mandates.values()],
        )
        for event in regime.events:
            vote = event.vote
            row = db.execute(
                "INSERT INTO events VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    regime.id,
                    event.date.isoformat(),
                    event.kind.value,
                    event.document,
                    event.meeting,
                    event.press_release,
                    event.title,
                    event.summary,
                    vote.in_favour if vote else None,
                    vote.against if vote else None,
                    vote.abstaining if vote else None,
                    event.notes,
                    event.dispute or None,
                    _iso(event.effective),
                    event.instrument,
                ),
            )
            event_id = row.lastrowid
            assert event_id is not None
            ids[id(event)] = event_id
            db.executemany(
                "INSERT INTO votes VALUES (?, ?, ?)", [(event_id, m, p.value) for m, p in event.votes.items()]
            )
            for table, codes in (("vetoes", event.vetoed_by), ("penholders", event.penholders)):
                db.executemany(f"INSERT INTO {table} VALUES (?, ?, ?)", [(event_id, i, m) for i, m in enumerate(codes)])
            db.executemany(
                "INSERT INTO sources VALUES (?, ?, ?)", [(event_id, i, s) for i, s in enumerate(event.sources)]
            )
            db.executemany(
                "INSERT INTO mandate_changes VALUES (?, ?, ?, ?, ?, ?, ?)", _changes(event_id, regime.id, event)
            )
            db.executemany(
                "INSERT INTO deadlines VALUES (?, ?, ?)",
                [(event_id, label, day.isoformat()) for label, day in event.deadlines.items()],
            )
        for key, periods in report.periods.items():
            db.executemany(
                "INSERT INTO periods VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (regime.id, key, i, p.start.isoformat(), _iso(p.end), ids[id(p.set_by)], int(p.suspended))
                    for i, p in enumerate(periods)
                ],
            )
        db.executemany(
            "INSERT INTO statuses VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    regime.id,
                    s.mandate.key,
                    s.as_of.isoformat(),
                    s.status.value,
                    _iso(s.expires),
                    s.days_left,
                    None if s.set_by is None else ids[id(s.set_by)],
                    None if s.ended_by is None else ids[id(s.ended_by)],
                    None if s.pending is None else ids[id(s.pending)],
                )
                for s in report.statuses
            ],
        )
    return ids


def _fill_members(db: _Inert, reports: Sequence[Report], ids: dict[int, int]) -> None:
    """Each member's position on each vote, recorded or derived as `sanctions votes` derives it; the
    members named anywhere, and the Council's seats in the years `council` records."""
    seats = [
        (year, code, "permanent" if code in members.PERMANENT else "elected")
        for year in sorted(council.ELECTED)
        for code in sorted(
            {*council.permanent_on(dt.date(year, 1, 1)), *council.permanent_on(dt.date(year, 12, 31))}
            | set(council.ELECTED[year])
        )
    ]
    rows = []
    for event in (e for report in reports for e in report.regime.events):
        known = positions(event)
        rows += [
            (ids[id(event)], code, position.value, "derived" if known.is_derived(code) else "recorded")
            for code, position in known.items()
        ]
    named = {code for _, code, _ in seats} | {row[1] for row in rows} | set(members.PERMANENT)
    for report in reports:
        for event in report.regime.events:
            named.update(event.votes, event.vetoed_by, event.penholders)
    db.executemany(
        "INSERT INTO members VALUES (?, ?, ?)",
        [(code, members.member_name(code), int(code in members.PERMANENT)) for code in sorted(named)],
    )
    db.executemany("INSERT INTO seats VALUES (?, ?, ?)", seats)
    db.executemany("INSERT INTO positions VALUES (?, ?, ?, ?)", rows)
    # An external-content index (datasette's and sqlite-utils' convention): the text stays in events.
    db.execute("INSERT INTO events_fts (rowid, title, summary) SELECT id, title, summary FROM events")


def database(reports: Sequence[Report]) -> bytes:
    """A SQLite database of the reports' regimes, byte for byte the same for the same data and as-of date.

    Every event of each regime is written, whatever the report selected: the periods and statuses
    refer by row id to the decisions behind them.
    """
    db = sqlite3.connect(":memory:", isolation_level=None)
    try:
        db.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.execute("PRAGMA foreign_keys = ON")  # a row that refers to nothing fails the export, not the reader
        db.executescript("BEGIN;" + SCHEMA)
        inert = _Inert(db)
        _fill_members(inert, reports, _fill(inert, reports))
        db.execute("COMMIT")
        db.execute("VACUUM")  # no free pages or leftovers of the build: the same data, the same bytes
        return db.serialize()
    finally:
        db.close()


#: The licence and sources datasette shows. The package (code and regime files) is MIT-licensed, as
#: pyproject.toml declares; every fact cites its own source in the sources table.
LICENSE, LICENSE_URL = "MIT (the sanctions package and its regime files)", "https://opensource.org/license/mit"
SOURCE = (
    "UN Security Council documents and press releases, Security Council Report and other sources,"
    " each cited per event in the sources table"
)


def metadata(reports: Sequence[Report], name: str) -> str:
    """Datasette metadata (JSON) for the database `database(reports)` writes, served as `name` (its file's stem).

    Each table, view and column is described; the description gives the dates the data was verified
    to, and the events table names its full-text index so datasette's search box works.
    """
    verified = sorted(report.regime.verified for report in reports)
    as_of = {report.as_of for report in reports}
    span = (
        f"verified to {verified[0].isoformat()}"
        if verified and verified[0] == verified[-1]
        else f"verified to dates from {verified[0].isoformat()} to {verified[-1].isoformat()} (regimes.verified)"
        if verified
        else "no regime"
    )
    description = (
        f"UN Security Council sanctions regimes: {len(reports)} regime{'s' if len(reports) != 1 else ''}, data"
        f" {span}; statuses as of {', '.join(sorted(day.isoformat() for day in as_of)) or 'no date'}."
        f" Schema version {SCHEMA_VERSION} (PRAGMA user_version)."
    )
    tables: dict[str, dict[str, object]] = {}
    for table, (about, columns) in TABLES.items():
        tables[table] = {"description": about, "columns": columns}
    tables["events"] |= {"fts_table": "events_fts", "fts_pk": "id", "sort_desc": "date"}
    document = {
        "title": "UN Security Council sanctions regimes",
        "description": description,
        "license": LICENSE,
        "license_url": LICENSE_URL,
        "source": SOURCE,
        "databases": {name: {"description": description, "tables": tables}},
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def metadata_path(database_path: Path) -> Path:
    """Where the metadata goes: beside the database, `s.db` → `s.metadata.json`."""
    return database_path.with_name(database_path.stem + ".metadata.json")


def files(reports: Sequence[Report], path: Path) -> list[tuple[Path, str | bytes]]:
    """The database at `path` and its datasette metadata beside it, to write together."""
    return [(path, database(reports)), (metadata_path(path), metadata(reports, path.stem))]


def export(report: Report, chart: bool) -> bytes:
    """One regime as a SQLite database (`chart` is for markdown and ignored)."""
    return database([report])
