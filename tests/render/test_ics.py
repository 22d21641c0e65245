"""The iCalendar feed, parsed back with a real iCalendar library."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import icalendar
import pytest

from sanctions.analysis.mandates import expiries
from sanctions.dataset.model import Event, Kind, Mandate, Regime
from sanctions.errors import UsageError
from sanctions.render import ics

AS_OF = dt.date(2021, 12, 15)


def _feed(*regimes: Regime, **options: Any) -> str:
    return ics.expiry(expiries(list(regimes), AS_OF, AS_OF + dt.timedelta(days=60)), **options)


def _uids(feed: str) -> list[str]:
    return [str(event["UID"]) for event in icalendar.Calendar.from_ical(feed).walk("VEVENT")]


def test_one_all_day_event_per_dated_expiry_and_deadline(sample: Regime) -> None:
    calendar = icalendar.Calendar.from_ical(_feed(sample, deadlines=True))
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
    feed = _feed(regime, deadlines=True)
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
    assert _uids(_feed(regime, deadlines=True)) == [
        "testland.2021-12-15._53_2f_50_52_53_54_2f2021_2f1._46inal_20report@sanctions",
        "testland.2021-12-15._53_2f_50_52_53_54_2f2021_2f1.final_20report@sanctions",
        "testland.2021-12-15._53_2f_50_52_53_54_2f2021_2f1.final-report@sanctions",
        "testland.2021-12-15._53_2f_50_52_53_54_2f2021_2f1.final_5freport@sanctions",
        "testland.2021-12-15._53_2f_50_52_53_54_2f2021_2f1.final_2ereport@sanctions",
        "testland.2021-12-15._53_2f_50_52_53_54_2f2021_2f1.rapport_20final_20_c3_a9@sanctions",
    ]


def _events(feed: str) -> dict[str, icalendar.Event]:
    return {str(event["UID"]): event for event in icalendar.Calendar.from_ical(feed).walk("VEVENT")}


def test_an_expiry_still_to_come_has_a_30_day_alarm_by_default(sample: Regime) -> None:
    event = _events(_feed(sample))["testland.panel@sanctions"]
    (alarm,) = event.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm.decoded("TRIGGER") == -dt.timedelta(days=30)
    assert str(alarm["DESCRIPTION"]) == "Testland: Panel of Experts expires in 30 days"
    assert "TRIGGER:-P30D\r\n" in _feed(sample)


def test_the_alarm_moves_or_goes(sample: Regime) -> None:
    event = _events(_feed(sample, alarm=ics.parse_alarm("2w")))["testland.panel@sanctions"]
    assert [alarm.decoded("TRIGGER") for alarm in event.walk("VALARM")] == [-dt.timedelta(days=14)]
    assert "VALARM" not in _feed(sample, alarm=ics.parse_alarm("none"))


@pytest.mark.parametrize(
    ("text", "days"), [("30d", 30), ("2w", 14), (" 7D ", 7), ("0d", 0), ("none", None), ("NONE", None)]
)
def test_parse_alarm(text: str, days: int | None) -> None:
    assert ics.parse_alarm(text) == (None if days is None else dt.timedelta(days=days))


@pytest.mark.parametrize("text", ["3m", "1y", "soon", "-5d", ""])
def test_an_alarm_in_months_or_nonsense_is_a_usage_error(text: str) -> None:
    with pytest.raises(UsageError) as error:
        ics.parse_alarm(text)
    assert str(error.value) == (
        f"'{text}' is not an alarm: expected days or weeks before the expiry, like 30d or 2w, or none"
    )


def _at(regime: Regime, day: dt.date, **options: Any) -> icalendar.Event:
    feed = ics.expiry(expiries([regime], day, day + dt.timedelta(days=60)), **options)
    return _events(feed)["testland.panel@sanctions"]


def test_a_lapsed_mandate_is_not_said_to_expire_and_has_no_alarm(sample: Regime) -> None:
    event = _at(sample, dt.date(2022, 6, 1))
    assert str(event["SUMMARY"]) == "Testland: Panel of Experts lapsed"
    assert event.decoded("DTSTART") == dt.date(2022, 1, 31)
    assert event.walk("VALARM") == []
    assert str(event["DESCRIPTION"]) == (
        "lapsed as of 2022-06-01\nSet by S/RES/9998 (2021) (2021-01-20)\nRenewal vetoed: S/2022/10 (2022-01-25)"
    )


def test_an_expiry_past_the_verified_data_is_expired_not_lapsed(sample: Regime) -> None:
    unchecked = replace(sample, verified=dt.date(2021, 6, 1), events=sample.events[:2])
    event = _at(unchecked, dt.date(2022, 6, 1))
    assert str(event["SUMMARY"]) == "Testland: Panel of Experts expired (renewal not verified)"
    assert event.walk("VALARM") == []


def test_sequence_and_last_modified_come_from_the_data_and_only_rise(sample: Regime) -> None:
    revisions = []
    for day in ("2020-06-01", "2021-01-19", "2021-01-20", "2022-01-24", "2022-01-25", "2022-01-31", "2022-02-01"):
        event = _at(sample, dt.date.fromisoformat(day))
        revisions.append((day, int(event["SEQUENCE"]), event.decoded("LAST-MODIFIED")))
    utc = dt.UTC
    assert revisions == [
        ("2020-06-01", 2, dt.datetime(2020, 1, 10, tzinfo=utc)),  # set by the establishing decision
        ("2021-01-19", 2, dt.datetime(2020, 1, 10, tzinfo=utc)),
        ("2021-01-20", 4, dt.datetime(2021, 1, 20, tzinfo=utc)),  # renewed
        ("2022-01-24", 4, dt.datetime(2021, 1, 20, tzinfo=utc)),
        ("2022-01-25", 6, dt.datetime(2022, 1, 25, tzinfo=utc)),  # the renewal vetoed
        ("2022-01-31", 8, dt.datetime(2022, 1, 31, tzinfo=utc)),  # the lapse recorded, on the last day
        ("2022-02-01", 9, dt.datetime(2022, 2, 1, tzinfo=utc)),  # the day after: "lapsed"
    ]
    # The same data and date, the same feed: nothing comes from the clock.
    assert _feed(sample) == _feed(sample)


def test_deadlines_are_left_out_unless_asked_for(sample: Regime) -> None:
    assert list(_events(_feed(sample))) == ["testland.panel@sanctions"]
    deadline = _events(_feed(sample, deadlines=True))[
        "testland.2021-01-20._53_2f_52_45_53_2f9998_20_282021_29.final_20report_3b_20panel@sanctions"
    ]
    assert (int(deadline["SEQUENCE"]), deadline.decoded("LAST-MODIFIED")) == (
        0,
        dt.datetime(2021, 1, 20, tzinfo=dt.UTC),
    )
    assert deadline.walk("VALARM") == []


def test_a_window_keeps_only_the_expiries_and_deadlines_inside_it(sample: Regime) -> None:
    statuses = expiries([sample], AS_OF, AS_OF + dt.timedelta(days=60))
    assert list(_events(ics.expiry(statuses, until=dt.date(2022, 1, 31), deadlines=True))) == [
        "testland.panel@sanctions",
        "testland.2021-01-20._53_2f_52_45_53_2f9998_20_282021_29.final_20report_3b_20panel@sanctions",
    ]
    # The deadline falls on the as-of date itself, the expiry one day after the window.
    assert list(_events(ics.expiry(statuses, until=dt.date(2022, 1, 30), deadlines=True))) == [
        "testland.2021-01-20._53_2f_52_45_53_2f9998_20_282021_29.final_20report_3b_20panel@sanctions",
    ]
    # Past expiries are outside any window.
    later = expiries([sample], dt.date(2022, 6, 1), dt.date(2022, 8, 1))
    assert list(_events(ics.expiry(later, until=dt.date(2030, 1, 1)))) == []
    assert list(_events(ics.expiry(later))) == ["testland.panel@sanctions"]


def test_the_bundled_feed_parses_with_unique_uids_and_an_alarm_on_every_expiry_to_come(
    bundled: list[Regime],
) -> None:
    day = dt.date(2024, 4, 1)
    statuses = expiries(bundled, day, day + dt.timedelta(days=60))
    feed = ics.expiry(statuses, deadlines=True)
    events = icalendar.Calendar.from_ical(feed).walk("VEVENT")
    uids = [str(event["UID"]) for event in events]
    assert len(uids) == len(set(uids)) > 20
    expiring = {f"{s.regime.id}.{s.mandate.key}@sanctions" for s in statuses if s.status.in_force and s.expires}
    alarmed = {str(event["UID"]) for event in events if event.walk("VALARM")}
    assert expiring == alarmed and "dprk.panel@sanctions" in alarmed
    assert all(len(line.encode("utf-8")) <= 75 for line in feed.split("\r\n"))
    for event in events:
        if str(event["UID"]) in ("mali.panel@sanctions", "mali.measures@sanctions"):
            assert str(event["SUMMARY"]).endswith(" lapsed")
