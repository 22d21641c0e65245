"""The terms a press release's sentences set: each mandate's new end date or duration, or its end."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sanctions.dataset.model import TERMINATED, UNRECORDED, Category, Expiry, Regime
from sanctions.drafting.press import DATE, DAY_MONTH, count_of, parse_day

_UNTIL = re.compile(rf"\b(?:until|through|till)\s+(?:{DATE.pattern})", re.IGNORECASE)
_UNTIL_NO_YEAR = re.compile(rf"\b(?:until|through)\s+(?:{DAY_MONTH.pattern})")
_DURATION = re.compile(
    r"\bfor\s+(?:(a|an|another)\s+)?(?:(?:further|new|additional|initial|final)\s+)?(?:period\s+of\s+)?"
    r"(\d{1,2}|one|two|three|six|twelve|thirteen|eighteen|twenty-four|thirty-six)?\s*"
    r"(?:(?:more|additional|further)\s+)?(months?|years?)\b",
    re.IGNORECASE,
)
_START = re.compile(
    rf"\s*(?:from|starting(?:\s+on)?|beginning(?:\s+on)?|as\s+from|with\s+effect\s+from)\s+((?:{DATE.pattern}))"
)
_VERB_AT_END = re.compile(
    r"\b(?:extend|extends|extended|extending|renew|renews|renewed|renewing|prolong|prolongs|prolonged|prolonging"
    r"|reauthori[sz]e|reauthori[sz]es|reauthori[sz]ed|reauthori[sz]ing)\s*$",
    re.IGNORECASE,
)
# Matched at the end of a bounded tail, never with `(…)*$` over the whole text, which backtracks from every position.
_FILLER = frozenset(",\u2014\u2013-")
_SPAN_AT_END = re.compile(r"\bfor\s+(?:an?\s+)?(?:\w+\s+)?(?:\w+\s+)?(?:months?|years?)$", re.IGNORECASE)
_TAIL = 80  # longer than any "for a further twelve months" or verb
_UNTIL_NEXT = re.compile(r"[\s,\u2014\u2013-]*(?:until|through|till)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(
    r";|\.\s|\.$|,\s+(?=\w+ing\b)|\s(?:while|whereas|yet|but)\s|,?\s+and\s+(?=(?:decided|requested|expressed|urged"
    r"|called|demanded|stressed)\b)",
    re.IGNORECASE,
)
# What a report or briefing is asked to do "until" a date: a deadline, not a mandate's term.
_REPORTING = re.compile(
    r"\b(?:brief(?:s|ed|ing)?|report(?:s|ed|ing)?|submit(?:s|ted|ting)?|present(?:s|ed|ing)?|inform(?:s|ed|ing)?"
    r"|updat(?:e|es|ed|ing))\b",
    re.IGNORECASE,
)
_AT_THE_LATEST = re.compile(r"[\s,]*at\s+the\s+latest\b", re.IGNORECASE)
# "terminated, with immediate effect, the sanctions regime on Liberia", "disbanded ... its Panel of Experts".
_TERMINATING = re.compile(
    r"\b(?:terminat(?:e|es|ed|ing)|lift(?:s|ed|ing)?|disband(?:s|ed|ing)?|dissolv(?:e|es|ed|ing))\b", re.IGNORECASE
)
_CONDITIONAL = re.compile(r"\b(?:if|unless|would|should|review|until|once|when)\b", re.IGNORECASE)
_WHOLE_REGIME = re.compile(r"^\W*(?:\w+\W+){0,4}?(?:the\s+)?sanctions\s+regime\b", re.IGNORECASE)
RENEWAL = re.compile(r"\b(?:renew(?:s|ed|ing)?|extend(?:s|ed|ing)?|prolong\w*|reauthori[sz]\w*)\b", re.IGNORECASE)
# What a phrase calls a mandate, and what a mandate's name must say to be the one meant.
_MONITORING = re.compile(
    r"\b(?:panel\s+of\s+experts|expert\s+panel|panel|group\s+of\s+experts|monitoring\s+(?:team|group)"
    r"|team\s+monitoring)\b",
    re.IGNORECASE,
)
_OMBUDSPERSON = re.compile(r"\bombudsperson\b", re.IGNORECASE)
_SPECIFIC = {
    "arms embargo": re.compile(r"\barms\s+embargo(?:es)?\b", re.IGNORECASE),
    "travel ban": re.compile(r"\btravel[-\s]bans?\b", re.IGNORECASE),
    "asset freeze": re.compile(r"\bassets?[-\s]freezes?\b", re.IGNORECASE),
    "petroleum": re.compile(r"\b(?:petroleum|crude\s+oil)\b", re.IGNORECASE),
    "charcoal": re.compile(r"\bcharcoal\b", re.IGNORECASE),
    "interdiction": re.compile(r"\binterdiction\b", re.IGNORECASE),
}
_GENERIC = re.compile(r"\b(?:measures|sanctions(?!\s+(?:committee|list))|authori[sz]ations?|embargo)\b", re.IGNORECASE)
_RESOLUTION_CITED = re.compile(r"\bresolutions?\s+(\d{1,4})\s*\((\d{4})\)", re.IGNORECASE)


@dataclass(frozen=True)
class _Anchor:
    """A term in a sentence: "until 30 April 2025" (a date) or "for 13 months" (a duration)."""

    start: int
    end: int
    phrase: str
    day: dt.date | None


def expiries(
    regime: Regime,
    decision: Iterable[str],
    sentences: Iterable[str],
    day: dt.date | None,
    explain: Callable[[str, object, str], None],
    warn: Callable[[str], None],
) -> tuple[dict[str, Expiry], dict[str, str], list[str]]:
    """Each mandate's new term, the phrases of terms given as durations, and mandates renewed without a term.

    `decision` are the sentences that say what the decision does; `sentences` all of the text's.
    """
    dates: dict[str, tuple[dt.date, str, str]] = {}
    spans: dict[str, tuple[str, str]] = {}
    conflicts: set[str] = set()
    renewing: list[str] = []
    unplaced: list[tuple[_Anchor, str]] = []
    for sentence in decision:
        anchors = _anchors(sentence)
        deadlines = _deadlines(sentence, anchors)
        for index, anchor in enumerate(anchors):
            if index in deadlines:
                warn(f"'{anchor.phrase}' is a deadline for a report or briefing, not a mandate's term: left out")
                continue
            keys, unclear = mandates_named(regime, _object_of(sentence, anchors, index))
            if not keys:
                unplaced.append((anchor, unclear))
            for key in keys:
                if anchor.day is None:
                    spans.setdefault(key, (anchor.phrase, sentence))
                elif day is not None and anchor.day < day:
                    warn(f"'{anchor.phrase}' is before the decision ({day}): left out")
                else:
                    known = dates.setdefault(key, (anchor.day, anchor.phrase, sentence))
                    if known[0] != anchor.day:
                        conflicts.add(key)
        if RENEWAL.search(sentence):
            for key, mandate in regime.mandates.items():
                if key not in renewing and _names_mechanism(mandate.category, sentence):
                    renewing.append(key)
    result: dict[str, Expiry] = {}
    phrases: dict[str, str] = {}
    for key in sorted(conflicts):
        warn(f"the text gives {key} more than one end date: {key} left out")
    for key, (end, phrase, sentence) in dates.items():
        if key not in conflicts:
            result[key] = end
            explain(f"expiry of {key}", f"{end} ({phrase})", sentence)
    for key, (phrase, sentence) in spans.items():
        if key not in result and key not in conflicts:
            result[key] = UNRECORDED
            phrases[key] = phrase
            explain(f"expiry of {key}", f"{UNRECORDED} ({phrase}, and no start date)", sentence)
    placed_days = {end for end, _, _ in dates.values()}
    placed_spans = {phrase.lower() for phrase, _ in spans.values()}
    for anchor, unclear in unplaced:
        # The headline's "for One Year" is placed by the paragraph that says what it is for.
        if anchor.day in placed_days or anchor.phrase.lower() in placed_spans:
            continue
        warn(f"'{anchor.phrase}': {unclear.format(regime=regime.id)}: left out")
    for sentence in sentences:
        for match in _UNTIL_NO_YEAR.finditer(sentence):
            warn(f"'{match[0]}' gives no year: that end date is left out")
    ordered = {key: result[key] for key in regime.mandates if key in result}
    return ordered, phrases, [key for key in renewing if key not in ordered and key not in conflicts]


def _anchors(sentence: str) -> list[_Anchor]:
    """The terms a sentence gives, in order: end dates, and durations not followed by an end date."""
    anchors: list[_Anchor] = []
    for match in _UNTIL.finditer(sentence):
        inner = DATE.search(match[0])
        day = parse_day(inner) if inner else None
        if day is not None:
            anchors.append(_Anchor(match.start(), match.end(), match[0], day))
    for match in _DURATION.finditer(sentence):
        article, number, unit = match[1], match[2], match[3]
        if number is None and article is None:
            continue  # "for months": no length at all
        # "for one year until 31 July 2024" is one term, and the date says it.
        if _UNTIL_NEXT.match(sentence, match.end()):
            continue
        phrase, day = match[0], None
        start = _START.match(sentence, match.end())
        if start is not None:
            begins = parse_day(DATE.match(start[1]))  # type: ignore[arg-type]
            length = count_of(number) if number else 1
            if begins is not None:
                from dateutil.relativedelta import relativedelta

                months = length * 12 if unit.lower().startswith("year") else length
                day = begins + relativedelta(months=months) - dt.timedelta(days=1)
                phrase = f"{match[0]}{start[0]}"
        anchors.append(_Anchor(match.start(), match.end() + (len(start[0]) if start else 0), phrase, day))
    return sorted(anchors, key=lambda anchor: anchor.start)


def _deadlines(sentence: str, anchors: list[_Anchor]) -> set[int]:
    """The anchors that are deadlines, not terms: "brief the Committee on its findings until 15 December 2023
    at the latest" (the nearest verb before it is one of reporting, or "at the latest" follows it)."""
    verbs = sorted(
        [(match.start(), False) for match in RENEWAL.finditer(sentence)]
        + [(match.start(), True) for match in _REPORTING.finditer(sentence)]
    )
    starts = [start for start, _ in verbs]
    found = set()
    for index, anchor in enumerate(anchors):
        nearest = bisect.bisect_left(starts, anchor.start) - 1
        if _AT_THE_LATEST.match(sentence, anchor.end) or (nearest >= 0 and verbs[nearest][1]):
            found.add(index)
    return found


