"""Council members: ISO 3166 codes (current and historical), display names, permanent seats."""

from __future__ import annotations

import datetime as dt
from functools import cache

#: Permanent members by code; SU held the Soviet seat until the Russian Federation took it.
PERMANENT = frozenset({"CN", "FR", "GB", "RU", "US", "SU"})

#: The Council grew from 11 to 15 members when the 1963 amendment entered into force.
ENLARGEMENT = dt.date(1965, 8, 31)

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
    return 11 if on <= ENLARGEMENT else 15


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
    """The code a user means by 'RU', 'ru', 'Russia' or 'Russian Federation'."""
    wanted = text.strip().casefold()
    names = _iso_names()
    if wanted.upper() in names:
        return wanted.upper()
    import pycountry

    for code, name in names.items():
        if name.casefold() == wanted:
            return code
    for country in (*pycountry.countries, *pycountry.historic_countries):
        forms = (country.name, getattr(country, "official_name", ""), getattr(country, "common_name", ""))
        if wanted in (form.casefold() for form in forms if form):
            return str(country.alpha_2)
    return None
