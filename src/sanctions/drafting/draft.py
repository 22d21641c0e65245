"""Read a UN press release and draft the event it records: regime, date, kind, symbols, vote, expiries.

Nothing is guessed: a value the text does not give plainly is left out and said in a warning, and
every value found keeps the sentence it came from (`Draft.explanations`). The page is read into
sentences by `sanctions.drafting.press`; what they record is found by `sanctions.drafting.extract`
and `sanctions.drafting.terms`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sanctions.council import members
from sanctions.dataset.model import OPEN_ENDED, Event, Expiry, Kind, Position, Regime, Tally
from sanctions.drafting.extract import ESTABLISHING, MORE_DRAFTS, Explanation, Reader
from sanctions.drafting.press import (
    MAX_INPUT_BYTES,
    is_html,
    long_date,
    members_named_at,
    page_text,
    read_page,
    read_press_release,
    sentences_of,
)
from sanctions.drafting.terms import RENEWAL

__all__ = [
    "MAX_INPUT_BYTES",
    "Draft",
    "Explanation",
    "draft_event",
    "is_html",
    "members_named_at",
    "page_text",
    "read_press_release",
    "sentences_of",
]


@dataclass(frozen=True)
class Draft:
    """The event a press release records, as far as its text says; `None` where it does not."""

    regime: Regime | None
    date: dt.date | None
    kind: Kind | None
    document: str | None
    meeting: str | None
    press_release: str | None
    title: str | None
    vote: Tally | None
    votes: dict[str, Position]
    vetoed_by: tuple[str, ...]
    penholders: tuple[str, ...]
    expiries: dict[str, Expiry]  # `sets` for an adopted decision, `would_have_set` for a failed draft
    sources: tuple[str, ...]
    notes: str
    explanations: tuple[Explanation, ...]
    warnings: tuple[str, ...]

    @property
    def sets(self) -> dict[str, Expiry]:
        return {} if self.kind is not None and self.kind.is_failed else dict(self.expiries)

    @property
    def would_have_set(self) -> dict[str, Expiry]:
        return dict(self.expiries) if self.kind is not None and self.kind.is_failed else {}

    def missing(self) -> list[str]:
        """The fields a regime file requires that the text did not give, with what to do about each."""
        needs = [
            (self.regime, "the regime (give --regime)"),
            (self.date, "the date (give --date)"),
            (self.kind, "the kind of decision"),
            (self.document, "the document symbol"),
            (self.title, "a title"),
            (self.sources or None, "a source (give --url)"),
        ]
        return [what for value, what in needs if value is None]

    def event(self) -> Event | None:
        """The drafted event, or None while a required field is missing."""
        if self.missing():
            return None
        assert self.date is not None and self.kind is not None and self.document is not None and self.title
        return Event(
            date=self.date,
            kind=self.kind,
            document=self.document,
            title=self.title,
            meeting=self.meeting,
            press_release=self.press_release,
            vote=self.vote,
            votes=dict(self.votes),
            vetoed_by=self.vetoed_by,
            penholders=self.penholders,
            sets=self.sets,
            would_have_set=self.would_have_set,
            sources=self.sources,
            notes=self.notes,
        )


def _title(
    kind: Kind | None,
    regime: Regime | None,
    expiries: dict[str, Expiry],
    votes: dict[str, Position],
    vetoed_by: tuple[str, ...],
    tally: Tally | None,
    establishing: bool,
) -> str | None:
    """A one-line title in the files' manner, made from the values drafted (never the release's wording)."""
    if kind is None or regime is None:
        return None

    def term(key: str, value: Expiry, verb: str) -> str:
        name = regime.mandates[key].name
        if isinstance(value, dt.date):
            return f"{name} to {long_date(value)}"
        return f"{name} {verb} ({'no end date' if value == OPEN_ENDED else 'end date not given'})"

    # The files' manner, "Panel of Experts to 15 May 2021; Russia abstains": a semicolon between
    # mandates (their names have commas), and no colon for YAML to quote.
    abstained = [members.member_name(code) for code, position in votes.items() if position is Position.ABSTAIN]
    if kind is Kind.VETO:
        vetoers = _and(members.member_name(code) for code in vetoed_by)
        terms = "; ".join(term(key, value, "renewed") for key, value in expiries.items())
        title = (f"Draft vetoed by {vetoers}" if vetoed_by else "Draft vetoed") + (
            f" (would have set {terms})" if terms else ""
        )
    elif kind is Kind.FAILED_DRAFT:
        terms = "; ".join(term(key, value, "renewed") for key, value in expiries.items())
        title = "Draft not adopted" + (f" ({tally})" if tally else "") + (f"; would have set {terms}" if terms else "")
    elif kind is Kind.ESTABLISHED:
        terms = "; ".join(term(key, value, "established") for key, value in expiries.items())
        title = ("Regime established" if establishing else "Established") + (f" - {terms}" if terms else "")
    elif kind is Kind.RENEWED:
        terms = "; ".join(term(key, value, "renewed") for key, value in expiries.items())
        title = terms or "Renewed"
    elif kind is Kind.TERMINATED:
        title = "; ".join(f"{regime.mandates[key].name} terminated" for key in expiries) or "Terminated"
    else:
        title = "Measures modified"
    if abstained and kind is not Kind.FAILED_DRAFT:
        verb = "abstains" if len(abstained) == 1 else "abstain"
        title += f"; {_and(abstained)} {verb}" if len(abstained) <= 3 else f"; {len(abstained)} abstentions"
    return title


def _and(names: Iterable[str]) -> str:
    items = list(names)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# ---------------------------------------------------------------------------------------------------
# The entry point.


def draft_event(
    text: str,
    regimes: list[Regime],
    *,
    url: str | None = None,
    given_date: dt.date | None = None,
    regime: Regime | None = None,
) -> Draft:
    """Draft the event a press release records, from its text or a saved page's HTML.

    `given_date` dates a text that says only "today"; `regime` overrides the regime the text names;
    `url` is the release's address, cited as the source and read for its SC/ symbol. A text longer than
    any press release is refused (UsageError).
    """
    lines, canonical = read_page(text)
    address = url or canonical
    reader = Reader(regimes, lines, address, given_date, regime)
    if url is None and canonical:
        reader.explain("url", canonical, "the page's canonical address")
    chosen = reader.regime()
    meeting = reader.meeting()
    press_release = reader.press_release()
    day = reader.date()

    resolution = reader.adopted_resolution(day)
    failure = reader.failure()
    kind: Kind | None = None
    vetoers: list[str] = []
    document = resolution
    if resolution is not None:
        if failure is not None:
            reader.warn(
                "the text also records a draft that was not adopted: only the adopted resolution is drafted; "
                "add the other by hand"
            )
        kind = Kind.RENEWED  # until the expiries show what it did
    elif failure is not None:
        kind, vetoers, said = failure
        reader.explain("kind", kind.value, said)
        if any(MORE_DRAFTS.search(s) for s in reader.sentences):
            reader.warn("the text records more than one draft: the first is drafted; add the others by hand")
        if kind is Kind.VETO and vetoers:
            reader.explain("vetoed_by", ", ".join(vetoers), said)
        elif kind is Kind.VETO:
            reader.warn("the text speaks of a veto but names no member who cast it: vetoed_by left out")
        document = reader.draft_symbol()
        if document is None and (press_release or meeting):
            document = press_release or meeting
            reader.explain("document", document, "the draft's own symbol is not given: the press release or meeting")
        elif document is None:
            reader.warn("the text gives no symbol for the draft, the press release or the meeting: document left out")
    else:
        reader.warn("the text records no adopted resolution and no failed draft: kind and document left out")

    seats = members.council_size(day) if day else 15
    tally, votes = reader.vote(kind, vetoers, seats) if kind is not None else (None, {})
    vetoed_by = tuple(code for code in vetoers if code in members.PERMANENT)
    for code in vetoers:
        if code not in members.PERMANENT:
            reader.warn(f"{members.member_name(code)} is said to have vetoed, but is not a permanent member")

    expiries: dict[str, Expiry] = {}
    phrases: dict[str, str] = {}
    renewing: list[str] = []
    if chosen is not None and kind is not None:
        expiries, phrases, renewing = reader.expiries(chosen, kind.is_failed, day)
    establishing = chosen is not None and resolution is not None and chosen.established_by == resolution
    if resolution is not None:
        # "imposed an arms embargo" is new measures; "renew … the measures, which include imposing a
        # travel ban" describes old ones, so a sentence that renews is no evidence of establishing.
        new_measures = next(
            (s for s in reader.decision_sentences(False) if ESTABLISHING.search(s) and not RENEWAL.search(s)), None
        )
        if establishing:
            kind = Kind.ESTABLISHED
            reader.explain("kind", kind.value, f"{resolution} is the regime's establishing resolution")
        elif new_measures is not None and (expiries or renewing):
            kind = None
            reader.warn("the resolution imposes new measures and renews others: established or renewed? kind left out")
        elif new_measures is not None:
            kind = Kind.ESTABLISHED
            reader.explain("kind", kind.value, new_measures)
        elif expiries or renewing:
            kind = Kind.RENEWED
            reader.explain("kind", kind.value, "the resolution sets or renews a mandate's term")
        elif chosen is not None and (ended := reader.terminations(chosen, day)):
            kind, expiries = Kind.TERMINATED, ended
            reader.explain("kind", kind.value, "the resolution ends mandates and sets no term")
        else:
            kind = Kind.MODIFIED
            reader.warn("the adopted resolution sets no term the text gives: drafted as modified; check the kind")
    for key in renewing:
        reader.warn(f"the text renews {key} but gives no end date for it: {key} left out")

    notes = " ".join(
        f'{key}: the text gives only "{phrases[key]}", with no start date, so its end date is unrecorded.'
        for key in expiries
        if key in phrases
    )
    sources: tuple[str, ...] = (address,) if address else ((press_release,) if press_release else ())
    if not sources:
        reader.warn("no address or press release symbol to cite: give --url; sources left out")
    return Draft(
        regime=chosen,
        date=day,
        kind=kind,
        document=document,
        meeting=meeting,
        press_release=press_release,
        title=_title(kind, chosen, expiries, votes, vetoed_by, tally, establishing),
        vote=tally,
        votes=votes,
        vetoed_by=vetoed_by,
        penholders=reader.penholders(),
        expiries=expiries,
        sources=sources,
        notes=notes,
        explanations=tuple(reader.explanations),
        warnings=tuple(reader.warnings),
    )
