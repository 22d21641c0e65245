"""The markdown report, parsed as GitHub would: markdown-it-py (CommonMark) with GFM tables."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from urllib.parse import urlsplit

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from sanctions import __version__
from sanctions.analysis.report import build_report
from sanctions.dataset.model import Event, Kind, Mandate, Regime, Tally
from sanctions.render import inert, markdown

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


def _mermaid(text: str) -> str:
    return next(t for t in _tokens(text) if t.type == "fence" and t.info == "mermaid").content


def _hostile(regime: Regime) -> Regime:
    events = tuple(replace(e, title=HOSTILE, sources=(*e.sources, "https://x.org/<b>")) for e in regime.events)
    return replace(regime, name=HOSTILE, summary=HOSTILE, events=events)


def test_markdown_report_structure(sample: Regime) -> None:
    text = markdown.export(build_report(sample, AS_OF), chart=True)
    tokens = _tokens(text)
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
    assert [len(mandates[0]), len(timeline[0]), len(drafts[0])] == [6, 6, 8]
    assert all(len(row) == len(table[0]) for table in (mandates, timeline, drafts) for row in table)
    fences = [t for t in tokens if t.type == "fence"]
    assert [f.info for f in fences] == ["mermaid"]
    assert fences[0].content.startswith("gantt\n    title Testland - mandate periods as of 2022-06-01\n")


def test_the_vetoes_table_shows_what_the_terminal_shows(sample: Regime) -> None:
    """Penholders and abstaining members, as `sanctions vetoes` lists them."""
    _, _, drafts = _tables(_tokens(markdown.export(build_report(sample, AS_OF), chart=False)))
    assert drafts == [
        ["Date", "Draft", "Penholders", "Vote", "Vetoed by", "Abstaining", "Would have set", "What followed"],
        [
            "2022-01-25",
            "S/2022/10 · meeting record S/PV.9100",
            "France",
            "13-1-1",
            "Russia",
            "China",
            "panel → 2023-01-31",
            "Panel of Experts lapsed 2022-01-31",
        ],
    ]


def test_the_chart_marks_vetoes_and_lapses_with_sentences_and_has_a_legend(sample: Regime) -> None:
    text = markdown.export(build_report(sample, AS_OF), chart=True)
    assert _mermaid(text).endswith(
        "    section Vetoes and lapses\n"
        "    Russia vetoed S/2022/10 :crit, milestone, 2022-01-25, 0d\n"
        "    Panel of Experts lapsed :crit, milestone, 2022-01-31, 0d\n"
    )
    assert (
        "```\n\nLegend: each bar is a period set by the decision it is named after. Bars drawn as done had ended by"
        " 2022-06-01; active bars were in force on 2022-06-01, and one with no end date is drawn up to that day."
        " Critical (red) diamonds mark vetoes, drafts that failed without a veto, and lapses.\n"
    ) in text


def test_the_chart_marks_nothing_after_the_as_of_date(sample: Regime) -> None:
    """Like `sanctions chart`: a veto or lapse after the as-of date has not happened yet."""
    text = markdown.export(build_report(sample, dt.date(2022, 1, 28)), chart=True)
    assert "vetoed S/2022/10" in _mermaid(text)
    assert "lapsed" not in _mermaid(text)


def test_a_failed_draft_milestone_says_it_failed_without_a_veto(sample: Regime) -> None:
    veto = sample.events[2]
    failed = replace(veto, kind=Kind.FAILED_DRAFT, vetoed_by=(), vote=Tally(1, 1, 13), document="S/PV.9100")
    report = build_report(replace(sample, events=(*sample.events[:2], failed)), AS_OF)
    assert "    Draft S/PV.9100 failed without a veto (1-1-13) :crit, milestone, 2022-01-25, 0d\n" in _mermaid(
        markdown.export(report, chart=True)
    )


def test_mermaid_labels_keep_punctuation_as_entity_codes() -> None:
    assert markdown.mermaid_text('Panel; phase 2: #1 "x" <b> 50%') == (
        "Panel#59; phase 2#58; #35;1 #34;x#34; #60;b#62; 50#37;"
    )
    assert markdown.mermaid_text("measures, panel (1267) - O'Brien/2") == "measures, panel (1267) - O'Brien/2"
    assert markdown.mermaid_text("a\x1b[31mb\u202e") == "a#91;31mb"  # controls dropped, as everywhere
    assert markdown.mermaid_text("  ") == "-"


def test_mermaid_labels_never_start_a_statement() -> None:
    """A task line starting with a keyword of Mermaid's gantt lexer (or a date) would be read as that."""
    assert markdown.mermaid_text("Section 2 measures lapsed") == "#83;ection 2 measures lapsed"
    assert markdown.mermaid_text("click here") == "#99;lick here"
    assert markdown.mermaid_text("2023-08-31 lapse") == "#50;023-08-31 lapse"
    assert markdown.mermaid_text("Sections") == "#83;ections"
    assert markdown.mermaid_text("Panel") == "Panel"


