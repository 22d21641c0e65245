"""iCalendar (RFC 5545): one all-day event per mandate expiry, for calendar clients to subscribe to."""

from __future__ import annotations

import datetime as dt
import re

from sanctions import __version__
from sanctions.mandates import MandateStatus
from sanctions.model import Event, Regime
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


def _event(status: MandateStatus, stamp: str) -> list[str]:
    assert status.expires is not None
    day = status.expires
    regime, mandate = status.regime, status.mandate
    summary = f"{regime.name}: {mandate.name} expires"
    lines = [f"{status.status.value} as of {status.as_of.isoformat()}"]
    if status.set_by is not None:
        lines.append(f"Set by {status.set_by.document} ({status.set_by.date.isoformat()})")
    if status.ended_by is not None and status.ended_by.vetoed_by:
        lines.append(f"Renewal vetoed: {status.ended_by.document} ({status.ended_by.date.isoformat()})")
    return [
        "BEGIN:VEVENT",
        # One UID per mandate: a renewal moves the event instead of adding another.
        f"UID:{_uid(regime.id, mandate.key)}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}",
        f"DTEND;VALUE=DATE:{(day + dt.timedelta(days=1)).strftime('%Y%m%d')}",
        f"SUMMARY:{escape(summary)}",
        "DESCRIPTION:" + "\\n".join(escape(line) for line in lines),
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def _deadline(regime: Regime, event: Event, label: str, day: dt.date, stamp: str) -> list[str]:
    return [
        "BEGIN:VEVENT",
        # A decision may set several deadlines, and a regime may take several decisions a day.
        f"UID:{_uid(regime.id, event.date.isoformat(), event.document, label)}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}",
        f"DTEND;VALUE=DATE:{(day + dt.timedelta(days=1)).strftime('%Y%m%d')}",
        f"SUMMARY:{escape(f'{regime.name}: {label} due')}",
        f"DESCRIPTION:{escape(f'Set by {event.document} ({event.date.isoformat()})')}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def expiry(statuses: list[MandateStatus]) -> str:
    """A calendar with the expiry of every mandate that has a date, and the deadlines decisions set."""
    stamp = statuses[0].as_of.strftime("%Y%m%dT000000Z") if statuses else "19700101T000000Z"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//sanctions//sanctions {__version__}//EN",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:UN sanctions mandate expiries",
    ]
    for status in statuses:
        if status.expires is not None:
            lines.extend(_event(status, stamp))
    as_of = statuses[0].as_of if statuses else dt.date.max
    regimes = {status.regime.id: status.regime for status in statuses}
    for regime in regimes.values():
        for event in regime.events:
            if event.date <= as_of:
                for label, day in event.deadlines.items():
                    lines.extend(_deadline(regime, event, label, day, stamp))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
