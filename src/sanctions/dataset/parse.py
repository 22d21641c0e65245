"""Parse the YAML of one regime file into the model, reporting every problem with file:line:column."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import yaml

from sanctions.council import members
from sanctions.dataset.model import (
    OPEN_ENDED,
    SUSPENDED,
    TERMINATED,
    TRANSFERRED,
    UNRECORDED,
    Category,
    Event,
    Expiry,
    Kind,
    Location,
    Mandate,
    Position,
    Regime,
    Tally,
)
from sanctions.dataset.rules import check_regime
from sanctions.dataset.symbols import (
    DOCUMENT,
    ISO_DATE,
    MANDATE_KEY,
    MEETING,
    PRESS_RELEASE,
    REGIME_ID,
    RESOLUTION,
    SOURCE,
)
from sanctions.errors import DataError, Problem

try:
    from yaml import CSafeLoader as YamlLoader
except ImportError:  # pragma: no cover - libyaml is missing on some platforms
    from yaml import SafeLoader as YamlLoader  # type: ignore[assignment]

MAX_DEPTH = 100  # a regime file nests four or five levels
SAFE_NESTING_BOUND = 10_000  # far below the depth at which old libyaml builds' composer overflows the stack
PLAIN_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")}

DATE_HINT = "expected a date like 2024-04-30"
# The Council first met in 1946; a date centuries ahead is a typing mistake (and would overflow
# the calendar arithmetic of charts and calendar feeds near 9999-12-31).
FIRST_YEAR, LAST_YEAR = 1945, 2999


@dataclass
class _Reader:
    """Turns one file's YAML nodes into model values, collecting problems instead of stopping."""

    path: str
    problems: list[Problem]

    def at(self, node: yaml.Node) -> Location:
        mark = node.start_mark
        return Location(self.path, mark.line + 1, mark.column + 1)

    def fail(self, node: yaml.Node, message: str) -> None:
        self.problems.append(Problem(self.at(node), message))

    def mapping(
        self, node: yaml.Node, name: str, required: set[str], optional: set[str] | None
    ) -> dict[str, yaml.Node] | None:
        """The fields of a mapping node; `optional=None` accepts any key (names the file declares)."""
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, f"{name}: expected a mapping of keys to values, got {_shape(node)}")
            return None
        fields: dict[str, yaml.Node] = {}
        known = None if optional is None else required | optional
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                self.fail(key_node, f"{name}: keys must be plain words")
            elif key in fields:
                self.fail(key_node, f"{name}: duplicate key '{key}'")
            elif known is not None and key not in known:
                self.fail(key_node, f"{name}: unknown key '{key}' (expected one of: {', '.join(sorted(known))})")
            else:
                fields[key] = value_node
        for key in sorted(required - fields.keys()):
            self.fail(node, f"{name}: missing required key '{key}'")
        return fields

    def scalar(self, node: yaml.Node, name: str) -> str | None:
        if not isinstance(node, yaml.ScalarNode) or node.tag == "tag:yaml.org,2002:null":
            self.fail(node, f"{name}: expected text, got {_shape(node)}")
            return None
        text = str(node.value).strip()
        if not text:
            self.fail(node, f"{name}: must not be empty")
            return None
        return text

    def text(self, node: yaml.Node, name: str, pattern: re.Pattern[str] | None = None, hint: str = "") -> str | None:
        text = self.scalar(node, name)
        if text is not None and pattern is not None and not pattern.fullmatch(text):
            self.fail(node, f"{name}: {_quoted(text)} is not {hint}")
            return None
        return text

    def date(self, node: yaml.Node, name: str) -> dt.date | None:
        text = self.scalar(node, name)
        if text is None:
            return None
        if not ISO_DATE.fullmatch(text):
            self.fail(node, f"{name}: {DATE_HINT}, got {_quoted(text)}")
            return None
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            self.fail(node, f"{name}: {_quoted(text)} is not a real day ({DATE_HINT})")
            return None
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            self.fail(node, f"{name}: {text} is not between {FIRST_YEAR} and {LAST_YEAR} (use open-ended for no end)")
            return None
        return day

    def integer(self, node: yaml.Node, name: str, maximum: int) -> int | None:
        text = self.scalar(node, name)
        if text is None:
            return None
        # isdigit() alone takes '²' and other digits int() refuses; the length check keeps int() off
        # numbers of thousands of digits, which Python refuses to convert.
        whole = text.isascii() and text.isdigit() and len(text) <= len(str(maximum))
        if node.tag != "tag:yaml.org,2002:int" or not whole or int(text) > maximum:
            self.fail(node, f"{name}: expected a whole number from 0 to {maximum}, got {_quoted(text)}")
            return None
        return int(text)

    def sequence(self, node: yaml.Node, name: str) -> list[yaml.Node]:
        if not isinstance(node, yaml.SequenceNode):
            self.fail(node, f"{name}: expected a list, got {_shape(node)}")
            return []
        return list(node.value)

    def texts(
        self, node: yaml.Node, name: str, pattern: re.Pattern[str] | None = None, hint: str = ""
    ) -> tuple[str, ...]:
        items = (self.text(item, f"{name}[{i}]", pattern, hint) for i, item in enumerate(self.sequence(node, name)))
        return tuple(item for item in items if item is not None)

    def member(self, node: yaml.Node, name: str) -> str | None:
        code = self.scalar(node, name)
        if code is not None and not members.is_member_code(code):
            self.fail(node, f"{name}: {_quoted(code)} is not an ISO 3166 alpha-2 country code (like RU, US, FR)")
            return None
        return code

    def members(self, node: yaml.Node, name: str) -> tuple[str, ...]:
        items = (self.member(item, f"{name}[{i}]") for i, item in enumerate(self.sequence(node, name)))
        return tuple(code for code in items if code is not None)

    def deadlines(self, node: yaml.Node, name: str) -> dict[str, dt.date]:
        """Named dates a decision sets, such as report deadlines: {final report: 2019-08-15}."""
        result: dict[str, dt.date] = {}
        for key, value in (self.mapping(node, name, set(), None) or {}).items():
            day = self.date(value, f"{name}.{key}")
            if day is not None:
                result[key] = day
        return result

    def derivations(self, node: yaml.Node, name: str) -> dict[str, str]:
        """Mandate → how the date it is set to follows from a term stated as a duration."""
        result: dict[str, str] = {}
        for key, value in (self.mapping(node, name, set(), None) or {}).items():
            text = self.scalar(value, f"{name}.{key}")
            if text is not None:
                result[key] = text
        return result

    def expiries(self, node: yaml.Node, name: str) -> dict[str, Expiry]:
        fields = self.mapping(node, name, set(), None)
        result: dict[str, Expiry] = {}
        for key, value in (fields or {}).items():
            text = self.scalar(value, f"{name}.{key}")
            if text in (OPEN_ENDED, TERMINATED, UNRECORDED, SUSPENDED, TRANSFERRED):
                result[key] = text
            elif text is not None:
                day = self.date(value, f"{name}.{key}")
                if day is not None:
                    result[key] = day
        return result


