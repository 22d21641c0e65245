"""sanctions: the UN Security Council's sanctions regimes, their mandates and vetoes, offline.

The library the CLI is built on (imported only when used: `sanctions --version` loads none of it):

>>> import sanctions
>>> catalogue = sanctions.load()
>>> catalogue.regime("mali").established_by
'S/RES/2374 (2017)'

`sanctions.load`, `sanctions.status` and `sanctions.vetoes` are in sanctions.analysis.library (a catalogue
also gives `.status(as_of)` and `.vetoes()`), the figures of `sanctions stats` in sanctions.stats
(`sanctions.stats.consensus(catalogue)`).

>>> import datetime as dt
>>> sanctions.vetoes("RU", since=dt.date(2024, 1, 1)) == catalogue.vetoes("RU", since=dt.date(2024, 1, 1))
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sanctions.analysis import stats
    from sanctions.analysis.library import Catalogue, load, status, vetoes

__all__ = ["Catalogue", "__version__", "load", "stats", "status", "vetoes"]

_LIBRARY = frozenset({"Catalogue", "load", "status", "vetoes"})


def __getattr__(name: str) -> Any:
    # The library is imported on first use: the command line's start-up never pays for it.
    if name in _LIBRARY:
        from sanctions.analysis import library

        return getattr(library, name)
    if name == "stats":
        from importlib import import_module

        return import_module("sanctions.analysis.stats")
    raise AttributeError(f"module 'sanctions' has no attribute {name!r}")
