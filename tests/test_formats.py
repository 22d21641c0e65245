"""Every listing command in every format: it runs, and its markdown parses into tables that hold every row."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from sanctions.render import Format

SAMPLE = str(Path(__file__).resolve().parent / "data" / "sample")
LISTINGS = {
    "regimes": ["regimes", "--all", "--as-of", "2021-06-01"],
    "timeline": ["timeline", "testland"],
    "expiry": ["expiry", "--as-of", "2021-06-01"],
    "vetoes": ["vetoes", "--all"],
    "votes": ["votes", "testland"],
    "changes": ["changes", "--since", "2020-01-01", "--until", "2022-06-01"],
    "show": ["show", "S/2022/10"],
}
# The rows each listing has on the sample, in JSON; its markdown must have as many table rows.
ROWS = {"regimes": 1, "timeline": 4, "expiry": 2, "vetoes": 1, "votes": 3}


def _run(args: list[str], fmt: str) -> str:
    from sanctions.cli.app import app

    result = CliRunner().invoke(app, [*args, "--data", SAMPLE, "--format", fmt])
    assert result.exit_code == 0, result.stderr
    assert result.stdout
    return result.stdout


def _table_rows(text: str) -> list[tuple[int, int]]:
    """For each table: its number of body rows and whether every row has the header's cell count (as 1/0)."""
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    tables: list[list[int]] = []
    for token in tokens:
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            tables[-1].append(0)
        elif token.type in ("th_open", "td_open"):
            tables[-1][-1] += 1
    return [(len(rows) - 1, int(len(set(rows)) == 1)) for rows in tables]


def test_every_listing_command_is_checked() -> None:
    assert set(LISTINGS) == {"regimes", "timeline", "expiry", "vetoes", "votes", "changes", "show"}


@pytest.mark.parametrize("fmt", [f.value for f in Format])
@pytest.mark.parametrize("command", list(LISTINGS))
def test_every_listing_command_takes_every_format(command: str, fmt: str) -> None:
    output = _run(LISTINGS[command], fmt)
    if fmt == "json":
        json.loads(output)
    if fmt == "markdown":
        tables = _table_rows(output)
        assert tables, f"{command}: no markdown table"
        assert all(whole for _, whole in tables), f"{command}: a row with a different number of cells"
        if command in ROWS:
            assert tables[0][0] == ROWS[command] == len(json.loads(_run(LISTINGS[command], "json")))


def test_timeline_dprk_as_markdown() -> None:
    from sanctions.cli.app import app

    result = CliRunner().invoke(app, ["timeline", "dprk", "-f", "markdown"])
    assert result.exit_code == 0, result.stderr
    assert "| 2024-03-28 | ✖ veto | SC/15648<br>S/PV.9591 |" in result.stdout


def test_timeline_csv_keeps_every_field_of_the_json() -> None:
    from sanctions.cli.app import app

    rows = CliRunner().invoke(app, ["timeline", "mali", "-f", "csv"]).stdout
    records = json.loads(CliRunner().invoke(app, ["timeline", "mali", "-f", "json"]).stdout)
    summary = next(record["summary"] for record in records if record["document"] == "S/2023/638")
    assert summary and summary in rows
