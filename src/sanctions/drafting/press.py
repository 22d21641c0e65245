"""Read a press release into plain sentences: a file or a saved page, and its dates, counts and members as written.

The reading half of `sanctions draft`; what the sentences record is drafted in `sanctions.drafting.extract`.
"""

from __future__ import annotations

import codecs
import datetime as dt
import os
import re
import stat
from functools import lru_cache
from html import unescape
from typing import BinaryIO

from sanctions.council import members
from sanctions.errors import UsageError

MAX_INPUT_BYTES = 10 * 1024 * 1024  # a saved press release page is well under 1 MiB
# The visible text read, at most: far beyond any press release, and small enough that the slowest text
# to read (a sentence of thousands of terms) is drafted in about a second.
MAX_TEXT_CHARS = 256 * 1024

# ---------------------------------------------------------------------------------------------------
# Reading the input: a file or standard input, plain text or a saved HTML page.


def read_press_release(source: str, stdin: BinaryIO | None) -> str:
    """The text of FILE, or of standard input for '-': UTF-8 (or Windows-1252), or as its byte order mark says
    (UTF-16, UTF-32); at most 10 MiB."""
    if source == "-":
        if stdin is None:
            raise UsageError("standard input is closed: give the press release as a file")
        raw = stdin.read(MAX_INPUT_BYTES + 1)
        name = "standard input"
    else:
        name = source
        try:
            # No O_NONBLOCK: a pipe given by name (`<(curl …)`) is a fine place to read a page from.
            with open(source, "rb") as stream:
                mode = os.fstat(stream.fileno()).st_mode
                if stat.S_ISDIR(mode):
                    raise UsageError(f"cannot read {source}: it is a folder")
                raw = stream.read(MAX_INPUT_BYTES + 1)
        except IsADirectoryError:
            raise UsageError(f"cannot read {source}: it is a folder") from None
        except OSError as error:
            raise UsageError(f"cannot read {source}: {error.strerror or error}") from None
    if len(raw) > MAX_INPUT_BYTES:
        raise UsageError(f"{name} is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MiB: not a press release")
    # A byte order mark says the encoding (Notepad saves "Unicode" as UTF-16 with one); UTF-32's first.
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                raise UsageError(
                    f"{name} begins with a {encoding} byte order mark but is not {encoding} text"
                ) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


_HTML = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|p|div|h[1-6]|article|main)\b", re.IGNORECASE)


def is_html(text: str) -> bool:
    """True for a saved web page rather than text copied from one."""
    return _HTML.search(text[:8192]) is not None


# A page is read with a few passes of patterns that never look past the next "<" or ">" (so "<a <a <a …"
# costs no more than text): html.parser's tag by tag reading takes seconds on a large page.
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_SKIPPED = re.compile(
    r"<(script|style|noscript|template|svg|nav|footer|form|button)(?:\s[^<>]*)?(?<!/)>.*?(?:</\1\s*>|\Z)",
    re.DOTALL | re.IGNORECASE,
)
_ADDRESS_TAG = re.compile(r"<(link|meta)\s([^<>]*)>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>]+)))?""")
_MAIN_START = re.compile(r"<main(?:\s[^<>]*)?>", re.IGNORECASE)
_MAIN_END = re.compile(r"</main\s*>", re.IGNORECASE)
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|li|tr|h[1-6]|section|article|header|time|main|blockquote|dd|dt|table|ul|ol|title)"
    r"(?:[\s/][^<>]*)?>",
    re.IGNORECASE,
)
_OTHER_TAG = re.compile(r"</?[a-zA-Z][^<>]*>|<[!?][^<>]*>")


def _canonical(html: str) -> str | None:
    """The address a page gives as its own: `<link rel=canonical>` or `<meta property=og:url>`, the first."""
    for match in _ADDRESS_TAG.finditer(html):
        values = {m[1].lower(): unescape(m[2] or m[3] or m[4] or "") for m in _ATTRIBUTE.finditer(match[2])}
        if match[1].lower() == "link" and values.get("rel", "").lower() == "canonical" and values.get("href"):
            return values["href"]
        if match[1].lower() == "meta" and values.get("property", "").lower() == "og:url" and values.get("content"):
            return values["content"]
    return None


def _lines(html: str) -> list[str]:
    """The visible text of a stretch of page, a line per block element."""
    text = _OTHER_TAG.sub("", _BLOCK_TAG.sub("\n", html))
    return [line for line in (" ".join(part.split()) for part in unescape(text).split("\n")) if line]


def page_text(html: str) -> tuple[str, str | None]:
    """The visible text of a saved page, a line per block element, and its canonical address (None if none).

    Scripts, styles, menus, forms and footers are left out; a page that marks its main content is read
    from there, since menus and "latest news" lists hold dates and symbols of other releases.
    """
    html = _COMMENT.sub("", html)
    canonical = _canonical(html)
    html = _SKIPPED.sub("", html)
    lines: list[str] = []
    start = _MAIN_START.search(html)
    if start is not None:
        ends = [match.start() for match in _MAIN_END.finditer(html, start.end())]
        lines = _lines(html[start.end() : ends[-1] if ends else len(html)])
    return "\n".join(lines or _lines(html)), canonical


def read_page(text: str) -> tuple[list[str], str | None]:
    """The lines of a press release given as text or as a saved page's HTML, and the page's canonical address.

    Refused (UsageError) when the visible text is longer than any press release.
    """
    canonical = None
    if is_html(text):
        text, canonical = page_text(text)
    if len(text) > MAX_TEXT_CHARS:
        raise UsageError(
            f"the text is {len(text):,} characters long, more than a press release holds "
            f"(at most {MAX_TEXT_CHARS:,}): give the release alone"
        )
    return normalise(text), canonical