def _object_of(sentence: str, anchors: list[_Anchor], index: int) -> str:
    """The words the term `anchors[index]` is the term of, found by where the verb stands: "extended until X
    the mandate of the Panel" or "extended the mandate of the Panel until X"."""
    anchor = anchors[index]
    before = sentence[anchors[index - 1].end if index else 0 : anchor.start]
    after = sentence[anchor.end : anchors[index + 1].start if index + 1 < len(anchors) else len(sentence)]
    end = _CLAUSE_END.search(after)
    after = after[: end.start()] if end else after
    if _verb_at_end(before):
        primary, other = after, ""
    else:
        verbs = list(RENEWAL.finditer(before))
        primary, other = (before[verbs[-1].end() :] if verbs else before), after
    return primary if mandates_named(None, primary)[0] else other


def _verb_at_end(text: str) -> bool:
    """Whether `text` ends with a renewing verb, once dashes, commas and "for a year" are set aside."""
    end = len(text)
    while True:
        while end and (text[end - 1] in _FILLER or text[end - 1].isspace()):
            end -= 1
        span = _SPAN_AT_END.search(text, max(0, end - _TAIL), end)
        if span is None or span.start() == end:
            return _VERB_AT_END.search(text, max(0, end - _TAIL), end) is not None
        end = span.start()


