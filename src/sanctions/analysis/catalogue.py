"""Find a regime by the names people use: id, alias, name, committee or establishing resolution."""

from __future__ import annotations

import datetime as dt
import difflib
import re

from sanctions.dataset.model import Regime
from sanctions.dataset.symbols import RESOLUTION
from sanctions.errors import UnknownRegimeError, UsageError

# What people type for a resolution: 2374, S/RES/2374, 2374 (2017), S/RES/2374 (2017),
# resolution 2374, and for its committee: 1718 Committee.
_TYPED_RESOLUTION = re.compile(r"(?:s/res/|resolution |res\. ?)?(\d{1,4})(?: ?\((\d{4})\))?(?: committee)?")
_SEPARATORS = re.compile(r"[\s_-]+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def names_of(regime: Regime) -> tuple[str, ...]:
    """The id, the aliases and the number of the establishing resolution."""
    match = RESOLUTION.fullmatch(regime.established_by)
    number = (match.group(1),) if match else ()
    return tuple(dict.fromkeys((*regime.names, *number)))


def _key(text: str) -> str:
    """A name as it is compared: case, spacing, hyphens, curly apostrophes and a leading 'the' do not count."""
    words = [word for word in _SEPARATORS.split(text.translate(_APOSTROPHES).casefold()) if word]
    if words[:1] == ["the"] and len(words) > 1:
        words = words[1:]
    return "-".join(words)


def _index(regimes: list[Regime]) -> dict[str, Regime]:
    """Every name a regime answers to; an id or alias wins over another regime's name or committee."""
    index: dict[str, Regime] = {}
    for names in (names_of, lambda regime: (regime.name,), lambda regime: (regime.committee,)):
        for regime in regimes:
            for name in names(regime):
                index.setdefault(_key(name), regime)
    return index


def _cited(regime: Regime, number: str) -> list[str]:
    """The symbols of resolution `number` the regime's own data gives (with their years)."""
    prefix = f"S/RES/{number} ("
    documents = (regime.established_by, *(event.document for event in regime.events))
    return list(dict.fromkeys(document for document in documents if document.startswith(prefix)))


def find_regime(regimes: list[Regime], name: str) -> Regime:
    """The regime a user means; never a path, only a name the data declares.

    A regime answers to its id and aliases, its name and its committee's name (in any case, with
    spaces or hyphens), and to the number of its establishing resolution or of a numeric alias in
    any usual form; a year, when given, must be the resolution's. A later resolution of a regime
    is not a name for it (a new renewal must not change what names work), but the error says
    which regime adopted it.
    """
    index = _index(regimes)
    wanted = _key(name)
    if wanted in index:
        return index[wanted]
    typed = _TYPED_RESOLUTION.fullmatch(" ".join(name.casefold().split()).removeprefix("the "))
    if typed is not None:
        number, year = typed.group(1), typed.group(2)
        if number in index:
            regime = index[number]
            symbols = _cited(regime, number)
            if year is None or not symbols or f"S/RES/{number} ({year})" in symbols:
                return regime
            raise UsageError(
                f"unknown regime '{name}' — resolution {number} is {' or '.join(symbols)}: did you mean '{regime.id}'?"
            )
        _refuse_later_resolution(regimes, name, number)
    close = difflib.get_close_matches(wanted, list(index), n=1, cutoff=0.6)
    raise UnknownRegimeError(name, index[close[0]].id if close else None)


def _refuse_later_resolution(regimes: list[Regime], name: str, number: str) -> None:
    """Name the regime, or regimes, whose data cites resolution `number`, if any does."""
    adopted = {regime.id: (regime, symbols) for regime in regimes if (symbols := _cited(regime, number))}
    if len(adopted) == 1:
        ((regime_id, (regime, symbols)),) = adopted.items()
        raise UsageError(
            f"unknown regime '{name}' — {' and '.join(symbols)} is a later decision of '{regime_id}', "
            f"established by {regime.established_by}: did you mean '{regime_id}'?"
        )
    if adopted:
        raise UsageError(
            f"unknown regime '{name}' — resolution {number} is a decision of {', '.join(adopted)}: name one"
        )


def select(regimes: list[Regime], names: list[str] | None) -> list[Regime]:
    """The regimes named, in the order given (without repeats), or all of them."""
    if not names:
        return regimes
    chosen = [find_regime(regimes, name) for name in names]
    return list({regime.id: regime for regime in chosen}.values())


_YEAR_SUFFIX = re.compile(r"-\d{4}$")


def _country(regime: Regime) -> set[str]:
    """The names a regime shares with the other regimes on the same country: its id without a year
    (`libya-1992` → libya) and its name without what the brackets add (`Sudan (Darfur)` → sudan)."""
    return {_key(_YEAR_SUFFIX.sub("", regime.id)), _key(regime.name.split(" (")[0])}


def sharing(regimes: list[Regime], name: str) -> list[Regime]:
    """The regimes that carry a name several share (`libya`, `liberia`, `sudan`), oldest first; none
    when the name is one regime's alone."""
    wanted = _key(name)
    carriers = [regime for regime in regimes if wanted in _country(regime)]
    if len(carriers) < 2:
        return []
    return sorted(carriers, key=lambda regime: (regime.established or dt.date.max, regime.id))


def span(regime: Regime) -> str:
    """When a regime ran, in words: `1992-03-31 to 2003-09-12`, `from 2011-02-26`."""
    from sanctions.analysis.mandates import summarise

    if regime.established is None:
        return "never established"
    if summarise(regime, regime.verified).status == "ended":
        last = max(event.in_effect for event in regime.events)
        return f"{regime.established} to {last}"
    return f"from {regime.established}"


def find_regime_on(regimes: list[Regime], name: str, as_of: dt.date) -> tuple[Regime, str]:
    """The regime a user means on a date, and a note when the name alone did not say.

    A name several regimes share means the one ongoing on `as_of` (in force before suspended or
    unverified, the latest established first); where none was, the last established before the
    date (or the first, before them all), with a note naming every regime that carries the name
    and when. Any other name is `find_regime`'s.
    """
    from sanctions.analysis.mandates import ONGOING, summarise

    carriers = sharing(regimes, name)
    if not carriers:
        return find_regime(regimes, name), ""
    statuses = {regime.id: summarise(regime, as_of).status for regime in carriers}
    ongoing = [regime for regime in carriers if statuses[regime.id] in ONGOING]
    if ongoing:
        rank = {"in force": 2, "suspended": 1}
        return max(ongoing, key=lambda r: (rank.get(statuses[r.id], 0), r.established or dt.date.min)), ""
    begun = [regime for regime in carriers if regime.established is not None and regime.established <= as_of]
    chosen = begun[-1] if begun else carriers[0]
    which = ", ".join(f"{regime.id} ({span(regime)})" for regime in carriers)
    return chosen, f"no regime named '{name}' was in force on {as_of}: {which}; showing {chosen.id}"


def select_on(regimes: list[Regime], names: list[str], as_of: dt.date) -> tuple[list[Regime], list[str]]:
    """The regimes named, each as `find_regime_on` reads it on `as_of` (without repeats), and the notes."""
    found = [find_regime_on(regimes, name, as_of) for name in names]
    chosen = list({regime.id: regime for regime, _ in found}.values())
    return chosen, [note for _, note in found if note]
