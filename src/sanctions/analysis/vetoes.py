"""Vetoed and failed drafts: what each would have done, what followed, and who cast the vetoes."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from sanctions.analysis.mandates import Status, mandate_status
from sanctions.dataset.model import Event, Kind, Position, Regime

#: A draft resolution's own symbol: S/2023/638, or S/12345 before 1994.
_DRAFT = re.compile(r"S/(?:(?:19|20)\d\d/)?\d{1,5}(?:/Rev\.\d)?")

#: What a symbol recorded in a draft's place is, when it is not the draft's own.
_STAND_INS = (("SC/", "press release"), ("S/PV.", "meeting record"))

#: The decisions that can follow a failed draft on the same matter.
_DECISIONS = frozenset(
    {Kind.ESTABLISHED, Kind.RENEWED, Kind.MODIFIED, Kind.TERMINATED, Kind.SUSPENDED, Kind.REINSTATED}
)

#: How long after a failed draft a decision of the same regime is taken to answer it.
FOLLOW_UP_WINDOW = dt.timedelta(days=90)


def draft_symbol(document: str) -> str | None:
    """The document when it is a draft's own symbol; None for a press release or meeting record."""
    return document if _DRAFT.fullmatch(document) else None


def symbol_kind(document: str) -> str:
    """What a recorded symbol is: "draft", "press release" or "meeting record"."""
    return next((name for prefix, name in _STAND_INS if document.startswith(prefix)), "draft")


@dataclass(frozen=True)
class Consequence:
    """What became of one mandate a failed draft would have extended."""

    mandate: str
    name: str
    outcome: str  # "lapsed", "renewed", "in force until", "never imposed", or a mandate status
    on: dt.date | None
    by: Event | None = None

    def __str__(self) -> str:
        when = f" {self.on.isoformat()}" if self.on else ""
        by = f" by {self.by.document}" if self.by else ""
        return f"{self.name} {self.outcome}{when}{by}"


def follow_up(draft: Event, decision: Event) -> str:
    """One line on a decision that followed a failed draft, naming when and by what document."""
    when = "the same day" if decision.date == draft.date else f"on {decision.date.isoformat()}"
    if decision.document.startswith(("S/RES/", "S/PRST/")):
        return f"{decision.document} adopted {when}: {decision.title}"
    return f"{decision.kind.value} {when} ({decision.document}): {decision.title}"


@dataclass(frozen=True)
class FailedDraft:
    """A draft the Council did not adopt, with its regime and what followed."""

    regime: Regime
    event: Event
    consequences: tuple[Consequence, ...]
    followed_by: tuple[Event, ...] = ()

    @property
    def draft(self) -> str | None:
        """The draft's own symbol, when the data records it (not a press release or meeting record)."""
        return draft_symbol(self.event.document)

    @property
    def failed_without_veto(self) -> bool:
        return self.event.kind is Kind.FAILED_DRAFT

    @property
    def abstaining(self) -> tuple[str, ...]:
        """Members recorded as abstaining (the tally may count more than the data names)."""
        return tuple(code for code, position in self.event.votes.items() if position is Position.ABSTAIN)

    @property
    def ended(self) -> tuple[Consequence, ...]:
        """The mandates that lapsed after this draft failed."""
        return tuple(c for c in self.consequences if c.outcome == "lapsed")


def _consequence(regime: Regime, event: Event, key: str) -> Consequence:
    name = regime.mandates[key].name
    later = next((e for e in regime.events if key in e.sets and e.date > event.date and not e.kind.is_failed), None)
    if later is not None:
        return Consequence(key, name, "renewed", later.date, later)
    status = mandate_status(regime, key, max(regime.verified, event.date))
    if status.status is Status.NOT_ESTABLISHED:  # what the draft would have imposed never was
        return Consequence(key, name, "never imposed", None)
    if status.status is Status.LAPSED:
        return Consequence(key, name, "lapsed", status.expires)
    if status.status.in_force:
        return Consequence(key, name, "in force until", status.expires)
    return Consequence(key, name, status.status.value, status.expires)


def _followed_by(regime: Regime, event: Event, consequences: tuple[Consequence, ...]) -> tuple[Event, ...]:
    """The regime's next decisions after a failed draft: those of the first day with any, the same day
    or within the window after it, less those a mandate's consequence already names."""
    end = event.date + FOLLOW_UP_WINDOW
    later = [e for e in regime.events if e.kind in _DECISIONS and event.date <= e.date <= end]
    if not later:
        return ()
    first = min(e.date for e in later)
    named = {id(c.by) for c in consequences if c.by is not None}
    return tuple(e for e in later if e.date == first and id(e) not in named)


def failed_drafts(
    regimes: list[Regime], member: str | None = None, since: dt.date | None = None, until: dt.date | None = None
) -> list[FailedDraft]:
    """Every vetoed or failed draft from `since` to `until`, oldest first; with `member`, only the
    vetoes that member cast."""
    rows = []
    for regime in regimes:
        for event in regime.events:
            if not event.kind.is_failed or (since is not None and event.date < since):
                continue
            if until is not None and event.date > until:
                continue
            if member is not None and member not in event.vetoed_by:
                continue
            consequences = tuple(_consequence(regime, event, key) for key in event.would_have_set)
            rows.append(FailedDraft(regime, event, consequences, _followed_by(regime, event, consequences)))
    return sorted(rows, key=lambda row: (row.event.date, row.event.kind is Kind.FAILED_DRAFT, row.regime.id))


@dataclass(frozen=True)
class VetoTally:
    """One permanent member's vetoes: one per draft it voted against as a permanent member."""

    member: str
    vetoes: int
    ended_mandates: int
    ended: tuple[tuple[Regime, Consequence], ...]


def veto_tallies(drafts: list[FailedDraft]) -> list[VetoTally]:
    """Vetoes per permanent member and the mandates that lapsed after them, most vetoes first."""
    counts: Counter[str] = Counter()
    ended: dict[str, list[tuple[Regime, Consequence]]] = {}
    ending: Counter[str] = Counter()
    for draft in drafts:
        for code in draft.event.vetoed_by:
            counts[code] += 1
            if draft.ended:
                ending[code] += 1
            ended.setdefault(code, []).extend((draft.regime, c) for c in draft.ended)
    return [
        VetoTally(code, count, ending[code], tuple(ended.get(code, ())))
        for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]
