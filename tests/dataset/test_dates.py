"""Dates and periods as users type them, read against a fixed today."""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil.relativedelta import relativedelta

from sanctions.dataset.dates import parse_date, parse_period
from sanctions.errors import UsageError

TODAY = dt.date(2024, 4, 1)  # a Monday
EXPECTED = "expected a date like 2024-04-30, '30 June 2021', 'today', 'in 90 days' or 'last friday'"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-04-30", dt.date(2024, 4, 30)),
        ("20240430", dt.date(2024, 4, 30)),
        ("2024-4-3", dt.date(2024, 4, 3)),
        ("2024/04/30", dt.date(2024, 4, 30)),
        ("2024.4.30", dt.date(2024, 4, 30)),
        ("30 June 2021", dt.date(2021, 6, 30)),
        ("June 30, 2021", dt.date(2021, 6, 30)),
        ("30 Jun 2021", dt.date(2021, 6, 30)),
        ("1st March 2024", dt.date(2024, 3, 1)),
        ("Wednesday 30 June 2021", dt.date(2021, 6, 30)),
        ("29 February 2024", dt.date(2024, 2, 29)),
        ("13/02/2024", dt.date(2024, 2, 13)),
        ("02/13/2024", dt.date(2024, 2, 13)),
        ("13.02.2024", dt.date(2024, 2, 13)),
        ("13-2-2024", dt.date(2024, 2, 13)),
        ("05/05/2024", dt.date(2024, 5, 5)),
        ("today", TODAY),
        (" Today ", TODAY),
        ("Yesterday", dt.date(2024, 3, 31)),
        ("tomorrow", dt.date(2024, 4, 2)),
    ],
)
def test_absolute_and_named_dates(text: str, expected: dt.date) -> None:
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in 90 days", dt.date(2024, 6, 30)),
        ("in 1 day", dt.date(2024, 4, 2)),
        ("in a week", dt.date(2024, 4, 8)),
        ("in 3 months", dt.date(2024, 7, 1)),
        ("In  2  Years", dt.date(2026, 4, 1)),
        ("90 days from now", dt.date(2024, 6, 30)),
        ("2 weeks ago", dt.date(2024, 3, 18)),
        ("a year ago", dt.date(2023, 4, 1)),
        ("one month ago", dt.date(2024, 3, 1)),
        ("0 days ago", TODAY),
        ("next week", dt.date(2024, 4, 8)),
        ("last week", dt.date(2024, 3, 25)),
        ("next month", dt.date(2024, 5, 1)),
        ("last month", dt.date(2024, 3, 1)),
        ("next year", dt.date(2025, 4, 1)),
        ("last year", dt.date(2023, 4, 1)),
        ("next day", dt.date(2024, 4, 2)),
        ("next friday", dt.date(2024, 4, 5)),
        ("last friday", dt.date(2024, 3, 29)),
        ("next fri", dt.date(2024, 4, 5)),
        ("Last Thurs", dt.date(2024, 3, 28)),
        # Today is a Monday: 'next monday' and 'last monday' are never today.
        ("next monday", dt.date(2024, 4, 8)),
        ("last monday", dt.date(2024, 3, 25)),
    ],
)
def test_relative_dates(text: str, expected: dt.date) -> None:
    assert parse_date(text, TODAY) == expected


def test_a_month_on_keeps_to_the_calendar() -> None:
    assert parse_date("in 1 month", dt.date(2024, 1, 31)) == dt.date(2024, 2, 29)
    assert parse_date("last year", dt.date(2024, 2, 29)) == dt.date(2023, 2, 28)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("01/02/2024", "'01/02/2024' could be 1 February or 2 January 2024: write 2024-02-01 or 2024-01-02"),
        ("3.4.2024", "'3.4.2024' could be 3 April or 4 March 2024: write 2024-04-03 or 2024-03-04"),
        ("12-11-2023", "'12-11-2023' could be 12 November or 11 December 2023: write 2023-11-12 or 2023-12-11"),
        ("June 2021", "'June 2021' is a month, not a day: write 2021-06-01 or 2021-06-30"),
        ("Feb 2024", "'Feb 2024' is a month, not a day: write 2024-02-01 or 2024-02-29"),
        ("06/2021", "'06/2021' is a month, not a day: write 2021-06-01 or 2021-06-30"),
        ("2024", "'2024' is a year, not a day: write 2024-01-01 or 2024-12-31"),
        ("30 June", "'30 June' is not a date: it has no year (write it in full, as in '30 June 2021')"),
        ("01/02/24", "'01/02/24' is not a date: write the year in full, as in 2024-04-30"),
        ("Friday 30 June 2021", "'Friday 30 June 2021' is not a date: 30 June 2021 is a Wednesday"),
        ("2023-02-30", "'2023-02-30' is not a date: no such day"),
        ("2024-13-01", "'2024-13-01' is not a date: no such day"),
        ("29 February 2023", "'29 February 2023' is not a date: no such day"),
        ("31/02/2024", "'31/02/2024' is not a date: no such day"),
        ("13/13/2024", "'13/13/2024' is not a date: no such day"),
        ("in 99999 years", "'in 99999 years' is not a date: it falls outside the calendar (years 1 to 9999)"),
        ("in an hour", f"'in an hour' is not a date: {EXPECTED}"),
        ("next fortnight", f"'next fortnight' is not a date: {EXPECTED}"),
        ("friday", f"'friday' is not a date: {EXPECTED}"),
        ("soon", f"'soon' is not a date: {EXPECTED}"),
        ("-2024-01-01", f"'-2024-01-01' is not a date: {EXPECTED}"),
        ("2024-01-01-", f"'2024-01-01-' is not a date: {EXPECTED}"),
        ("/13/02/2024", f"'/13/02/2024' is not a date: {EXPECTED}"),
        ("", f"'' is not a date: {EXPECTED}"),
    ],
)
def test_refused_dates_say_why(text: str, message: str) -> None:
    with pytest.raises(UsageError) as refused:
        parse_date(text, TODAY)
    assert str(refused.value) == message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("90d", relativedelta(days=90)),
        ("6w", relativedelta(weeks=6)),
        ("3M", relativedelta(months=3)),
        ("1y", relativedelta(years=1)),
        ("60 days", relativedelta(days=60)),
        ("60  Days", relativedelta(days=60)),
        ("1 day", relativedelta(days=1)),
        ("2 weeks", relativedelta(weeks=2)),
        ("3 months", relativedelta(months=3)),
        ("a month", relativedelta(months=1)),
        ("one year", relativedelta(years=1)),
        ("2 years", relativedelta(years=2)),
    ],
)
def test_periods(text: str, expected: relativedelta) -> None:
    assert parse_period(text) == expected


def test_month_windows_follow_the_calendar() -> None:
    assert dt.date(2024, 1, 31) + parse_period("1m") == dt.date(2024, 2, 29)


@pytest.mark.parametrize("text", ["90", "d", "-3m", "3 fortnights", "1.5y", "12345d", "in 3 months", "days"])
def test_bad_periods(text: str) -> None:
    expected = "is not a period: expected a number and a unit, like 90d, 6w, 3m, 1y or '60 days'"
    with pytest.raises(UsageError, match=expected):
        parse_period(text)
