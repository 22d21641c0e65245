"""Find a regime by the names people use: id, alias or establishing resolution number."""

from __future__ import annotations

import difflib

from sanctions.errors import UnknownRegimeError
from sanctions.model import Regime
from sanctions.symbols import RESOLUTION


def names_of(regime: Regime) -> tuple[str, ...]:
    """The id, the aliases and the number of the establishing resolution."""
    match = RESOLUTION.fullmatch(regime.established_by)
    number = (match.group(1),) if match else ()
    return tuple(dict.fromkeys((*regime.names, *number)))


def find_regime(regimes: list[Regime], name: str) -> Regime:
    """The regime a user means; never a path, only a name the data declares."""
    wanted = name.strip().lower()
    index = {alias: regime for regime in regimes for alias in names_of(regime)}
    if wanted in index:
        return index[wanted]
    close = difflib.get_close_matches(wanted, list(index), n=1, cutoff=0.6)
    raise UnknownRegimeError(name, index[close[0]].id if close else None)


def select(regimes: list[Regime], names: list[str] | None) -> list[Regime]:
    """The regimes named, in the order given (without repeats), or all of them."""
    if not names:
        return regimes
    chosen = [find_regime(regimes, name) for name in names]
    return list({regime.id: regime for regime in chosen}.values())
