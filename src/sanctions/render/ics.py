"""iCalendar (RFC 5545): one all-day event per mandate expiry, for calendar clients to subscribe to."""

from __future__ import annotations

import datetime as dt
import re

from sanctions import __version__
from sanctions.analysis.mandates import MandateStatus, Status
from sanctions.dataset.model import Event, Regime
from sanctions.errors import UsageError
from sanctions.render import inert

_LIMIT = 75  # octets per line before folding (RFC 5545, 3.1)


def escape(text: str) -> str:
    """TEXT value escaping (RFC 5545, 3.3.11), after dropping control characters."""
    text = inert(text)
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")


def fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character."""
    out: list[str] = []
    current = ""
    size = 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = _LIMIT if not out else _LIMIT - 1  # continuation lines start with a space
        if size + width > limit:
            out.append(current)
            current, size = "", 0
        current += char
        size += width
    out.append(current)
    return "\r\n ".join(out)


def _uid_part(text: str) -> str:
    """Text as a UID part: [a-z0-9-] kept, every other UTF-8 byte as "_" and two lower-case hex digits.

    The encoding is injective, never yields ".", and never yields an upper-case letter, so no two
    texts share a part, not even for a client that compares UIDs case-insensitively.
    """
    return re.sub(rb"[^a-z0-9-]", lambda byte: b"_%02x" % byte[0][0], text.encode("utf-8")).decode("ascii")


def _uid(*parts: str) -> str:
    """A UID unique by construction: encoded parts joined by ".", which no encoded part holds."""
    return ".".join(map(_uid_part, parts)) + "@sanctions"


#: The reminder before each expiry still to come, unless --alarm says otherwise.
DEFAULT_ALARM = "30d"
_ALARM = re.compile(r"(\d{1,4})([dw])")


def parse_alarm(text: str) -> dt.timedelta | None:
    """How long before an expiry to remind: `30d`, `2w`, or `none` for no reminder."""
    cleaned = text.strip().lower()
    if cleaned == "none":
        return None
    match = _ALARM.fullmatch(cleaned)
    if match is None:
        # An iCalendar alarm counts weeks, days or less: a month has no fixed length.
        raise UsageError(f"'{text}' is not an alarm: expected days or weeks before the expiry, like 30d or 2w, or none")
    return dt.timedelta(days=int(match.group(1)) * (7 if match.group(2) == "w" else 1))


_DEFAULT_BEFORE = parse_alarm(DEFAULT_ALARM)


def _stamp(day: dt.date) -> str:
    return day.strftime("%Y%m%dT000000Z")


def _summary(status: MandateStatus) -> str:
    """What happens on the expiry date, in the tense the as-of date calls for."""
    name = f"{status.regime.name}: {status.mandate.name}"
    if status.status is Status.LAPSED:
        return f"{name} lapsed"
    if status.status is Status.UNVERIFIED:
        return f"{name} expired (renewal not verified)"
    return f"{name} expires"


def _revision(status: MandateStatus) -> tuple[int, dt.date]:
    """SEQUENCE and LAST-MODIFIED, from the data and the as-of date alone, never the clock.

    Each event that set, would have set or lapsed the mandate up to the as-of date counts two; the
    expiry passing counts one more (the summary turns from "expires" to "lapsed"). So the number
    only rises, as RFC 5545 wants: a new decision adds two, even one that comes after the expiry
    passed. LAST-MODIFIED is the day of the latest of these changes.
    """
    assert status.expires is not None
    key = status.mandate.key
    touched = [
        e.date
        for e in status.regime.events
        if e.date <= status.as_of and (key in e.sets or key in e.would_have_set or key in e.lapses)
    ]
    passed = status.as_of > status.expires
    changes = [*touched, status.expires + dt.timedelta(days=1)] if passed else touched
    return 2 * len(touched) + passed, max(changes, default=status.as_of)


def _alarm(status: MandateStatus, before: dt.timedelta) -> list[str]:
    days = before.days
    when = "today" if days == 0 else "tomorrow" if days == 1 else f"in {days} days"
    return [
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"TRIGGER:-P{days}D",
        f"DESCRIPTION:{escape(f'{status.regime.name}: {status.mandate.name} expires {when}')}",
        "END:VALARM",
    ]


def _event(status: MandateStatus, stamp: str, alarm: dt.timedelta | None) -> list[str]:
    assert status.expires is not None
    day = status.expires
    regime, mandate = status.regime, status.mandate
    lines = [f"{status.status.value} as of {status.as_of.isoformat()}"]
    if status.set_by is not None:
        lines.append(f"Set by {status.set_by.document} ({status.set_by.date.isoformat()})")
    if status.ended_by is not None and status.ended_by.vetoed_by:
        lines.append(f"Renewal vetoed: {status.ended_by.document} ({status.ended_by.date.isoformat()})")
    sequence, modified = _revision(status)
    # Only a mandate still running gets a reminder: one that lapsed has nothing left to remind of.
    reminder = _alarm(status, alarm) if alarm is not None and status.status.in_force else []
    return [
        "BEGIN:VEVENT",
        # One UID per mandate: a renewal moves the event instead of adding another.
        f"UID:{_uid(regime.id, mandate.key)}",
        f"DTSTAMP:{stamp}",
        f"LAST-MODIFIED:{_stamp(modified)}",
        f"SEQUENCE:{sequence}",
        f"DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}",
        f"DTEND;VALUE=DATE:{(day + dt.timedelta(days=1)).strftime('%Y%m%d')}",
        f"SUMMARY:{escape(_summary(status))}",
        "DESCRIPTION:" + "\\n".join(escape(line) for line in lines),
        "TRANSP:TRANSPARENT",
        *reminder,
        "END:VEVENT",
    ]


def _deadline(regime: Regime, event: Event, label: str, day: dt.date, stamp: str) -> list[str]:
    return [
        "BEGIN:VEVENT",
        # A decision may set several deadlines, and a regime may take several decisions a day.
        f"UID:{_uid(regime.id, event.date.isoformat(), event.document, label)}",
        f"DTSTAMP:{stamp}",
        # Set once by its decision: never revised.
        f"LAST-MODIFIED:{_stamp(event.date)}",
        "SEQUENCE:0",
        f"DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}",
        f"DTEND;VALUE=DATE:{(day + dt.timedelta(days=1)).strftime('%Y%m%d')}",
        f"SUMMARY:{escape(f'{regime.name}: {label} due')}",
        f"DESCRIPTION:{escape(f'Set by {event.document} ({event.date.isoformat()})')}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def expiry(
    statuses: list[MandateStatus],
    *,
    until: dt.date | None = None,
    alarm: dt.timedelta | None = _DEFAULT_BEFORE,
    deadlines: bool = False,
) -> str:
    """A calendar of mandate expiries, with a reminder `alarm` before each one still to come.

    Without `until`, every mandate with an expiry date is in it, past ones as lapsed; with it, only
    the expiries from the as-of date to `until`. `deadlines` adds the report deadlines set by the
    decisions taken up to the as-of date (within the same window, if any).
    """
    as_of = statuses[0].as_of if statuses else dt.date.max
    stamp = _stamp(as_of) if statuses else "19700101T000000Z"

    def shown(day: dt.date) -> bool:
        return until is None or as_of <= day <= until

    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//sanctions//sanctions {__version__}//EN",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:UN sanctions mandate expiries",
    ]
    for status in statuses:
        if status.expires is not None and shown(status.expires):
            lines.extend(_event(status, stamp, alarm))
    if deadlines:
        regimes = {status.regime.id: status.regime for status in statuses}
        for regime in regimes.values():
            for event in regime.events:
                if event.date <= as_of:
                    for label, day in event.deadlines.items():
                        if shown(day):
                            lines.extend(_deadline(regime, event, label, day, stamp))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
