"""The iCalendar feed, parsed back with a real iCalendar library."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import icalendar

from sanctions.mandates import expiries
from sanctions.model import Mandate, Regime
from sanctions.render import ics

AS_OF = dt.date(2021, 12, 15)


def _feed(regime: Regime) -> str:
    return ics.expiry(expiries([regime], AS_OF, AS_OF + dt.timedelta(days=60)))


def test_one_all_day_event_per_dated_expiry_and_deadline(sample: Regime) -> None:
    calendar = icalendar.Calendar.from_ical(_feed(sample))
    event, deadline = calendar.walk("VEVENT")
    assert str(deadline["UID"]) == "testland-2021-01-20-final-report-panel@sanctions"
    assert deadline.decoded("DTSTART") == dt.date(2021, 12, 15)
    assert str(deadline["SUMMARY"]) == "Testland: final report; panel due"
    assert str(deadline["DESCRIPTION"]) == "Set by S/RES/9998 (2021) (2021-01-20)"
    assert str(event["UID"]) == "testland-panel@sanctions"
    assert event.decoded("DTSTART") == dt.date(2022, 1, 31)
    assert event.decoded("DTEND") == dt.date(2022, 2, 1)
    assert str(event["SUMMARY"]) == "Testland: Panel of Experts expires"


def test_uid_is_stable_across_renewals(sample: Regime) -> None:
    earlier = ics.expiry(expiries([sample], dt.date(2020, 6, 1), dt.date(2020, 8, 1)))
    later = _feed(sample)
    uid = [line for line in earlier.splitlines() if line.startswith("UID:testland-panel")]
    assert (
        uid
        == [line for line in later.splitlines() if line.startswith("UID:testland-panel")]
        == ["UID:testland-panel@sanctions"]
    )
    assert "DTSTART;VALUE=DATE:20210131" in earlier and "DTSTART;VALUE=DATE:20220131" in later


def test_hostile_text_is_escaped_and_long_lines_folded(sample: Regime) -> None:
    name = "Panel; of, experts \\ with a very long name — ünïcödé — that runs well past seventy-five octets\x1b[31m"
    regime = replace(sample, mandates={**sample.mandates, "panel": Mandate("panel", name)})
    feed = _feed(regime)
    assert all(len(line.encode("utf-8")) <= 75 for line in feed.split("\r\n"))
    assert "\x1b" not in feed
    assert feed.endswith("END:VCALENDAR\r\n")
    event, _ = icalendar.Calendar.from_ical(feed).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Testland: " + name.replace("\x1b", "") + " expires"


def test_fold_never_splits_a_character() -> None:
    folded = ics.fold("X" * 74 + "é" * 10)
    first, *rest = folded.split("\r\n ")
    assert first == "X" * 74
    assert "".join(rest) == "é" * 10
