"""The iCalendar feed, parsed back with a real iCalendar library."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import icalendar

from sanctions.mandates import expiries
from sanctions.model import Event, Kind, Mandate, Regime
from sanctions.render import ics

AS_OF = dt.date(2021, 12, 15)


def _feed(*regimes: Regime) -> str:
    return ics.expiry(expiries(list(regimes), AS_OF, AS_OF + dt.timedelta(days=60)))


def _uids(feed: str) -> list[str]:
    return [str(event["UID"]) for event in icalendar.Calendar.from_ical(feed).walk("VEVENT")]


def test_one_all_day_event_per_dated_expiry_and_deadline(sample: Regime) -> None:
    calendar = icalendar.Calendar.from_ical(_feed(sample))
    event, deadline = calendar.walk("VEVENT")
    assert str(deadline["UID"]) == (
        "testland.2021-01-20._53_2f_52_45_53_2f9998_20_282021_29.final_20report_3b_20panel@sanctions"
    )
    assert deadline.decoded("DTSTART") == dt.date(2021, 12, 15)
    assert str(deadline["SUMMARY"]) == "Testland: final report; panel due"
    assert str(deadline["DESCRIPTION"]) == "Set by S/RES/9998 (2021) (2021-01-20)"
    assert str(event["UID"]) == "testland.panel@sanctions"
    assert event.decoded("DTSTART") == dt.date(2022, 1, 31)
    assert event.decoded("DTEND") == dt.date(2022, 2, 1)
    assert str(event["SUMMARY"]) == "Testland: Panel of Experts expires"


def test_uid_is_stable_across_renewals(sample: Regime) -> None:
    earlier = ics.expiry(expiries([sample], dt.date(2020, 6, 1), dt.date(2020, 8, 1)))
    later = _feed(sample)
    uid = [line for line in earlier.splitlines() if line.startswith("UID:testland.panel")]
    assert (
        uid
        == [line for line in later.splitlines() if line.startswith("UID:testland.panel")]
        == ["UID:testland.panel@sanctions"]
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


def test_expiry_uids_of_different_mandates_never_collide(sample: Regime) -> None:
    def regime(regime_id: str, key: str) -> Regime:
        established = replace(sample.events[0], sets={key: dt.date(2022, 1, 31)}, deadlines={})
        return replace(sample, id=regime_id, mandates={key: Mandate(key, "Panel")}, events=(established,))

    # Joined with "-", regime a-b's panel and regime a's b-panel both had the UID a-b-panel@sanctions.
    assert _uids(_feed(regime("a-b", "panel"), regime("a", "b-panel"))) == [
        "a.b-panel@sanctions",
        "a-b.panel@sanctions",
    ]


def test_deadline_uids_differ_when_labels_differ_in_case_or_punctuation(sample: Regime) -> None:
    day = dt.date(2021, 12, 15)
    labels = ["Final report", "final report", "final-report", "final_report", "final.report", "rapport final é"]
    decision = Event(AS_OF, Kind.MODIFIED, "S/PRST/2021/1", "Reports asked for", deadlines=dict.fromkeys(labels, day))
    regime = replace(sample, events=(decision,))
    # The old slug made every English label final-report, and dropped the é.
    assert _uids(_feed(regime)) == [
        "testland.2021-12-15._53_2f_50_52_53_54_2f2021_2f1._46inal_20report@sanctions",
        "testland.2021-12-15._53_2f_50_52_53_54_2f2021_2f1.final_20report@sanctions",
        "testland.2021-12-15._53_2f_50_52_53_54_2f2021_2f1.final-report@sanctions",
        "testland.2021-12-15._53_2f_50_52_53_54_2f2021_2f1.final_5freport@sanctions",
        "testland.2021-12-15._53_2f_50_52_53_54_2f2021_2f1.final_2ereport@sanctions",
        "testland.2021-12-15._53_2f_50_52_53_54_2f2021_2f1.rapport_20final_20_c3_a9@sanctions",
    ]
