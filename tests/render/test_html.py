"""The HTML pages, read back as a DOM: structure, accessibility, the chart's facts, and hostile text kept inert."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sanctions import __version__
from sanctions.analysis.mandates import ONGOING, periods, summarise
from sanctions.analysis.report import build_report
from sanctions.cli.app import app
from sanctions.dataset.model import Kind, Mandate, Regime
from sanctions.render import html, inert
from sanctions.render.chart import FAILED, LAPSE, VETO, Chart
from tests.dom import Element, parse

AS_OF = dt.date(2022, 6, 1)
SAMPLE = str(Path(__file__).parents[1] / "data" / "sample")
# Controls, markup, a script, attribute breakouts and a link scheme that runs code.
HOSTILE = (
    "<script>alert(1)</script> \"><img src=x onerror=alert(1)> ' onmouseover='alert(2) "
    "[x](javascript:alert(3)) &amp; \x1b[31mred\x1b[0m \u202eevil\x85 {{ 7*7 }}"
)
HOSTILE_SOURCES = (
    "javascript:alert(4)",
    'https://x.org/"onmouseover="alert(5)',
    "https://x.org/\x1b[31m",
    "data:text/html,<script>alert(6)</script>",
    "https://example.org/fine",
)
_RAW = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _page(regime: Regime, as_of: dt.date = AS_OF, chart: bool = True) -> Element:
    return parse(html.export(build_report(regime, as_of), chart))


def _hostile(regime: Regime) -> Regime:
    events = tuple(
        replace(e, title=HOSTILE, summary=HOSTILE, sources=(*e.sources, *HOSTILE_SOURCES)) for e in regime.events
    )
    mandates = {key: replace(m, name=HOSTILE) for key, m in regime.mandates.items()}
    return replace(
        regime, name=HOSTILE, summary=HOSTILE, committee=HOSTILE, mandates=mandates, events=events, notes=HOSTILE
    )


def test_a_page_is_self_contained_and_declares_its_language(sample: Regime) -> None:
    text = html.export(build_report(sample, AS_OF), True)
    assert text.startswith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')
    page = parse(text)
    (root,) = page.own_children("html")
    assert root.attrs == {"lang": "en"}
    # Inline CSS with a print stylesheet; nothing loaded from elsewhere, nothing run.
    (style,) = page.iter("style")
    assert "@media print {" in style.text
    assert not list(page.iter("script")) and not list(page.iter("link")) and not list(page.iter("img"))
    assert not [e for e in page.iter() if "src" in e.attrs or "style" in e.attrs]
    assert "url(" not in style.text and "@import" not in style.text
    (policy,) = [e for e in page.iter("meta") if e.attrs.get("http-equiv") == "Content-Security-Policy"]
    assert policy.attrs["content"] == (
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
    )
    (title,) = [e for e in page.iter("title") if e.parent and e.parent.tag == "head"]
    assert title.text == "Testland: UN sanctions regime, as of 2022-06-01"


def test_every_table_header_has_a_scope(sample: Regime) -> None:
    page = _page(sample)
    headers = list(page.iter("th"))
    assert len(headers) == 6 + 2 + 4 + 3 + 7 + 4 + 8 + 1  # column headers and one row header per row
    for header in headers:
        row = header.parent
        assert row is not None and row.parent is not None
        assert header.attrs["scope"] == ("col" if row.parent.tag == "thead" else "row")


def test_the_timeline_has_one_row_per_event(sample: Regime) -> None:
    page = _page(sample)
    (body,) = page.by_id("timeline").own_children("tbody")
    rows = body.own_children("tr")
    assert [row.attrs["id"] for row in rows] == [
        "2020-01-10-established",
        "2021-01-20-renewed",
        "2022-01-25-veto",
        "2022-01-31-lapsed",
    ]
    cells = [[inert(cell.text).strip() for cell in row.children if isinstance(cell, Element)] for row in rows]
    assert cells[2] == [
        "2022-01-25",
        "veto",
        "S/2022/10 S/PV.9100",
        "Renewal [bold red]vetoed[/] | <b>*x*</b>",
        "13-1-1veto: Russia",
        "would have set panel → 2023-01-31",
        "3",
    ]


def test_the_chart_has_a_bar_per_period_and_a_mark_per_veto_and_lapse(sample: Regime) -> None:
    page = _page(sample)
    (svg,) = [e for e in page.iter("svg") if e.attrs.get("role") == "img"]
    assert svg.attrs["aria-labelledby"] == "chart-title chart-desc"
    assert page.by_id("chart-title").text == "Testland: mandate periods as of 2022-06-01"
    assert page.by_id("chart-desc").text == (
        "One lane per mandate from 2020 to 2023: 3 periods in force, 1 veto, 0 failed drafts and 1 lapse marked, and"
        " a line at the as-of date, 2022-06-01. The table after the chart lists every period."
    )
    lanes = {lane.attrs["data-mandate"]: lane for lane in svg.iter("g", "lane")}
    assert [len(list(lane.iter("rect", "period"))) for lane in lanes.values()] == [1, 2]
    assert [[" ".join(sorted(m.classes)) for m in lane.iter("g", "mark")] for lane in lanes.values()] == [
        [],
        ["lapse mark", "mark veto"],  # the veto drawn last, on top
    ]
    assert len(list(lanes["measures"].iter("path", "open-ended"))) == 1  # no end date
    assert [t.text for t in svg.iter("text", "as-of-label")] == ["as of 2022-06-01"]
    # The text alternative: every period in a table.
    (body,) = page.by_id("period-table").own_children("tbody")
    assert [[inert(c.text) for c in row.children if isinstance(c, Element)] for row in body.own_children("tr")] == [
        ["Asset freeze (measures)", "2020-01-10", "no end date", "S/RES/9999 (2020)"],
        ["Panel of Experts (panel)", "2020-01-10", "2021-01-31", "S/RES/9999 (2020)"],
        ["Panel of Experts (panel)", "2021-01-20", "2022-01-31", "S/RES/9998 (2021)"],
    ]
    legend = [inert(item.text) for item in page.iter("ul", "legend") for item in item.own_children("li")]
    assert legend == [
        "in force (one bar per period a decision set)",
        "no end date",
        "veto",
        "draft failed without a veto",
        "lapsed",
        "as-of date",
    ]


def test_the_chart_shows_the_same_facts_as_the_terminal_chart(bundled: list[Regime]) -> None:
    """For every bundled regime: the periods `sanctions chart` draws and the marks it sets, lane by lane."""
    kinds = {VETO: "veto", FAILED: "failed", LAPSE: "lapse"}
    for as_of in (dt.date(2023, 9, 15), dt.date(2025, 12, 1)):
        for regime in bundled:
            layout = html.layout(build_report(regime, as_of))
            terminal = Chart(regime, as_of)
            for lane in layout.lanes:
                assert len(lane.bars) == len([p for p in periods(regime, lane.key) if p.start <= as_of]), regime.id
                expected = sorted(kinds[mark] for _, mark, _ in terminal._marks(lane.key, 200))
                assert sorted(m.kind for m in lane.marks) == expected, (regime.id, lane.key)


def test_a_veto_mark_names_who_vetoed_and_a_lapse_what_lapsed(sample: Regime) -> None:
    (_, panel) = html.layout(build_report(sample, AS_OF)).lanes
    assert [m.label for m in panel.marks] == [
        "2022-01-31: Panel of Experts lapsed",
        "2022-01-25: Russia vetoed S/2022/10",
    ]
    failed = replace(sample.events[2], kind=Kind.FAILED_DRAFT, vetoed_by=())
    (_, panel) = html.layout(build_report(replace(sample, events=(*sample.events[:2], failed)), AS_OF)).lanes
    assert [m.label for m in panel.marks] == ["2022-01-25: Draft S/2022/10 failed without a veto (13-1-1)"]


def test_marks_that_crowd_are_moved_off_the_bar_the_veto_staying_on_it(sample: Regime, bundled: list[Regime]) -> None:
    (_, panel) = html.layout(build_report(sample, AS_OF)).lanes  # a veto and, six days later, the lapse
    assert [(m.kind, m.dy) for m in panel.marks] == [("lapse", 14), ("veto", 0)]
    mali = next(regime for regime in bundled if regime.id == "mali")
    (measures, _) = html.layout(build_report(mali, dt.date(2023, 9, 15))).lanes  # veto, failed draft, lapse
    assert [(m.kind, m.event.date.isoformat(), m.dy) for m in measures.marks] == [
        ("failed", "2023-08-30", -14),
        ("lapse", "2023-08-31", 14),
        ("veto", "2023-08-30", 0),
    ]
    assert html.layout(build_report(sample, dt.date(2022, 1, 28))).lanes[1].marks[0].dy == 0  # alone


def test_nothing_after_the_as_of_date_is_drawn(sample: Regime) -> None:
    (measures, panel) = html.layout(build_report(sample, dt.date(2020, 6, 1))).lanes
    assert [len(measures.bars), len(panel.bars), len(panel.marks)] == [1, 1, 0]


def test_no_chart(sample: Regime) -> None:
    page = _page(sample, chart=False)
    assert not [e for e in page.iter("svg") if e.attrs.get("role") == "img"]
    assert not [e for e in page.iter() if e.attrs.get("id") in ("periods", "period-table")]


def test_source_numbers_lead_to_the_numbered_sources(sample: Regime) -> None:
    page = _page(sample)
    items = page.by_id("source-1").parent
    assert items is not None and items.tag == "ol"
    entries = items.own_children("li")
    assert [(li.attrs["id"], li.attrs["value"], li.text) for li in entries] == [
        ("source-1", "1", "https://press.un.org/en/2020/testland-established.doc.htm"),
        ("source-2", "2", "S/RES/9998 (2021) as read in the UN Digital Library"),
        ("source-3", "3", "https://example.org/veto"),
        ("source-4", "4", "https://example.org/lapsed"),
    ]
    # An address links to itself; a UN symbol to the document's page.
    assert [a.attrs["href"] for li in entries for a in li.iter("a")] == [
        "https://press.un.org/en/2020/testland-established.doc.htm",
        "https://undocs.org/en/S/RES/9998(2021)",
        "https://example.org/veto",
        "https://example.org/lapsed",
    ]
    references = [a.attrs["href"] for a in page.by_id("timeline").iter("a") if a.attrs["href"].startswith("#source")]
    assert references == ["#source-1", "#source-2", "#source-3", "#source-4"]


def test_the_footer_names_the_version_and_the_verified_date(sample: Regime) -> None:
    (footer,) = _page(sample).iter("footer")
    assert inert(footer.text).strip() == (
        f"Made with sanctions {__version__} · data verified to 2023-06-01 · report as of 2022-06-01"
    )


def test_the_vetoes_table_shows_what_the_terminal_shows(sample: Regime) -> None:
    (body,) = _page(sample).by_id("drafts").own_children("tbody")
    (row,) = body.own_children("tr")
    assert [inert(c.text) for c in row.children if isinstance(c, Element)] == [
        "2022-01-25",
        "S/2022/10S/PV.9100",
        "France",
        "13-1-1",
        "Russia",
        "China",
        "panel → 2023-01-31",
        "Panel of Experts lapsed 2022-01-31",
    ]


def test_hostile_text_adds_no_markup_script_or_link(sample: Regime) -> None:
    text = html.export(build_report(_hostile(sample), AS_OF), True)
    assert _RAW.findall(text) == []  # no control character reaches the file
    page = parse(text)
    assert not list(page.iter("script")) and not list(page.iter("img"))
    assert not [(e.tag, name) for e in page.iter() for name in e.attrs if name.startswith("on")]
    links = {a.attrs["href"] for a in page.iter("a")}
    # Links go to the page's own sources, UN documents, or sources that are plain http(s) addresses.
    anchors = {f"#{row.attrs['id']}" for row in page.by_id("timeline").iter("tr") if "id" in row.attrs}
    sections = {"#mandates", "#periods", "#timeline-heading", "#vetoes", "#sources"}
    assert {
        href for href in links if not href.startswith(("#source-", "https://undocs.org/en/"))
    } - anchors - sections == {
        'https://x.org/"onmouseover="alert(5)',  # an address: a link, its quotes escaped in the attribute
        "https://example.org/fine",
        "https://press.un.org/en/2020/testland-established.doc.htm",
        "https://example.org/veto",
        "https://example.org/lapsed",
    }
    assert 'href="https://x.org/&#34;onmouseover=&#34;alert(5)"' in text
    shown = inert(HOSTILE)
    assert (
        page.by_id("2020-01-10-established").own_children("td")[2].text == shown + shown
    )  # title, then summary: as written
    (h1,) = page.iter("h1")
    assert h1.text == shown
    assert "{{ 7*7 }}" in text and "49" not in h1.text  # data is never read as a template
    sources = [li.text for li in page.iter("li") if li.attrs.get("id", "").startswith("source-")]
    assert "javascript:alert(4)" in sources and "https://x.org/[31m" in sources


def test_names_with_quotes_stay_inside_their_attributes(sample: Regime) -> None:
    page = _page(replace(sample, mandates={**sample.mandates, "panel": Mandate("panel", "x\" onclick='y'")}))
    assert not [e for e in page.iter() if "onclick" in e.attrs]
    (label,) = [t.text for t in page.iter("title") if t.text.startswith("x")][:1]
    assert label == "x\" onclick='y': lapsed"


def _index_rows(page: Element, table: str) -> dict[str, Element]:
    (body,) = page.by_id(table).own_children("tbody")
    return {row.own_children("th")[0].own_children("a")[0].attrs["href"]: row for row in body.own_children("tr")}


def test_the_index_lists_ongoing_regimes_first_then_ended_then_never_established(bundled: list[Regime]) -> None:
    as_of = dt.date(2025, 12, 1)
    page = parse(html.index(bundled, as_of))
    tables = [table.attrs["id"] for table in page.iter("table")]
    assert tables == ["ongoing", "ended", "proposed"]
    rows = {table: _index_rows(page, table) for table in tables}
    assert sorted(href for table in rows.values() for href in table) == sorted(f"{r.id}.html" for r in bundled)
    statuses = {r.id: summarise(r, as_of).status for r in bundled}
    assert {href.removesuffix(".html") for href in rows["ongoing"]} == {k for k, v in statuses.items() if v in ONGOING}
    assert {href.removesuffix(".html") for href in rows["ended"]} == {k for k, v in statuses.items() if v == "ended"}
    assert {href.removesuffix(".html") for href in rows["proposed"]} == {"syria", "zimbabwe"}
    names = [row.own_children("th")[0].own_children("a")[0].text for row in rows["ongoing"].values()]
    assert names == sorted(names, key=str.casefold)
    # Ended: the latest to end first.
    ended = [inert(row.own_children("td")[2].text) for row in rows["ended"].values()]
    assert ended == sorted(ended, reverse=True) and all(ended)
    mali = rows["ended"]["mali.html"]
    assert [inert(c.text).strip() for c in mali.children if isinstance(c, Element)][1:] == [
        "2017-09-05S/RES/2374 (2017)",
        "ended",
        "2023-09-30",
        "Travel ban and asset freeze: lapsed Panel of Experts: lapsed",
        "2023-10-01",
    ]
    dprk = rows["ongoing"]["dprk.html"]
    labels = [cell.attrs["data-label"] for cell in dprk.own_children("td")]
    assert labels == ["Established", "Status", "Next expiry", "Mandates", "Data verified to"]
    (footer,) = page.iter("footer")
    earliest, latest = min(r.verified for r in bundled), max(r.verified for r in bundled)
    assert inert(footer.text).strip() == (
        f"Made with sanctions {__version__} · data verified to dates from {earliest.isoformat()} to"
        f" {latest.isoformat()} (each regime's is in its row) · as of 2025-12-01"
    )


def test_the_index_links_the_feed_and_the_calendar(sample: Regime) -> None:
    page = parse(html.index([sample], AS_OF))
    links = {a.attrs["href"]: a.attrs.get("type") for a in page.iter("a")}
    assert links["decisions.atom"] == "application/atom+xml" and links["expiry.ics"] == "text/calendar"
    (alternate,) = page.iter("link")  # for feed readers that look for the feed in the page's head
    assert alternate.attrs == {
        "rel": "alternate",
        "type": "application/atom+xml",
        "href": "decisions.atom",
        "title": "Decisions on UN sanctions regimes",
    }
    # One regime in force: only the table of the ongoing ones.
    assert [table.attrs["id"] for table in page.iter("table")] == ["ongoing"]


runner = CliRunner()


def test_export_html_to_standard_output() -> None:
    result = runner.invoke(app, ["export", "testland", "--data", SAMPLE, "-f", "html", "--as-of", "2022-06-01"])
    assert result.exit_code == 0
    assert result.stdout == html.export(build_report(_sample_regime(), AS_OF), True)


def _sample_regime() -> Regime:
    from sanctions.dataset.loader import load_all

    (regime,) = load_all(Path(SAMPLE))
    return regime


def test_export_all_html_writes_an_index_and_a_page_per_regime(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--all", "-f", "html", "-o", str(tmp_path), "--as-of", "2025-12-01"])
    assert result.exit_code == 0, result.stderr
    from sanctions.dataset.loader import data_dir, regime_files

    pages = sorted(f"{p.stem}.html" for p in regime_files(data_dir()))
    expected = [*pages, "index.html", "decisions.atom", "expiry.ics", "stats.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(expected)
    assert result.stderr == f"wrote {len(expected)} files to {tmp_path}/\n"
    index = parse((tmp_path / "index.html").read_text(encoding="utf-8"))
    tables = [index.by_id(table) for table in ("ongoing", "ended", "proposed")]
    assert sorted(a.attrs["href"] for table in tables for a in table.iter("a")) == pages
    # Written all or nothing, like every export: the index too is refused without --force.
    again = runner.invoke(app, ["export", "--all", "-f", "html", "-o", str(tmp_path)])
    assert again.exit_code == 1 and "already exist: use --force" in again.stderr


def test_export_all_html_refuses_a_regime_that_would_be_the_index(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    text = (Path(SAMPLE) / "testland.yaml").read_text(encoding="utf-8")
    (data / "index.yaml").write_text(text.replace("id: testland", "id: index"), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    result = runner.invoke(app, ["export", "--all", "-f", "html", "-o", str(out), "--data", str(data)])
    assert (result.exit_code, result.stderr) == (
        2,
        f"sanctions: error: --all --format html writes the index to '{out / 'index.html'}': the regime 'index'"
        " needs another id\n",
    )
    assert list(out.iterdir()) == []


PROBE = """\
import sys
from sanctions.cli.entry import main
sys.argv = ["sanctions", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
sys.stderr.write(" ".join(sorted({"jinja2", "markupsafe"} & {name.split(".")[0] for name in sys.modules})))
"""


@pytest.mark.parametrize(
    ("args", "imported"),
    [
        (["--version"], ""),
        (["export", "testland", "--data", SAMPLE, "-f", "markdown"], ""),
        (["export", "testland", "--data", SAMPLE, "-f", "html"], "jinja2 markupsafe"),
    ],
)
def test_only_the_html_export_imports_jinja2(args: list[str], imported: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stderr.rsplit("\n", 1)[-1] == imported


def test_a_limited_timeline_says_so_and_empty_sections_say_none(sample: Regime) -> None:
    page = parse(html.export(build_report(sample, AS_OF, since=dt.date(2020, 1, 1), until=dt.date(2020, 12, 31)), True))
    facts = {dt_.text: dd.text for dt_, dd in zip(page.iter("dt"), page.iter("dd"), strict=True)}
    assert facts["Events"] == "1 of 4 (the timeline is limited to a date range)"
    assert len(page.by_id("timeline").own_children("tbody")[0].own_children("tr")) == 1
    assert page.by_id("vetoes").text == "Vetoes and failed drafts"
    paragraphs = [p.text for p in page.iter("p")]
    assert "None recorded." in paragraphs  # the veto is outside the window
    bare = replace(sample, events=tuple(replace(e, sources=()) for e in sample.events))
    assert "None cited." in [p.text for p in _page(bare).iter("p")]


def test_an_event_id_is_its_date_and_kind_numbered_when_they_repeat(bundled: list[Regime], sample: Regime) -> None:
    south_africa = next(regime for regime in bundled if regime.id == "south-africa")
    ids = html.anchors(south_africa.events)
    vetoes = [ids[id(e)] for e in south_africa.events if e.date == dt.date(1977, 10, 31) and e.kind is Kind.VETO]
    assert vetoes == ["1977-10-31-veto", "1977-10-31-veto-2", "1977-10-31-veto-3"]  # three drafts vetoed that day
    for regime in bundled:  # unique within a page, and never one of the sections' ids
        assert len(set(html.anchors(regime.events).values())) == len(regime.events), regime.id
    # A page limited to a date range keeps the ids of the full page.
    limited = parse(html.export(build_report(sample, AS_OF, since=dt.date(2022, 1, 1)), True))
    (body,) = limited.by_id("timeline").own_children("tbody")
    assert [row.attrs["id"] for row in body.own_children("tr")] == ["2022-01-25-veto", "2022-01-31-lapsed"]
    # Each kind links to its own row, for a citation to copy; each draft's date to its timeline row.
    (veto,) = [a for a in limited.iter("a", "kind") if a.text == "veto"]
    assert veto.attrs["href"] == "#2022-01-25-veto"
    assert [a.attrs["href"] for a in limited.by_id("drafts").iter("a") if a.attrs["href"].startswith("#")] == [
        "#2022-01-25-veto"
    ]


def _site_page(bundled: list[Regime], regime_id: str) -> Element:
    regime = next(regime for regime in bundled if regime.id == regime_id)
    return parse(html.export(build_report(regime, dt.date(2025, 12, 1)), True, site=bundled))


def test_a_page_of_a_site_links_the_index_its_contents_and_related_regimes(bundled: list[Regime]) -> None:
    page = _site_page(bundled, "liberia-2001")
    (site,) = page.iter("nav", "site")
    assert [a.attrs["href"] for a in site.iter("a")] == ["index.html"]
    (toc,) = page.iter("nav", "toc")
    targets = [a.attrs["href"] for a in toc.iter("a")]
    assert targets == ["#mandates", "#periods", "#timeline-heading", "#vetoes", "#sources"]
    assert all(page.by_id(target[1:]) for target in targets)
    (related,) = page.iter("nav", "related")
    # The decisions it shares with them (S/RES/1343, S/RES/1521) do not list them twice.
    assert [inert(li.text) for li in related.iter("li")] == [
        "Preceded by Liberia (1992-2001)",
        "Succeeded by Liberia (2003-2016)",
    ]
    assert [a.attrs["href"] for a in related.iter("a")] == ["liberia-1992.html", "liberia-2003.html"]
    # A resolution recorded by two regimes links each page to the other's row for it.
    shabaab = _site_page(bundled, "al-shabaab")
    (related,) = shabaab.iter("nav", "related")
    assert [a.attrs["href"] for a in related.iter("a")] == ["eritrea.html"]
    also = [a.attrs["href"] for li in shabaab.iter("li", "also") for a in li.iter("a")]
    eritrea = _site_page(bundled, "eritrea")
    rows = {row.attrs["id"] for row in eritrea.by_id("timeline").iter("tr") if "id" in row.attrs}
    assert also and all(href.startswith("eritrea.html#") and href.split("#")[1] in rows for href in also)


def test_a_page_alone_links_no_index_and_no_other_page(sample: Regime) -> None:
    page = _page(sample)
    assert not list(page.iter("nav", "site")) and not list(page.iter("nav", "related"))
    assert [a.attrs["href"] for a in page.iter("a") if not a.attrs["href"].startswith(("#", "https://"))] == []
