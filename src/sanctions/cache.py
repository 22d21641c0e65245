"""A cache of parsed regimes, keyed by file content, so a warm run skips YAML and validation."""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
from collections.abc import Hashable, Iterator
from dataclasses import replace
from io import BufferedReader
from pathlib import Path
from typing import Any, TypeVar

from sanctions import __version__
from sanctions.model import Event, Regime

try:  # the BLAKE2 built into CPython: hashlib itself would load OpenSSL (about 4 MB) just for this
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter without it
    from hashlib import blake2b

CACHE_ENV = "SANCTIONS_CACHE_DIR"
# Bump when the model or the entry layout changes, so entries written by an older one are never read.
FORMAT = 6
_MAGIC = b"sanctions-cache"
# Events are pickled in chunks: unpickling keeps every intermediate object of one pickle alive
# until it ends, so smaller pickles keep the peak memory of a long history close to its size.
CHUNK = 500
_READ = 1 << 18

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
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
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
            where=None,  # locations only serve messages about a file being parsed; a cached one has none
        )


def _chunks(events: tuple[Event, ...]) -> Iterator[tuple[Event, ...]]:
    for start in range(0, len(events), CHUNK):
        shared = _Shared()
        yield tuple(shared.event(event) for event in events[start : start + CHUNK])


class Cache:
    """Parsed regimes stored under a digest of (tool version, file name, file bytes).

    The content is the key, so an edited file is never served stale, whatever its timestamps.
    A missing, corrupt, truncated or unwritable entry is ignored (the file is parsed again);
    entries are written to a temporary file and renamed, so a reader never sees half of one.
    An entry is the regime without its events, then its events in chunks of CHUNK, each pickled
    on its own with equal values (dates, tallies, empty mappings) stored once: no code mutates the
    model (mypy refuses assignments to it), so events may share them.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def key(self, label: str, source: BufferedReader, view: str = "full") -> str:
        """The digest of a regime file's content (read in chunks, never whole), its name and the view."""
        digest = blake2b(f"{__version__}\0{FORMAT}\0{view}\0{label}\0".encode(), digest_size=32)
        for block in iter(lambda: source.read(_READ), b""):
            digest.update(block)
        return digest.hexdigest()

    def get(self, key: str) -> Regime | None:
        try:
            with (self.folder / f"{key}.pickle").open("rb") as stream:
                if stream.read(len(_MAGIC)) != _MAGIC:
                    return None
                head, chunks = pickle.load(stream)  # from the file: no second copy of the entry in memory
                if not isinstance(head, Regime) or not isinstance(chunks, int):
                    return None
                events: list[Event] = []
                for _ in range(chunks):
                    events.extend(pickle.load(stream))
        except OSError:
            return None
        except Exception:  # a truncated or foreign entry is a miss, never an error
            return None
        return replace(head, events=tuple(events))

    def put(self, key: str, regime: Regime) -> None:
        import tempfile  # only a cache miss writes

        temporary: str | None = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            chunks = list(_chunks(regime.events))
            with os.fdopen(handle, "wb") as stream:
                stream.write(_MAGIC)
                for part in [(replace(regime, events=()), len(chunks)), *chunks]:
                    pickle.dump(part, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.folder / f"{key}.pickle")
            temporary = None
        except OSError:
            pass  # an unwritable cache only costs speed
        finally:
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
