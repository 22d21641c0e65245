"""The Python library: the catalogue of regimes, and its mandates' status and vetoes as plain records.

Every record is a dict of numbers, strings, dates and tuples, so `pandas.DataFrame(records)` takes
a list of them as it is; the figures of `sanctions stats` are in sanctions.analysis.stats.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sanctions.dataset.model import Event, Mandate, Regime


@dataclass(frozen=True)
class Catalogue:
    """Every regime of a data folder, as the CLI reads them; iterating over it gives the regimes.

    >>> import sanctions
    >>> catalogue = sanctions.load()
    >>> catalogue.regime("1718").name
    "Democratic People's Republic of Korea"
    """

    regimes: tuple[Regime, ...]
    folder: Path

    def __iter__(self) -> Iterator[Regime]:
        return iter(self.regimes)

    def __len__(self) -> int:
        return len(self.regimes)

    def regime(self, name: str) -> Regime:
        """The regime a name means: its id, an alias, its name or its establishing resolution's number."""
        from sanctions.analysis.catalogue import find_regime

        return find_regime(list(self.regimes), name)

    @property
    def events(self) -> list[Event]:
        """Every event of every regime, regime by regime, oldest first within each."""
        return [event for regime in self.regimes for event in regime.events]

    @property
    def mandates(self) -> list[Mandate]:
        """Every mandate of every regime."""
        return [mandate for regime in self.regimes for mandate in regime.mandates.values()]

    @property
    def votes(self) -> list[dict[str, Any]]:
        """One record per member per recorded vote: regime, date, document, member, position, derived.

        >>> import sanctions
        >>> first = sanctions.load().regime("mali").events[0]
        >>> [v["position"] for v in sanctions.load().votes if v["document"] == first.document][:3]
        ['yes', 'yes', 'yes']
        """
        from sanctions.analysis.votes import positions

        rows = []
        for regime in self.regimes:
            for event in regime.events:
                if event.vote is None:
                    continue
                known = positions(event)
                for member, position in known.items():
                    rows.append(
                        {
                            "regime": regime.id,
                            "date": event.date,
                            "document": event.document,
                            "kind": event.kind.value,
                            "member": member,
                            "position": position.value,
                            "derived": known.is_derived(member),
                        }
                    )
        return rows

    def status(self, as_of: dt.date, within: int = 60) -> list[dict[str, Any]]:
        """Every mandate's status on `as_of`, soonest expiry first, as `sanctions expiry --all` lists them;
        `within` days of its expiry a mandate is "expiring".

        >>> import datetime as dt, sanctions
        >>> rows = sanctions.load().status(dt.date(2024, 4, 1))
        >>> next(r for r in rows if r["regime"] == "dprk" and r["mandate"] == "panel")["expires"]
        datetime.date(2024, 4, 30)
        """
        from sanctions.analysis.mandates import expiries

        return [
            {
                "regime": s.regime.id,
                "mandate": s.mandate.key,
                "name": s.mandate.name,
                "status": s.status.value,
                "expires": s.expires,
                "days_left": s.days_left,
                "set_by": s.set_by.document if s.set_by else None,
                "ended_by": s.ended_by.document if s.ended_by else None,
            }
            for s in expiries(list(self.regimes), as_of, as_of + dt.timedelta(days=within))
        ]

    def vetoes(
        self, member: str | None = None, since: dt.date | None = None, until: dt.date | None = None
    ) -> list[dict[str, Any]]:
        """Every vetoed or failed draft, oldest first, as `sanctions vetoes --all` lists them; with
        `member`, the vetoes it cast.

        >>> import datetime as dt, sanctions
        >>> [(v["regime"], v["date"].isoformat()) for v in sanctions.load().vetoes("RU", since=dt.date(2024, 1, 1))]
        [('dprk', '2024-03-28')]
        """
        from sanctions.analysis.vetoes import failed_drafts

        return [
            {
                "regime": d.regime.id,
                "date": d.event.date,
                "draft": d.event.document,
                "vetoed": not d.failed_without_veto,
                "vetoed_by": d.event.vetoed_by,
                "in_favour": d.event.vote.in_favour if d.event.vote else None,
                "against": d.event.vote.against if d.event.vote else None,
                "abstaining": d.event.vote.abstaining if d.event.vote else None,
                "ended": tuple(c.mandate for c in d.ended),
            }
            for d in failed_drafts(list(self.regimes), member, since, until)
        ]


def load(data: str | Path | None = None) -> Catalogue:
    """The regimes of a data folder (default: $SANCTIONS_DATA, else the bundled files), as the CLI loads them.

    >>> import sanctions
    >>> len(sanctions.load().regimes) > 30
    True
    """
    from sanctions.dataset.cache import Cache, default_dir
    from sanctions.dataset.loader import data_dir, load_all

    folder = data_dir(None if data is None else Path(data))
    return Catalogue(tuple(load_all(folder, Cache(default_dir()))), folder)


def status(as_of: dt.date, catalogue: Catalogue | None = None, *, within: int = 60) -> list[dict[str, Any]]:
    """`Catalogue.status` of the given catalogue, or of the one `load()` gives.

    >>> import datetime as dt, sanctions
    >>> [row["regime"] for row in sanctions.status(dt.date(1967, 1, 1)) if row["status"] == "open-ended"]
    ['southern-rhodesia']
    """
    return (catalogue or load()).status(as_of, within)


def vetoes(
    member: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    *,
    catalogue: Catalogue | None = None,
) -> list[dict[str, Any]]:
    """`Catalogue.vetoes` of the given catalogue, or of the one `load()` gives.

    >>> import datetime as dt, sanctions
    >>> [(v["regime"], v["date"].isoformat()) for v in sanctions.vetoes("RU", since=dt.date(2024, 1, 1))]
    [('dprk', '2024-03-28')]
    """
    return (catalogue or load()).vetoes(member, since, until)