def _quoted(value: object) -> str:
    """A value from the file, quoted for a one-line message: long values are cut short."""
    text = str(value)
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


def _shape(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if node.tag == "tag:yaml.org,2002:null":
        return "nothing"
    return _quoted(node.value)


def _check_nodes(root: yaml.Node, reader: _Reader) -> bool:
    """Refuse aliases and object-building tags before any value is built from the tree."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            reader.fail(node, "anchors and aliases (&name, *name) are not allowed in regime files")
            return False
        seen.add(id(node))
        if node.tag not in PLAIN_TAGS:
            reader.fail(node, f"YAML tag '{node.tag}' is not allowed in regime files")
            return False
        if isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
        elif isinstance(node, yaml.MappingNode):
            for key, value in reversed(node.value):
                stack.extend((value, key))
    return True


def _nesting_bound(text: str) -> int:
    """A cheap upper bound on how deeply the document can nest.

    Block nesting needs indentation or compact indicators on the same line; flow nesting needs an
    opening bracket per level. The bound is loose, so only unusual files pay for the exact check.
    """
    flow = text.count("[") + text.count("{")
    block = max(
        (
            len(line) - len(line.lstrip(" ")) + line.count("-") + line.count("?") + line.count(":")
            for line in text.splitlines()
        ),
        default=0,
    )
    return flow + block


def _too_deep(where: Any, reader: _Reader) -> Problem:  # a yaml.Mark from either parser, or None
    location = Location(reader.path, where.line + 1, where.column + 1) if where else Location(reader.path, 1, 1)
    return Problem(location, f"nested more than {MAX_DEPTH} levels deep: not a regime file")


def _stream_depth(text: str, reader: _Reader, loader: type[YamlLoader] | type[yaml.SafeLoader]) -> Problem | None:
    """Where the document first nests more than MAX_DEPTH levels, measured on a parser's event
    stream (which does not recurse, and stops there); None if it never does."""
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                return _too_deep(event.start_mark, reader)
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
    return None


def _tree_depth(root: yaml.Node, reader: _Reader) -> Problem | None:
    """The same on a composed tree: a walk of the collections only, level by level (a few per cent
    of composing it). A collection's value is a list; a scalar's is a string."""
    level, depth = [root], 1
    while level:
        if depth > MAX_DEPTH:
            return _too_deep(level[0].start_mark, reader)
        deeper = []
        for node in level:
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    if type(key.value) is list:
                        deeper.append(key)
                    if type(value.value) is list:
                        deeper.append(value)
            else:
                deeper.extend(item for item in node.value if type(item.value) is list)
        level, depth = deeper, depth + 1
    return None


def _measured_after_refusal(text: str, reader: _Reader) -> Problem | None:
    """libyaml refused the document: if that was for its depth, say so in our words and at our limit.

    Since PyYAML 6.0.4 libyaml refuses 1,000 levels on its own, in its words, even while scanning
    ahead of an event stream; PyYAML's pure-Python parser has no such limit (and is slower, which
    only a broken file pays)."""
    try:
        return _stream_depth(text, reader, yaml.SafeLoader)
    except yaml.YAMLError:
        return None  # invalid before it was too deep: libyaml's message stands


# What YAML does not allow raw in a document (YAML 1.1, 5.1): libyaml reports it at line 1 with
# an offset; looked for after it refuses a document, it is reported where an editor shows it.
_NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _unprintable(text: str, reader: _Reader) -> bool:
    found = _NOT_PRINTABLE.search(text)
    if found is None:
        return False
    before = text[: found.start()]
    line = before.count("\n") + 1
    column = found.start() - (before.rfind("\n") + 1) + 1
    reader.problems.append(
        Problem(
            Location(reader.path, line, column),
            f"control character U+{ord(found.group()):04X} is not allowed in regime files: delete it, "
            "or write it as an escape inside double quotes",
        )
    )
    return True


def _compose(text: str, reader: _Reader) -> yaml.Node | None:
    """The YAML tree of a file, or None with the problems found; our limits are checked before
    the YAML library's, so the messages are ours whatever its version does."""
    bound = _nesting_bound(text)
    deep: Problem | None = None
    try:
        if bound > SAFE_NESTING_BOUND:  # libyaml's composer recurses per level: measure before it runs
            try:
                deep = _stream_depth(text, reader, YamlLoader)
            except yaml.YAMLError:
                deep = _measured_after_refusal(text, reader)
                if deep is None:
                    raise
            if deep is not None:
                reader.problems.append(deep)
                return None
        node = yaml.compose(text, Loader=YamlLoader)
    except yaml.MarkedYAMLError as error:
        if _unprintable(text, reader):
            return None
        deep = _measured_after_refusal(text, reader) if bound > MAX_DEPTH else None
        if deep is not None:
            reader.problems.append(deep)
            return None
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = error.problem or "not valid YAML"
        reader.problems.append(Problem(Location(reader.path, line, column), f"not valid YAML: {reason}"))
        return None
    except yaml.YAMLError as error:
        # libyaml refuses a control character (with an offset, at 1:1): found here, it is named
        # where it stands. A document it accepts holds none, so only a refused one is scanned.
        if not _unprintable(text, reader):
            reader.problems.append(Problem(Location(reader.path, 1, 1), f"not valid YAML: {error}"))
        return None
    if node is None:
        reader.problems.append(Problem(Location(reader.path, 1, 1), "empty file: expected a regime mapping"))
        return None
    deep = _tree_depth(node, reader) if bound > MAX_DEPTH else None
    if deep is not None:
        reader.problems.append(deep)
        return None
    # Anchors need '&', aliases '*' and explicit tags '!': without them the tree walk is moot.
    if not ("&" in text or "*" in text or "!" in text):
        return node
    return node if _check_nodes(node, reader) else None


