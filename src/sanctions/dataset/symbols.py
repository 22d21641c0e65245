"""The shapes of UN document symbols and of the names a regime file uses."""

from __future__ import annotations

import re

RESOLUTION = re.compile(r"S/RES/(\d{1,4}) \(((?:19|20)\d\d)\)")
DOCUMENT = re.compile(
    r"S/RES/\d{1,4} \((?:19|20)\d\d\)"  # resolution
    r"|S/(?:19|20)\d\d/\d{1,4}(?:/Rev\.\d)?"  # draft, letter or report
    r"|S/PRST/(?:19|20)\d\d/\d{1,3}"  # presidential statement
    r"|S/PV\.\d{1,5}"  # meeting record, for a draft whose symbol is not known
    r"|S/\d{1,5}(?:/Rev\.\d)?"  # documents before 1994
    r"|SC/\d{4,5}"  # press release
)
MEETING = re.compile(r"S/PV\.\d{1,5}(?: \(Resumption \d\))?")
PRESS_RELEASE = re.compile(r"SC/\d{4,5}")
REGIME_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
MANDATE_KEY = re.compile(r"[a-z][a-z0-9-]*")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# A web page read, or a UN document read in another copy, named by its symbol (and a note). A browser reads
# a backslash as a slash and drops a user name before "@", so "https://evil.example\\@press.un.org/" leads
# to evil.example: a source address may have neither, and its host is what it appears to be.
SOURCE = re.compile(rf"https?://[^\s\\/?#@]+(?:[/?#][^\s\\]*)?|(?:{DOCUMENT.pattern})(?: .+)?")

# What a symbol names, by its shape; older documents (S/12345) and S/YYYY/N are letters, reports or drafts.
_INSTRUMENTS = (
    ("S/RES/", "resolution"),
    ("S/PRST/", "presidential statement"),
    ("S/PV.", "meeting record"),
    ("SC/", "press release"),
)


def instrument_of(document: str) -> str:
    """What kind of UN document a symbol names: resolution, presidential statement, meeting record,
    press release, or document (a report, letter or draft)."""
    return next((name for prefix, name in _INSTRUMENTS if document.startswith(prefix)), "document")
