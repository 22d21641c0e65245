"""A cache of parsed regimes, keyed by file content, so a warm run skips YAML and validation."""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from dataclasses import replace
from io import BufferedReader
from pathlib import Path

from sanctions import __version__
from sanctions.model import Regime

CACHE_ENV = "SANCTIONS_CACHE_DIR"
# Bump when the model changes shape, so entries written by an older layout are never read.
FORMAT = 5
_MAGIC = b"sanctions-cache"


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


class Cache:
    """Parsed regimes stored under a digest of (tool version, file name, file bytes).

    The content is the key, so an edited file is never served stale, whatever its timestamps.
    A missing, corrupt, truncated or unwritable entry is ignored (the file is parsed again);
    entries are written to a temporary file and renamed, so a reader never sees half of one.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def key(self, label: str, source: BufferedReader, view: str = "full") -> str:
        """The digest of a regime file's content (read in chunks, never whole), its name and the view."""
        digest = hashlib.sha256(f"{__version__}\0{FORMAT}\0{view}\0{label}\0".encode())
        return hashlib.file_digest(source, lambda: digest).hexdigest()

    def get(self, key: str) -> Regime | None:
        try:
            with (self.folder / f"{key}.pickle").open("rb") as stream:
                if stream.read(len(_MAGIC)) != _MAGIC:
                    return None
                regime = pickle.load(stream)  # from the file: no second copy of the entry in memory
        except OSError:
            return None
        except Exception:  # a truncated or foreign entry is a miss, never an error
            return None
        return regime if isinstance(regime, Regime) else None

    def put(self, key: str, regime: Regime) -> None:
        import tempfile  # only a cache miss writes

        temporary: str | None = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            # Event locations only serve messages about a file being parsed; a cached file has none.
            events = tuple(replace(event, where=None) if event.where else event for event in regime.events)
            compact = replace(regime, events=events)
            with os.fdopen(handle, "wb") as stream:
                stream.write(_MAGIC + pickle.dumps(compact, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(temporary, self.folder / f"{key}.pickle")
            temporary = None
        except OSError:
            pass  # an unwritable cache only costs speed
        finally:
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
