"""Council members: ISO 3166 codes (current and historical), display names, permanent seats."""

from __future__ import annotations

import datetime as dt
from functools import cache

#: Permanent members by code; SU held the Soviet seat until the Russian Federation took it.
PERMANENT = frozenset({"CN", "FR", "GB", "RU", "US", "SU"})

#: The first day of the 15-member Council. The 1963 amendment entered into force on 31 August 1965,
#: but the four new seats were first filled on 1 January 1966 (the Council first met with 15 members
#: on 1 February 1966, S/PV.1271: https://research.un.org/en/UN75/1966-1975); until then it had 11.
ENLARGEMENT = dt.date(1966, 1, 1)

# Short names people use; ISO's official forms ("Korea, Democratic People's Republic of")
# read badly in a table.
_SHORT_NAMES = {
    "CN": "China",
    "FR": "France",
    "BO": "Bolivia",
    "CD": "DR Congo",
    "GB": "United Kingdom",
    "IR": "Iran",
    "KP": "DPRK",
    "KR": "Republic of Korea",
    "RU": "Russia",
    "SU": "USSR",
    "SY": "Syria",
    "TZ": "Tanzania",
    "US": "United States",
    "VE": "Venezuela",
    "VN": "Viet Nam",
}


def council_size(on: dt.date) -> int:
    """How many seats the Council had on a date."""
    return 11 if on < ENLARGEMENT else 15


@cache
def _iso_names() -> dict[str, str]:
    import pycountry  # imported on demand: only vote data needs it

    names = {c.alpha_2: getattr(c, "common_name", c.name) for c in pycountry.countries}
    for historic in pycountry.historic_countries:
        names.setdefault(historic.alpha_2, historic.name.split(",")[0])
    names.update(_SHORT_NAMES)
    return names


def is_member_code(code: str) -> bool:
    """True for an ISO 3166-1 alpha-2 code, or a withdrawn one such as SU or YU."""
    return code in _iso_names()


def member_name(code: str) -> str:
    """The display name of a member, or the code itself when unknown."""
    # The permanent members and a few others are named without loading pycountry's tables.
    return _SHORT_NAMES.get(code) or _iso_names().get(code, code)


def find_member(text: str) -> str | None:
    """The code a user means: 'RU', 'ru', 'RUS', 'Russia', 'Russian Federation', 'UK', 'U.S.', 'Britain'."""
    wanted = _member_key(text)
    if wanted.upper() in _iso_names():
        return wanted.upper()
    return _member_index().get(wanted)


# Names people use for Council members that neither ISO 3166 nor our short names give.
_COMMON_NAMES = {
    "uk": "GB",
    "britain": "GB",
    "great britain": "GB",
    "america": "US",
    "soviet union": "SU",
    "prc": "CN",
    # The data codes China's permanent seat CN whoever held it: the Republic of China held it until
    # General Assembly resolution 2758 (XXVI) of 25 October 1971 seated the People's Republic.
    "roc": "CN",
    "republic of china": "CN",
    "union of soviet socialist republics": "SU",
    "east germany": "DD",
    "west germany": "DE",
    "turkey": "TR",
    "ivory coast": "CI",
}
_FOLDED = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", ".": None})


def may_name_member(text: str) -> bool:
    """Whether `text` may begin with a member's name: False when its first word begins no name or code that
    `find_member` knows, which is much cheaper to tell than looking up every way of reading the words."""
    first = _member_key(text).split(" ", 1)[0].strip(",;:")
    return bool(first) and first in _name_starts()


@cache
def _name_starts() -> frozenset[str]:
    starts = {key.split(" ", 1)[0].strip(",;:") for key in _member_index()}
    return frozenset(starts | {code.lower() for code in _iso_names()})


def _member_key(text: str) -> str:
    """A member's name as compared: case, accents, dots (U.S.), spacing and a leading 'the' do not count."""
    import unicodedata

    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    words = bare.translate(_FOLDED).casefold().split()
    if words[:1] == ["the"] and len(words) > 1:
        words = words[1:]
    return " ".join(words)


@cache
def _member_index() -> dict[str, str]:
    """Every name and three-letter code a member answers to, by `_member_key`; current names first."""
    import pycountry

    index: dict[str, str] = {}
    for code, name in _iso_names().items():
        index.setdefault(_member_key(name), code)
    for name, code in _COMMON_NAMES.items():
        index.setdefault(name, code)
    for country in pycountry.countries:
        for form in (
            country.alpha_3,
            country.name,
            *(getattr(country, f, "") for f in ("official_name", "common_name")),
        ):
            if form:
                index.setdefault(_member_key(form), country.alpha_2)
    for historic in pycountry.historic_countries:
        # "USSR, Union of Soviet Socialist Republics": the name before the comma is the one people use.
        for form in (historic.alpha_3, historic.name, historic.name.split(",")[0]):
            index.setdefault(_member_key(form), historic.alpha_2)
    return index


def member_code(text: str) -> str:
    """The code of the member a user names, or a UsageError (exit 2) that says how to name one."""
    from sanctions.errors import UsageError

    code = find_member(text)
    if code is None:
        raise UsageError(f"unknown member '{text}': use an ISO code like RU or a name like Russia")
    return code


def by_seat_then_votes(codes_and_votes: list[tuple[str, int]]) -> list[str]:
    """Members as per-member summaries list them: the permanent members first, by name, then the others
    by how many votes they cast, most first (ties by name)."""
    return [
        code
        for code, votes in sorted(
            codes_and_votes,
            key=lambda pair: (pair[0] not in PERMANENT, 0 if pair[0] in PERMANENT else -pair[1], member_name(pair[0])),
        )
    ]


def veto_hint(code: str) -> str | None:
    """Why a member asked for its vetoes has none to list, when it holds no permanent seat; else None."""
    if code in PERMANENT:
        return None
    return (
        f"{member_name(code)} ({code}) is not a permanent member and has no veto: "
        f"'sanctions votes REGIME --member {code}' shows how it voted"
    )