# ---------------------------------------------------------------------------------------------------
# Text into sentences.

_SPACES = str.maketrans(
    {
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\t": " ",
        "\u2011": "-",
        "\u2010": "-",
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
    }
)
_ABBREVIATIONS = frozenset(
    {"a.m", "p.m", "mr", "mrs", "ms", "dr", "st", "no", "nos", "u.s", "u.n", "d.c", "corr", "rev", "e.g", "i.e"}
    | {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "para", "paras", "art"}
)
_SPLIT = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"(\[]?[A-Z0-9])")


def normalise(text: str) -> list[str]:
    """The non-empty lines of a text, with typographic spaces, hyphens and quotes made plain."""
    lines = []
    for line in text.translate(_SPACES).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        cleaned = " ".join(line.split())
        if cleaned:
            lines.append(cleaned)
    return lines


def sentences_of(line: str) -> list[str]:
    """A line split into sentences; an abbreviation's full stop does not end one."""
    found: list[str] = []
    start = 0
    for match in _SPLIT.finditer(line):
        # The last word before the stop, found from the stop: the line is not copied at every full stop.
        end = match.start()
        while end > start and line[end - 1] in "\"')]":
            end -= 1
        word = line[line.rfind(" ", start, end) + 1 or start : end].rstrip(".").lower()
        if word in _ABBREVIATIONS or re.fullmatch(r"[a-z]", word):
            continue
        found.append(line[start : match.start()].strip())
        start = match.end()
    found.append(line[start:].strip())
    return [sentence for sentence in found if sentence]


# ---------------------------------------------------------------------------------------------------
# Dates, numbers and members as press releases write them.

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
DATE = re.compile(rf"\b(?:(\d{{1,2}}) ({_MONTH}),? (\d{{4}})|({_MONTH}) (\d{{1,2}}),? (\d{{4}}))\b")
# A day and month with no year: refused, never completed with a guessed year.
DAY_MONTH = re.compile(rf"\b(?:\d{{1,2}} {_MONTH}|{_MONTH} \d{{1,2}})\b(?!,? \d{{4}})")


def parse_day(match: re.Match[str]) -> dt.date | None:
    """The calendar date a DATE match names, or None if there is no such day."""
    day, month, year = (match[1], match[2], match[3]) if match[1] else (match[5], match[4], match[6])
    try:
        return dt.date(int(year), _MONTHS[month.rstrip(".").lower()], int(day))
    except (ValueError, KeyError):
        return None


def long_date(day: dt.date) -> str:
    """A date as press releases and titles write it: 30 April 2025."""
    return f"{day.day} {day:%B} {day.year}"


_WORDS = {
    "no": 0,
    "none": 0,
    "zero": 0,
    "one": 1,
    "a": 1,
    "an": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "eighteen": 18,
    "twenty-four": 24,
    "thirty-six": 36,
}
COUNT = (
    r"(\d{1,2}|no|none|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen)"
)


def count_of(word: str) -> int:
    return int(word) if word.isdigit() else _WORDS[word.lower()]


@lru_cache(maxsize=4096)  # a release names the same few members again and again
def member_code(name: str) -> str | None:
    """The ISO code of a Council member named as the UN names it ("Bolivia (Plurinational State of)")."""
    cleaned = name.strip(" ,;.:").removeprefix("the ").removeprefix("The ").strip()
    # A code or a short word ("in", "no") would match an ISO code: press releases spell members out.
    if len(cleaned) < 4 or not cleaned[0].isupper():
        return None
    forms = [cleaned, re.sub(r"\s*\([^)]*\)$", "", cleaned)]
    for form in forms:
        code = members.find_member(form)
        if code is not None:
            return code
    return None


def names_listed(listing: str) -> list[str] | None:
    """The members in a parenthesised list "(Bolivia, China and Russian Federation)", or None if any is unknown."""
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", listing) if p.strip()]
    codes: list[str] = []
    index = 0
    while index < len(parts):
        code = member_code(parts[index])
        # "Trinidad and Tobago": a name with "and" in it was split in two.
        if code is None and index + 1 < len(parts):
            code = member_code(f"{parts[index]} and {parts[index + 1]}")
            index += 1
        if code is None:
            return None
        codes.append(code)
        index += 1
    return codes


_THE = re.compile(r"\s*(?:(?:the|The)\s+)?")
_JOINED = re.compile(r",\s*(?:and\s+)?|and\s+")
_AND = re.compile(r"and\s+")


def members_named_at(text: str, start: int = 0) -> list[str]:
    """The members named at `start` in `text` ("China and the Russian Federation — …"), in order."""
    codes: list[str] = []
    at = start
    while True:
        at = _THE.match(text, at).end()  # type: ignore[union-attr]
        # A name is at most six words: read no further, so a long text costs no more than a short one.
        end = at
        for _ in range(6):
            end = text.find(" ", end + 1) if end < len(text) else -1
            if end < 0:
                end = len(text)
                break
        if not members.may_name_member(text[at:end]):
            return codes
        words = text[at:end].split(" ")
        found = None
        for count in range(len(words), 0, -1):
            candidate = " ".join(words[:count])
            code = member_code(candidate)
            if code is not None:
                found = (code, candidate)
                break
        if found is None:
            return codes
        code, candidate = found
        codes.append(code)
        at = min(at + len(candidate) + 1, len(text))
        if candidate.endswith(","):
            joined = _AND.match(text, at)
            at = joined.end() if joined else at
            continue
        joined = _JOINED.match(text, at)
        if joined is None:
            return codes
        at = joined.end()
