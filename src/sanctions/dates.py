"""Dates as people type them: ISO, 'today', '30 June 2021'."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from sanctions.errors import UsageError

if TYPE_CHECKING:
    from dateutil.relativedelta import relativedelta

_RELATIVE = {"today": 0, "yesterday": -1, "tomorrow": 1}
_YEAR = re.compile(r"\b\d{4}\b")
_ISO = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")


def parse_date(text: str, today: dt.date) -> dt.date:
    """A calendar date from user input; `today` anchors the relative words."""
    cleaned = text.strip().lower()
    if cleaned in _RELATIVE:
        return today + dt.timedelta(days=_RELATIVE[cleaned])
    try:
        return dt.date.fromisoformat(cleaned)
    except ValueError:
        pass
    # An ISO-shaped date that is not a real day is a mistake, not another format to guess at.
    if _ISO.fullmatch(cleaned):
        raise UsageError(f"'{text}' is not a date: no such day")
    # A date without a year would be silently completed with this year: refuse it.
    if _YEAR.search(cleaned):
        from dateutil import parser

        try:
            return parser.parse(cleaned, dayfirst=True, default=dt.datetime(today.year, 1, 1)).date()
        except (ValueError, OverflowError):
            pass
    raise UsageError(f"'{text}' is not a date: expected a date like 2024-04-30, '30 June 2021' or 'today'")


def later(day: dt.date, period: relativedelta | dt.timedelta) -> dt.date:
    """`day` moved on by `period`, or the calendar's last day if that lies beyond it."""
    try:
        return day + period
    except (OverflowError, ValueError):  # past 9999-12-31: relativedelta says ValueError, timedelta OverflowError
        return dt.date.max


_PERIOD = re.compile(r"(\d{1,4})([dwmy])")


def parse_period(text: str) -> relativedelta:
    """A look-ahead window like 90d, 6w, 3m or 1y."""
    from dateutil.relativedelta import relativedelta

    match = _PERIOD.fullmatch(text.strip().lower())
    if match is None:
        raise UsageError(f"'{text}' is not a period: expected a number and a unit, like 90d, 6w, 3m or 1y")
    count, unit = int(match.group(1)), match.group(2)
    return {
        "d": relativedelta(days=count),
        "w": relativedelta(weeks=count),
        "m": relativedelta(months=count),
        "y": relativedelta(years=count),
    }[unit]