def _decode(label: str) -> str:
    """What Mermaid shows for a label: it decodes `#59;` to `;` after parsing."""
    return re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), label)


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(exclude_categories=("Cs",)), max_size=30))
def test_any_text_is_a_safe_mermaid_label_that_shows_as_written(value: str) -> None:
    label = markdown.mermaid_text(value)
    # Only plain characters and entity codes: no `;`, `:`, `#` or `%` that Mermaid's lexer would read.
    assert re.fullmatch(r"(?:[\w .,/()'-]|#\d+;)+", label)
    assert _decode(label) == (inert(value).strip() or "-")


def test_punctuation_in_names_reaches_the_chart_safely(sample: Regime) -> None:
    named = {key: replace(m, name=f"{m.name}; phase: #2") for key, m in sample.mandates.items()}
    chart = _mermaid(markdown.export(build_report(replace(sample, mandates=named), AS_OF), chart=True))
    assert "    section Asset freeze#59; phase#58; #35;2\n" in chart
    assert "    Panel of Experts#59; phase#58; #35;2 lapsed :crit, milestone, 2022-01-31, 0d\n" in chart
    # Every `;` and `#` in the chart is part of an entity code; the only colons separate task data.
    assert re.sub(r"#\d+;", "", chart).count(";") == 0
    assert "#" not in re.sub(r"#\d+;", "", chart)
    assert all(line.count(":") <= 1 for line in chart.splitlines())


def test_un_documents_come_first_among_the_sources() -> None:
    cited = (
        "https://example.org/a",
        "https://press.un.org/en/2023/sc15000.doc.htm",
        "S/2020/600 draft and the voting letters",
        "https://www.securitycouncilreport.org/b",
        "https://www.un.org/press/en/2019/sc13879.doc.htm",
        "https://undocs.org/en/S/RES/2374(2017)",
        "https://un.org.example.com/c",
        "https://notun.org/d",
        "https://un.org@example.com/e",
    )
    event = Event(dt.date(2023, 1, 2), Kind.REPORT, "S/2023/1", "t", sources=cited[:5])
    later = Event(dt.date(2023, 2, 3), Kind.REPORT, "S/2023/2", "u", sources=cited[4:])
    sources = markdown.numbered_sources([event, later])
    assert [s.text for s in sources.values()] == [cited[i] for i in (1, 2, 4, 5, 0, 3, 6, 7, 8)]
    assert [s.number for s in sources.values()] == list(range(1, 10))
    symbol = sources["S/2020/600 draft and the voting letters"]
    assert (symbol.label, symbol.url, symbol.rest) == (
        "S/2020/600",
        "https://undocs.org/en/S/2020/600",
        " draft and the voting letters",
    )


