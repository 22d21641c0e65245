"""Dates and periods as people type them, read against a `today` passed in."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, NoReturn

from sanctions.errors import UsageError

if TYPE_CHECKING:
    from dateutil.relativedelta import relativedelta

_NAMED = {"today": 0, "yesterday": -1, "tomorrow": 1}
_YEAR = re.compile(r"\b\d{4}\b")
_NUMERIC = re.compile(r"[\d/.\-\s]+")
_SEPARATORS = re.compile(r"[/.\-\s]+")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTH_ABBREVIATIONS = {month[:3].lower() for month in _MONTHS}
_WORD = re.compile(r"[a-z]+")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_NAMES = {
    **{name: index for index, name in enumerate(_WEEKDAYS)},
    **{name[:3]: index for index, name in enumerate(_WEEKDAYS)},
    "tues": 1,
    "thur": 3,
    "thurs": 3,
}
_UNIT = r"(day|week|month|year)s?"
_COUNT = r"(\d{1,5}|an?|one)"
_IN = re.compile(rf"in {_COUNT} {_UNIT}")
_FROM_NOW = re.compile(rf"{_COUNT} {_UNIT} from now")
_AGO = re.compile(rf"{_COUNT} {_UNIT} ago")
_STEP = re.compile(r"(next|last) (\w+)")
_EXPECTED = "expected a date like 2024-04-30, '30 June 2021', 'today', 'in 90 days' or 'last friday'"


def parse_date(text: str, today: dt.date) -> dt.date:
    """A calendar date from user input; `today` anchors the relative forms.

    The grammar, relative to `today` (docs/dates.md):

    - `today`, `yesterday`, `tomorrow`;
    - `in N UNITS`, `N UNITS from now`, `N UNITS ago`, where N is a number, `a`, `an` or `one` and a
      UNIT is a day, week, month or year (a month on from 31 January is the last day of February);
    - `next UNIT`, `last UNIT`: one UNIT from today, the same day of the month where there is one;
    - `next WEEKDAY`, `last WEEKDAY` (`friday` or `fri`): the first one after today, the last one
      before it — never today itself;
    - numbers: year first (`2024-04-30`, `2024/4/30`) is year, month, day; year last (`13/02/2024`) is
      read whichever way only one reading exists, and refused, with both readings, when day and month
      could be swapped (`01/02/2024`);
    - words (`30 June 2021`, `June 30, 2021`), read by dateutil, with the year in full; a month or a year
      alone is a span, not a day, and is refused with its first and last day.
    """
    cleaned = " ".join(text.lower().split())
    if cleaned in _NAMED:
        return today + dt.timedelta(days=_NAMED[cleaned])
    try:
        return dt.date.fromisoformat(cleaned)
    except ValueError:
        pass
    relative = _relative(cleaned, today, text)
    if relative is not None:
        return relative
    if _NUMERIC.fullmatch(cleaned):
        if cleaned[0] in "/.-" or cleaned[-1] in "/.-":  # '-2024-01-01' is no date before year 1
            raise UsageError(f"'{text}' is not a date: {_EXPECTED}")
        return _numeric(cleaned, text)
    # A date without a year would be silently completed with this year: refuse it.
    if _YEAR.search(cleaned):
        return _written(cleaned, text)
    if any(word[:3] in _MONTH_ABBREVIATIONS for word in _WORD.findall(cleaned)):
        raise UsageError(f"'{text}' is not a date: it has no year (write it in full, as in '30 June 2021')")
    raise UsageError(f"'{text}' is not a date: {_EXPECTED}")


def _relative(cleaned: str, today: dt.date, text: str) -> dt.date | None:
    """The date a relative form names, or None when `cleaned` is not one."""
    if match := _IN.fullmatch(cleaned) or _FROM_NOW.fullmatch(cleaned):
        return _moved(today, _count(match[1]), match[2], text)
    if match := _AGO.fullmatch(cleaned):
        return _moved(today, -_count(match[1]), match[2], text)
    match = _STEP.fullmatch(cleaned)
    if match is None:
        return None
    step = 1 if match[1] == "next" else -1
    word = match[2]
    if word in ("day", "week", "month", "year"):
        return _moved(today, step, word, text)
    if word in _WEEKDAY_NAMES:
        from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

        weekday = (MO, TU, WE, TH, FR, SA, SU)[_WEEKDAY_NAMES[word]](step)
        # A day's step first, so that on a Friday 'next friday' is a week on, not today.
        return _shifted(today, relativedelta(days=step, weekday=weekday), text)
    return None


def _count(word: str) -> int:
    return 1 if word in ("a", "an", "one") else int(word)


def _moved(today: dt.date, count: int, unit: str, text: str) -> dt.date:
    from dateutil.relativedelta import relativedelta

    steps = {
        "day": relativedelta(days=count),
        "week": relativedelta(weeks=count),
        "month": relativedelta(months=count),
        "year": relativedelta(years=count),
    }
    return _shifted(today, steps[unit], text)


def _shifted(today: dt.date, step: relativedelta, text: str) -> dt.date:
    try:
        moved: dt.date = today + step
    except (OverflowError, ValueError):  # relativedelta says ValueError past year 9999
        raise UsageError(f"'{text}' is not a date: it falls outside the calendar (years 1 to 9999)") from None
    return moved


def _numeric(cleaned: str, text: str) -> dt.date:
    """A date written in numbers: year first is year-month-day; year last is refused if ambiguous."""
    parts = [part for part in _SEPARATORS.split(cleaned) if part]
    if len(parts) == 1 and len(parts[0]) == 4 and int(parts[0]) >= 1:
        _refuse_year(int(parts[0]), text)
    if len(parts) == 2 and len(parts[1]) == 4 and int(parts[1]) >= 1 and 1 <= int(parts[0]) <= 12:
        _refuse_month(int(parts[1]), int(parts[0]), text)
    if len(parts) != 3:
        raise UsageError(f"'{text}' is not a date: {_EXPECTED}")
    if len(parts[0]) == 4:
        return _day(int(parts[0]), int(parts[1]), int(parts[2]), text)
    if len(parts[2]) != 4:
        raise UsageError(f"'{text}' is not a date: write the year in full, as in 2024-04-30")
    first, second, year = (int(part) for part in parts)
    if first <= 12 and second <= 12 and first != second:
        raise UsageError(
            f"'{text}' could be {first} {_MONTHS[second - 1]} or {second} {_MONTHS[first - 1]} {year}: "
            f"write {year:04d}-{second:02d}-{first:02d} or {year:04d}-{first:02d}-{second:02d}"
        )
    day, month = (second, first) if second > 12 else (first, second)
    return _day(year, month, day, text)


def _day(year: int, month: int, day: int, text: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise UsageError(f"'{text}' is not a date: no such day") from None


# Two defaults that differ in year, month and day: a field that differs between the two readings
# was not in the text.
_DEFAULTS = (dt.datetime(1904, 1, 1), dt.datetime(1908, 12, 28))


def _written(cleaned: str, text: str) -> dt.date:
    """A date in words, read by dateutil; a month or year alone is refused, not completed."""
    from dateutil import parser

    try:
        first, second = (parser.parse(cleaned, dayfirst=True, default=default) for default in _DEFAULTS)
    except (ValueError, OverflowError) as error:
        # dateutil names a day past the month's end in words of its own, and no type.
        reason = "no such day" if "out of range for month" in str(error) else _EXPECTED
        raise UsageError(f"'{text}' is not a date: {reason}") from None
    if first == second:
        named = [_WEEKDAY_NAMES[word] for word in _WORD.findall(cleaned) if word in _WEEKDAY_NAMES]
        if named and named[0] != first.weekday():
            day = first.date()
            weekday = _WEEKDAYS[day.weekday()].title()
            raise UsageError(f"'{text}' is not a date: {day.day} {_MONTHS[day.month - 1]} {day.year} is a {weekday}")
        return first.date()
    if first.year == second.year and first.day != second.day:
        if first.month == second.month:
            _refuse_month(first.year, first.month, text)
        _refuse_year(first.year, text)
    raise UsageError(f"'{text}' is not a date: {_EXPECTED}")


def _refuse_month(year: int, month: int, text: str) -> NoReturn:
    import calendar

    first, last = dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    raise UsageError(f"'{text}' is a month, not a day: write {first.isoformat()} or {last.isoformat()}")


def _refuse_year(year: int, text: str) -> NoReturn:
    raise UsageError(f"'{text}' is a year, not a day: write {year:04d}-01-01 or {year:04d}-12-31")


def later(day: dt.date, period: relativedelta | dt.timedelta) -> dt.date:
    """`day` moved on by `period`, or the calendar's last day if that lies beyond it."""
    try:
        return day + period
    except (OverflowError, ValueError):  # past 9999-12-31: relativedelta says ValueError, timedelta OverflowError
        return dt.date.max


_PERIOD = re.compile(r"(\d{1,4}|an?|one) ?(d|days?|w|wks?|weeks?|m|mos?|months?|y|yrs?|years?)")


def parse_period(text: str) -> relativedelta:
    """A look-ahead window as people write it: 90d, 6w, 3m, 1y, '60 days', '2 weeks', '3 months', 'a year'."""
    from dateutil.relativedelta import relativedelta

    match = _PERIOD.fullmatch(" ".join(text.lower().split()))
    if match is None:
        raise UsageError(f"'{text}' is not a period: expected a number and a unit, like 90d, 6w, 3m, 1y or '60 days'")
    count, unit = _count(match.group(1)), match.group(2)[0]
    return {
        "d": relativedelta(days=count),
        "w": relativedelta(weeks=count),
        "m": relativedelta(months=count),
        "y": relativedelta(years=count),
    }[unit]
