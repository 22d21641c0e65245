"""The domain model: regimes, their mandates and the Council events that shaped them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import Enum, StrEnum
from typing import Any, SupportsIndex, TypeVar, dataclass_transform

from sanctions.dataset.symbols import instrument_of


def enum_member(cls: type[Enum], name: str) -> Enum:
    """The member of one of our enums called `name`: how the cache restores them."""
    return cls[name]


def _enum_by_name(self: Enum, protocol: SupportsIndex) -> tuple[Any, ...]:
    # Unpickled as enum_member(Kind, "RENEWED"), once per pickle: the default calls Kind("renewed"),
    # and getattr, faster still, would let a cache entry reach any attribute of anything.
    return enum_member, (type(self), self.name)


class Kind(StrEnum):
    """What happened at an event; a fixed vocabulary so tools can reason about it."""

    __reduce_ex__ = _enum_by_name  # type: ignore[assignment]

    ESTABLISHED = "established"
    RENEWED = "renewed"
    MODIFIED = "modified"
    TERMINATED = "terminated"
    SUSPENDED = "suspended"
    REINSTATED = "reinstated"
    LAPSED = "lapsed"
    VETO = "veto"
    FAILED_DRAFT = "failed-draft"
    DESIGNATION = "designation"
    DELISTING = "delisting"
    REPORT = "report"
    RELATED = "related"

    @property
    def is_failed(self) -> bool:
        """True for drafts the Council did not adopt."""
        return self in (Kind.VETO, Kind.FAILED_DRAFT)


class Position(StrEnum):
    """How one Council member voted."""

    __reduce_ex__ = _enum_by_name  # type: ignore[assignment]

    YES = "yes"
    AGAINST = "against"
    ABSTAIN = "abstain"
    ABSENT = "absent"


OPEN_ENDED = "open-ended"
TERMINATED = "terminated"
#: In force, but no source read gives the calendar date it runs to (a duration only, say).
UNRECORDED = "unrecorded"
#: Neither in force nor ended: suspended until a later decision re-imposes or ends it.
SUSPENDED = "suspended"
#: Ended in this regime and carried on, unbroken, by the regime it names as `succeeded_by`.
TRANSFERRED = "transferred"


_T = TypeVar("_T")


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: type[_T]) -> type[_T]:
    """A frozen dataclass to the type checker, a plain slotted one at run time.

    A frozen dataclass's __init__ sets each field through object.__setattr__: eight times slower
    than plain assignment, and a warm 10,000-event timeline builds 10,000 events. mypy (strict,
    in CI) still refuses any assignment to a field, so no code of ours mutates a record.
    """
    return dataclass(slots=True)(cls)


def _reduce_by_fields(self: Any) -> tuple[type, tuple[Any, ...]]:
    # Pickled as the constructor and its arguments: unpickling a cached regime is then twice as
    # fast as restoring each object's state field by field.
    return type(self), tuple(getattr(self, name) for name in self.__dataclass_fields__)


class Sourcing(StrEnum):
    """The best kind of source an event cites: the UN's own, Security Council Report, or neither."""

    __reduce_ex__ = _enum_by_name  # type: ignore[assignment]

    UN = "un"
    SCR = "scr"
    SECONDARY = "secondary"


# un.org and undocs.org with their subdomains (press.un.org, documents.un.org, digitallibrary.un.org, …);
# What's in Blue first appeared on its own site, whatsinblue.org.
# The UN Information Service in Vienna and UN Multimedia publish the UN's press releases and broadcasts.
_UN_HOSTS = frozenset({"un.org", "undocs.org", "unvienna.org", "unmultimedia.org"})
_UN_SUFFIXES = (".un.org", ".undocs.org", ".unvienna.org", ".unmultimedia.org")
_SCR_HOSTS = frozenset({"securitycouncilreport.org", "whatsinblue.org"})
_SCR_SUFFIXES = (".securitycouncilreport.org", ".whatsinblue.org")
# The host of a web address as a browser reads it: the authority ends at "/", "\\", "?" or "#", and the host
# follows its last "@"; urllib.parse would cost a warm run 9 ms to import (and reads "\\" otherwise).
_HOST = re.compile(r"https?://(?:[^/\\?#]*@)?([^/\\?#:@]*)", re.IGNORECASE)
_UN, _SCR, _SECONDARY = Sourcing.UN, Sourcing.SCR, Sourcing.SECONDARY  # plain names: a table asks per row
# The usual addresses, answered without a regular expression (a timeline table asks twice per event).
_UN_PREFIXES = tuple(f"https://{host}/" for host in ("press.un.org", "www.un.org", "undocs.org", "documents.un.org"))
_SCR_PREFIX = "https://www.securitycouncilreport.org/"


def best_sourcing(sources: tuple[str, ...] | list[str]) -> Sourcing:
    """The best kind among sources: UN before Security Council Report before the rest."""
    best = _SECONDARY
    for source in sources:
        kind = source_sourcing(source)
        if kind is _UN:
            return kind
        if kind is _SCR:
            best = kind
    return best


def source_sourcing(source: str) -> Sourcing:
    """What one entry of `sources` is: a UN page or symbol, a Security Council Report page, or other."""
    if source.startswith(_UN_PREFIXES):
        return _UN
    if source.startswith(_SCR_PREFIX):
        return _SCR
    address = _HOST.match(source)
    if address is None:
        return _note_sourcing(source)
    host = address[1].lower()
    if host in _UN_HOSTS or host.endswith(_UN_SUFFIXES):
        return _UN
    return _SCR if host in _SCR_HOSTS or host.endswith(_SCR_SUFFIXES) else _SECONDARY


