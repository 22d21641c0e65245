"""A cache of parsed regimes, keyed by file content, so a warm run skips YAML and validation."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import pickle
import stat
import sys
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import replace
from itertools import chain
from operator import attrgetter
from pathlib import Path
from typing import IO, Any, TypeVar

from sanctions import __version__
from sanctions.dataset.model import Category, Event, Kind, Location, Mandate, Position, Regime, Tally

try:  # the BLAKE2 built into CPython: hashlib itself would load OpenSSL (about 4 MB) just for this
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter without it
    from hashlib import blake2b

CACHE_ENV = "SANCTIONS_CACHE_DIR"
# Bump when the model or the entry layout changes, so entries written by an older one are never read.
FORMAT = 11  # 11: the model moved to sanctions.dataset.model, the module its pickles name
_MAGIC = b"sanctions-cache"
# Events are pickled in chunks: unpickling keeps every intermediate object of one pickle alive
# until it ends, so smaller pickles keep the peak memory of a long history close to its size.
CHUNK = 500
_READ = 1 << 18
# What an entry may name: the model's classes, its enums' members and dates. Nothing else is
# looked up, so an entry can build our data and cannot call anything (os.system, eval, getattr).
_ALLOWED = {
    ("sanctions.dataset.model", name)
    for name in ("Event", "Regime", "Mandate", "Tally", "Location", "Kind", "Position", "Category", "enum_member")
} | {("datetime", "date")}
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # a FIFO planted as an entry must not block the open

T = TypeVar("T", bound=Hashable)


def default_dir() -> Path:
    """$SANCTIONS_CACHE_DIR, else the platform's user cache folder ($XDG_CACHE_HOME/sanctions on Linux)."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        # The XDG spec: a relative path in $XDG_CACHE_HOME is invalid and ignored.
        xdg = os.environ.get("XDG_CACHE_HOME", "")
        base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "sanctions"


class _Shared:
    """Equal values made one object, so a pickle stores them once and a load builds them once."""

    def __init__(self) -> None:
        self.seen: dict[Any, Any] = {}
        self.empty: dict[Any, Any] = {}  # one empty mapping for every event that has none

    def one(self, value: T) -> T:
        return self.seen.setdefault((type(value), value), value)  # type: ignore[no-any-return]

    def mapping(self, items: dict[str, Any]) -> dict[str, Any]:
        return {self.one(key): self.one(value) for key, value in items.items()} if items else self.empty

    def event(self, event: Event) -> Event:
        one, mapping = self.one, self.mapping
        return replace(
            event,
            date=one(event.date),
            vote=one(event.vote) if event.vote else None,
            votes=mapping(event.votes),
            vetoed_by=one(event.vetoed_by),
            penholders=one(event.penholders),
            sets=mapping(event.sets),
            would_have_set=mapping(event.would_have_set),
            lapses=one(event.lapses),
            deadlines=mapping(event.deadlines),
            derived=mapping(event.derived),
            where=None,  # locations only serve messages about a file being parsed; a cached one has none
        )


def _chunks(events: tuple[Event, ...]) -> Iterator[tuple[Event, ...]]:
    for start in range(0, len(events), CHUNK):
        shared = _Shared()
        yield tuple(shared.event(event) for event in events[start : start + CHUNK])


