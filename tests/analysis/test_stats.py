"""`sanctions stats` and sanctions.stats: figures checked against the timelines and the UN library's tables."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import os
import re
from collections import defaultdict
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from rich.console import Console
from typer.testing import CliRunner

from sanctions.analysis import stats
from sanctions.analysis.mandates import summarise
from sanctions.cli.app import app
from sanctions.dataset.model import Regime
from sanctions.render import FigureName
from sanctions.render import stats as draw

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = Path(os.environ.get("SANCTIONS_REFERENCE", ROOT / "tests" / "reference"))
DECISION_KINDS = {"established", "renewed", "modified", "suspended", "reinstated", "terminated", "designation"}


def _json(args: list[str]) -> Any:
    result = CliRunner().invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def _every_event() -> list[dict[str, Any]]:
    """Every event of every bundled regime, as `timeline --format json` gives them."""
    ids = [row["id"] for row in _json(["regimes", "--all"])]
    return [event for regime in ids for event in _json(["timeline", regime])]


def _decade(day: str) -> str:
    return f"{int(day[:4]) // 10 * 10}s"


def test_consensus_per_decade_equals_what_the_timelines_give() -> None:
    tallies: dict[str, dict[str, Any] | None] = {}
    dates: dict[str, str] = {}
    drafts: dict[tuple[str, str], str] = {}
    for event in _every_event():
        if event["kind"] in DECISION_KINDS and event["instrument"] == "resolution":
            # One resolution recorded by two regimes (or twice by one) is one decision, with the tally any gives.
            tallies[event["document"]] = tallies.get(event["document"]) or event["vote"]
            dates[event["document"]] = event["date"]
        elif event["kind"] in ("veto", "failed-draft"):
            drafts[event["date"], event["document"]] = event["kind"]
    expected: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for document, vote in tallies.items():
        row = expected[_decade(dates[document])]
        row["decisions"] += 1
        if vote is not None:
            row["adopted"] += 1
            row["unanimous"] += vote["against"] == 0 and vote["abstaining"] == 0
            row["abstentions"] += vote["abstaining"]
    for (day, _), kind in drafts.items():
        expected[_decade(day)]["vetoed" if kind == "veto" else "failed"] += 1
    decades = {row["period"]: row for row in _json(["stats", "consensus"])["decades"]}
    assert set(decades) == set(expected)
    for period, row in decades.items():
        want = expected[period]
        counted = {key: row[key] for key in ("decisions", "adopted", "unanimous", "failed", "vetoed")}
        assert counted == {key: want[key] for key in counted}, period
        assert row["no_tally"] == want["decisions"] - want["adopted"]
        if want["adopted"]:
            assert row["share_unanimous"] == round(want["unanimous"] / want["adopted"], 4)
            assert row["mean_abstentions"] == round(want["abstentions"] / want["adopted"], 2)
        else:  # no tally on record: never counted as unanimous
            assert row["share_unanimous"] is None and row["mean_abstentions"] is None


_REFERENCE_TOKEN = re.compile(r"S/RES/(\d+) ?\((\d{4})\)|\b(\d{1,2})-(\d{1,2})-(\d{1,2})\b")


def _reference_tallies() -> dict[str, tuple[int, int, int]]:
    """The UN library's tally of each resolution: the first tally after it in its meeting's outcome cell.

    Resolutions listed together before one tally ("S/RES/2082 (2012) and S/RES/2083 (2012) | 15-0-0")
    share it; a tally before any resolution (a vetoed draft's) belongs to none.
    """
    tallies: dict[str, tuple[int, int, int]] = {}
    with (REFERENCE / "dhl-meetings-1946-2022.csv").open(encoding="utf-8") as file:
        for row in csv.DictReader(file):
            waiting: list[str] = []
            for match in _REFERENCE_TOKEN.finditer(row["outcome"]):
                if match[1]:
                    waiting.append(f"S/RES/{match[1]} ({match[2]})")
                else:
                    for resolution in waiting:
                        tallies.setdefault(resolution, (int(match[3]), int(match[4]), int(match[5])))
                    waiting = []
    return tallies


@pytest.mark.parametrize("decade", ["2000s", "2010s"])
def test_two_decades_agree_with_the_un_librarys_tallies_of_the_same_resolutions(
    bundled: list[Regime], decade: str
) -> None:
    reference = _reference_tallies()
    counted = [d for d in stats.decisions(bundled) if stats.decade_of(d.date) == decade and d.vote is not None]
    assert counted and all(d.document in reference for d in counted)
    adopted = len(counted)
    unanimous = sum(1 for d in counted if reference[d.document][1:] == (0, 0))
    (row,) = [row for row in _json(["stats", "consensus"])["decades"] if row["period"] == decade]
    assert (row["adopted"], row["unanimous"]) == (adopted, unanimous)


def _shown(args: list[str], width: int = 80) -> str:
    with mock.patch("sanctions.cli.options._is_terminal", return_value=True):  # drawn as on a terminal
        result = CliRunner().invoke(app, args, env={"COLUMNS": str(width), "NO_COLOR": "1", "PAGER": ""})
    assert result.exit_code == 0, result.stderr
    return re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)


@pytest.mark.parametrize(
    ("args", "whole"),
    [
        (["stats", "members", "--member", "RU"], ["member", "decade"]),
        (["stats", "renewals", "dprk"], ["regime", "mandate", "expired", "cause", "draft"]),
        (["stats", "regimes"], ["year", "count"]),
    ],
    ids=["members RU", "renewals dprk", "regimes"],
)
def test_tables_fit_80_columns_with_every_token_whole(args: list[str], whole: list[str]) -> None:
    text = _shown(args)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "…" not in text
    document = _json(args)
    rows = [row for key in ("members", "regimes", "lapses", "years") for row in document.get(key, [])]
    assert rows
    words = set(text.split())
    for row in rows:
        for field in whole:
            if field in row and row[field] is not None:
                assert str(row[field]) in words, (field, row[field])


def test_the_renderer_draws_on_a_fixed_width_console(bundled: list[Regime]) -> None:
    scope = draw.Scope(("dprk",), "named", None, None, dt.date(2026, 1, 1))
    (dprk,) = [r for r in bundled if r.id == "dprk"]
    figure = draw.renewals(stats.renewals([dprk]), stats.lapses([dprk]), scope, stats.ROLLOVER_DAYS)
    console = Console(width=80, record=True, color_system=None)
    console.print(draw.table(figure).to_rich())
    text = console.export_text()
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "2024-04-30" in text.split() and "SC/15648" in text.split() and "veto" in text.split()


def test_members_keep_recorded_and_derived_positions_apart_and_put_permanent_members_first() -> None:
    rows = _json(["stats", "members"])["members"]
    permanent = [row["permanent"] for row in rows]
    assert permanent == sorted(permanent, reverse=True)
    (ru_2020s,) = [r for r in rows if r["member"] == "RU" and r["decade"] == "2020s"]
    # Russia's abstentions are named by the sources; its votes in favour follow from the tallies.
    assert ru_2020s["abstain"] > 0 and ru_2020s["derived_yes"] > 0 and ru_2020s["yes"] == 0
    assert ru_2020s["vetoes"] == 3 and ru_2020s["vetoes_ended_mandate"] == 2  # Mali 2023, DPRK 2024
    assert all(row["member"] == "RU" for row in _json(["stats", "members", "--member", "russia"])["members"])


def test_every_recorded_lapse_is_found_with_its_cause(bundled: list[Regime]) -> None:
    found = {(lapse.regime, lapse.mandate, lapse.expired): lapse for lapse in stats.lapses(bundled)}
    recorded = {(r.id, key, e.date) for r in bundled for e in r.events for key in e.lapses}
    assert recorded and recorded <= set(found)
    assert all(found[key].recorded for key in recorded)
    dprk = found["dprk", "panel", dt.date(2024, 4, 30)]
    assert (dprk.cause, dprk.vetoed_by) == ("veto", ("RU",))
    assert found["drc", "group-of-experts", dt.date(2005, 1, 31)].cause == "renewed late"


def test_a_short_extension_is_a_rollover_and_a_years_renewal_is_not(bundled: list[Regime]) -> None:
    (shabaab,) = [r for r in bundled if r.id == "al-shabaab"]
    by_document = {e.document: e for e in shabaab.events if e.kind.value == "renewed"}
    assert stats.is_rollover(shabaab, by_document["S/RES/2661 (2022)"])  # two days, while talks went on
    yearly = [e for e in by_document.values() if not stats.is_rollover(shabaab, e)]
    assert yearly and all(e.document != "S/RES/2661 (2022)" for e in yearly)


def test_a_regime_in_force_on_1_july_is_counted_that_year(bundled: list[Regime]) -> None:
    years = {row.year: row for row in stats.in_force(bundled, dt.date(2025, 12, 31))}
    assert years[1966].regimes == ("southern-rhodesia",)
    for year in (1970, 1993, 2005, 2016, 2024):
        on = {r.id for r in bundled if summarise(r, dt.date(year, 7, 1)).status == "in force"}
        assert on <= set(years[year].regimes), year
        assert years[year].count == len(years[year].regimes)


def test_records_are_flat_for_a_data_frame(bundled: list[Regime]) -> None:
    """Every field is a number, text, date, bool, None or a tuple of text: pandas takes them as they are."""
    rows: list[Any] = [
        *stats.consensus(bundled),
        *stats.members(bundled),
        *stats.renewals(bundled),
        *stats.lapses(bundled),
        *stats.in_force(bundled, dt.date(2025, 1, 1)),
    ]
    for row in rows:
        for value in dataclasses.asdict(row).values():
            assert isinstance(value, int | float | str | dt.date | type(None) | tuple), (row, value)
            assert not isinstance(value, tuple) or all(isinstance(item, str) for item in value)


def test_csv_and_markdown_carry_the_same_rows() -> None:
    document = _json(["stats", "renewals"])
    rows = list(csv.DictReader(io.StringIO(CliRunner().invoke(app, ["stats", "renewals", "-f", "csv"]).stdout)))
    assert [row["regime"] for row in rows] == [row["regime"] for row in document["regimes"]]
    assert list(rows[0]) == list(document["regimes"][0])
    markdown = CliRunner().invoke(app, ["stats", "consensus", "-f", "markdown"]).stdout
    assert markdown.startswith("## Sanctions decisions per decade")
    for row in _json(["stats", "consensus"])["decades"]:
        share = row["share_unanimous"]
        cells = [row["period"], row["decisions"], row["adopted"], row["unanimous"]]
        shown = f"{share:.0%} {draw.bar(share)}".rstrip() if share is not None else "no tally"
        assert "| " + " | ".join(map(str, cells)) + f" | {shown} |" in markdown


def test_a_decade_without_a_recorded_tally_says_so() -> None:
    text = _shown(["stats", "consensus", "--until", "1989-12-31"], 120)
    (eighties,) = [line for line in text.splitlines() if line.startswith("1980s")]
    assert "no tally" in eighties and "%" not in eighties


@pytest.mark.parametrize(
    "args",
    [
        ["stats", "consensus", "--member", "RU"],
        ["stats", "regimes", "--ongoing", "--ended"],
        ["stats", "renewals", "mali", "--ended"],
        ["stats", "sizes"],
        ["stats", "renewals", "atlantis"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2


def test_ongoing_and_ended_split_the_regimes() -> None:
    every = set(_json(["stats", "regimes", "--as-of", "2024-01-01"])["scope"]["regimes"])
    ongoing = set(_json(["stats", "regimes", "--ongoing", "--as-of", "2024-01-01"])["scope"]["regimes"])
    ended = set(_json(["stats", "regimes", "--ended", "--as-of", "2024-01-01"])["scope"]["regimes"])
    assert ongoing and ended and not ongoing & ended and ongoing | ended <= every
    assert "dprk" in ongoing and "southern-rhodesia" in ended


@pytest.mark.parametrize("fmt", list(draw.StatsFormat))
@pytest.mark.parametrize("figure", list(FigureName))
def test_every_figure_renders_in_every_format(figure: str, fmt: str) -> None:
    result = CliRunner().invoke(app, ["stats", figure, "mali", "--format", fmt])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip()
