"""The SQLite export: read back with the stdlib's sqlite3 and compared with the JSON export."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from sanctions.analysis.mandates import periods
from sanctions.analysis.report import build_report
from sanctions.dataset.model import Regime
from sanctions.render import ExportFormat, renderer
from sanctions.render import json as render_json
from sanctions.render import sqlite as render_sqlite

AS_OF = dt.date(2024, 1, 1)
EXPORT_DOCS = (Path(__file__).resolve().parents[2] / "docs" / "export.md").read_text(encoding="utf-8")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@contextmanager
def _opened(content: bytes, tmp_path: Path) -> Iterator[sqlite3.Connection]:
    path = tmp_path / "export.db"
    path.write_bytes(content)
    db = sqlite3.connect(path)
    db.row_factory = sqlite3.Row
    try:
        yield db
    finally:
        db.close()


def _database(regimes: list[Regime], as_of: dt.date = AS_OF) -> bytes:
    return render_sqlite.database([build_report(regime, as_of) for regime in regimes])


def _column(db: sqlite3.Connection, query: str, *args: object) -> list[Any]:
    return [row[0] for row in db.execute(query, args)]


def _pairs(db: sqlite3.Connection, query: str, *args: object) -> dict[str, Any]:
    return {row[0]: row[1] for row in db.execute(query, args)}


def _without_empty(record: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if value not in (None, "", [], {})}


def _event_documents(db: sqlite3.Connection, regime: str) -> list[dict[str, Any]]:
    """The regime's events read back from the database, in the JSON export's own shape."""
    documents = []
    for row in db.execute("SELECT * FROM events WHERE regime = ? ORDER BY id", (regime,)).fetchall():
        event = row["id"]
        change = "SELECT mandate, value FROM mandate_changes WHERE event = ? AND effect = ? ORDER BY rowid"
        record = {
            **{key: row[key] for key in ("date", "kind", "document", "meeting", "press_release", "title", "summary")},
            "vote": None
            if row["in_favour"] is None
            else {key: row[key] for key in ("in_favour", "against", "abstaining")},
            "votes": _pairs(db, "SELECT member, position FROM votes WHERE event = ? ORDER BY rowid", event),
            "vetoed_by": _column(db, "SELECT member FROM vetoes WHERE event = ? ORDER BY seq", event),
            "penholders": _column(db, "SELECT member FROM penholders WHERE event = ? ORDER BY seq", event),
            "sets": _pairs(db, change, event, "sets"),
            "would_have_set": _pairs(db, change, event, "would_have_set"),
            "lapses": list(_pairs(db, change, event, "lapses")),
            "sources": _column(db, "SELECT source FROM sources WHERE event = ? ORDER BY seq", event),
            "notes": row["notes"],
            "dispute": row["dispute"],
            "deadlines": _pairs(db, "SELECT label, due FROM deadlines WHERE event = ? ORDER BY rowid", event),
            "effective": row["effective"],
            "derived": _pairs(
                db, "SELECT mandate, derived FROM mandate_changes WHERE event = ? AND derived IS NOT NULL", event
            ),
        }
        documents.append(_without_empty(record))
    return documents


REGIME_COLUMNS = (
    *("id", "name", "committee", "established_by", "verified", "summary", "notes"),
    *("preceded_by", "succeeded_by"),
)


def _regime_document(db: sqlite3.Connection, regime: str) -> dict[str, Any]:
    row = db.execute("SELECT * FROM regimes WHERE id = ?", (regime,)).fetchone()
    mandates = db.execute("SELECT * FROM mandates WHERE regime = ? ORDER BY rowid", (regime,)).fetchall()
    return _without_empty(
        {
            **{key: row[key] for key in REGIME_COLUMNS},
            "aliases": _column(db, "SELECT alias FROM aliases WHERE regime = ? ORDER BY seq", regime),
            "mandates": {
                m["mandate"]: _without_empty({k: m[k] for k in ("name", "short", "description", "category")})
                for m in mandates
            },
            "events": _event_documents(db, regime),
        }
    )


def test_every_bundled_regime_reads_back_as_its_json_export(bundled: list[Regime], tmp_path: Path) -> None:
    with _opened(_database(bundled), tmp_path) as db:
        assert _column(db, "SELECT id FROM regimes ORDER BY rowid") == [regime.id for regime in bundled]
        for regime in bundled:
            exported = json.loads(render_json.export(build_report(regime, AS_OF), chart=False))
            assert _regime_document(db, regime.id) == exported, regime.id
        counts = {table: _column(db, f"SELECT count(*) FROM {table}")[0] for table in ("events", "votes", "sources")}
        assert counts == {
            "events": sum(len(regime.events) for regime in bundled),
            "votes": sum(len(event.votes) for regime in bundled for event in regime.events),
            "sources": sum(len(event.sources) for regime in bundled for event in regime.events),
        }


def test_the_status_view_holds_what_expiry_json_shows(bundled: list[Regime], tmp_path: Path) -> None:
    expected = [
        record for regime in bundled for record in json.loads(render_json.expiry(build_report(regime, AS_OF).statuses))
    ]
    with _opened(_database(bundled), tmp_path) as db:
        rows = db.execute("SELECT * FROM mandate_status ORDER BY rowid").fetchall()
    shown = [
        {
            **{key: row[key] for key in ("regime", "mandate", "name", "status", "expires", "days_left", "set_by")},
            "ended_by": None
            if row["ended_by"] is None
            else {
                "date": row["ended_by_date"],
                "kind": row["ended_by_kind"],
                "document": row["ended_by"],
                "vetoed_by": (row["vetoed_by"] or "").split(),
            },
            "dispute": row["dispute"],
            "as_of": row["as_of"],
            "pending": None
            if row["pending"] is None
            else {
                "date": row["pending_adopted"],
                "effective": row["pending_effective"],
                "document": row["pending"],
                "sets": row["pending_sets"],
            },
        }
        for row in rows
    ]
    assert shown == expected
    mali = [row for row in shown if row["regime"] == "mali"]
    assert [(r["mandate"], r["status"], r["expires"], r["ended_by"]["document"]) for r in mali] == [
        ("measures", "lapsed", "2023-08-31", "S/2023/638"),
        ("panel", "lapsed", "2023-09-30", "S/2023/638"),
    ]


def test_periods_are_the_mandates_periods(bundled: list[Regime], tmp_path: Path) -> None:
    with _opened(_database(bundled), tmp_path) as db:
        for regime in bundled:
            for key in regime.mandates:
                rows = db.execute(
                    "SELECT starts, ends, events.document, events.date, suspended FROM periods"
                    " JOIN events ON events.id = set_by WHERE periods.regime = ? AND mandate = ? ORDER BY seq",
                    (regime.id, key),
                ).fetchall()
                assert [tuple(row) for row in rows] == [
                    (
                        p.start.isoformat(),
                        p.end and p.end.isoformat(),
                        p.set_by.document,
                        p.set_by.date.isoformat(),
                        int(p.suspended),
                    )
                    for p in periods(regime, key, until=AS_OF)
                ]


def test_the_same_data_gives_the_same_bytes(bundled: list[Regime], sample: Regime) -> None:
    first = _database(bundled)
    assert _database(bundled) == first
    assert _database([replace(r) for r in bundled]) == first  # equal copies, not the same objects
    assert _database(bundled, dt.date(2024, 1, 2)) != first  # the statuses hold the as-of date
    assert renderer(ExportFormat.SQLITE).export(build_report(sample, AS_OF), True) == _database([sample])


def test_plain_sqlite_only(bundled: list[Regime], tmp_path: Path) -> None:
    content = _database(bundled)
    assert content.startswith(b"SQLite format 3\x00")
    with _opened(content, tmp_path) as db:
        assert _column(db, "PRAGMA page_size") == [4096]
        assert _column(db, "PRAGMA user_version") == [render_sqlite.SCHEMA_VERSION]
        assert _column(db, "PRAGMA integrity_check") == ["ok"]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert _column(db, "PRAGMA freelist_count") == [0]
        tables = _column(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        # The full-text index and the tables SQLite keeps it in (FTS5 is built into SQLite: no extension).
        search = ["events_fts", "events_fts_config", "events_fts_data", "events_fts_docsize", "events_fts_idx"]
        assert [table for table in tables if table not in search] == [
            "aliases",
            "deadlines",
            "events",
            "mandate_changes",
            "mandates",
            "members",
            "penholders",
            "periods",
            "positions",
            "regimes",
            "seats",
            "sources",
            "statuses",
            "vetoes",
            "votes",
        ]
        assert sorted(set(tables) & set(search)) == search
        views = _column(db, "SELECT name FROM sqlite_schema WHERE type = 'view' ORDER BY name")
        assert views == ["mandate_status", "vote_positions"]
        types: set[str] = set()
        for table in [*(t for t in tables if t not in search), *views]:
            for column in _column(db, f"SELECT name FROM pragma_table_info('{table}')"):
                found = _column(db, f'SELECT DISTINCT typeof("{column}") FROM "{table}"')
                types.update(found)
                if column in ("date", "established", "verified", "expires", "due", "starts", "ends", "as_of") or (
                    column.endswith("_date")
                ):
                    values = _column(db, f'SELECT "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL')
                    assert values and all(ISO_DATE.fullmatch(v) for v in values), (table, column)
        assert types == {"text", "integer", "null"}


def test_keys_and_indexes(tmp_path: Path, sample: Regime) -> None:
    with _opened(_database([sample]), tmp_path) as db:
        indexes = _column(db, "SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
        assert indexes == [
            "deadlines_by_due",
            "events_by_date",
            "events_by_document",
            "events_by_kind",
            "events_by_regime_and_date",
            "mandate_changes_by_expiry",
            "mandate_changes_by_mandate",
            "penholders_by_member",
            "periods_by_end",
            "positions_by_member",
            "statuses_by_status",
            "vetoes_by_member",
            "votes_by_member",
        ]
        references = {
            (table, row["from"], row["table"])
            for table in ("events", "votes", "mandate_changes", "periods", "statuses", "positions", "seats")
            for row in db.execute(f"PRAGMA foreign_key_list('{table}')")
        }
        assert references == {
            ("events", "regime", "regimes"),
            ("votes", "event", "events"),
            ("mandate_changes", "event", "events"),
            ("mandate_changes", "regime", "mandates"),
            ("mandate_changes", "mandate", "mandates"),
            ("periods", "set_by", "events"),
            ("periods", "regime", "mandates"),
            ("periods", "mandate", "mandates"),
            ("statuses", "set_by", "events"),
            ("statuses", "ended_by", "events"),
            ("statuses", "pending", "events"),
            ("statuses", "regime", "mandates"),
            ("statuses", "mandate", "mandates"),
            ("positions", "event", "events"),
            ("positions", "member", "members"),
            ("seats", "member", "members"),
        }


def test_a_selection_of_events_still_exports_every_event(sample: Regime, tmp_path: Path) -> None:
    # Periods and statuses point at the decisions behind them, which a --since would leave out.
    report = build_report(sample, AS_OF, since=dt.date(2022, 1, 1))
    with _opened(render_sqlite.database([report]), tmp_path) as db:
        assert _column(db, "SELECT count(*) FROM events") == [len(sample.events)]


def _readme_example() -> tuple[dt.date, str, str]:
    """docs/export.md's SQLite example: the export's as-of date, the query, and the output shown."""
    found = re.search(
        r"```sh\nsanctions export --all --format sqlite --as-of (\S+) -o sanctions.db\n"
        r"sqlite3 -header sanctions.db <<'SQL'\n(.*?)\nSQL\n```\n\n```\n(.*?)```",
        EXPORT_DOCS,
        flags=re.S,
    )
    assert found, "docs/export.md: the SQLite example is missing or changed shape"
    return dt.date.fromisoformat(found[1]), found[2], found[3]


def test_the_readme_query_shows_its_real_output(bundled: list[Regime], tmp_path: Path) -> None:
    as_of, query, shown = _readme_example()
    with _opened(_database(bundled, as_of), tmp_path) as db:
        cursor = db.execute(query)
        rows = cursor.fetchall()
        header = [column[0] for column in cursor.description]
    # As `sqlite3 -header` prints it: "|" between values, NULL as nothing.
    lines = ["|".join(header), *("|".join("" if v is None else str(v) for v in row) for row in rows)]
    assert shown == "".join(line + "\n" for line in lines)
    assert "S/2023/638" in shown


@pytest.mark.parametrize("table", ["regimes", "events", "votes", "mandate_status"])
def test_an_empty_selection_is_still_a_database(table: str, tmp_path: Path) -> None:
    with _opened(render_sqlite.database([]), tmp_path) as db:
        assert _column(db, f"SELECT count(*) FROM {table}") == [0]


def test_suspensions_effective_dates_and_successors_read_back(tmp_path: Path) -> None:
    from sanctions.dataset.loader import load_all

    history = load_all(Path(__file__).parents[1] / "data" / "history")
    with _opened(_database(history), tmp_path) as db:
        for regime in history:
            exported = json.loads(render_json.export(build_report(regime, AS_OF), chart=False))
            assert _regime_document(db, regime.id) == exported, regime.id
        assert _column(db, "SELECT count(*) FROM events WHERE effective IS NOT NULL") == [4]
        assert db.execute("SELECT succeeded_by FROM regimes WHERE id = 'oldland'").fetchone()[0] == "newland"


def test_the_status_view_shows_a_decision_not_yet_in_effect(tmp_path: Path) -> None:
    from sanctions.dataset.loader import load_all

    history = load_all(Path(__file__).parents[1] / "data" / "history")
    reports = [build_report(regime, dt.date(1990, 6, 10)) for regime in history]
    with _opened(render_sqlite.database(reports), tmp_path) as db:
        rows = db.execute(
            "SELECT mandate, status, pending, pending_effective, pending_sets FROM mandate_status"
            " WHERE regime = 'oldland' ORDER BY mandate"
        ).fetchall()
    assert [tuple(row) for row in rows] == [
        ("arms-embargo", "suspended", "S/RES/9004 (1990)", "1990-06-15", "transferred"),
        ("measures", "suspended", "S/RES/9004 (1990)", "1990-06-15", "terminated"),
    ]


def test_positions_hold_every_recorded_and_derived_position(bundled: list[Regime], tmp_path: Path) -> None:
    from sanctions.analysis.votes import positions

    with _opened(_database(bundled), tmp_path) as db:
        rows = db.execute("SELECT event, member, position, basis FROM positions ORDER BY rowid").fetchall()
        expected = []
        for event_id, event in enumerate((e for r in bundled for e in r.events), start=1):
            known = positions(event)
            expected += [
                (event_id, code, p.value, "derived" if known.is_derived(code) else "recorded")
                for code, p in known.items()
            ]
        assert [tuple(row) for row in rows] == expected
        # Every position a source records is there as recorded; the tally adds the others.
        recorded = "SELECT event, member, position FROM positions WHERE basis = 'recorded' ORDER BY event, member"
        assert db.execute(recorded).fetchall() == db.execute("SELECT * FROM votes ORDER BY event, member").fetchall()
        assert _column(db, "SELECT count(*) FROM positions WHERE basis = 'derived'")[0] > 0


@pytest.mark.parametrize(("regime", "member"), [("dprk", "CN"), ("mali", "RU"), ("iran", "US")])
def test_the_positions_view_counts_what_sanctions_votes_counts(
    bundled: list[Regime], tmp_path: Path, regime: str, member: str
) -> None:
    from typer.testing import CliRunner

    from sanctions.cli.app import app

    result = CliRunner().invoke(app, ["votes", regime, "--member", member, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    shown = json.loads(result.stdout)
    with _opened(_database(bundled), tmp_path) as db:
        query = "SELECT count(*) FROM vote_positions WHERE member = ? AND regime = ?"
        assert _column(db, query, member, regime) == [len(shown)]
        derived = _column(db, query + " AND basis = 'derived'", member, regime)[0]
        assert derived == sum(1 for vote in shown if member in vote["derived_votes"])
    assert len(shown) > 2  # not only the positions a source names


def test_members_and_seats(bundled: list[Regime], tmp_path: Path) -> None:
    from sanctions.council import seats

    with _opened(_database(bundled), tmp_path) as db:
        named = set(
            _column(db, "SELECT member FROM votes UNION SELECT member FROM vetoes UNION SELECT member FROM penholders")
        )
        codes = set(_column(db, "SELECT code FROM members"))
        assert named <= codes and set(_column(db, "SELECT member FROM positions")) <= codes
        assert _column(db, "SELECT code FROM members WHERE permanent = 1 ORDER BY code") == [
            "CN",
            "FR",
            "GB",
            "RU",
            "SU",
            "US",
        ]
        assert _pairs(db, "SELECT code, name FROM members WHERE code IN ('GB', 'SU')") == {
            "GB": "United Kingdom",
            "SU": "USSR",
        }
        per_year = _pairs(db, "SELECT year, count(*) FROM seats GROUP BY year")
        assert list(per_year) == sorted(seats.ELECTED)
        # Fifteen seats a year; in 1991 the Soviet seat passed from SU to RU (24 December).
        assert {year: n for year, n in per_year.items() if n != 15} == {1991: 16}
        assert _column(db, "SELECT member FROM seats WHERE year = 2024 AND seat = 'permanent' ORDER BY member") == [
            "CN",
            "FR",
            "GB",
            "RU",
            "US",
        ]
        assert set(_column(db, "SELECT member FROM seats WHERE year = 2024 AND seat = 'elected'")) == set(
            seats.ELECTED[2024]
        )


def test_full_text_search_over_titles_and_summaries(bundled: list[Regime], tmp_path: Path) -> None:
    word = re.compile(r"(?<![^\W_])panel(?![^\W_])", re.IGNORECASE)
    with _opened(_database(bundled), tmp_path) as db:
        found = _column(db, "SELECT rowid FROM events_fts WHERE events_fts MATCH 'panel' ORDER BY rowid")
        expected = _column(db, "SELECT id, title || ' ' || summary FROM events ORDER BY id")
        texts = {row[0]: row[1] for row in db.execute("SELECT id, title || ' ' || summary FROM events")}
        assert found and found == [event for event in expected if word.search(texts[event])]
        # As datasette searches: the events joined to the index on their id.
        rows = db.execute(
            "SELECT events.regime, events.date FROM events JOIN events_fts ON events_fts.rowid = events.id"
            " WHERE events_fts MATCH ? ORDER BY events.date LIMIT 1",
            ("panel",),
        ).fetchall()
        assert len(rows) == 1
        # datasette finds a table's index with this query (datasette.utils.detect_fts_sql).
        detected = db.execute(
            "SELECT name FROM sqlite_master WHERE rootpage = 0 AND (sql LIKE :quoted OR sql LIKE :bracketed)",
            {
                "quoted": '%VIRTUAL TABLE%USING FTS%content="events"%',
                "bracketed": "%VIRTUAL TABLE%USING FTS%content=[events]%",
            },
        ).fetchall()
        assert [row[0] for row in detected] == ["events_fts"]


def test_datasette_metadata_describes_every_table_and_column(bundled: list[Regime], tmp_path: Path) -> None:
    reports = [build_report(regime, AS_OF) for regime in bundled]
    document = json.loads(render_sqlite.metadata(reports, "s"))
    assert set(document) == {"title", "description", "license", "license_url", "source", "databases"}
    (database,) = document["databases"].values()
    assert list(document["databases"]) == ["s"]
    earliest, latest = min(r.verified for r in bundled), max(r.verified for r in bundled)
    assert f"verified to dates from {earliest.isoformat()} to {latest.isoformat()}" in database["description"]
    tables = database["tables"]
    assert tables["events"]["fts_table"] == "events_fts" and tables["events"]["fts_pk"] == "id"
    with _opened(render_sqlite.database(reports), tmp_path) as db:
        shadow = ("events_fts_config", "events_fts_data", "events_fts_docsize", "events_fts_idx")
        names = [
            n for n in _column(db, "SELECT name FROM sqlite_schema WHERE type IN ('table', 'view')") if n not in shadow
        ]
        assert sorted(tables) == sorted(names)
        for name in names:
            columns = _column(db, f"SELECT name FROM pragma_table_info('{name}')")
            assert list(tables[name]["columns"]) == columns, name
            assert all(tables[name]["columns"].values()) and tables[name]["description"], name


def test_export_writes_the_metadata_beside_the_database(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from sanctions.cli.app import app

    runner = CliRunner()
    target = tmp_path / "s.db"
    result = runner.invoke(app, ["export", "--all", "--format", "sqlite", "-o", str(target), "--as-of", "2024-01-01"])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.db", "s.metadata.json"]
    assert result.stderr.splitlines() == [f"wrote {target}", f"wrote {tmp_path / 's.metadata.json'}"]
    assert list(json.loads((tmp_path / "s.metadata.json").read_text(encoding="utf-8"))["databases"]) == ["s"]
    # Like the database, an existing metadata file is kept without --force.
    target.unlink()
    again = runner.invoke(app, ["export", "--all", "--format", "sqlite", "-o", str(target)])
    assert (again.exit_code, again.stderr) == (
        1,
        f"sanctions: error: {tmp_path / 's.metadata.json'} already exists: use --force to overwrite it\n",
    )
    assert not target.exists()  # all or nothing: the database is not written either
    single = runner.invoke(app, ["export", "mali", "--format", "sqlite", "-o", str(tmp_path / "mali.db")])
    assert single.exit_code == 0 and (tmp_path / "mali.metadata.json").is_file()


def test_datasette_serves_the_descriptions_and_a_working_search(bundled: list[Regime], tmp_path: Path) -> None:
    """What `datasette s.db --metadata s.metadata.json` serves, asked in process (no port, no network)."""
    import asyncio

    from datasette.app import Datasette

    database = tmp_path / "s.db"
    for path, content in render_sqlite.files([build_report(regime, AS_OF) for regime in bundled], database):
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    metadata = json.loads(render_sqlite.metadata_path(database).read_text(encoding="utf-8"))

    async def ask() -> tuple[dict[str, Any], dict[str, Any], str]:
        datasette = Datasette([str(database)], metadata=metadata)
        found = (await datasette.client.get("/s/events.json?_search=panel&_shape=objects&_size=max")).json()
        counted = (await datasette.client.get("/s/vote_positions.json?member=CN&regime=dprk&_size=0")).json()
        page = (await datasette.client.get("/s/events")).text
        return found, counted, page

    found, counted, page = asyncio.run(ask())
    with _opened(database.read_bytes(), tmp_path) as db:
        matching = _column(db, "SELECT count(*) FROM events_fts WHERE events_fts MATCH 'panel'")[0]
        china = _column(db, "SELECT count(*) FROM vote_positions WHERE member = 'CN' AND regime = 'dprk'")[0]
    assert len(found["rows"]) == matching > 0
    assert counted["filtered_table_rows_count"] == china > 0
    assert render_sqlite.TABLES["events"][0] in page  # the table's description
    assert 'name="_search"' in page  # the search box
    assert render_sqlite.TABLES["events"][1]["document"] in page  # a column's description
