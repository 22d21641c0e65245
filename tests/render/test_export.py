"""Exports: CSV parsed as RFC 4180, JSON loaded back into the same regime; every format ends its file."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctions.analysis.report import build_report
from sanctions.dataset.model import Mandate, Regime, Tally
from sanctions.dataset.parse import parse_regime_json
from sanctions.render import csv as render_csv
from sanctions.render import json as render_json

AS_OF = dt.date(2022, 6, 1)


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


@pytest.mark.parametrize("fmt", ["markdown", "json", "csv", "html"])
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