_REGIME_KEYS = {"id", "name", "committee", "verified", "mandates", "events"}
# A regime without `established_by` is one the Council never established: its file holds the drafts
# that would have (Zimbabwe, 2008).
_REGIME_OPTIONAL = {"established_by", "aliases", "summary", "notes", "preceded_by", "succeeded_by"}
_EVENT_KEYS = {"date", "kind", "document", "title", "sources"}
_EVENT_OPTIONAL = {
    "meeting",
    "press_release",
    "summary",
    "vote",
    "votes",
    "vetoed_by",
    "penholders",
    "sets",
    "would_have_set",
    "lapses",
    "notes",
    "dispute",
    "deadlines",
    "effective",
    "derived",
}


def _event(node: yaml.Node, name: str, reader: _Reader) -> Event | None:
    fields = reader.mapping(node, name, _EVENT_KEYS, _EVENT_OPTIONAL)
    if fields is None:
        return None
    before = len(reader.problems)
    date = reader.date(fields["date"], f"{name}.date") if "date" in fields else None
    kind_text = reader.scalar(fields["kind"], f"{name}.kind") if "kind" in fields else None
    kind = None
    if kind_text is not None:
        try:
            kind = Kind(kind_text)
        except ValueError:
            kinds = ", ".join(k.value for k in Kind)
            reader.fail(fields["kind"], f"{name}.kind: unknown kind {_quoted(kind_text)} (expected one of: {kinds})")

    def text(key: str, pattern: re.Pattern[str] | None = None, hint: str = "") -> str | None:
        return reader.text(fields[key], f"{name}.{key}", pattern, hint) if key in fields else None

    document = text("document", DOCUMENT, "a UN document symbol like S/RES/2374 (2017), S/2023/638 or SC/15648")
    title = text("title")
    vote = _tally(fields["vote"], f"{name}.vote", reader) if "vote" in fields else None
    votes: dict[str, Position] = {}
    if "votes" in fields:
        for code, value in (reader.mapping(fields["votes"], f"{name}.votes", set(), None) or {}).items():
            member = members.is_member_code(code)
            position = reader.scalar(value, f"{name}.votes.{code}")
            if not member:
                reader.fail(
                    value, f"{name}.votes: {_quoted(code)} is not an ISO 3166 alpha-2 country code (like RU, US, FR)"
                )
            elif position not in {p.value for p in Position}:
                if position is not None:
                    reader.fail(
                        value, f"{name}.votes.{code}: expected yes, against, abstain or absent, got {_quoted(position)}"
                    )
            else:
                votes[code] = Position(position)
    sources = (
        reader.texts(
            fields["sources"],
            f"{name}.sources",
            SOURCE,
            "a plain web address (https://host/…, with no user name or backslash) or a UN symbol",
        )
        if "sources" in fields
        else ()
    )
    if "sources" in fields and not sources and len(reader.problems) == before:
        reader.fail(fields["sources"], f"{name}.sources: list at least one source you read")
    effective = reader.date(fields["effective"], f"{name}.effective") if "effective" in fields else None
    if len(reader.problems) > before or date is None or kind is None or document is None or title is None:
        return None
    return Event(
        date=date,
        kind=kind,
        document=document,
        title=title,
        meeting=text("meeting", MEETING, "a meeting record symbol like S/PV.9408"),
        press_release=text("press_release", PRESS_RELEASE, "a press release symbol like SC/15648"),
        summary=text("summary") or "",
        vote=vote,
        votes=votes,
        vetoed_by=reader.members(fields["vetoed_by"], f"{name}.vetoed_by") if "vetoed_by" in fields else (),
        penholders=reader.members(fields["penholders"], f"{name}.penholders") if "penholders" in fields else (),
        sets=reader.expiries(fields["sets"], f"{name}.sets") if "sets" in fields else {},
        would_have_set=reader.expiries(fields["would_have_set"], f"{name}.would_have_set")
        if "would_have_set" in fields
        else {},
        lapses=reader.texts(fields["lapses"], f"{name}.lapses") if "lapses" in fields else (),
        sources=sources,
        notes=text("notes") or "",
        dispute=text("dispute") or "",
        deadlines=reader.deadlines(fields["deadlines"], f"{name}.deadlines") if "deadlines" in fields else {},
        effective=effective,
        derived=reader.derivations(fields["derived"], f"{name}.derived") if "derived" in fields else {},
        where=reader.at(node),
    )


