"""YAML output: a drafted event exactly as it sits in a regime file, in the files' keys and style."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from sanctions.dataset.model import Event, Expiry, Position, Tally
from sanctions.render import inert

if TYPE_CHECKING:
    from sanctions.drafting.draft import Draft

#: A regime file's events sit at "  - date: …", their fields four spaces in.
INDENT = "    "
WIDTH = 110  # the files wrap prose at about this width

# A plain scalar that YAML reads back as the same text: a letter or "(" first, no "#", and ":" only
# inside a word (an address); nothing YAML would read as a boolean or null.
_PLAIN = re.compile(r"[A-Za-z(][^\n:#]*(?::[^\s#][^\n:#]*)*")
_SPECIAL = re.compile(r"y|n|yes|no|true|false|on|off|null", re.IGNORECASE)


def scalar(text: str) -> str:
    """One line of text as a YAML scalar: plain where that reads back the same, else double-quoted."""
    text = inert(text)
    if _PLAIN.fullmatch(text) and not _SPECIAL.fullmatch(text) and text == text.strip() and text[-1] != ":":
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _flow(pairs: Mapping[str, str]) -> str:
    return "{" + ", ".join(f"{key}: {value}" for key, value in pairs.items()) + "}"


def _expiries(expiries: Mapping[str, Expiry]) -> str:
    return _flow({key: value.isoformat() if isinstance(value, dt.date) else value for key, value in expiries.items()})


def _prose(key: str, text: str) -> list[str]:
    """A long text as a folded block scalar, wrapped like the files' summaries and notes."""
    one_line = f"{key}: {scalar(text)}"
    if len(INDENT) + len(one_line) <= WIDTH:
        return [one_line]
    body = textwrap.wrap(inert(text), WIDTH - len(INDENT) - 2, break_long_words=False, break_on_hyphens=False)
    return [f"{key}: >-", *(f"  {line}" for line in body)]


def _block(
    *,
    date: dt.date | None,
    kind: str | None,
    document: str | None,
    meeting: str | None,
    press_release: str | None,
    title: str | None,
    summary: str,
    vote: Tally | None,
    votes: Mapping[str, Position],
    vetoed_by: Sequence[str],
    penholders: Sequence[str],
    sets: Mapping[str, Expiry],
    would_have_set: Mapping[str, Expiry],
    sources: Sequence[str],
    notes: str,
) -> str:
    """An item of a regime file's `events:` list, keys in the files' order; a field given as None is left out."""
    lines: list[str] = []
    for key, value in (
        ("date", date.isoformat() if date else None),
        ("kind", kind),
        ("document", scalar(document) if document else None),
        ("meeting", scalar(meeting) if meeting else None),
        ("press_release", scalar(press_release) if press_release else None),
        ("title", scalar(title) if title else None),
    ):
        if value is not None:
            lines.append(f"{key}: {value}")
    if summary:
        lines.extend(_prose("summary", summary))
    if vote is not None:
        counts = {"in_favour": vote.in_favour, "against": vote.against, "abstaining": vote.abstaining}
        lines.append(f"vote: {_flow({key: str(count) for key, count in counts.items()})}")
    if votes:
        lines.append(f"votes: {_flow({code: position.value for code, position in votes.items()})}")
    if vetoed_by:
        lines.append(f"vetoed_by: [{', '.join(vetoed_by)}]")
    if penholders:
        lines.append(f"penholders: [{', '.join(penholders)}]")
    if sets:
        lines.append(f"sets: {_expiries(sets)}")
    if would_have_set:
        lines.append(f"would_have_set: {_expiries(would_have_set)}")
    if sources:
        lines.append("sources:")
        lines.extend(f"  - {scalar(source)}" for source in sources)
    if notes:
        lines.extend(_prose("notes", notes))
    if not lines:
        return ""
    first, *rest = lines
    return "\n".join([f"  - {first}", *(f"{INDENT}{line}" for line in rest)]) + "\n"


def event_block(event: Event) -> str:
    """An event as an item of a regime file's `events:` list."""
    return _block(
        date=event.date,
        kind=event.kind.value,
        document=event.document,
        meeting=event.meeting,
        press_release=event.press_release,
        title=event.title,
        summary=event.summary,
        vote=event.vote,
        votes=event.votes,
        vetoed_by=event.vetoed_by,
        penholders=event.penholders,
        sets=event.sets,
        would_have_set=event.would_have_set,
        sources=event.sources,
        notes=event.notes,
    )


def draft(drafted: Draft) -> str:
    """A drafted event as regime-file YAML; what the text did not give is left out (the warnings say what)."""
    return _block(
        date=drafted.date,
        kind=drafted.kind.value if drafted.kind else None,
        document=drafted.document,
        meeting=drafted.meeting,
        press_release=drafted.press_release,
        title=drafted.title,
        summary="",
        vote=drafted.vote,
        votes=drafted.votes,
        vetoed_by=drafted.vetoed_by,
        penholders=drafted.penholders,
        sets=drafted.sets,
        would_have_set=drafted.would_have_set,
        sources=drafted.sources,
        notes=drafted.notes,
    )
