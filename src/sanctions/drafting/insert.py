"""Add an event to a regime file as text, in date order, keeping the file's comments and layout."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from sanctions.dataset.files import kind_of, write_atomically
from sanctions.dataset.model import Location
from sanctions.errors import DataError, Problem, SanctionsError
from sanctions.streams import reason

if TYPE_CHECKING:
    from sanctions.drafting.draft import Draft

MAX_FILE_BYTES = 20 * 1024 * 1024  # as the loader allows


class ApplyError(SanctionsError):
    """An event that was not added: the regime file is left exactly as it was."""


def insert_event(text: str, block: str, day: dt.date, path: str) -> tuple[str, int]:
    """`text` with the event `block` (an `events:` item, "  - date: …") placed by date, and its first line.

    The event goes after the last event dated on or before `day` (so after those of the same day),
    or before the first if all are later; comment lines just above the event it precedes stay with
    that event. The layout is the file's own: the block is re-indented to the list's indentation and
    set off by a blank line where the file sets its events off so.
    """
    import yaml

    try:
        from yaml import CSafeLoader as Loader
    except ImportError:  # pragma: no cover - libyaml is missing on some platforms
        from yaml import SafeLoader as Loader  # type: ignore[assignment]

    def refuse(message: str, line: int = 1) -> ApplyError:
        return ApplyError(f"{path}:{line}: {message}")

    try:
        root = yaml.compose(text, Loader=Loader)
    except yaml.YAMLError as error:
        raise refuse(f"not valid YAML before the event was added ({error})") from None
    if not isinstance(root, yaml.MappingNode):
        raise refuse("not a regime file: expected a mapping at the top")
    events = next((value for key, value in root.value if getattr(key, "value", None) == "events"), None)
    if not isinstance(events, yaml.SequenceNode) or events.flow_style or not events.value:
        line = events.start_mark.line + 1 if events is not None else 1
        raise refuse("'events' is not a block list of events: add the event by hand", line)

    lines = text.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    items: list[tuple[dt.date | None, int]] = []  # (date, 0-based line of the item's "- ")
    for item in events.value:
        date = None
        if isinstance(item, yaml.MappingNode):
            for key, value in item.value:
                if getattr(key, "value", None) == "date" and isinstance(value, yaml.ScalarNode):
                    try:
                        date = dt.date.fromisoformat(value.value)
                    except ValueError:
                        date = None
        items.append((date, item.start_mark.line))
    dash = events.value[0].start_mark.column - 2
    if dash < 0 or not lines[items[0][1]][dash:].startswith("- "):
        raise refuse("the events are not written as '- key: value' items: add the event by hand", items[0][1] + 1)

    before = [index for index, (date, _) in enumerate(items) if date is not None and date <= day]
    following = before[-1] + 1 if before else 0
    spaced = any(_blank(lines[line - 1]) for _, line in items[1:] if line > 0)
    indented = [(" " * dash + line[2:] if line.startswith("  ") else line) for line in block.splitlines()]
    new = [line + newline for line in indented]
    if following < len(items):
        at = items[following][1]
        while at > 0 and lines[at - 1].strip().startswith("#"):
            at -= 1  # a comment just above an event introduces it
        insertion = new + ([newline] if spaced else [])
        start = at
    else:
        at = _end_of_item(lines, items[-1][1], dash)
        if at > 0 and not lines[at - 1].endswith(("\n", "\r")):
            lines[at - 1] += newline
        insertion = ([newline] if spaced else []) + new
        start = at + (1 if spaced else 0)
    result = "".join(lines[:at] + insertion + lines[at:])
    return result, start + 1


def _blank(line: str) -> bool:
    return not line.strip()


def _end_of_item(lines: list[str], first: int, dash: int) -> int:
    """The line after the last line of the item starting at `first` (its trailing blank lines excluded)."""
    end = first + 1
    last = first + 1
    while end < len(lines):
        line = lines[end]
        if line.strip() and not line.strip().startswith("#") and len(line) - len(line.lstrip(" ")) <= dash:
            break
        end += 1
        if line.strip():
            last = end
    return last


def read_regime_text(path: Path) -> str:
    """A regime file's text, refused unless it is a regular file (a link is never followed)."""
    try:
        mode = os.lstat(path).st_mode
    except OSError as error:
        raise ApplyError(f"cannot read {path}: {reason(error)}") from None
    if not stat.S_ISREG(mode):
        raise ApplyError(f"cannot change {path}: it is {kind_of(mode)}, not a regular file")
    try:
        with open(path, "rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise ApplyError(f"cannot read {path}: {reason(error)}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise ApplyError(f"{path} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB: not a regime file")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ApplyError(f"{path} is not UTF-8 text") from None


def apply_draft(folder: Path, drafted: Draft, block: str) -> tuple[Path, int]:
    """Add a drafted event (rendered as `block`) to its regime's file in `folder`: the file and the line.

    Refused, with every missing field named, while the draft lacks what a regime file requires.
    """
    event = drafted.event()
    if event is None or drafted.regime is None:
        raise ApplyError(f"not applied: the text does not give {_and(drafted.missing())}")
    path = folder / f"{drafted.regime.id}.yaml"
    return path, apply_event(path, block, event.date, drafted.regime.id)


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def apply_event(path: Path, block: str, day: dt.date, regime_id: str) -> int:
    """Add the event `block` to the regime file at `path`: the line it starts on.

    The whole new text is checked as `sanctions validate` checks a file before anything is written, and
    then written atomically over the old; on any problem the file is left untouched and ApplyError says why.
    The file's folder is locked from the read to the write, so applies to one file at once run one after
    another, each on the text the last one wrote: none loses another's event.
    """
    with _locked(path.parent):
        return _apply_event(path, block, day, regime_id)


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """An exclusive lock on `folder`, held until the block ends (or the process does).

    The folder, not the file: the file is replaced by a new one, which a lock on the old would not guard,
    and a lock file beside it would be left in the data. Where there is no flock (Windows), no lock.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    try:
        handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as error:
        raise ApplyError(f"cannot lock {folder}: {reason(error)}") from None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # which releases the lock


def _apply_event(path: Path, block: str, day: dt.date, regime_id: str) -> int:
    from sanctions.dataset.parse import parse_regime

    text = read_regime_text(path)
    bom = text.startswith("\ufeff")
    new_text, line = insert_event(text.removeprefix("\ufeff"), block, day, str(path))
    try:
        regime = parse_regime(new_text, str(path))
    except DataError as error:
        raise ApplyError(f"{path} left as it was: {_problems(error.problems)}") from None
    if regime.id != regime_id or path.stem != regime.id:
        where = Location(str(path), 1, 1)
        raise ApplyError(f"{path} left as it was: {_problems([Problem(where, f'holds regime {regime.id}')])}")
    write_atomically(path, ("\ufeff" if bom else "") + new_text, force=True)
    return line


def _problems(problems: list[Problem]) -> str:
    """Every problem, on one line: the file was not changed, so `validate` would not show them."""
    shown = "; ".join(str(problem) for problem in problems[:5])
    more = len(problems) - 5
    return shown + (f" (and {more} more)" if more > 0 else "")