def test_source_numbers_link_to_the_numbered_sources(bundled: list[Regime]) -> None:
    mali = next(regime for regime in bundled if regime.id == "mali")
    report = build_report(mali, dt.date(2023, 9, 15))
    tokens = _tokens(markdown.export(report, chart=True))
    items = [t for t in tokens if t.type == "list_item_open"]
    inline = [tokens[tokens.index(item) + 2] for item in items]  # list item > paragraph > inline
    anchors = {
        int(re.fullmatch(r'<a id="source-(\d+)">', (line.children or [])[0].content).group(1)): int(item.info)  # type: ignore[union-attr]
        for item, line in zip(items, inline, strict=True)
    }
    assert anchors == {n: n for n in range(1, len(items) + 1)}  # item N holds the anchor source-N
    sources = markdown.numbered_sources(report.events)
    assert len(items) == len(sources)
    first_item = inline[0].children or []
    assert first_item[2].attrs["href"] == next(iter(sources.values())).url

    tables: list[list[list[list[str]]]] = []  # each table's rows, each cell's link targets
    for i, token in enumerate(tokens):
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            tables[-1].append([])
        elif token.type == "inline" and tokens[i - 1].type == "td_open":
            tables[-1][-1].append([str(c.attrs["href"]) for c in token.children or [] if c.type == "link_open"])
    refs = [row[-1] for row in tables[1][1:]]  # the timeline's Sources column
    assert refs == [[f"#source-{sources[s].number}" for s in event.sources] for event in report.events]
    # UN pages come first: press.un.org and un.org before Security Council Report and the news.
    hosts = [urlsplit(s.url or "").hostname or "" for s in sources.values()]
    from_un = [host == "un.org" or host.endswith((".un.org", "undocs.org")) for host in hosts]
    assert from_un == sorted(from_un, reverse=True)
    assert from_un.count(True) == 18 and hosts[18] == "www.securitycouncilreport.org"


def test_the_last_line_names_the_version_and_the_verified_date(sample: Regime) -> None:
    text = markdown.export(build_report(sample, AS_OF), chart=False)
    assert text.endswith(f"\n\nMade with sanctions {__version__} from data verified to 2023-06-01.\n")


def test_no_chart(sample: Regime) -> None:
    assert "mermaid" not in markdown.export(build_report(sample, AS_OF), chart=False)


def test_hostile_text_cannot_break_tables_or_inject_html(sample: Regime) -> None:
    text = markdown.export(build_report(_hostile(sample), AS_OF), chart=True)
    tokens = _tokens(text)
    assert not [t for t in tokens if t.type == "html_block"]
    inline_children = [c for t in tokens if t.type == "inline" for c in t.children or []]
    assert not [c for c in inline_children if c.type in ("em_open", "strong_open", "image", "code_inline")]
    # The only HTML is the source list's own anchors.
    html = [c.content for c in inline_children if c.type == "html_inline"]
    assert html == [piece for n in range(1, 6) for piece in (f'<a id="source-{n}">', "</a>")]
    links = [c.attrs["href"] for c in inline_children if c.type == "link_open"]
    assert all(
        str(href).startswith(("https://undocs.org/", "https://press.un.org/", "https://example.org", "#source-"))
        for href in links
    )
    _, timeline, _ = _tables(tokens)
    assert all(len(row) == 6 for row in timeline)
    assert timeline[1][3] == HOSTILE.replace("\n", " ")  # shown literally, on one line
    mermaid = _mermaid(text)
    assert "<" not in mermaid and ":" not in mermaid.split("title", 1)[1].split("\n", 1)[0]
    assert '\n3. <a id="source-3"></a>https://x.org/\\<b\\>\n' in text  # angle brackets: not a link, but text


def test_document_links() -> None:
    event = Event(dt.date(2024, 3, 28), Kind.VETO, "SC/15648", "t")
    assert markdown.document_url(event, "SC/15648") == "https://press.un.org/en/2024/sc15648.doc.htm"
    assert markdown.document_url(event, "S/RES/2374 (2017)") == "https://undocs.org/en/S/RES/2374(2017)"


