"""Dates as people type them: ISO, 'today', '30 June 2021'."""

from __future__ import annotations

import datetime as dt
import re

from sanctions.errors import UsageError

_RELATIVE = {"today": 0, "yesterday": -1, "tomorrow": 1}
_YEAR = re.compile(r"\b\d{4}\b")


def parse_date(text: str, today: dt.date) -> dt.date:
    """A calendar date from user input; `today` anchors the relative words."""
    cleaned = text.strip().lower()
    if cleaned in _RELATIVE:
        return today + dt.timedelta(days=_RELATIVE[cleaned])
    try:
        return dt.date.fromisoformat(cleaned)
    except ValueError:
        pass
    # A date without a year would be silently completed with this year: refuse it.
    if _YEAR.search(cleaned):
        from dateutil import parser

        try:
            return parser.parse(cleaned, dayfirst=True, default=dt.datetime(today.year, 1, 1)).date()
        except (ValueError, OverflowError):
            pass
    raise UsageError(f"'{text}' is not a date: expected a date like 2024-04-30, '30 June 2021' or 'today'")
