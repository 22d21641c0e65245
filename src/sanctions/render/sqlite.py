"""SQLite export: the regimes as a database of plain tables, for sqlite3, datasette and sqlite-utils."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Sequence

from sanctions.model import Event, Expiry
from sanctions.render import inert_lines
from sanctions.report import Report

#: Raised whenever the schema changes: `PRAGMA user_version` tells a reader which one it holds.
SCHEMA_VERSION = 2
#: Fixed, so the file's bytes do not depend on the SQLite build's default.
PAGE_SIZE = 4096

SCHEMA = """
CREATE TABLE regimes (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    committee TEXT NOT NULL,
    established_by TEXT,
    established TEXT,
    verified TEXT NOT NULL,
    summary TEXT NOT NULL,
    notes TEXT NOT NULL,
    preceded_by TEXT,
    succeeded_by TEXT
);
CREATE TABLE aliases (
    regime TEXT NOT NULL REFERENCES regimes (id),
    seq INTEGER NOT NULL,
    alias TEXT NOT NULL,
    PRIMARY KEY (regime, seq)
);
CREATE TABLE mandates (
    regime TEXT NOT NULL REFERENCES regimes (id),
    mandate TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    category TEXT NOT NULL,
    PRIMARY KEY (regime, mandate)
);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    regime TEXT NOT NULL REFERENCES regimes (id),
    date TEXT NOT NULL,
    kind TEXT NOT NULL,
    document TEXT NOT NULL,
    meeting TEXT,
    press_release TEXT,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    in_favour INTEGER,
    against INTEGER,
    abstaining INTEGER,
    notes TEXT NOT NULL,
    dispute TEXT,
    effective TEXT,
    instrument TEXT NOT NULL
);
CREATE INDEX events_by_regime_and_date ON events (regime, date);
CREATE INDEX events_by_date ON events (date);
CREATE INDEX events_by_kind ON events (kind);
CREATE INDEX events_by_document ON events (document);
CREATE TABLE votes (
    event INTEGER NOT NULL REFERENCES events (id),
    member TEXT NOT NULL,
    position TEXT NOT NULL,
    PRIMARY KEY (event, member)
);
CREATE INDEX votes_by_member ON votes (member, position);
CREATE TABLE vetoes (
    event INTEGER NOT NULL REFERENCES events (id),
    seq INTEGER NOT NULL,
    member TEXT NOT NULL,
    PRIMARY KEY (event, seq)
);
CREATE INDEX vetoes_by_member ON vetoes (member);
CREATE TABLE penholders (
    event INTEGER NOT NULL REFERENCES events (id),
    seq INTEGER NOT NULL,
    member TEXT NOT NULL,
    PRIMARY KEY (event, seq)
);
CREATE INDEX penholders_by_member ON penholders (member);
CREATE TABLE sources (
    event INTEGER NOT NULL REFERENCES events (id),
    seq INTEGER NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (event, seq)
);
CREATE TABLE mandate_changes (
    event INTEGER NOT NULL REFERENCES events (id),
    regime TEXT NOT NULL,
    mandate TEXT NOT NULL,
    effect TEXT NOT NULL CHECK (effect IN ('sets', 'would_have_set', 'lapses')),
    value TEXT,
    expires TEXT,
    PRIMARY KEY (event, effect, mandate),
    FOREIGN KEY (regime, mandate) REFERENCES mandates (regime, mandate)
);
CREATE INDEX mandate_changes_by_mandate ON mandate_changes (regime, mandate, effect);
CREATE INDEX mandate_changes_by_expiry ON mandate_changes (expires);
CREATE TABLE deadlines (
    event INTEGER NOT NULL REFERENCES events (id),
    label TEXT NOT NULL,
    due TEXT NOT NULL,
    PRIMARY KEY (event, label)
);
CREATE INDEX deadlines_by_due ON deadlines (due);
CREATE TABLE periods (
    regime TEXT NOT NULL,
    mandate TEXT NOT NULL,
    seq INTEGER NOT NULL,
    starts TEXT NOT NULL,
    ends TEXT,
    set_by INTEGER NOT NULL REFERENCES events (id),
    suspended INTEGER NOT NULL CHECK (suspended IN (0, 1)),
    PRIMARY KEY (regime, mandate, seq),
    FOREIGN KEY (regime, mandate) REFERENCES mandates (regime, mandate)
);
CREATE INDEX periods_by_end ON periods (ends);
CREATE TABLE statuses (
    regime TEXT NOT NULL,
    mandate TEXT NOT NULL,
    as_of TEXT NOT NULL,
    status TEXT NOT NULL,
    expires TEXT,
    days_left INTEGER,
    set_by INTEGER REFERENCES events (id),
    ended_by INTEGER REFERENCES events (id),
    pending INTEGER REFERENCES events (id),
    PRIMARY KEY (regime, mandate),
    FOREIGN KEY (regime, mandate) REFERENCES mandates (regime, mandate)
);
CREATE INDEX statuses_by_status ON statuses (status, expires);
CREATE VIEW mandate_status AS
SELECT
    statuses.regime,
    statuses.mandate,
    mandates.name,
    statuses.status,
    statuses.expires,
    statuses.days_left,
    setter.document AS set_by,
    setter.date AS set_by_date,
    ender.document AS ended_by,
    ender.date AS ended_by_date,
    ender.kind AS ended_by_kind,
    (SELECT group_concat(member, ' ') FROM (SELECT member FROM vetoes WHERE event = ender.id ORDER BY seq))
        AS vetoed_by,
    setter.dispute,
    statuses.as_of,
    pender.document AS pending,
    pender.date AS pending_adopted,
    pender.effective AS pending_effective,
    (SELECT value FROM mandate_changes
        WHERE event = pender.id AND mandate = statuses.mandate AND effect = 'sets') AS pending_sets
FROM statuses
JOIN mandates USING (regime, mandate)
LEFT JOIN events AS setter ON setter.id = statuses.set_by
LEFT JOIN events AS ender ON ender.id = statuses.ended_by
LEFT JOIN events AS pender ON pender.id = statuses.pending;
"""


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
            yield (event_id, regime, mandate, effect, *_value(expiry))
    for mandate in event.lapses:
        yield (event_id, regime, mandate, "lapses", None, None)


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


def _fill(db: _Inert, reports: Sequence[Report]) -> None:
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
            "INSERT INTO mandates VALUES (?, ?, ?, ?, ?)",
            [(regime.id, m.key, m.name, m.description, m.category.value) for m in regime.mandates.values()],
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
            for table, members in (("vetoes", event.vetoed_by), ("penholders", event.penholders)):
                db.executemany(
                    f"INSERT INTO {table} VALUES (?, ?, ?)", [(event_id, i, m) for i, m in enumerate(members)]
                )
            db.executemany(
                "INSERT INTO sources VALUES (?, ?, ?)", [(event_id, i, s) for i, s in enumerate(event.sources)]
            )
            db.executemany(
                "INSERT INTO mandate_changes VALUES (?, ?, ?, ?, ?, ?)", _changes(event_id, regime.id, event)
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
        _fill(_Inert(db), reports)
        db.execute("COMMIT")
        db.execute("VACUUM")  # no free pages or leftovers of the build: the same data, the same bytes
        return db.serialize()
    finally:
        db.close()


def export(report: Report, chart: bool) -> bytes:
    """One regime as a SQLite database (`chart` is for markdown and ignored)."""
    return database([report])
