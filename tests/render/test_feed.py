"""The site's Atom feed, read back with feedparser, and its calendar, compared with `sanctions expiry`."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import feedparser
import icalendar
from typer.testing import CliRunner

from sanctions.analysis.report import build_report
from sanctions.cli.app import app
from sanctions.dataset.model import Regime
from sanctions.render import feed, html
from tests.dom import parse

AS_OF = dt.date(2025, 12, 1)


def test_the_feed_has_one_entry_per_event_newest_first(bundled: list[Regime]) -> None:
    parsed = feedparser.parse(feed.feed(bundled, AS_OF))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    events = [(regime, event) for regime in bundled for event in regime.events]  # as the pages' timelines
    assert len(parsed.entries) == len(events)
    days = [entry.published[:10] for entry in parsed.entries]
    assert days == sorted(days, reverse=True)
    assert len({entry.id for entry in parsed.entries}) == len(events)
    assert parsed.feed.title == feed.TITLE
    assert parsed.feed.updated == f"{days[0]}T00:00:00Z"
    assert {link.rel: link.href for link in parsed.feed.links} == {
        "self": "decisions.atom",
        "alternate": "index.html",
        "related": "expiry.ics",
    }


def test_an_entry_links_its_row_and_keeps_its_id(bundled: list[Regime], sample: Regime) -> None:
    parsed = feedparser.parse(feed.feed([sample], AS_OF))
    newest = parsed.entries[0]
    assert newest.link == "testland.html#2022-01-31-lapsed"
    assert newest.title == "Testland: Panel lapses"
    assert [tag.term for tag in newest.tags] == ["lapsed", "testland"]
    veto = parsed.entries[1]
    assert veto.summary.endswith("Document: S/2022/10. Vote: 13-1-1, vetoed by Russia.")
    # The id depends on the regime and the event, not on the export: a new event leaves the others' ids.
    later = replace(sample.events[-1], date=dt.date(2023, 1, 5), title="Later")
    grown = feedparser.parse(feed.feed([replace(sample, events=(*sample.events, later))], AS_OF))
    assert [e.id for e in grown.entries[1:]] == [e.id for e in parsed.entries]
    assert grown.entries[0].id == feed.entry_id(sample, "2023-01-05-lapsed")


def test_every_feed_link_leads_to_a_row_of_its_page(bundled: list[Regime]) -> None:
    parsed = feedparser.parse(feed.feed(bundled, AS_OF))
    rows = {}
    for regime in bundled:
        page = parse(html.export(build_report(regime, AS_OF), False))
        rows[html.page_name(regime)] = {
            row.attrs["id"] for row in page.by_id("timeline").iter("tr") if "id" in row.attrs
        }
    for entry in parsed.entries:
        name, anchor = entry.link.split("#")
        assert anchor in rows[name], entry.link


def test_hostile_text_stays_text_in_the_feed(sample: Regime) -> None:
    title = "<b>bold</b> & \x1b[31mred\x0b </feed>"
    parsed = feedparser.parse(feed.feed([replace(sample, events=(replace(sample.events[0], title=title),))], AS_OF))
    assert not parsed.bozo
    assert parsed.entries[0].title == "Testland: <b>bold</b> & [31mred </feed>"


def test_the_site_calendar_is_what_expiry_gives_for_the_ongoing_regimes(bundled: list[Regime], tmp_path: Path) -> None:
    written = tmp_path / "expiry.ics"
    result = CliRunner().invoke(app, ["expiry", "--format", "ics", "--as-of", AS_OF.isoformat(), "-o", str(written)])
    assert result.exit_code == 0, result.stderr
    calendar = html.calendar(bundled, AS_OF)
    assert calendar.encode("utf-8") == written.read_bytes()
    assert calendar.count("BEGIN:VEVENT") == len(icalendar.Calendar.from_ical(calendar).walk("VEVENT")) > 0
