"""What a press release's sentences record: its symbols, date, decision, vote and regime, each with its sentence.

The extracting half of `sanctions draft`: `sanctions.drafting.press` reads the page into sentences,
`sanctions.drafting.terms` finds the mandates' terms, and `sanctions.drafting.draft` puts the event together.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from sanctions.dataset.model import Expiry, Kind, Position, Regime, Tally
from sanctions.dataset.symbols import RESOLUTION
from sanctions.drafting.press import (
    COUNT,
    DATE,
    count_of,
    member_code,
    members_named_at,
    names_listed,
    parse_day,
    sentences_of,
)
from sanctions.drafting.terms import expiries, terminations


@dataclass(frozen=True)
class Explanation:
    """One drafted value and the sentence (or option) it came from."""

    field: str
    value: str
    source: str


# ---------------------------------------------------------------------------------------------------
# The patterns of a press release.

_MEETING = re.compile(r"\b(\d{1,2},\d{3}|\d{3,5})(st|nd|rd|th)\s+meeting\b", re.IGNORECASE)
_MEETING_LIKE = re.compile(r"\b(\d[\d,]{2,6}[a-z]*)\s+meeting\b", re.IGNORECASE)
_PV = re.compile(r"\bS/PV\.(\d{3,5})\b")
_SC_LINE = re.compile(r"^SC/(\d{4,5})\b")
_SC_URL = re.compile(r"/sc(\d{4,5})\.doc\.html?\b", re.IGNORECASE)
_RES_SYMBOL = re.compile(r"\bS/RES/(\d{1,4})\s*(?:\((\d{4})\))?")
_ADOPTED_RESOLUTION = re.compile(
    r"\b(?:adopt(?:s|ed|ing)?|adoption\s+of)\s+(?:the\s+)?(?:draft\s+)?resolution\s+(\d{1,4})\s*(?:\((\d{4})\))?"
    r"|\bresolution\s+(\d{1,4})\s*(?:\((\d{4})\))?(?:\s*\([^()]*(?:\([^()]*\)[^()]*)*\))?\s+(?:was|is)\s+adopted"
    # "By resolution 1904 (2009), adopted unanimously today"
    r"|\bresolution\s+(\d{1,4})\s*\((\d{4})\),?\s+adopted\b",
    re.IGNORECASE,
)
# A sentence on a resolution adopted before: "A year ago, by adopting resolution 2745 (2024)", "since its
# adoption of resolution 1267 (1999)".
_EARLIER = re.compile(
    r"\b(?:previously|earlier|had\s+adopted|last\s+year|ago|since\s+(?:its|the)\s+adoption)\b", re.IGNORECASE
)
_DRAFT_SYMBOL = re.compile(
    r"\bdraft(?:\s+resolution)?\s*\((?:document\s+)?(S/\d{4}/\d{1,4}(?:/Rev\.\d)?)\)", re.IGNORECASE
)
_CITED = re.compile(r"\b(\d{3,4})\s*\(((?:19|20)\d\d)\)")
_COMMITTEE = re.compile(
    r"\bCommittee\s+(?:established\s+)?pursuant\s+to\s+resolutions?\s+(\d{1,4})"
    r"|\b(\d{3,4})\s+(?:[A-Z][a-z]+\s+)?(?:Sanctions\s+)?Committee\b"
)
# A draft the Council did not adopt; "would have" marks what such a draft would have done.
_FAILED = re.compile(
    r"\b(?:fail(?:s|ed)?\s+to\s+(?:adopt|extend|renew|obtain|pass)|rejected|rejects|defeated|not\s+adopted"
    r"|veto(?:es|ed)?)\b",
    re.IGNORECASE,
)
_HYPOTHETICAL = re.compile(r"\bwould\s+(?:also\s+)?have\b|\bhad\s+it\s+passed\b|\bif\s+adopted\b", re.IGNORECASE)
_VETO = re.compile(r"\bveto(?:es|ed)?\b", re.IGNORECASE)
_VETO_BY = re.compile(r"\b(?:veto(?:es)?\s+cast\s+by|vetoed\s+by|veto\s+by)\s+", re.IGNORECASE)
MORE_DRAFTS = re.compile(
    r"\b(?:two|both)\s+(?:draft\s+)?(?:resolutions|drafts|texts)\b|\b(?:second|competing|alternate|alternative|rival)"
    r"\s+(?:draft|text)\b|\banother\s+(?:draft|text)\b|\bfirst\s+draft\b",
    re.IGNORECASE,
)
_UNANIMOUS = re.compile(
    r"\bunanimously\s+(?:adopt(?:s|ed|ing)?|decided|decides|renewed|extended|agreed)\b|\badopted\s+unanimously\b"
    r"|\bunanimous\s+adoption\b"
    # "adopting resolution 2745 (2024) unanimously"
    r"|\badopt(?:s|ed|ing)?\s+(?:the\s+)?(?:draft\s+)?resolution\s+\d{1,4}\s*(?:\(\d{4}\))?\s+unanimously\b",
    re.IGNORECASE,
)
_LISTING = r"(?:\s*\(((?:[^()]|\([^()]*\))*)\))?"
_IN_FAVOUR = re.compile(rf"\b{COUNT}\s+(?:votes?\s+)?in\s+favou?r\b{_LISTING}", re.IGNORECASE)
_SUPPORT = re.compile(rf"\b(?:support|votes?)\s+(?:of|from)\s+{COUNT}\s+members\b", re.IGNORECASE)
_AGAINST = re.compile(rf"\b{COUNT}\s+(?:votes?\s+)?against\b{_LISTING}", re.IGNORECASE)
_ABSTAINING = re.compile(rf"\b{COUNT}\s+abstentions?\b{_LISTING}", re.IGNORECASE)
# What a speaker says is not what the Council decided.
_STATEMENT = re.compile(r"\b(?:said|says|told|argued|insisted|speaking|stressed|warned|added)\b", re.IGNORECASE)
_TODAY = re.compile(r"\b(?:today|this\s+(?:morning|afternoon|evening)|tonight)\b", re.IGNORECASE)
_ON_DATE = re.compile(rf"^On\s+((?:{DATE.pattern})),?\s+the\s+Security\s+Council\b(?!\s+Committee)")

_PAST = re.compile(
    r"\b(?:previously\s+(?:decided|extended|renewed|expanded)|had\s+(?:previously\s+)?(?:been\s+)?(?:extended|renewed"
    r"|decided|expanded)|was\s+extended|were\s+extended|press\s+release)\b",
    re.IGNORECASE,
)
# The member that wrote the text: "the representative of France, which led the drafting of the text",
# "David Pressman (United States), who shepherded the drafting process", "…, the text's main author".
_PENHOLDER = re.compile(
    r"[,)]\s*(?:(?:which|who)\s+(?:led|shepherded|coordinated|steered)\s+(?:the\s+)?(?:drafting|negotiations)\b"
    r"|(?:as\s+)?(?:the\s+)?(?:text's|draft's|resolution's)\s+(?:main\s+)?(?:author|drafter|penholder)\b"
    r"|(?:as\s+)?(?:the\s+)?(?:co-)?penholders?\b)",
    re.IGNORECASE,
)
ESTABLISHING = re.compile(
    r"\b(?:establish(?:es|ed|ing)?|impos(?:es|ed|ing))\s+(?:a|an)\s+(?:new\s+)?(?:sanctions\s+regime|arms\s+embargo"
    r"|travel\s+ban|assets?\s+freeze)"
    r"|\bestablish(?:es|ed|ing|ment\s+of)\s+(?:a|an|the)\s+(?:office\s+of\s+the\s+)?ombudsperson\b",
    re.IGNORECASE,
)

# ---------------------------------------------------------------------------------------------------
# The reader.


@dataclass
class _Count:
    """A tally as the text gives it: counts and named members per position, and where."""

    counts: dict[Position, int] = field(default_factory=dict)
    named: dict[Position, list[str]] = field(default_factory=dict)
    sentences: list[str] = field(default_factory=list)

    def merge(self, other: _Count) -> bool:
        """Add another sentence's count; False if the two disagree."""
        for position, count in other.counts.items():
            if self.counts.setdefault(position, count) != count:
                return False
        for position, codes in other.named.items():
            if self.named.setdefault(position, codes) != codes:
                return False
        self.sentences.extend(other.sentences)
        return True


