"""Exports: markdown parsed as GFM, CSV parsed as RFC 4180, JSON loaded back into the same regime."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from sanctions.model import Event, Kind, Mandate, Regime, Tally
from sanctions.parse import parse_regime_json
from sanctions.render import csv as render_csv
from sanctions.render import json as render_json
from sanctions.render import markdown
from sanctions.report import build_report

AS_OF = dt.date(2022, 6, 1)
HOSTILE = "a | b *c* _d_ `e` <script>alert(1)</script> [x](javascript:y) &amp; \\| ~~f~~ ![i](j)\nnext =1+1"


def _tokens(text: str) -> list[Token]:
    return MarkdownIt("commonmark").enable("table").parse(text)


def _tables(tokens: list[Token]) -> list[list[list[str]]]:
    """Each table as rows of cell texts (header row included)."""
    tables: list[list[list[str]]] = []
    for i, token in enumerate(tokens):
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            tables[-1].append([])
        elif token.type == "inline" and tokens[i - 1].type in ("td_open", "th_open"):
            tables[-1][-1].append("".join(child.content for child in token.children or [] if child.type == "text"))
    return tables


def _hostile(regime: Regime) -> Regime:
    events = tuple(replace(e, title=HOSTILE, sources=(*e.sources, "https://x.org/<b>")) for e in regime.events)
    return replace(regime, name=HOSTILE, summary=HOSTILE, events=events)


def test_markdown_report_structure(sample: Regime) -> None:
    tokens = _tokens(markdown.export(build_report(sample, AS_OF), chart=True))
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[1:] == [
        "Mandates as of 2022-06-01",
        "Mandate periods",
        "Timeline",
        "Vetoes and failed drafts",
        "Sources",
    ]
    mandates, timeline, drafts = _tables(tokens)
    assert [len(t) for t in (mandates, timeline, drafts)] == [3, 5, 2]  # header + rows
    assert all(len(row) == 6 for table in (mandates, timeline, drafts) for row in table)
    fences = [t for t in tokens if t.type == "fence"]
    assert [f.info for f in fences] == ["mermaid"]
    assert fences[0].content.startswith("gantt\n")
    assert "Veto S/2022/10 :crit, milestone, 2022-01-25, 0d" in fences[0].content


def test_no_chart(sample: Regime) -> None:
    assert "mermaid" not in markdown.export(build_report(sample, AS_OF), chart=False)


def test_hostile_text_cannot_break_tables_or_inject_html(sample: Regime) -> None:
    text = markdown.export(build_report(_hostile(sample), AS_OF), chart=True)
    tokens = _tokens(text)
    assert not [t for t in tokens if t.type in ("html_block", "html_inline")]
    inline_children = [c for t in tokens if t.type == "inline" for c in t.children or []]
    assert not [
        c for c in inline_children if c.type in ("html_inline", "em_open", "strong_open", "image", "code_inline")
    ]
    links = [c.attrs["href"] for c in inline_children if c.type == "link_open"]
    assert all(
        str(href).startswith(("https://undocs.org/", "https://press.un.org/", "https://example.org")) for href in links
    )
    _, timeline, _ = _tables(tokens)
    assert all(len(row) == 6 for row in timeline)
    assert timeline[1][3] == HOSTILE.replace("\n", " ")  # shown literally, on one line
    mermaid = next(t for t in tokens if t.type == "fence").content
    assert "<" not in mermaid and ":" not in mermaid.split("title", 1)[1].split("\n", 1)[0]


def test_document_links() -> None:
    event = Event(dt.date(2024, 3, 28), Kind.VETO, "SC/15648", "t")
    assert markdown.document_url(event, "SC/15648") == "https://press.un.org/en/2024/sc15648.doc.htm"
    assert markdown.document_url(event, "S/RES/2374 (2017)") == "https://undocs.org/en/S/RES/2374(2017)"


def test_csv_one_row_per_event_and_formulas_neutralised(sample: Regime) -> None:
    hostile = replace(
        sample, events=(replace(sample.events[0], title='=HYPERLINK("x")', summary="@SUM(1)"), *sample.events[1:])
    )
    rows = list(csv.reader(io.StringIO(render_csv.export(build_report(hostile, AS_OF), chart=False), newline="")))
    assert rows[0] == list(render_csv.COLUMNS)
    assert len(rows) == 1 + len(sample.events)
    first = dict(zip(rows[0], rows[1], strict=True))
    assert (first["title"], first["summary"]) == ('\'=HYPERLINK("x")', "'@SUM(1)")
    assert first["sets"] == "measures=open-ended; panel=2021-01-31"
    veto = dict(zip(rows[0], rows[3], strict=True))
    assert (veto["in_favour"], veto["against"], veto["abstaining"], veto["vetoed_by"]) == ("13", "1", "1", "RU")


def test_csv_uses_crlf_and_quotes_embedded_newlines(sample: Regime) -> None:
    regime = replace(sample, events=(replace(sample.events[0], title='line one\nline "two", three'),))
    text = render_csv.export(build_report(regime, AS_OF), chart=False)
    assert text.count("\r\n") == 2 and '"line one\nline ""two"", three"' in text


def test_json_round_trip_of_every_bundled_regime(bundled: list[Regime]) -> None:
    for regime in bundled:
        exported = render_json.export(build_report(regime, AS_OF), chart=False)
        assert parse_regime_json(exported, f"{regime.id}.json") == regime


def test_json_round_trip_of_the_sample(sample: Regime) -> None:
    assert parse_regime_json(render_json.export(build_report(sample, AS_OF), chart=False), "x.json") == sample


_text = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=40).map(str.strip).filter(bool)


@settings(max_examples=100, deadline=None)
@given(title=_text, summary=_text, name=_text, notes=_text, in_favour=st.integers(9, 15))
def test_json_round_trip_for_any_text(
    sample: Regime, title: str, summary: str, name: str, notes: str, in_favour: int
) -> None:
    event = replace(
        sample.events[1], title=title, summary=summary, notes=notes, vote=Tally(in_favour, 0, 15 - in_favour)
    )
    regime = replace(
        sample,
        name=name,
        mandates={**sample.mandates, "panel": Mandate("panel", name, notes, sample.mandates["panel"].category)},
        events=(sample.events[0], event, *sample.events[2:]),
    )
    exported = render_json.export(build_report(regime, AS_OF), chart=False)
    assert parse_regime_json(exported, "x.json") == regime


def test_filtered_export_keeps_only_the_selected_events(sample: Regime) -> None:
    import json

    report = build_report(sample, AS_OF, since=dt.date(2021, 1, 1), until=dt.date(2021, 12, 31))
    assert [e["document"] for e in json.loads(render_json.export(report, chart=False))["events"]] == [
        "S/RES/9998 (2021)"
    ]


@pytest.mark.parametrize("fmt", ["markdown", "json", "csv"])
def test_exports_end_with_a_newline(sample: Regime, fmt: str) -> None:
    from sanctions.render import ExportFormat, renderer

    assert renderer(ExportFormat(fmt)).export(build_report(sample, AS_OF), True).endswith("\n")


def test_csv_columns_are_the_json_event_fields_with_the_vote_spread(sample: Regime) -> None:
    (record,) = json.loads(render_json.timeline(sample, [sample.events[2]]))
    fields = [name for key in record for name in (("in_favour", "against", "abstaining") if key == "vote" else (key,))]
    assert list(render_csv.COLUMNS) == fields
    rows = list(csv.reader(io.StringIO(render_csv.export(build_report(sample, AS_OF), chart=False), newline="")))
    veto = dict(zip(rows[0], rows[3], strict=True))
    assert {key: veto[key] for key in ("in_favour", "against", "abstaining")} == {
        key: str(value) for key, value in record["vote"].items()
    }
    assert (veto["votes"], veto["would_have_set"], veto["dispute"]) == (
        "RU=against; CN=abstain",
        "panel=2023-01-31",
        "",
    )


def test_csv_free_text_lists_one_item_per_line(sample: Regime) -> None:
    event = replace(
        sample.events[1],
        sources=("S/2020/600 draft and the letters, dated 30 June 2020", "https://example.org/b"),
        deadlines={"final report; panel": dt.date(2021, 12, 15), "midterm": dt.date(2021, 6, 15)},
        dispute="RU, CN",
    )
    rows = list(
        csv.reader(io.StringIO(render_csv.export(build_report(replace(sample, events=(event,)), AS_OF), False)))
    )
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["sources"] == "S/2020/600 draft and the letters, dated 30 June 2020\nhttps://example.org/b"
    assert row["deadlines"] == "final report; panel=2021-12-15\nmidterm=2021-06-15"
    assert row["dispute"] == "RU, CN"


def test_csv_for_excel_starts_with_a_byte_order_mark_and_keeps_every_letter(sample: Regime) -> None:
    title = "Comité des sanctions — لجنة الجزاءات\u200f"  # accents, Arabic, a right-to-left mark
    regime = replace(sample, events=(replace(sample.events[0], title=title),))
    plain = render_csv.export(build_report(regime, AS_OF), chart=False)
    excel = render_csv.export(build_report(regime, AS_OF), chart=False, excel=True)
    assert excel == "\ufeff" + plain and not plain.startswith("\ufeff")
    assert excel.encode("utf-8").startswith(b"\xef\xbb\xbfregime,date,")
    rows = list(csv.reader(io.StringIO(excel.encode("utf-8").decode("utf-8-sig"), newline="")))
    assert rows[0][0] == "regime" and dict(zip(rows[0], rows[1], strict=True))["title"] == title