def _tally(node: yaml.Node, name: str, reader: _Reader) -> Tally | None:
    keys = {"in_favour", "against", "abstaining"}
    fields = reader.mapping(node, name, keys, set())
    if fields is None or set(fields) != keys:
        return None
    counts = [reader.integer(fields[k], f"{name}.{k}", 15) for k in ("in_favour", "against", "abstaining")]
    if any(count is None for count in counts):
        return None
    in_favour, against, abstaining = (int(count or 0) for count in counts)
    return Tally(in_favour, against, abstaining)


SHORT_LABEL_MAX = 32  # a mandate's short label fits a narrow column and a chart lane


def _mandates(node: yaml.Node, reader: _Reader) -> dict[str, Mandate]:
    result: dict[str, Mandate] = {}
    for key, value in (reader.mapping(node, "mandates", set(), None) or {}).items():
        if not MANDATE_KEY.fullmatch(key):
            reader.fail(value, f"mandates: '{key}' is not a mandate key (lower-case letters, digits, '-')")
            continue
        fields = reader.mapping(value, f"mandates.{key}", {"name"}, {"description", "category", "short"})
        if fields and "name" in fields:
            name = reader.text(fields["name"], f"mandates.{key}.name")
            description = (
                reader.text(fields["description"], f"mandates.{key}.description") if "description" in fields else ""
            )
            short = reader.text(fields["short"], f"mandates.{key}.short") if "short" in fields else ""
            if short and len(short) > SHORT_LABEL_MAX:
                reader.fail(
                    fields["short"],
                    f"mandates.{key}.short: at most {SHORT_LABEL_MAX} characters, got {len(short)}"
                    " (it stands in for the name where space is short)",
                )
                short = ""
            category = Category.guess(key)
            if "category" in fields:
                text = reader.scalar(fields["category"], f"mandates.{key}.category")
                if text not in {c.value for c in Category}:
                    choices = ", ".join(c.value for c in Category)
                    got = _quoted(text)
                    reader.fail(fields["category"], f"mandates.{key}.category: expected one of {choices}, got {got}")
                else:
                    category = Category(text)
            if name:
                result[key] = Mandate(key, name, description or "", category, short or "")
    if not result and isinstance(node, yaml.MappingNode):
        reader.fail(node, "mandates: declare at least one mandate (e.g. measures, panel)")
    return result