def mandates_named(regime: Regime | None, phrase: str) -> tuple[list[str], str]:
    """The mandates a phrase names plainly, and why none if it names none (a message template).

    Without a regime, only whether the phrase names any kind of mandate at all (a one-item list).
    """
    if regime is None:
        any_mandate = (
            _MONITORING.search(phrase)
            or _OMBUDSPERSON.search(phrase)
            or any(pattern.search(phrase) for pattern in _SPECIFIC.values())
            or _GENERIC.search(phrase)
            or _RESOLUTION_CITED.search(phrase)
        )
        return (["?"] if any_mandate else []), ""
    found: list[str] = []
    ambiguous = False

    def among(keys: Iterable[str]) -> None:
        nonlocal ambiguous
        unique = list(dict.fromkeys(keys))
        if len(unique) == 1:
            if unique[0] not in found:
                found.append(unique[0])
        elif unique:
            ambiguous = True

    def of(category: Category) -> list[str]:
        return [k for k, m in regime.mandates.items() if m.category is category]

    if _MONITORING.search(phrase):
        among(of(Category.MONITORING))
    if _OMBUDSPERSON.search(phrase):
        among(of(Category.OMBUDSPERSON))
    for pattern in _SPECIFIC.values():
        if pattern.search(phrase):
            by_name = [k for k, m in regime.mandates.items() if pattern.search(m.name)]
            among(by_name or [k for k, m in regime.mandates.items() if pattern.search(m.description)])
    if not found and not ambiguous:
        # "the provisions of paragraphs 15 and 17 of resolution 2182 (2014)": the mandate whose description cites it.
        cited = {f"resolution {n} ({y})" for n, y in _RESOLUTION_CITED.findall(phrase)}
        owners = {k for k, m in regime.mandates.items() if cited and any(c in _plain(m.description) for c in cited)}
        if len(owners) == 1:
            among(owners)
    if not found and not ambiguous and _GENERIC.search(phrase):
        among(of(Category.MEASURES))
    if found:
        return found, ""
    if ambiguous:
        return [], "could not tell which of {regime}'s mandates it is for"
    return [], "the sentence names no mandate of {regime}"