@dataclass
class Reader:
    regimes: list[Regime]
    lines: list[str]
    url: str | None
    given_date: dt.date | None
    chosen: Regime | None
    explanations: list[Explanation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    _warned: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        for line in self.lines:
            self.sentences.extend(sentences_of(line))
        # The lines before the first paragraph: site chrome, meeting number, symbol, headline, dateline.
        for line in self.lines[:14]:
            if line.endswith(".") and len(line) > 60:
                break
            self.header.append(line)

    def explain(self, name: str, value: object, source: str) -> None:
        self.explanations.append(Explanation(name, str(value), source))

    def warn(self, message: str) -> None:
        if message not in self._warned:
            self._warned.add(message)
            self.warnings.append(message)

    # --- symbols and date ------------------------------------------------------------------------

    def meeting(self) -> str | None:
        found: dict[str, str] = {}
        for line in self.lines:
            for match in _MEETING.finditer(line):
                number = int(match[1].replace(",", ""))
                if match[2].lower() != _ordinal(number):
                    self.warn(f"'{match[0]}' is not a meeting number as written: meeting left out")
                    continue
                found.setdefault(f"S/PV.{number}", line)
            for match in _PV.finditer(line):
                found.setdefault(f"S/PV.{match[1]}", line)
            for match in _MEETING_LIKE.finditer(line):
                if not _MEETING.fullmatch(match[0]):
                    self.warn(f"'{match[0]}' is not a meeting number as written: meeting left out")
        if len(found) > 1:
            self.warn(f"the text names {len(found)} meetings ({', '.join(found)}): meeting left out")
            return None
        for symbol, line in found.items():
            self.explain("meeting", symbol, line)
            return symbol
        return None

    def press_release(self) -> str | None:
        in_text = None
        for line in self.header:
            match = _SC_LINE.match(line)
            # The symbol alone on its line (or with the dateline): "see Press Release SC/…" cites another.
            rest = line[match.end() :].strip(" ,") if match else None
            if match and (not rest or DATE.fullmatch(rest)):
                in_text = (f"SC/{match[1]}", line)
                break
        from_url = None
        if self.url:
            found = _SC_URL.search(self.url)
            if found:
                from_url = f"SC/{int(found[1])}"
        if in_text and from_url and in_text[0] != from_url:
            self.warn(f"the text says {in_text[0]} but the address says {from_url}: press release left out")
            return None
        if in_text:
            self.explain("press_release", in_text[0], in_text[1])
            return in_text[0]
        if from_url:
            self.explain("press_release", from_url, f"--url {self.url}")
            return from_url
        return None

    def _stated_date(self) -> tuple[dt.date, str] | None:
        """The date the text gives for the decision, and the line or sentence that gives it."""
        for line in self.header:
            match = DATE.search(line)
            if match is None:
                continue
            rest = line[: match.start()] + line[match.end() :]
            if re.fullmatch(r"(?:SC/\d{4,5})?[\s,]*(?:[A-Z][a-z]+day,?)?[\s,]*", rest):
                day = parse_day(match)
                if day is not None:
                    return day, line
        for sentence in self.sentences[:8]:
            match = _ON_DATE.match(sentence)
            inner = DATE.match(match[1]) if match else None
            day = parse_day(inner) if inner else None
            if day is not None:
                return day, sentence
        return None

    def date(self) -> dt.date | None:
        stated = self._stated_date()
        if stated is not None:
            day, where = stated
            if self.given_date is not None and self.given_date != day:
                self.warn(f"--date {self.given_date} differs from the date the text gives ({day}): used {day}")
            self.explain("date", day, where)
            return day
        today = next((found for s in self.sentences if (found := _TODAY.search(s))), None)
        if self.given_date is not None:
            how = f'--date (the text says "{today[0]}")' if today else "--date"
            self.explain("date", self.given_date, how)
            return self.given_date
        if today:
            self.warn(f'the text dates the decision only "{today[0]}" and has no dateline: give --date; date left out')
        else:
            self.warn("the text gives no date: give --date; date left out")
        return None

    # --- the decision ----------------------------------------------------------------------------

    def adopted_resolution(self, day: dt.date | None) -> str | None:
        found: dict[int, tuple[int | None, str]] = {}
        for sentence in self.sentences:
            if _EARLIER.search(sentence):
                continue
            for match in _ADOPTED_RESOLUTION.finditer(sentence):
                number = int(match[1] or match[3] or match[5])
                year = match[2] or match[4] or match[6]
                known = found.get(number)
                if known is None or (known[0] is None and year):
                    found[number] = (int(year) if year else None, sentence)
            for match in _RES_SYMBOL.finditer(sentence):
                number = int(match[1])
                if number in found and found[number][0] is None and match[2]:
                    found[number] = (int(match[2]), found[number][1])
        if not found:
            return None
        if len(found) > 1:
            # The one adopted today: of the decision's year, said to be adopted "today" if that tells them apart.
            this_year = {n: f for n, f in found.items() if day is not None and f[0] == day.year}
            found = this_year or found
            today = {n: f for n, f in found.items() if _TODAY.search(f[1])}
            found = today if len(today) == 1 else found
        if len(found) > 1:
            numbers = ", ".join(str(n) for n in sorted(found))
            self.warn(f"the text adopts more than one resolution ({numbers}): document left out; draft each by hand")
            return None
        ((number, (year, sentence)),) = found.items()
        if year is None:
            if day is None:
                self.warn(f"resolution {number} is given without its year and the date is unknown: document left out")
                return None
            year = day.year
            sentence = f"{sentence} (the year is the decision's)"
        elif day is not None and year != day.year:
            self.warn(f"resolution {number} ({year}) is dated another year than the decision ({day}): check both")
        symbol = f"S/RES/{number} ({year})"
        self.explain("document", symbol, sentence)
        return symbol

    def failure(self) -> tuple[Kind, list[str], str] | None:
        """The kind of a draft that failed, the members who vetoed it, and the sentence saying so."""
        vetoers: list[str] = []
        said = None
        vetoed = False
        for sentence in self.sentences:
            if not _FAILED.search(sentence):
                continue
            if _STATEMENT.search(sentence) and said is not None:
                continue
            said = said or sentence
            if _VETO.search(sentence):
                vetoed = True
            for match in _VETO_BY.finditer(sentence):
                for code in members_named_at(sentence, match.end()):
                    if code not in vetoers:
                        vetoers.append(code)
                        said = sentence
        if said is None:
            return None
        return (Kind.VETO if vetoed else Kind.FAILED_DRAFT), vetoers, said

    def penholders(self) -> tuple[str, ...]:
        """The members the text says wrote the text (the words just before "which led the drafting")."""
        found: list[str] = []
        mentions = (match for sentence in self.sentences for match in _PENHOLDER.finditer(sentence))
        # A release names its penholder once or twice: reading a few mentions bounds a hostile text's cost.
        for match in itertools.islice(mentions, 20):
            sentence = match.string
            words = (
                sentence[max(0, match.start() - 60) : match.start()].replace("(", " ").replace(")", " ").split()[-6:]
            )
            code = next((c for i in range(len(words)) if (c := member_code(" ".join(words[i:])))), None)
            if code is not None and code not in found:
                found.append(code)
                self.explain("penholders", code, sentence)
        return tuple(found)

    def draft_symbol(self) -> str | None:
        for sentence in self.sentences:
            match = _DRAFT_SYMBOL.search(sentence)
            if match:
                self.explain("document", match[1], sentence)
                return match[1]
        return None

    # --- the vote ------------------------------------------------------------------------------

    def _counts(self, failed: bool) -> list[_Count]:
        found = []
        for sentence in self.sentences:
            if _STATEMENT.search(sentence) or bool(_FAILED.search(sentence)) != failed:
                continue
            count = _Count(sentences=[sentence])
            for position, pattern in (
                (Position.YES, _IN_FAVOUR),
                (Position.AGAINST, _AGAINST),
                (Position.ABSTAIN, _ABSTAINING),
            ):
                for match in pattern.finditer(sentence):
                    count.counts.setdefault(position, count_of(match[1]))
                    if match[2]:
                        listed = names_listed(match[2])
                        if listed is None:
                            self.warn(f"could not tell every member in '({match[2]})': those members left out")
                        else:
                            count.named.setdefault(position, listed)
            for match in _SUPPORT.finditer(sentence):
                count.counts.setdefault(Position.YES, count_of(match[1]))
            if count.counts:
                found.append(count)
        return found

    def vote(self, kind: Kind, vetoers: list[str], seats: int) -> tuple[Tally | None, dict[str, Position]]:
        counts = self._counts(kind.is_failed)
        total = _Count()
        for count in counts:
            if not total.merge(count):
                self.warn("the text gives two different counts for this decision: vote left out")
                return None, {}
        unanimous = None
        if not kind.is_failed:
            unanimous = next((s for s in self.sentences if _UNANIMOUS.search(s) and not _STATEMENT.search(s)), None)
        if unanimous is not None:
            tally = Tally(seats, 0, 0)
            stated = {Position.YES: seats, Position.AGAINST: 0, Position.ABSTAIN: 0}
            if any(stated[p] != c for p, c in total.counts.items()) or total.named.get(Position.ABSTAIN):
                self.warn("the text calls the vote unanimous but gives another count: vote left out")
                return None, {}
            self.explain("vote", f"{tally} (unanimous, a Council of {seats})", unanimous)
            return tally, {}
        named = {position: list(codes) for position, codes in total.named.items()}
        if kind is Kind.VETO:
            against = named.setdefault(Position.AGAINST, [])
            against.extend(code for code in vetoers if code not in against)
        for position, codes in list(named.items()):
            stated_count = total.counts.get(position)
            if stated_count is not None and stated_count != len(codes):
                self.warn(f"{stated_count} {position.value} but {len(codes)} members named: those members left out")
                del named[position]
        where = "; ".join(total.sentences) or "the veto named"
        votes: dict[str, Position] = {}
        for position in (Position.YES, Position.AGAINST, Position.ABSTAIN):
            codes = named.get(position, [])
            votes.update((code, position) for code in codes)
            if codes:
                self.explain(f"votes ({position.value})", ", ".join(codes), where)
        known: dict[Position, int] = {}
        for position in (Position.YES, Position.AGAINST, Position.ABSTAIN):
            if position in total.counts:
                known[position] = total.counts[position]
            elif named.get(position):
                known[position] = len(named[position])
        how = ""
        missing = [p for p in (Position.YES, Position.AGAINST, Position.ABSTAIN) if p not in known]
        if len(missing) == 1 and sum(known.values()) == seats:
            # Every seat is accounted for, so nobody is left to take the position the text leaves out.
            known[missing[0]] = 0
            how = f" ({missing[0].value}: 0, as the others account for all {seats} members)"
        if len(known) < 3:
            said = "does not give the whole tally" if known else "gives no vote"
            self.warn(f"the text {said}: vote left out")
            return None, votes
        tally = Tally(known[Position.YES], known[Position.AGAINST], known[Position.ABSTAIN])
        if tally.total > seats:
            self.warn(f"the tally {tally} adds up to more than the Council's {seats} members: vote left out")
            return None, votes
        self.explain("vote", f"{tally}{how}", where)
        return tally, votes

    # --- the regime ------------------------------------------------------------------------------

    def _regimes_of_the_day(self) -> list[Regime]:
        """The regimes a country's name may mean: those ongoing on the decision's date, when it is known
        (Haiti's 1993 regime had ended long before the 2653 regime's decisions)."""
        from sanctions.analysis.mandates import ONGOING, summarise

        stated = self._stated_date()
        day = stated[0] if stated is not None else self.given_date
        if day is None:
            return self.regimes
        return [regime for regime in self.regimes if summarise(regime, day).status in ONGOING]

    def regime(self) -> Regime | None:
        scores: dict[str, int] = {}
        reasons: dict[str, dict[str, None]] = {}  # in the order found
        owners = _resolution_owners(self.regimes)
        by_id = {regime.id: regime for regime in self.regimes}

        sentences: dict[str, tuple[int, str]] = {}
        named_in = _named_regimes(self._regimes_of_the_day())

        def credit(regime_id: str, points: int, why: str, sentence: str) -> None:
            scores[regime_id] = scores.get(regime_id, 0) + points
            reasons.setdefault(regime_id, {}).setdefault(why)
            # The sentence quoted for the regime: its strongest piece of evidence, the first such.
            if points > sentences.get(regime_id, (0, ""))[0]:
                sentences[regime_id] = (points, sentence)

        for sentence in self.sentences:
            for match in _COMMITTEE.finditer(sentence):
                number = int(match[1] or match[2])
                for regime_id in owners.get(number, ()):
                    if number in _names_numbers(by_id[regime_id]):
                        credit(regime_id, 10, f"the {number} Committee", sentence)
            for match in _CITED.finditer(sentence):
                for regime_id in owners.get(int(match[1]), ()):
                    credit(regime_id, 3, f"resolution {match[1]} ({match[2]})", sentence)
            for regime_id, name in named_in(sentence):
                credit(regime_id, 1, name, sentence)
        ranked = sorted(scores.items(), key=lambda item: -item[1])
        if self.chosen is not None:
            if ranked and ranked[0][0] != self.chosen.id and ranked[0][1] >= 10:
                self.warn(f"the text points to regime '{ranked[0][0]}', but --regime {self.chosen.id} was given")
            self.explain("regime", self.chosen.id, "--regime")
            return self.chosen
        if not ranked:
            self.warn("the text names no regime's committee, resolutions or country: give --regime; regime left out")
            return None
        winner = ranked[0][0]
        if len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
            # Two situations at once (the Somalia and Eritrea arms embargoes): the regime whose mandates the
            # text's terms are the terms of, if only one has the most.
            placed = {regime_id: self._terms_placed(by_id[regime_id]) for regime_id, _ in ranked[:2]}
            first, second = (placed[regime_id] for regime_id, _ in ranked[:2])
            if first == second:
                names = " or ".join(f"'{regime_id}'" for regime_id, _ in ranked[:2])
                self.warn(f"the text could be about {names}: give --regime; regime left out")
                return None
            winner = max(placed, key=lambda regime_id: placed[regime_id])
            other = next(regime_id for regime_id in placed if regime_id != winner)
            reasons[winner].setdefault(
                f"the text sets terms of {placed[winner]} of its mandates and {placed[other]} of '{other}''s"
            )
        self.explain("regime", winner, f"{', '.join(reasons[winner])}: {sentences[winner][1]}")
        return by_id[winner]

    def terminations(self, regime: Regime, day: dt.date | None) -> dict[str, Expiry]:
        """The mandates the decision ends, each set `terminated`."""
        return terminations(regime, self.decision_sentences(False), day, self.explain)

    def _terms_placed(self, regime: Regime) -> int:
        """How many of a regime's mandates the text gives a term, read quietly (to choose between regimes)."""
        sets, _, _ = expiries(regime, self.decision_sentences(False), (), None, lambda *_: None, lambda _: None)
        return len(sets)

    # --- expiries --------------------------------------------------------------------------------

    def decision_sentences(self, failed: bool) -> Iterator[str]:
        """The sentences that say what the decision (or the failed draft) does, in the Council's voice;
        the paragraphs before the headline, whose wording is the fuller one."""
        headline = set(self.header)
        for sentence in sorted(self.sentences, key=lambda sentence: sentence in headline):
            if sentence.startswith('"') or _PAST.search(sentence) or _STATEMENT.search(sentence):
                continue
            if failed:
                if _HYPOTHETICAL.search(sentence) or _FAILED.search(sentence):
                    yield sentence
            elif not _HYPOTHETICAL.search(sentence):
                # "unanimously decided to renew …, rejecting an alternate draft": the first clause only.
                failing = _FAILED.search(sentence)
                yield sentence[: sentence.rfind(",", 0, failing.start())] if failing else sentence

    def expiries(
        self, regime: Regime, failed: bool, day: dt.date | None
    ) -> tuple[dict[str, Expiry], dict[str, str], list[str]]:
        """Each mandate's new term, the phrases of terms given as durations, and mandates renewed without a term."""
        return expiries(regime, self.decision_sentences(failed), self.sentences, day, self.explain, self.warn)


def _ordinal(number: int) -> str:
    if number % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def _names_numbers(regime: Regime) -> set[int]:
    """The resolution numbers a regime answers to: its establishing resolution and numeric aliases."""
    numbers = {int(alias) for alias in regime.aliases if alias.isdigit()}
    match = RESOLUTION.fullmatch(regime.established_by)
    if match:
        numbers.add(int(match[1]))
    return numbers


def _resolution_owners(regimes: list[Regime]) -> dict[int, list[str]]:
    """Resolution number → the regimes named by it or recording it among their events."""
    owners: dict[int, list[str]] = {}
    for regime in regimes:
        numbers = set(_names_numbers(regime))
        for event in regime.events:
            match = RESOLUTION.fullmatch(event.document)
            if match:
                numbers.add(int(match[1]))
        for number in numbers:
            owners.setdefault(number, []).append(regime.id)
    return owners


def _regime_names(regime: Regime) -> list[str]:
    names = [regime.name]
    names.extend(alias.replace("-", " ") for alias in regime.aliases if not alias.isdigit())
    concerning = re.search(r"\bconcerning\s+(?:the\s+)?(.+)$", regime.committee)
    if concerning and len(concerning[1].split()) <= 6:
        names.append(concerning[1])
    # Short lower-case aliases ("car", "drc") are words or parts of words in prose.
    return [name for name in dict.fromkeys(names) if len(name) >= 4]


def _named_regimes(regimes: list[Regime]) -> Callable[[str], Iterator[tuple[str, str]]]:
    """What finds the regimes whose country or common name a sentence uses, longest names first, never nested.

    One pattern for every name, built once: the longest name at a place is the one matched there, and a
    name two regimes share is the first one's.
    """
    names: dict[str, tuple[str, str]] = {}
    for name, regime_id in sorted(((n, r.id) for r in regimes for n in _regime_names(r)), key=lambda i: -len(i[0])):
        names.setdefault(name.replace("-", " ").lower(), (regime_id, name))
    pattern = re.compile(rf"\b(?:{'|'.join(re.escape(name) for name in names)})\b", re.IGNORECASE)

    def found(sentence: str) -> Iterator[tuple[str, str]]:
        if not names:
            return
        for match in pattern.finditer(sentence.replace("-", " ")):
            named = names.get(match[0].lower())
            if named is not None:
                yield named

    return found
