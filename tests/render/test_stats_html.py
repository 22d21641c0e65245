"""The statistics page of the HTML export: the figures of `sanctions stats`, charted, linked from the index."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from typer.testing import CliRunner

from sanctions.analysis import stats
from sanctions.cli.app import app
from sanctions.dataset.model import Regime
from sanctions.render import html, stats_html
from tests.dom import parse

AS_OF = dt.date(2025, 12, 1)


def test_the_page_gives_the_consensus_per_decade_and_a_column_per_year(bundled: list[Regime]) -> None:
    page = parse(stats_html.page(bundled, AS_OF))
    (body,) = page.by_id("consensus-decades").own_children("tbody")
    rows = [[cell.text for cell in row.own_children("td")] for row in body.own_children("tr")]
    decades = stats.consensus(bundled, "decade")
    assert [row.own_children("th")[0].text for row in body.own_children("tr")] == [d.period for d in decades]
    assert [(int(r[1]), int(r[2])) for r in rows] == [(d.adopted, d.unanimous) for d in decades]
    chart = page.by_id("consensus-chart")
    assert chart.attrs["role"] == "img"
    # Each year's stack adds up to its decisions, and its columns below the line to its failed drafts.
    years = stats.consensus(bundled, "year")
    up = {"unanimous", "divided", "untallied"}
    for year in years:
        label = f"{year.period}: "
        counted = [r for r in chart.iter("rect", "count") if r.own_children("title")[0].text.startswith(label)]
        above = sum(int(r.own_children("title")[0].text.split()[1]) for r in counted if r.classes & up)
        below = sum(int(r.own_children("title")[0].text.split()[1]) for r in counted if not r.classes & up)
        assert (above, below) == (year.decisions, year.vetoed + year.failed), year.period


def test_the_in_force_chart_has_a_column_per_year_with_a_regime(bundled: list[Regime]) -> None:
    page = parse(stats_html.page(bundled, AS_OF))
    columns = list(page.by_id("in-force-chart").iter("rect", "in-force"))
    years = [row for row in stats.in_force(bundled, AS_OF) if row.count]
    assert len(columns) == len(years)
    assert columns[0].own_children("title")[0].text == "1966: 1 regime in force: southern-rhodesia"


def test_the_index_links_the_page(bundled: list[Regime]) -> None:
    index = parse(html.index(bundled, AS_OF))
    assert "stats.html" in [a.attrs["href"] for a in index.iter("a")]


def test_export_all_refuses_a_regime_that_would_be_the_page(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    sample = Path(__file__).resolve().parents[1] / "data" / "sample" / "testland.yaml"
    (data / "stats.yaml").write_text(sample.read_text(encoding="utf-8").replace("id: testland", "id: stats"))
    out = tmp_path / "out"
    out.mkdir()
    result = CliRunner().invoke(app, ["export", "--all", "-f", "html", "-o", str(out), "--data", str(data)])
    assert result.exit_code == 2 and "the regime 'stats' needs another id" in result.stderr
    assert list(out.iterdir()) == []
