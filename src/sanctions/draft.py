"""Read a UN press release and draft the event it records: regime, date, kind, symbols, vote, expiries.

Nothing is guessed: a value the text does not give plainly is left out and said in a warning, and
every value found keeps the sentence it came from (`Draft.explanations`).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import BinaryIO

from sanctions import members
from sanctions.errors import UsageError
from sanctions.model import OPEN_ENDED, UNRECORDED, Category, Event, Expiry, Kind, Position, Regime, Tally
from sanctions.symbols import RESOLUTION

MAX_INPUT_BYTES = 10 * 1024 * 1024  # a saved press release page is well under 1 MiB


@dataclass(frozen=True)
class Explanation:
    """One drafted value and the sentence (or option) it came from."""

    field: str
    value: str
    source: str


@dataclass(frozen=True)
class Draft:
    """The event a press release records, as far as its text says; `None` where it does not."""

    regime: Regime | None
    date: dt.date | None
    kind: Kind | None
    document: str | None
    meeting: str | None
    press_release: str | None
    title: str | None
    vote: Tally | None
    votes: dict[str, Position]
    vetoed_by: tuple[str, ...]
    expiries: dict[str, Expiry]  # `sets` for an adopted decision, `would_have_set` for a failed draft
    sources: tuple[str, ...]
    notes: str
    explanations: tuple[Explanation, ...]
    warnings: tuple[str, ...]

    @property
    def sets(self) -> dict[str, Expiry]:
        return {} if self.kind is not None and self.kind.is_failed else dict(self.expiries)

    @property
    def would_have_set(self) -> dict[str, Expiry]:
        return dict(self.expiries) if self.kind is not None and self.kind.is_failed else {}

    def missing(self) -> list[str]:
        """The fields a regime file requires that the text did not give, with what to do about each."""
        needs = [
            (self.regime, "the regime (give --regime)"),
            (self.date, "the date (give --date)"),
            (self.kind, "the kind of decision"),
            (self.document, "the document symbol"),
            (self.title, "a title"),
            (self.sources or None, "a source (give --url)"),
        ]
        return [what for value, what in needs if value is None]

    def event(self) -> Event | None:
        """The drafted event, or None while a required field is missing."""
        if self.missing():
            return None
        assert self.date is not None and self.kind is not None and self.document is not None and self.title
        return Event(
            date=self.date,
            kind=self.kind,
            document=self.document,
            title=self.title,
            meeting=self.meeting,
            press_release=self.press_release,
            vote=self.vote,
            votes=dict(self.votes),
            vetoed_by=self.vetoed_by,
            sets=self.sets,
            would_have_set=self.would_have_set,
            sources=self.sources,
            notes=self.notes,
        )


# ---------------------------------------------------------------------------------------------------
# Reading the input: a file or standard input, plain text or a saved HTML page.


def read_press_release(source: str, stdin: BinaryIO | None) -> str:
    """The text of FILE, or of standard input for '-': UTF-8 (or Windows-1252), at most 10 MiB."""
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
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


_HTML = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|p|div|h[1-6]|article|main)\b", re.IGNORECASE)


def is_html(text: str) -> bool:
    """True for a saved web page rather than text copied from one."""
    return _HTML.search(text[:8192]) is not None


class _PageText(HTMLParser):
    """The visible text of a page, a line per block element; the page's canonical address if it names one."""

    _SKIP = frozenset({"script", "style", "noscript", "template", "svg", "nav", "footer", "form", "button"})
    _BLOCK = frozenset(
        {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "time"}
        | {"main", "blockquote", "dd", "dt", "table", "ul", "ol", "title"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.canonical: str | None = None
        self._current: list[str] = []
        self._skipping = 0
        self._in_main = 0
        self._main_lines: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "link" and values.get("rel", "").lower() == "canonical" and values.get("href"):
            self.canonical = self.canonical or values["href"]
        if tag == "meta" and values.get("property", "").lower() == "og:url" and values.get("content"):
            self.canonical = self.canonical or values["content"]
        if tag in self._SKIP:
            self._skipping += 1
        if tag in self._BLOCK:
            self._flush()
        if tag == "main":
            self._in_main += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1
        if tag in self._BLOCK:
            self._flush()
        if tag == "main" and self._in_main:
            self._in_main -= 1

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._current.append(data)

    def _flush(self) -> None:
        line = " ".join("".join(self._current).split())
        self._current.clear()
        if line:
            self.lines.append(line)
            if self._in_main:
                self._main_lines.append(line)

    def text(self) -> str:
        self._flush()
        # A page that marks its main content is read from there: menus and "latest news" lists hold
        # dates and symbols of other releases.
        return "\n".join(self._main_lines or self.lines)


def page_text(html: str) -> tuple[str, str | None]:
    """The visible text of a saved page and its canonical address (None if it gives none)."""
    parser = _PageText()
    parser.feed(html)
    parser.close()
    return parser.text(), parser.canonical


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
        before = line[start : match.start()].rstrip("\"')]")
        word = before.rsplit(" ", 1)[-1].rstrip(".").lower()
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
_DAY_MONTH = re.compile(rf"\b(?:\d{{1,2}} {_MONTH}|{_MONTH} \d{{1,2}})\b(?!,? \d{{4}})")


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
_COUNT = (
    r"(\d{1,2}|no|none|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen)"
)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _WORDS[word.lower()]


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


_PAREN = re.compile(r"\(((?:[^()]|\([^()]*\))*)\)")


def _names(listing: str) -> list[str] | None:
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


def members_named_at(text: str) -> list[str]:
    """The members named at the start of `text` ("China and the Russian Federation — …"), in order."""
    codes: list[str] = []
    rest = text
    while True:
        rest = re.sub(r"^(?:the|The)\s+", "", rest.lstrip())
        words = rest.split(" ")
        found = None
        for count in range(min(len(words), 6), 0, -1):
            candidate = " ".join(words[:count])
            code = member_code(candidate)
            if code is not None:
                found = (code, " ".join(words[count:]), candidate)
                break
        if found is None:
            return codes
        code, rest, candidate = found
        codes.append(code)
        if candidate.endswith(","):
            rest = re.sub(r"^and\s+", "", rest)
            continue
        joined = re.match(r"^(?:,\s*(?:and\s+)?|and\s+)", rest)
        if joined is None:
            return codes
        rest = rest[joined.end() :]


# ---------------------------------------------------------------------------------------------------
# The patterns of a press release.

_MEETING = re.compile(r"\b(\d{1,2},\d{3}|\d{3,5})(st|nd|rd|th)\s+meeting\b", re.IGNORECASE)
_MEETING_LIKE = re.compile(r"\b(\d[\d,]{2,6}[a-z]*)\s+meeting\b", re.IGNORECASE)
_PV = re.compile(r"\bS/PV\.(\d{3,5})\b")
_SC_LINE = re.compile(r"^SC/(\d{4,5})\b")
_SC_URL = re.compile(r"/sc(\d{4,5})\.doc\.html?\b", re.IGNORECASE)
_RES_SYMBOL = re.compile(r"\bS/RES/(\d{1,4})\s*(?:\((\d{4})\))?")
_ADOPTED_RESOLUTION = re.compile(
    r"\b(?:adopt(?:s|ed|ing)?|adoption\s+of)\s+(?:the\s+)?(?:draft\s+)?resolution\s+(\d{1,4})\s*(?:\((\d{4})\))?"
    r"|\bresolution\s+(\d{1,4})\s*(?:\((\d{4})\))?(?:\s*\([^()]*(?:\([^()]*\)[^()]*)*\))?\s+(?:was|is)\s+adopted",
    re.IGNORECASE,
)
_EARLIER = re.compile(r"\b(?:previously|earlier|had\s+adopted|last\s+year)\b", re.IGNORECASE)
_DRAFT_SYMBOL = re.compile(
    r"\bdraft(?:\s+resolution)?\s*\((?:document\s+)?(S/\d{4}/\d{1,4}(?:/Rev\.\d)?)\)", re.IGNORECASE
)
_CITED = re.compile(r"\b(\d{3,4})\s*\(((?:19|20)\d\d)\)")
_COMMITTEE = re.compile(
    r"\bCommittee\s+(?:established\s+)?pursuant\s+to\s+resolutions?\s+(\d{1,4})"
    r"|\b(\d{3,4})\s+(?:[A-Z][a-z]+\s+)?(?:Sanctions\s+)?Committee\b"
)
# A draft the Council did not adopt; "would have" marks what such a draft would have done.
_FAILED = re.compile(
    r"\b(?:fail(?:s|ed)?\s+to\s+(?:adopt|extend|renew|obtain|pass)|rejected|rejects|defeated|not\s+adopted"
    r"|veto(?:es|ed)?)\b",
    re.IGNORECASE,
)
_HYPOTHETICAL = re.compile(r"\bwould\s+(?:also\s+)?have\b|\bhad\s+it\s+passed\b|\bif\s+adopted\b", re.IGNORECASE)
_VETO = re.compile(r"\bveto(?:es|ed)?\b", re.IGNORECASE)
_VETO_BY = re.compile(r"\b(?:veto(?:es)?\s+cast\s+by|vetoed\s+by|veto\s+by)\s+", re.IGNORECASE)
_MORE_DRAFTS = re.compile(
    r"\b(?:two|both)\s+(?:draft\s+)?(?:resolutions|drafts|texts)\b|\b(?:second|competing|alternate|alternative|rival)"
    r"\s+(?:draft|text)\b|\banother\s+(?:draft|text)\b|\bfirst\s+draft\b",
    re.IGNORECASE,
)
_UNANIMOUS = re.compile(
    r"\bunanimously\s+(?:adopt(?:s|ed|ing)?|decided|decides|renewed|extended|agreed)\b|\badopted\s+unanimously\b"
    r"|\bunanimous\s+adoption\b",
    re.IGNORECASE,
)
_LISTING = r"(?:\s*\(((?:[^()]|\([^()]*\))*)\))?"
_IN_FAVOUR = re.compile(rf"\b{_COUNT}\s+(?:votes?\s+)?in\s+favou?r\b{_LISTING}", re.IGNORECASE)
_SUPPORT = re.compile(rf"\b(?:support|votes?)\s+(?:of|from)\s+{_COUNT}\s+members\b", re.IGNORECASE)
_AGAINST = re.compile(rf"\b{_COUNT}\s+(?:votes?\s+)?against\b{_LISTING}", re.IGNORECASE)
_ABSTAINING = re.compile(rf"\b{_COUNT}\s+abstentions?\b{_LISTING}", re.IGNORECASE)
# What a speaker says is not what the Council decided.
_STATEMENT = re.compile(r"\b(?:said|says|told|argued|insisted|speaking|stressed|warned|added)\b", re.IGNORECASE)
_TODAY = re.compile(r"\b(?:today|this\s+(?:morning|afternoon|evening)|tonight)\b", re.IGNORECASE)
_ON_DATE = re.compile(rf"^On\s+((?:{DATE.pattern})),?\s+the\s+Security\s+Council\b(?!\s+Committee)")

_UNTIL = re.compile(rf"\b(?:until|through|till)\s+(?:{DATE.pattern})", re.IGNORECASE)
_UNTIL_NO_YEAR = re.compile(rf"\b(?:until|through)\s+(?:{_DAY_MONTH.pattern})")
_DURATION = re.compile(
    r"\bfor\s+(?:(a|an|another)\s+)?(?:(?:further|new|additional|initial|final)\s+)?(?:period\s+of\s+)?"
    r"(\d{1,2}|one|two|three|six|twelve|thirteen|eighteen|twenty-four|thirty-six)?\s*"
    r"(?:(?:more|additional|further)\s+)?(months?|years?)\b",
    re.IGNORECASE,
)
_START = re.compile(
    rf"^\s*(?:from|starting(?:\s+on)?|beginning(?:\s+on)?|as\s+from|with\s+effect\s+from)\s+((?:{DATE.pattern}))"
)
_VERB_AT_END = re.compile(
    r"\b(?:extend|extends|extended|extending|renew|renews|renewed|renewing|prolong|prolongs|prolonged|prolonging"
    r"|reauthori[sz]e|reauthori[sz]es|reauthori[sz]ed|reauthori[sz]ing)\s*$",
    re.IGNORECASE,
)
_VERB = re.compile(r"\b(?:extend(?:s|ed|ing)?|renew(?:s|ed|ing)?|prolong\w*|reauthori[sz]\w*)\b", re.IGNORECASE)
_FILLER_AT_END = re.compile(
    r"(?:[\s,\u2014\u2013-]|\bfor\s+(?:an?\s+)?(?:\w+\s+)?(?:\w+\s+)?(?:months?|years?))*$", re.IGNORECASE
)
_CLAUSE_END = re.compile(
    r";|\.\s|\.$|,\s+(?=\w+ing\b)|\s(?:while|whereas|yet|but)\s|,?\s+and\s+(?=(?:decided|requested|expressed|urged"
    r"|called|demanded|stressed)\b)",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:previously\s+(?:decided|extended|renewed|expanded)|had\s+(?:previously\s+)?(?:been\s+)?(?:extended|renewed"
    r"|decided|expanded)|was\s+extended|were\s+extended|press\s+release)\b",
    re.IGNORECASE,
)
_RENEWAL = re.compile(r"\b(?:renew(?:s|ed|ing)?|extend(?:s|ed|ing)?|prolong\w*|reauthori[sz]\w*)\b", re.IGNORECASE)
_ESTABLISHING = re.compile(
    r"\b(?:establish(?:es|ed|ing)?|impos(?:es|ed|ing))\s+(?:a|an)\s+(?:new\s+)?(?:sanctions\s+regime|arms\s+embargo"
    r"|travel\s+ban|assets?\s+freeze)",
    re.IGNORECASE,
)

# What a phrase calls a mandate, and what a mandate's name must say to be the one meant.
_MONITORING = re.compile(
    r"\b(?:panel\s+of\s+experts|expert\s+panel|panel|group\s+of\s+experts|monitoring\s+(?:team|group)"
    r"|team\s+monitoring)\b",
    re.IGNORECASE,
)
_OMBUDSPERSON = re.compile(r"\bombudsperson\b", re.IGNORECASE)
_SPECIFIC = {
    "arms embargo": re.compile(r"\barms\s+embargo(?:es)?\b", re.IGNORECASE),
    "travel ban": re.compile(r"\btravel[-\s]bans?\b", re.IGNORECASE),
    "asset freeze": re.compile(r"\bassets?[-\s]freezes?\b", re.IGNORECASE),
    "petroleum": re.compile(r"\b(?:petroleum|crude\s+oil)\b", re.IGNORECASE),
    "charcoal": re.compile(r"\bcharcoal\b", re.IGNORECASE),
    "interdiction": re.compile(r"\binterdiction\b", re.IGNORECASE),
}
_GENERIC = re.compile(r"\b(?:measures|sanctions(?!\s+(?:committee|list))|authori[sz]ations?|embargo)\b", re.IGNORECASE)
_RESOLUTION_CITED = re.compile(r"\bresolutions?\s+(\d{1,4})\s*\((\d{4})\)", re.IGNORECASE)


# ---------------------------------------------------------------------------------------------------
# The reader.


@dataclass
class _Count:
    """A tally as the text gives it: counts and named members per position, and where."""

    counts: dict[Position, int] = field(default_factory=dict)
    named: dict[Position, list[str]] = field(default_factory=dict)
    sentences: list[str] = field(default_factory=list)

    def merge(self, other: _Count) -> bool:
        """Add another sentence's count; False if the two disagree."""
        for position, count in other.counts.items():
            if self.counts.setdefault(position, count) != count:
                return False
        for position, codes in other.named.items():
            if self.named.setdefault(position, codes) != codes:
                return False
        self.sentences.extend(other.sentences)
        return True


@dataclass(frozen=True)
class _Anchor:
    """A term in a sentence: "until 30 April 2025" (a date) or "for 13 months" (a duration)."""

    start: int
    end: int
    phrase: str
    day: dt.date | None


@dataclass
class _Reader:
    regimes: list[Regime]
    lines: list[str]
    url: str | None
    given_date: dt.date | None
    chosen: Regime | None
    explanations: list[Explanation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    header: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        for line in self.lines:
            self.sentences.extend(sentences_of(line))
        # The lines before the first paragraph: site chrome, meeting number, symbol, headline, dateline.
        for line in self.lines[:14]:
            if line.endswith(".") and len(line) > 60:
                break
            self.header.append(line)

    def explain(self, name: str, value: object, source: str) -> None:
        self.explanations.append(Explanation(name, str(value), source))

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    # --- symbols and date ------------------------------------------------------------------------

    def meeting(self) -> str | None:
        found: dict[str, str] = {}
        for line in self.lines:
            for match in _MEETING.finditer(line):
                number = int(match[1].replace(",", ""))
                if match[2].lower() != _ordinal(number):
                    self.warn(f"'{match[0]}' is not a meeting number as written: meeting left out")
                    continue
                found.setdefault(f"S/PV.{number}", line)
            for match in _PV.finditer(line):
                found.setdefault(f"S/PV.{match[1]}", line)
            for match in _MEETING_LIKE.finditer(line):
                if not _MEETING.fullmatch(match[0]):
                    self.warn(f"'{match[0]}' is not a meeting number as written: meeting left out")
        if len(found) > 1:
            self.warn(f"the text names {len(found)} meetings ({', '.join(found)}): meeting left out")
            return None
        for symbol, line in found.items():
            self.explain("meeting", symbol, line)
            return symbol
        return None

    def press_release(self) -> str | None:
        in_text = None
        for line in self.header:
            match = _SC_LINE.match(line)
            # The symbol alone on its line (or with the dateline): "see Press Release SC/…" cites another.
            rest = line[match.end() :].strip(" ,") if match else None
            if match and (not rest or DATE.fullmatch(rest)):
                in_text = (f"SC/{match[1]}", line)
                break
        from_url = None
        if self.url:
            found = _SC_URL.search(self.url)
            if found:
                from_url = f"SC/{int(found[1])}"
        if in_text and from_url and in_text[0] != from_url:
            self.warn(f"the text says {in_text[0]} but the address says {from_url}: press release left out")
            return None
        if in_text:
            self.explain("press_release", in_text[0], in_text[1])
            return in_text[0]
        if from_url:
            self.explain("press_release", from_url, f"--url {self.url}")
            return from_url
        return None

    def _stated_date(self) -> tuple[dt.date, str] | None:
        """The date the text gives for the decision, and the line or sentence that gives it."""
        for line in self.header:
            match = DATE.search(line)
            if match is None:
                continue
            rest = line[: match.start()] + line[match.end() :]
            if re.fullmatch(r"(?:SC/\d{4,5})?[\s,]*(?:[A-Z][a-z]+day,?)?[\s,]*", rest):
                day = parse_day(match)
                if day is not None:
                    return day, line
        for sentence in self.sentences[:8]:
            match = _ON_DATE.match(sentence)
            inner = DATE.match(match[1]) if match else None
            day = parse_day(inner) if inner else None
            if day is not None:
                return day, sentence
        return None

    def date(self) -> dt.date | None:
        stated = self._stated_date()
        if stated is not None:
            day, where = stated
            if self.given_date is not None and self.given_date != day:
                self.warn(f"--date {self.given_date} differs from the date the text gives ({day}): used {day}")
            self.explain("date", day, where)
            return day
        today = next((found for s in self.sentences if (found := _TODAY.search(s))), None)
        if self.given_date is not None:
            how = f'--date (the text says "{today[0]}")' if today else "--date"
            self.explain("date", self.given_date, how)
            return self.given_date
        if today:
            self.warn(f'the text dates the decision only "{today[0]}" and has no dateline: give --date; date left out')
        else:
            self.warn("the text gives no date: give --date; date left out")
        return None

    # --- the decision ----------------------------------------------------------------------------

    def adopted_resolution(self, day: dt.date | None) -> str | None:
        found: dict[int, tuple[int | None, str]] = {}
        for sentence in self.sentences:
            if _EARLIER.search(sentence):
                continue
            for match in _ADOPTED_RESOLUTION.finditer(sentence):
                number = int(match[1] or match[3])
                year = match[2] or match[4]
                known = found.get(number)
                if known is None or (known[0] is None and year):
                    found[number] = (int(year) if year else None, sentence)
            for match in _RES_SYMBOL.finditer(sentence):
                number = int(match[1])
                if number in found and found[number][0] is None and match[2]:
                    found[number] = (int(match[2]), found[number][1])
        if not found:
            return None
        if len(found) > 1:
            numbers = ", ".join(str(n) for n in sorted(found))
            self.warn(f"the text adopts more than one resolution ({numbers}): document left out; draft each by hand")
            return None
        ((number, (year, sentence)),) = found.items()
        if year is None:
            if day is None:
                self.warn(f"resolution {number} is given without its year and the date is unknown: document left out")
                return None
            year = day.year
            sentence = f"{sentence} (the year is the decision's)"
        elif day is not None and year != day.year:
            self.warn(f"resolution {number} ({year}) is dated another year than the decision ({day}): check both")
        symbol = f"S/RES/{number} ({year})"
        self.explain("document", symbol, sentence)
        return symbol

    def failure(self) -> tuple[Kind, list[str], str] | None:
        """The kind of a draft that failed, the members who vetoed it, and the sentence saying so."""
        vetoers: list[str] = []
        said = None
        vetoed = False
        for sentence in self.sentences:
            if not _FAILED.search(sentence):
                continue
            if _STATEMENT.search(sentence) and said is not None:
                continue
            said = said or sentence
            if _VETO.search(sentence):
                vetoed = True
            for match in _VETO_BY.finditer(sentence):
                for code in members_named_at(sentence[match.end() :]):
                    if code not in vetoers:
                        vetoers.append(code)
                        said = sentence
        if said is None:
            return None
        return (Kind.VETO if vetoed else Kind.FAILED_DRAFT), vetoers, said

    def draft_symbol(self) -> str | None:
        for sentence in self.sentences:
            match = _DRAFT_SYMBOL.search(sentence)
            if match:
                self.explain("document", match[1], sentence)
                return match[1]
        return None

    # --- the vote ------------------------------------------------------------------------------

    def _counts(self, failed: bool) -> list[_Count]:
        found = []
        for sentence in self.sentences:
            if _STATEMENT.search(sentence) or bool(_FAILED.search(sentence)) != failed:
                continue
            count = _Count(sentences=[sentence])
            for position, pattern in (
                (Position.YES, _IN_FAVOUR),
                (Position.AGAINST, _AGAINST),
                (Position.ABSTAIN, _ABSTAINING),
            ):
                for match in pattern.finditer(sentence):
                    count.counts.setdefault(position, _number(match[1]))
                    if match[2]:
                        listed = _names(match[2])
                        if listed is None:
                            self.warn(f"could not tell every member in '({match[2]})': those members left out")
                        else:
                            count.named.setdefault(position, listed)
            for match in _SUPPORT.finditer(sentence):
                count.counts.setdefault(Position.YES, _number(match[1]))
            if count.counts:
                found.append(count)
        return found

    def vote(self, kind: Kind, vetoers: list[str], seats: int) -> tuple[Tally | None, dict[str, Position]]:
        counts = self._counts(kind.is_failed)
        total = _Count()
        for count in counts:
            if not total.merge(count):
                self.warn("the text gives two different counts for this decision: vote left out")
                return None, {}
        unanimous = None
        if not kind.is_failed:
            unanimous = next((s for s in self.sentences if _UNANIMOUS.search(s) and not _STATEMENT.search(s)), None)
        if unanimous is not None:
            tally = Tally(seats, 0, 0)
            stated = {Position.YES: seats, Position.AGAINST: 0, Position.ABSTAIN: 0}
            if any(stated[p] != c for p, c in total.counts.items()) or total.named.get(Position.ABSTAIN):
                self.warn("the text calls the vote unanimous but gives another count: vote left out")
                return None, {}
            self.explain("vote", f"{tally} (unanimous, a Council of {seats})", unanimous)
            return tally, {}
        named = {position: list(codes) for position, codes in total.named.items()}
        if kind is Kind.VETO:
            against = named.setdefault(Position.AGAINST, [])
            against.extend(code for code in vetoers if code not in against)
        for position, codes in list(named.items()):
            stated_count = total.counts.get(position)
            if stated_count is not None and stated_count != len(codes):
                self.warn(f"{stated_count} {position.value} but {len(codes)} members named: those members left out")
                del named[position]
        where = "; ".join(total.sentences) or "the veto named"
        votes: dict[str, Position] = {}
        for position in (Position.YES, Position.AGAINST, Position.ABSTAIN):
            codes = named.get(position, [])
            votes.update((code, position) for code in codes)
            if codes:
                self.explain(f"votes ({position.value})", ", ".join(codes), where)
        known: dict[Position, int] = {}
        for position in (Position.YES, Position.AGAINST, Position.ABSTAIN):
            if position in total.counts:
                known[position] = total.counts[position]
            elif named.get(position):
                known[position] = len(named[position])
        how = ""
        missing = [p for p in (Position.YES, Position.AGAINST, Position.ABSTAIN) if p not in known]
        if len(missing) == 1 and sum(known.values()) == seats:
            # Every seat is accounted for, so nobody is left to take the position the text leaves out.
            known[missing[0]] = 0
            how = f" ({missing[0].value}: 0, as the others account for all {seats} members)"
        if len(known) < 3:
            said = "does not give the whole tally" if known else "gives no vote"
            self.warn(f"the text {said}: vote left out")
            return None, votes
        tally = Tally(known[Position.YES], known[Position.AGAINST], known[Position.ABSTAIN])
        if tally.total > seats:
            self.warn(f"the tally {tally} adds up to more than the Council's {seats} members: vote left out")
            return None, votes
        self.explain("vote", f"{tally}{how}", where)
        return tally, votes

    # --- the regime ------------------------------------------------------------------------------

    def _regimes_of_the_day(self) -> list[Regime]:
        """The regimes a country's name may mean: those ongoing on the decision's date, when it is known
        (Haiti's 1993 regime had ended long before the 2653 regime's decisions)."""
        from sanctions.mandates import ONGOING, summarise

        stated = self._stated_date()
        day = stated[0] if stated is not None else self.given_date
        if day is None:
            return self.regimes
        return [regime for regime in self.regimes if summarise(regime, day).status in ONGOING]

    def regime(self) -> Regime | None:
        scores: dict[str, int] = {}
        reasons: dict[str, list[str]] = {}
        owners = _resolution_owners(self.regimes)
        by_id = {regime.id: regime for regime in self.regimes}

        sentences: dict[str, tuple[int, str]] = {}
        live = self._regimes_of_the_day()

        def credit(regime_id: str, points: int, why: str, sentence: str) -> None:
            scores[regime_id] = scores.get(regime_id, 0) + points
            known = reasons.setdefault(regime_id, [])
            if why not in known:
                known.append(why)
            # The sentence quoted for the regime: its strongest piece of evidence, the first such.
            if points > sentences.get(regime_id, (0, ""))[0]:
                sentences[regime_id] = (points, sentence)

        for sentence in self.sentences:
            for match in _COMMITTEE.finditer(sentence):
                number = int(match[1] or match[2])
                for regime_id in owners.get(number, ()):
                    if number in _names_numbers(by_id[regime_id]):
                        credit(regime_id, 10, f"the {number} Committee", sentence)
            for match in _CITED.finditer(sentence):
                for regime_id in owners.get(int(match[1]), ()):
                    credit(regime_id, 3, f"resolution {match[1]} ({match[2]})", sentence)
            for regime_id, name in _named_regimes(live, sentence):
                credit(regime_id, 1, name, sentence)
        ranked = sorted(scores.items(), key=lambda item: -item[1])
        if self.chosen is not None:
            if ranked and ranked[0][0] != self.chosen.id and ranked[0][1] >= 10:
                self.warn(f"the text points to regime '{ranked[0][0]}', but --regime {self.chosen.id} was given")
            self.explain("regime", self.chosen.id, "--regime")
            return self.chosen
        if not ranked:
            self.warn("the text names no regime's committee, resolutions or country: give --regime; regime left out")
            return None
        if len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
            names = " or ".join(f"'{regime_id}'" for regime_id, _ in ranked[:2])
            self.warn(f"the text could be about {names}: give --regime; regime left out")
            return None
        winner = ranked[0][0]
        self.explain("regime", winner, f"{', '.join(reasons[winner])}: {sentences[winner][1]}")
        return by_id[winner]

    # --- expiries --------------------------------------------------------------------------------

    def decision_sentences(self, failed: bool) -> Iterator[str]:
        """The sentences that say what the decision (or the failed draft) does, in the Council's voice;
        the paragraphs before the headline, whose wording is the fuller one."""
        headline = set(self.header)
        for sentence in sorted(self.sentences, key=lambda sentence: sentence in headline):
            if sentence.startswith('"') or _PAST.search(sentence) or _STATEMENT.search(sentence):
                continue
            if failed:
                if _HYPOTHETICAL.search(sentence) or _FAILED.search(sentence):
                    yield sentence
            elif not _HYPOTHETICAL.search(sentence):
                # "unanimously decided to renew …, rejecting an alternate draft": the first clause only.
                failing = _FAILED.search(sentence)
                yield sentence[: sentence.rfind(",", 0, failing.start())] if failing else sentence

    def expiries(
        self, regime: Regime, failed: bool, day: dt.date | None
    ) -> tuple[dict[str, Expiry], dict[str, str], list[str]]:
        """Each mandate's new term, the phrases of terms given as durations, and mandates renewed without a term."""
        dates: dict[str, tuple[dt.date, str, str]] = {}
        spans: dict[str, tuple[str, str]] = {}
        conflicts: set[str] = set()
        renewing: list[str] = []
        unplaced: list[tuple[_Anchor, str]] = []
        for sentence in self.decision_sentences(failed):
            anchors = _anchors(sentence)
            for anchor in anchors:
                keys, unclear = _mandates(regime, _object_of(sentence, anchors, anchor))
                if not keys:
                    unplaced.append((anchor, unclear))
                for key in keys:
                    if anchor.day is None:
                        spans.setdefault(key, (anchor.phrase, sentence))
                    elif day is not None and anchor.day < day:
                        self.warn(f"'{anchor.phrase}' is before the decision ({day}): left out")
                    else:
                        known = dates.setdefault(key, (anchor.day, anchor.phrase, sentence))
                        if known[0] != anchor.day:
                            conflicts.add(key)
            if _RENEWAL.search(sentence):
                for key, mandate in regime.mandates.items():
                    if key not in renewing and _names_mechanism(mandate.category, sentence):
                        renewing.append(key)
        result: dict[str, Expiry] = {}
        phrases: dict[str, str] = {}
        for key in sorted(conflicts):
            self.warn(f"the text gives {key} more than one end date: {key} left out")
        for key, (end, phrase, sentence) in dates.items():
            if key not in conflicts:
                result[key] = end
                self.explain(f"expiry of {key}", f"{end} ({phrase})", sentence)
        for key, (phrase, sentence) in spans.items():
            if key not in result and key not in conflicts:
                result[key] = UNRECORDED
                phrases[key] = phrase
                self.explain(f"expiry of {key}", f"{UNRECORDED} ({phrase}, and no start date)", sentence)
        placed_days = {end for end, _, _ in dates.values()}
        placed_spans = {phrase.lower() for phrase, _ in spans.values()}
        for anchor, unclear in unplaced:
            # The headline's "for One Year" is placed by the paragraph that says what it is for.
            if anchor.day in placed_days or anchor.phrase.lower() in placed_spans:
                continue
            self.warn(f"'{anchor.phrase}': {unclear.format(regime=regime.id)}: left out")
        for sentence in self.sentences:
            for match in _UNTIL_NO_YEAR.finditer(sentence):
                self.warn(f"'{match[0]}' gives no year: that end date is left out")
        ordered = {key: result[key] for key in regime.mandates if key in result}
        return ordered, phrases, [key for key in renewing if key not in ordered and key not in conflicts]


def _anchors(sentence: str) -> list[_Anchor]:
    """The terms a sentence gives, in order: end dates, and durations not followed by an end date."""
    anchors: list[_Anchor] = []
    for match in _UNTIL.finditer(sentence):
        inner = DATE.search(match[0])
        day = parse_day(inner) if inner else None
        if day is not None:
            anchors.append(_Anchor(match.start(), match.end(), match[0], day))
    for match in _DURATION.finditer(sentence):
        article, number, unit = match[1], match[2], match[3]
        if number is None and article is None:
            continue  # "for months": no length at all
        after = sentence[match.end() :]
        # "for one year until 31 July 2024" is one term, and the date says it.
        if re.match(r"^[\s,\u2014\u2013-]*(?:until|through|till)\b", after, re.IGNORECASE):
            continue
        phrase, day = match[0], None
        start = _START.match(after)
        if start is not None:
            begins = parse_day(DATE.match(start[1]))  # type: ignore[arg-type]
            length = _number(number) if number else 1
            if begins is not None:
                from dateutil.relativedelta import relativedelta

                months = length * 12 if unit.lower().startswith("year") else length
                day = begins + relativedelta(months=months) - dt.timedelta(days=1)
                phrase = f"{match[0]}{start[0]}"
        anchors.append(_Anchor(match.start(), match.end() + (len(start[0]) if start else 0), phrase, day))
    return sorted(anchors, key=lambda anchor: anchor.start)


def _object_of(sentence: str, anchors: list[_Anchor], anchor: _Anchor) -> str:
    """The words a term is the term of, found by where the verb stands: "extended until X the mandate of the
    Panel" or "extended the mandate of the Panel until X"."""
    index = anchors.index(anchor)
    before = sentence[anchors[index - 1].end if index else 0 : anchor.start]
    after = sentence[anchor.end : anchors[index + 1].start if index + 1 < len(anchors) else len(sentence)]
    end = _CLAUSE_END.search(after)
    after = after[: end.start()] if end else after
    if _VERB_AT_END.search(_FILLER_AT_END.sub("", before)):
        primary, other = after, ""
    else:
        verbs = list(_VERB.finditer(before))
        primary, other = (before[verbs[-1].end() :] if verbs else before), after
    return primary if _mandates(None, primary)[0] else other


def _mandates(regime: Regime | None, phrase: str) -> tuple[list[str], str]:
    """The mandates a phrase names plainly, and why none if it names none (a message template).

    Without a regime, only whether the phrase names any kind of mandate at all (a one-item list).
    """
    if regime is None:
        any_mandate = (
            _MONITORING.search(phrase)
            or _OMBUDSPERSON.search(phrase)
            or any(pattern.search(phrase) for pattern in _SPECIFIC.values())
            or _GENERIC.search(phrase)
            or _RESOLUTION_CITED.search(phrase)
        )
        return (["?"] if any_mandate else []), ""
    found: list[str] = []
    ambiguous = False

    def among(keys: Iterable[str]) -> None:
        nonlocal ambiguous
        unique = list(dict.fromkeys(keys))
        if len(unique) == 1:
            if unique[0] not in found:
                found.append(unique[0])
        elif unique:
            ambiguous = True

    by_category = {c: [k for k, m in regime.mandates.items() if m.category is c] for c in Category}
    if _MONITORING.search(phrase):
        among(by_category[Category.MONITORING])
    if _OMBUDSPERSON.search(phrase):
        among(by_category[Category.OMBUDSPERSON])
    for pattern in _SPECIFIC.values():
        if pattern.search(phrase):
            by_name = [k for k, m in regime.mandates.items() if pattern.search(m.name)]
            among(by_name or [k for k, m in regime.mandates.items() if pattern.search(m.description)])
    if not found and not ambiguous:
        # "the provisions of paragraphs 15 and 17 of resolution 2182 (2014)": the mandate whose description cites it.
        cited = {f"resolution {n} ({y})" for n, y in _RESOLUTION_CITED.findall(phrase)}
        owners = {k for k, m in regime.mandates.items() if any(c in _plain(m.description) for c in cited)}
        if len(owners) == 1:
            among(owners)
    if not found and not ambiguous and _GENERIC.search(phrase):
        among(by_category[Category.MEASURES])
    if found:
        return found, ""
    if ambiguous:
        return [], "could not tell which of {regime}'s mandates it is for"
    return [], "the sentence names no mandate of {regime}"


def _names_mechanism(category: Category, sentence: str) -> bool:
    """Whether a renewal sentence names a panel or an Ombudsperson (said in a warning when it sets no term)."""
    if category is Category.MONITORING:
        return bool(_MONITORING.search(sentence))
    if category is Category.OMBUDSPERSON:
        return bool(_OMBUDSPERSON.search(sentence))
    return False


def _plain(text: str) -> str:
    return " ".join(text.split()).lower().replace("resolutions ", "resolution ")


def _ordinal(number: int) -> str:
    if number % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def _names_numbers(regime: Regime) -> set[int]:
    """The resolution numbers a regime answers to: its establishing resolution and numeric aliases."""
    numbers = {int(alias) for alias in regime.aliases if alias.isdigit()}
    match = RESOLUTION.fullmatch(regime.established_by)
    if match:
        numbers.add(int(match[1]))
    return numbers


def _resolution_owners(regimes: list[Regime]) -> dict[int, list[str]]:
    """Resolution number → the regimes named by it or recording it among their events."""
    owners: dict[int, list[str]] = {}
    for regime in regimes:
        numbers = set(_names_numbers(regime))
        for event in regime.events:
            match = RESOLUTION.fullmatch(event.document)
            if match:
                numbers.add(int(match[1]))
        for number in numbers:
            owners.setdefault(number, []).append(regime.id)
    return owners


def _regime_names(regime: Regime) -> list[str]:
    names = [regime.name]
    names.extend(alias.replace("-", " ") for alias in regime.aliases if not alias.isdigit())
    concerning = re.search(r"\bconcerning\s+(?:the\s+)?(.+)$", regime.committee)
    if concerning and len(concerning[1].split()) <= 6:
        names.append(concerning[1])
    # Short lower-case aliases ("car", "drc") are words or parts of words in prose.
    return [name for name in dict.fromkeys(names) if len(name) >= 4]


def _named_regimes(regimes: list[Regime], sentence: str) -> Iterator[tuple[str, str]]:
    """The regimes whose country or common name a sentence uses, longest names first, never nested."""
    text = sentence.replace("-", " ")
    names = sorted(((name, r.id) for r in regimes for name in _regime_names(r)), key=lambda item: -len(item[0]))
    taken: list[tuple[int, int]] = []
    for name, regime_id in names:
        pattern = re.compile(rf"\b{re.escape(name.replace('-', ' '))}\b", re.IGNORECASE)
        for match in pattern.finditer(text):
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            taken.append((match.start(), match.end()))
            yield regime_id, name


def _title(
    kind: Kind | None,
    regime: Regime | None,
    expiries: dict[str, Expiry],
    votes: dict[str, Position],
    vetoed_by: tuple[str, ...],
    tally: Tally | None,
    establishing: bool,
) -> str | None:
    """A one-line title in the files' manner, made from the values drafted (never the release's wording)."""
    if kind is None or regime is None:
        return None

    def term(key: str, value: Expiry, verb: str) -> str:
        name = regime.mandates[key].name
        if isinstance(value, dt.date):
            return f"{name} to {long_date(value)}"
        return f"{name} {verb} ({'no end date' if value == OPEN_ENDED else 'end date not given'})"

    # The files' manner, "Panel of Experts to 15 May 2021; Russia abstains": a semicolon between
    # mandates (their names have commas), and no colon for YAML to quote.
    abstained = [members.member_name(code) for code, position in votes.items() if position is Position.ABSTAIN]
    if kind is Kind.VETO:
        vetoers = _and(members.member_name(code) for code in vetoed_by)
        terms = "; ".join(term(key, value, "renewed") for key, value in expiries.items())
        title = (f"Draft vetoed by {vetoers}" if vetoed_by else "Draft vetoed") + (
            f" (would have set {terms})" if terms else ""
        )
    elif kind is Kind.FAILED_DRAFT:
        terms = "; ".join(term(key, value, "renewed") for key, value in expiries.items())
        title = "Draft not adopted" + (f" ({tally})" if tally else "") + (f"; would have set {terms}" if terms else "")
    elif kind is Kind.ESTABLISHED:
        terms = "; ".join(term(key, value, "established") for key, value in expiries.items())
        title = ("Regime established" if establishing else "Established") + (f" - {terms}" if terms else "")
    elif kind is Kind.RENEWED:
        terms = "; ".join(term(key, value, "renewed") for key, value in expiries.items())
        title = terms or "Renewed"
    else:
        title = "Measures modified"
    if abstained and kind is not Kind.FAILED_DRAFT:
        verb = "abstains" if len(abstained) == 1 else "abstain"
        title += f"; {_and(abstained)} {verb}" if len(abstained) <= 3 else f"; {len(abstained)} abstentions"
    return title


def _and(names: Iterable[str]) -> str:
    items = list(names)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# ---------------------------------------------------------------------------------------------------
# The entry point.


def draft_event(
    text: str,
    regimes: list[Regime],
    *,
    url: str | None = None,
    given_date: dt.date | None = None,
    regime: Regime | None = None,
) -> Draft:
    """Draft the event a press release records, from its text or a saved page's HTML.

    `given_date` dates a text that says only "today"; `regime` overrides the regime the text names;
    `url` is the release's address, cited as the source and read for its SC/ symbol.
    """
    canonical = None
    if is_html(text):
        text, canonical = page_text(text)
    address = url or canonical
    reader = _Reader(regimes, normalise(text), address, given_date, regime)
    if url is None and canonical:
        reader.explain("url", canonical, "the page's canonical address")
    chosen = reader.regime()
    meeting = reader.meeting()
    press_release = reader.press_release()
    day = reader.date()

    resolution = reader.adopted_resolution(day)
    failure = reader.failure()
    kind: Kind | None = None
    vetoers: list[str] = []
    document = resolution
    if resolution is not None:
        if failure is not None:
            reader.warn(
                "the text also records a draft that was not adopted: only the adopted resolution is drafted; "
                "add the other by hand"
            )
        kind = Kind.RENEWED  # until the expiries show what it did
    elif failure is not None:
        kind, vetoers, said = failure
        reader.explain("kind", kind.value, said)
        if any(_MORE_DRAFTS.search(s) for s in reader.sentences):
            reader.warn("the text records more than one draft: the first is drafted; add the others by hand")
        if kind is Kind.VETO and vetoers:
            reader.explain("vetoed_by", ", ".join(vetoers), said)
        elif kind is Kind.VETO:
            reader.warn("the text speaks of a veto but names no member who cast it: vetoed_by left out")
        document = reader.draft_symbol()
        if document is None and (press_release or meeting):
            document = press_release or meeting
            reader.explain("document", document, "the draft's own symbol is not given: the press release or meeting")
        elif document is None:
            reader.warn("the text gives no symbol for the draft, the press release or the meeting: document left out")
    else:
        reader.warn("the text records no adopted resolution and no failed draft: kind and document left out")

    seats = members.council_size(day) if day else 15
    tally, votes = reader.vote(kind, vetoers, seats) if kind is not None else (None, {})
    vetoed_by = tuple(code for code in vetoers if code in members.PERMANENT)
    for code in vetoers:
        if code not in members.PERMANENT:
            reader.warn(f"{members.member_name(code)} is said to have vetoed, but is not a permanent member")

    expiries: dict[str, Expiry] = {}
    phrases: dict[str, str] = {}
    renewing: list[str] = []
    if chosen is not None and kind is not None:
        expiries, phrases, renewing = reader.expiries(chosen, kind.is_failed, day)
    establishing = chosen is not None and resolution is not None and chosen.established_by == resolution
    if resolution is not None:
        # "imposed an arms embargo" is new measures; "renew … the measures, which include imposing a
        # travel ban" describes old ones, so a sentence that renews is no evidence of establishing.
        new_measures = next(
            (s for s in reader.decision_sentences(False) if _ESTABLISHING.search(s) and not _RENEWAL.search(s)), None
        )
        if establishing:
            kind = Kind.ESTABLISHED
            reader.explain("kind", kind.value, f"{resolution} is the regime's establishing resolution")
        elif new_measures is not None and (expiries or renewing):
            kind = None
            reader.warn("the resolution imposes new measures and renews others: established or renewed? kind left out")
        elif new_measures is not None:
            kind = Kind.ESTABLISHED
            reader.explain("kind", kind.value, new_measures)
        elif expiries or renewing:
            kind = Kind.RENEWED
            reader.explain("kind", kind.value, "the resolution sets or renews a mandate's term")
        else:
            kind = Kind.MODIFIED
            reader.warn("the adopted resolution sets no term the text gives: drafted as modified; check the kind")
    for key in renewing:
        reader.warn(f"the text renews {key} but gives no end date for it: {key} left out")

    notes = " ".join(
        f'{key}: the text gives only "{phrases[key]}", with no start date, so its end date is unrecorded.'
        for key in expiries
        if key in phrases
    )
    sources: tuple[str, ...] = (address,) if address else ((press_release,) if press_release else ())
    if not sources:
        reader.warn("no address or press release symbol to cite: give --url; sources left out")
    return Draft(
        regime=chosen,
        date=day,
        kind=kind,
        document=document,
        meeting=meeting,
        press_release=press_release,
        title=_title(kind, chosen, expiries, votes, vetoed_by, tally, establishing),
        vote=tally,
        votes=votes,
        vetoed_by=vetoed_by,
        expiries=expiries,
        sources=sources,
        notes=notes,
        explanations=tuple(reader.explanations),
        warnings=tuple(reader.warnings),
    )