def _names_mechanism(category: Category, sentence: str) -> bool:
    """Whether a renewal sentence names a panel or an Ombudsperson (said in a warning when it sets no term)."""
    if category is Category.MONITORING:
        return bool(_MONITORING.search(sentence))
    if category is Category.OMBUDSPERSON:
        return bool(_OMBUDSPERSON.search(sentence))
    return False


def _plain(text: str) -> str:
    return " ".join(text.split()).lower().replace("resolutions ", "resolution ")


def terminations(
    regime: Regime, decision: Iterable[str], day: dt.date | None, explain: Callable[[str, object, str], None]
) -> dict[str, Expiry]:
    """The mandates a decision ends, each set `terminated`: those a terminating sentence names, and every
    mandate in force the day before where it ends "the sanctions regime"."""
    from sanctions.analysis.mandates import regime_statuses

    ended: set[str] = set()
    for sentence in decision:
        match = _TERMINATING.search(sentence)
        if match is None or _CONDITIONAL.search(sentence):
            continue
        what = sentence[match.end() :]
        found = set(mandates_named(regime, what)[0])
        if _WHOLE_REGIME.search(what) and day is not None:
            before = day - dt.timedelta(days=1)
            found |= {s.mandate.key for s in regime_statuses(regime, before) if s.status.in_force}
        if found:
            ended |= found
            explain("terminated", ", ".join(sorted(found)), sentence)
    return {key: TERMINATED for key in regime.mandates if key in ended}