def test_web_addresses() -> None:
    assert markdown.web_address("https://press.un.org/en/x") == "https://press.un.org/en/x"
    for refused in (
        "javascript:alert(1)",
        "https://x.org/\x1b[31m",
        "https://a b",
        "ftp://x.org",
        "https://",
        "http://[x",
    ):
        assert markdown.web_address(refused) is None, refused


def test_mandate_names_in_sections_are_escaped(sample: Regime) -> None:
    mandates = {**sample.mandates, "panel": Mandate("panel", "Gantt panel", "", sample.mandates["panel"].category)}
    chart = _mermaid(markdown.export(build_report(replace(sample, mandates=mandates), AS_OF), chart=True))
    assert "    section #71;antt panel\n" in chart
    assert "    #71;antt panel lapsed :crit" in chart


def test_the_chart_shows_the_whole_regime_when_the_timeline_is_limited(sample: Regime) -> None:
    """Periods and marks alike come from every event, as in `sanctions chart`."""
    text = markdown.export(build_report(sample, AS_OF, since=dt.date(2022, 1, 28)), chart=True)
    assert len(_tables(_tokens(text))[1]) == 2  # header and the lapse
    assert "    Russia vetoed S/2022/10 :crit, milestone, 2022-01-25, 0d\n" in _mermaid(text)


TIMELINE = """\
## Testland — Committee established pursuant to resolution 9999 (2020)

| Date | Kind | Document | Title | Vote | Sets |
| --- | --- | --- | --- | --- | --- |
| 2020-01-10 | established | S/RES/9999 (2020)<br>S/PV.9000 | Regime established | 15-0-0 | measures → open-ended<br>panel → 2021-01-31 |
| 2021-01-20 | renewed | S/RES/9998 (2021) | Panel renewed | 14-0-1 | panel → 2022-01-31 |
| 2022-01-25 | ✖ veto | S/2022/10 †<br>S/PV.9100 | Renewal \\[bold red\\]vetoed\\[/\\] \\| \\<b\\>\\*x\\*\\</b\\> | 13-1-1<br>veto: Russia | would have set:<br>panel → 2023-01-31 |
| 2022-01-31 | ■ lapsed | S/RES/9998 (2021) † | Panel lapses |  | panel lapsed |

4 events · data verified to 2023-06-01 · ✖ draft not adopted · ■ mandate ended

† secondary sources only (no UN or Security Council Report source)
"""  # noqa: E501


def test_the_timeline_reads_as_the_terminal_table(sample: Regime) -> None:
    assert markdown.timeline(sample, list(sample.events)) == TIMELINE
    (table,) = _tables(_tokens(TIMELINE))
    assert table[0] == ["Date", "Kind", "Document", "Title", "Vote", "Sets"]
    assert table[3][3] == "Renewal [bold red]vetoed[/] | <b>*x*</b>"  # a title shows as written, in its cell


def test_the_expiry_table_leaves_out_the_columns_empty_in_every_row(sample: Regime) -> None:
    from sanctions.analysis.mandates import expiries

    text = markdown.expiry(expiries([sample], dt.date(2021, 6, 1), dt.date(2021, 8, 1)))
    (table,) = _tables(_tokens(text))
    assert table == [
        ["Regime", "Mandate", "Status", "Expires", "Days left", "Set by"],
        ["testland", "Panel of Experts", "active", "2022-01-31", "244", "S/RES/9998 (2021)"],
        ["testland", "Asset freeze", "open-ended", "", "", "S/RES/9999 (2020)"],
    ]


def test_the_vetoes_listing_ends_with_the_vetoes_per_member(sample: Regime) -> None:
    from sanctions.analysis.vetoes import failed_drafts

    text = markdown.vetoes(failed_drafts([sample]))
    assert text.endswith(
        "Vetoes per permanent member (one veto per draft per permanent member voting against):\n\n"
        "Russia: 1 veto, 1 ended a mandate — ended 1 monitoring panel (testland: Panel of Experts)\n"
    )
