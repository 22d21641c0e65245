"""Dates and periods as users type them."""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil.relativedelta import relativedelta

from sanctions.dates import parse_date, parse_period
from sanctions.errors import UsageError

TODAY = dt.date(2024, 4, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-04-30", dt.date(2024, 4, 30)),
        ("30 June 2021", dt.date(2021, 6, 30)),
        ("June 30, 2021", dt.date(2021, 6, 30)),
        ("today", TODAY),
        ("Yesterday", dt.date(2024, 3, 31)),
        ("29 February 2024", dt.date(2024, 2, 29)),
    ],
)
def test_dates(text: str, expected: dt.date) -> None:
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize("text", ["30 June", "2023-02-30", "29 February 2023", "soon", "", "2024-13-01"])
def test_bad_dates(text: str) -> None:
    with pytest.raises(UsageError, match="is not a date"):
        parse_date(text, TODAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("90d", relativedelta(days=90)),
        ("6w", relativedelta(weeks=6)),
        ("3M", relativedelta(months=3)),
        ("1y", relativedelta(years=1)),
    ],
)
def test_periods(text: str, expected: relativedelta) -> None:
    assert parse_period(text) == expected


def test_month_windows_follow_the_calendar() -> None:
    assert dt.date(2024, 1, 31) + parse_period("1m") == dt.date(2024, 2, 29)


@pytest.mark.parametrize("text", ["90", "d", "-3m", "3 months", "1.5y", "12345d"])
def test_bad_periods(text: str) -> None:
    with pytest.raises(UsageError, match="is not a period: expected a number and a unit, like 90d, 6w, 3m or 1y"):
        parse_period(text)