def parse_regime(text: str, path: str) -> Regime:
    """Build a regime from the text of one file; raise DataError listing every problem."""
    problems: list[Problem] = []
    reader = _Reader(path, problems)
    root = _compose(text, reader)
    if root is None:
        raise DataError(problems)
    fields = reader.mapping(root, "regime", _REGIME_KEYS, _REGIME_OPTIONAL)
    if fields is None:
        raise DataError(problems)

    def text_of(key: str, pattern: re.Pattern[str] | None = None, hint: str = "") -> str | None:
        return reader.text(fields[key], key, pattern, hint) if key in fields else None

    regime_id = text_of("id", REGIME_ID, "an id (lower-case letters, digits and '-')")
    aliases = tuple(a.lower() for a in reader.texts(fields["aliases"], "aliases")) if "aliases" in fields else ()
    mandates = _mandates(fields["mandates"], reader) if "mandates" in fields else {}
    events: list[Event] = []
    for i, node in enumerate(reader.sequence(fields["events"], "events") if "events" in fields else []):
        event = _event(node, f"events[{i}]", reader)
        if event is not None:
            events.append(event)
    verified = reader.date(fields["verified"], "verified") if "verified" in fields else None
    name = text_of("name")
    committee = text_of("committee")
    established_by = text_of("established_by", RESOLUTION, "a resolution symbol like S/RES/2374 (2017)")
    if problems or None in (regime_id, name, committee, verified):
        raise DataError(problems or [Problem(reader.at(root), "regime: incomplete")])
    events.sort(key=lambda e: e.date)
    regime = Regime(
        id=str(regime_id),
        name=str(name),
        committee=str(committee),
        established_by=established_by or "",
        verified=verified or dt.date.min,
        mandates=mandates,
        events=tuple(events),
        aliases=aliases,
        summary=text_of("summary") or "",
        notes=text_of("notes") or "",
        preceded_by=text_of("preceded_by", REGIME_ID, "a regime id") or "",
        succeeded_by=text_of("succeeded_by", REGIME_ID, "a regime id") or "",
        where=reader.at(root),
    )
    problems.extend(check_regime(regime))
    if problems:
        raise DataError(problems)
    return regime


def parse_regime_json(text: str, path: str) -> Regime:
    """Load a regime from a JSON export (`sanctions export --format json`)."""
    import json

    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise DataError([Problem(Location(path, error.lineno, error.colno), f"not valid JSON: {error.msg}")]) from None
    # Re-emitting as YAML lets the one validating reader check it. Every string goes out double-quoted:
    # only that style escapes characters YAML would otherwise fold (NEL, line and paragraph separators).
    return parse_regime(yaml.dump(document, Dumper=_QuotingDumper, allow_unicode=True, sort_keys=False), path)


class _QuotingDumper(yaml.SafeDumper):
    """A safe dumper that writes every string double-quoted."""


_QuotingDumper.add_representer(
    str, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
)