# A note's own web address (of the copy read), and the words that say a copy was read rather than the
# UN's own page; the UN's information services and library publish such copies themselves.
_ADDRESS = re.compile(r"https?://[^\s)]+")
_COPY = re.compile(r"\b(?:cop(?:y|ies)|mirror(?:ed)?|republished|reposted|read (?:in|on|at))\b|tests/reference", re.I)
_UN_COPY = re.compile(r"\bUN (?:Information (?:Service|Centre)|Digital Library)|\bUNIS\b|\bUNIC\b")


def _note_sourcing(note: str) -> Sourcing:
    """A UN symbol and a note: labelled by who published what was read, not by what it copies.

    The copy's address decides when the note gives one; a note that names a copy without an address
    is secondary unless the copy is the UN's own; a bare symbol stands for the UN's document.
    """
    inner = _ADDRESS.search(note)
    if inner is not None:
        return source_sourcing(inner[0])
    if _COPY.search(note) and not _UN_COPY.search(note):
        return _SECONDARY
    return _UN


#: What a decision sets for a mandate: a last day in force, no end date, an end, a suspension or an
#: unrecorded term.
Expiry = dt.date | str


@dataclass(frozen=True, slots=True)
class Location:
    """Where a value sits in a regime file, for messages that point at it."""

    __reduce__ = _reduce_by_fields

    path: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Tally:
    """The counted vote on a draft: in favour, against, abstaining."""

    __reduce__ = _reduce_by_fields

    in_favour: int
    against: int
    abstaining: int

    @property
    def total(self) -> int:
        return self.in_favour + self.against + self.abstaining

    def __str__(self) -> str:
        return f"{self.in_favour}-{self.against}-{self.abstaining}"


class Category(StrEnum):
    """What kind of mechanism a mandate is."""

    __reduce_ex__ = _enum_by_name  # type: ignore[assignment]

    MEASURES = "measures"
    MONITORING = "monitoring"  # a panel or group of experts, a monitoring team
    OMBUDSPERSON = "ombudsperson"
    OTHER = "other"

    @classmethod
    def guess(cls, key: str) -> Category:
        """The category a mandate key usually means, for files that do not say."""
        if key.startswith("measures") or key.endswith("measures"):
            return cls.MEASURES
        if key in ("panel", "group-of-experts", "monitoring-team", "monitoring-group") or key.startswith("panel"):
            return cls.MONITORING
        if key == "ombudsperson":
            return cls.OMBUDSPERSON
        return cls.OTHER


@dataclass(frozen=True, slots=True)
class Mandate:
    """A mechanism of a regime with its own life: the measures, a panel, a monitoring team."""

    __reduce__ = _reduce_by_fields

    key: str
    name: str
    description: str = ""
    category: Category = Category.OTHER
    short: str = ""  # a label for narrow tables and chart lanes, where the name is long

    @property
    def label(self) -> str:
        """The short label if the file gives one, else the name."""
        return self.short or self.name


@record
class Event:
    """One thing the Council (or its committee) did or failed to do for a regime."""

    __reduce__ = _reduce_by_fields

    date: dt.date
    kind: Kind
    document: str
    title: str
    meeting: str | None = None
    press_release: str | None = None
    summary: str = ""
    vote: Tally | None = None
    votes: dict[str, Position] = field(default_factory=dict)
    vetoed_by: tuple[str, ...] = ()
    penholders: tuple[str, ...] = ()
    sets: dict[str, Expiry] = field(default_factory=dict)
    would_have_set: dict[str, Expiry] = field(default_factory=dict)
    lapses: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    notes: str = ""
    dispute: str = ""
    deadlines: dict[str, dt.date] = field(default_factory=dict)
    effective: dt.date | None = None
    derived: dict[str, str] = field(default_factory=dict)  # mandate → how its date follows from a stated term
    where: Location | None = field(default=None, compare=False, repr=False)

    @property
    def in_effect(self) -> dt.date:
        """The day what the event `sets` takes effect: its `effective` date, or the day it was adopted."""
        return self.effective or self.date

    @property
    def instrument(self) -> str:
        """What kind of UN document the event's symbol names: a resolution, a presidential statement, …"""
        return instrument_of(self.document)

    @property
    def sourcing(self) -> Sourcing:
        """The best kind of source the event cites: UN before Security Council Report before the rest."""
        return best_sourcing(self.sources)

    @property
    def deciding_source(self) -> tuple[str, ...]:
        """The first source of the event's best kind, alone: all a brief view keeps of its sources."""
        best = self.sourcing
        return next(((s,) for s in self.sources if source_sourcing(s) is best), ())


@record
class Regime:
    """A sanctions regime: its committee, mandates and history, as one file records them."""

    __reduce__ = _reduce_by_fields

    id: str
    name: str
    committee: str
    established_by: str  # empty for a regime the Council never established (only drafts that failed)
    verified: dt.date
    mandates: dict[str, Mandate]
    events: tuple[Event, ...]
    aliases: tuple[str, ...] = ()
    summary: str = ""
    notes: str = ""
    preceded_by: str = ""
    succeeded_by: str = ""
    where: Location | None = field(default=None, compare=False, repr=False)

    @property
    def established(self) -> dt.date | None:
        """The date of the event that established the regime, if recorded."""
        for event in self.events:
            if event.kind is Kind.ESTABLISHED:
                return event.date
        return None

    @property
    def proposed(self) -> bool:
        """True for a regime the Council never established: its file holds only drafts that failed."""
        return not self.established_by

    @property
    def names(self) -> tuple[str, ...]:
        """Every name a user may call this regime by."""
        return (self.id, *self.aliases)