class _ModelUnpickler(pickle.Unpickler):
    """Builds only what _ALLOWED names; anything else in an entry makes it a miss."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not part of a cache entry")
        return super().find_class(module, name)


def _trusted(info: os.stat_result) -> bool:
    """Owned by whoever runs us and writable by nobody else: nobody else can have written it."""
    return info.st_uid == os.geteuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


class Cache:
    """Parsed regimes stored under a digest of (tool version, file name, file bytes).

    The content is the key, so an edited file is never served stale, whatever its timestamps.
    A missing, corrupt, truncated or unwritable entry is ignored (the file is parsed again);
    entries are written to a temporary file and renamed, so a reader never sees half of one.
    An entry is the regime without its events, then its events in chunks of CHUNK, each pickled
    on its own with equal values (dates, tallies, empty mappings) stored once: no code mutates the
    model (mypy refuses assignments to it), so events may share them.

    Only a folder and entries that the current user owns and nobody else can write are used (a
    shared or planted cache folder is refused with one warning, and every file parsed instead), and
    entries are unpickled with nothing but the model's own classes.
    """

    def __init__(self, folder: Path, warn: Callable[[str], object] | None = None) -> None:
        self.folder = folder
        self.warn = warn
        self._warned = False

    def _refuse(self, reason: str) -> None:
        if self.warn is not None and not self._warned:
            self.warn(f"cache {reason}: not used, every file is parsed instead")
        self._warned = True

    @contextlib.contextmanager
    def _open_folder(self, create: bool = False) -> Iterator[int | None]:
        """The cache folder, opened and checked through its descriptor (so it cannot be swapped
        between the check and the use), or None to do without."""
        try:
            if create:
                self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(self.folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        except OSError:
            yield None  # no cache folder (yet), or none can be made: only speed is lost
            return
        try:
            if _trusted(os.fstat(fd)):
                yield fd
            else:
                self._refuse(f"folder {self.folder} is not owned by you or is writable by others")
                yield None
        finally:
            os.close(fd)

    def key(self, label: str, source: IO[bytes], view: str = "full") -> str:
        """The digest of a regime file's content (read in chunks, never whole), its name and the view."""
        digest = blake2b(f"{__version__}\0{FORMAT}\0{view}\0{label}\0".encode(), digest_size=32)
        for block in iter(lambda: source.read(_READ), b""):
            digest.update(block)
        return digest.hexdigest()

    def get(self, key: str) -> Regime | None:
        with self._open_folder() as folder:
            if folder is None:
                return None
            try:
                fd = os.open(f"{key}.pickle", os.O_RDONLY | _NOFOLLOW | _NONBLOCK, dir_fd=folder)
            except OSError:
                return None
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            os.close(fd)
            return None
        if not _trusted(info):
            os.close(fd)
            self._refuse(f"entry {self.folder / f'{key}.pickle'} is not owned by you or is writable by others")
            return None
        with os.fdopen(fd, "rb") as stream:
            return _read_entry(stream)

    def put(self, key: str, regime: Regime) -> None:
        with self._open_folder(create=True) as folder:
            if folder is None:
                return
            temporary = f".{key}.{os.getpid()}.tmp"
            try:
                fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600, dir_fd=folder)
                chunks = list(_chunks(regime.events))
                with os.fdopen(fd, "wb") as stream:
                    stream.write(_MAGIC)
                    for part in [(replace(regime, events=()), len(chunks)), *chunks]:
                        pickle.dump(part, stream, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(temporary, f"{key}.pickle", src_dir_fd=folder, dst_dir_fd=folder)
            except OSError:
                with contextlib.suppress(OSError):
                    os.unlink(temporary, dir_fd=folder)  # an unwritable cache only costs speed


# The type of every field of a cached regime and its events. An entry can name only the model's
# classes, but their fields could still hold anything (an int title, a None name): such an entry is
# a miss. Checked field by field over all events at once (C-level loops: ~15 ms for 10,000 events).
_NONE = type(None)
_EVENT_FIELDS: dict[str, set[type]] = {
    "date": {dt.date},
    "kind": {Kind},
    "document": {str},
    "title": {str},
    "meeting": {str, _NONE},
    "press_release": {str, _NONE},
    "summary": {str},
    "vote": {Tally, _NONE},
    "notes": {str},
    "dispute": {str},
    "effective": {dt.date, _NONE},
    "where": {_NONE},  # put() stores events without their locations
}
_EVENT_SEQUENCES = ("vetoed_by", "penholders", "lapses", "sources")  # tuples of text
_EVENT_MAPPINGS: dict[str, set[type]] = {  # text keys to these values
    "votes": {Position},
    "sets": {dt.date, str},
    "would_have_set": {dt.date, str},
    "deadlines": {dt.date},
    "derived": {str},
}
_REGIME_FIELDS: dict[str, set[type]] = {
    "id": {str},
    "name": {str},
    "committee": {str},
    "established_by": {str},
    "verified": {dt.date},
    "mandates": {dict},
    "events": {tuple},
    "aliases": {tuple},
    "summary": {str},
    "notes": {str},
    "preceded_by": {str},
    "succeeded_by": {str},
    "where": {Location, _NONE},
}


def _types(values: Iterable[object]) -> set[type]:
    return set(map(type, values))


def _well_typed(regime: Regime) -> bool:
    """Whether every field of the regime, its mandates and its events holds a value of its type."""
    if any(type(getattr(regime, name)) not in allowed for name, allowed in _REGIME_FIELDS.items()):
        return False
    where = regime.where
    if where is not None and not (type(where.path) is str and _types((where.line, where.column)) <= {int}):
        return False
    mandates = list(regime.mandates.values())
    if not _types(regime.mandates) | _types(regime.aliases) <= {str} or not _types(mandates) <= {Mandate}:
        return False
    if not _types(chain.from_iterable((m.key, m.name, m.description) for m in mandates)) <= {str}:
        return False
    if not _types(m.category for m in mandates) <= {Category}:
        return False
    events = regime.events
    if not _types(events) <= {Event}:
        return False
    for name, allowed in _EVENT_FIELDS.items():
        if not _types(map(attrgetter(name), events)) <= allowed:
            return False
    tallies = {event.vote for event in events if event.vote is not None}
    if not _types(chain.from_iterable((t.in_favour, t.against, t.abstaining) for t in tallies)) <= {int}:
        return False
    for name in _EVENT_SEQUENCES:
        sequences = list(map(attrgetter(name), events))
        if not _types(sequences) <= {tuple} or not _types(chain.from_iterable(sequences)) <= {str}:
            return False
    for name, allowed in _EVENT_MAPPINGS.items():
        mappings = list(map(attrgetter(name), events))
        if not _types(mappings) <= {dict} or not _types(chain.from_iterable(mappings)) <= {str}:
            return False
        if not _types(chain.from_iterable(map(dict.values, mappings))) <= allowed:
            return False
    return True


def _read_entry(stream: IO[bytes]) -> Regime | None:
    try:
        if stream.read(len(_MAGIC)) != _MAGIC:
            return None
        head, chunks = _ModelUnpickler(stream).load()  # from the file: no second copy in memory
        if not isinstance(head, Regime) or not isinstance(chunks, int):
            return None
        events: list[Event] = []
        for _ in range(chunks):
            events.extend(_ModelUnpickler(stream).load())
    except Exception:  # a truncated or foreign entry is a miss, never an error
        return None
    regime = replace(head, events=tuple(events))
    return regime if _well_typed(regime) else None
