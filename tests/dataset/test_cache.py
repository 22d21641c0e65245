"""The parse cache: keyed by content, never stale, never an error, never half-written."""

from __future__ import annotations

import datetime as dt
import os
import pickle
import shutil
import signal
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

import sanctions.dataset.cache as cache_module
import sanctions.dataset.parse
from sanctions.cli.app import app
from sanctions.dataset.cache import CHUNK, Cache, default_dir
from sanctions.dataset.loader import load_all
from sanctions.dataset.model import Event, Regime, Tally

SAMPLE = Path(__file__).parents[1] / "data" / "sample"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(SAMPLE, data)
    return data


def _entries(cache_dir: Path) -> list[Path]:
    return sorted(cache_dir.glob("*.pickle")) if cache_dir.exists() else []


def test_a_warm_load_comes_from_the_cache(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = Cache(tmp_path / "cache")
    first = load_all(folder, cache)
    assert len(_entries(cache.folder)) == 1

    def no_parsing(*args: object) -> None:
        raise AssertionError("parsed although cached")

    monkeypatch.setattr("sanctions.dataset.parse.parse_regime", no_parsing)
    assert load_all(folder, cache) == first


def test_an_edited_file_is_never_served_stale(folder: Path, tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    load_all(folder, cache)
    path = folder / "testland.yaml"
    stat = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace("name: Testland", "name: Edited"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same timestamps: only the content differs
    (regime,) = load_all(folder, cache)
    assert regime.name == "Edited"


@pytest.mark.parametrize("damage", [b"", b"sanctions-cache", b"sanctions-cache\x80\x05garbage", b"not ours at all"])
def test_a_corrupt_or_truncated_entry_is_rebuilt(folder: Path, tmp_path: Path, damage: bytes) -> None:
    cache = Cache(tmp_path / "cache")
    expected = load_all(folder, cache)
    (entry,) = _entries(cache.folder)
    entry.write_bytes(damage)
    assert load_all(folder, cache) == expected
    assert entry.read_bytes().startswith(b"sanctions-cache\x80")


def test_an_unwritable_cache_is_not_an_error(folder: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x", encoding="utf-8")
    (regime,) = load_all(folder, Cache(blocked / "cache"))
    assert regime.id == "testland"


def test_an_interrupted_write_leaves_no_entry(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = Cache(tmp_path / "cache")

    def crash(source: str, destination: str, **where: int) -> None:
        raise OSError("crashed before the rename")

    monkeypatch.setattr(os, "replace", crash)
    load_all(folder, cache)
    assert list(cache.folder.iterdir()) == []  # neither an entry nor a temporary file


def test_no_cache_option(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("SANCTIONS_CACHE_DIR", str(cache_dir))
    runner = CliRunner()
    assert runner.invoke(app, ["--no-cache", "timeline", "testland", "--data", str(folder)]).exit_code == 0
    assert _entries(cache_dir) == []
    assert runner.invoke(app, ["timeline", "testland", "--data", str(folder)]).exit_code == 0
    assert len(_entries(cache_dir)) == 1


def test_default_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("SANCTIONS_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_dir() == tmp_path / "sanctions"


@pytest.mark.parametrize("relative", ["cache", "./cache", ""])
def test_a_relative_xdg_cache_home_is_ignored(relative: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("SANCTIONS_CACHE_DIR")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", relative)
    assert default_dir() == tmp_path / ".cache" / "sanctions"


def _long(regime: Regime, count: int) -> Regime:
    """The regime with `count` events: its own, repeated on later and later days."""
    events = [
        replace(event, date=event.date + dt.timedelta(days=step))
        for step in range(count // len(regime.events) + 1)
        for event in regime.events
    ]
    return replace(regime, events=tuple(events[:count]))


def test_a_long_history_is_stored_in_chunks_and_read_back_whole(sample: Regime, tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    regime = _long(sample, 2 * CHUNK + 3)
    cache.put("key", regime)
    restored = cache.get("key")
    assert restored == regime
    assert restored is not None and [e.date for e in restored.events] == [e.date for e in regime.events]
    # Events of one chunk share equal values, so each is built once: the empty mappings, say.
    first, third = restored.events[0], restored.events[2]
    assert first.deadlines == {} and first.deadlines is third.deadlines


def test_a_long_entry_cut_between_chunks_is_a_miss(sample: Regime, tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    cache.put("key", _long(sample, 3 * CHUNK))
    (entry,) = _entries(cache.folder)
    whole = entry.read_bytes()
    for cut in (len(whole) // 3, len(whole) // 2, len(whole) - 1):
        entry.write_bytes(whole[:cut])
        assert cache.get("key") is None


# --- trust: a cache entry is loaded only if nobody but the user can have written it -------------


REFUSED = "not used, every file is parsed instead"


def _warnings() -> tuple[list[str], Callable[[str], None]]:
    said: list[str] = []
    return said, said.append


def test_a_folder_others_can_write_is_neither_read_nor_written(folder: Path, tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    said, warn = _warnings()
    cache = Cache(shared, warn)
    load_all(folder, cache)
    load_all(folder, cache)
    assert _entries(shared) == []
    assert said == [
        f"cache folder {shared} is not owned by you or is writable by others: not used, every file is parsed instead"
    ]


def test_an_entry_others_can_write_is_not_loaded(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    said, warn = _warnings()
    cache = Cache(tmp_path / "cache", warn)
    load_all(folder, cache)
    (entry,) = _entries(cache.folder)
    entry.chmod(0o666)
    parsed: list[str] = []
    real = sanctions.dataset.parse.parse_regime
    monkeypatch.setattr(
        "sanctions.dataset.parse.parse_regime", lambda text, path: parsed.append(path) or real(text, path)
    )
    (regime,) = load_all(folder, cache)
    assert regime.id == "testland" and len(parsed) == 1
    assert said == [
        f"cache entry {entry} is not owned by you or is writable by others: not used, every file is parsed instead"
    ]


class _Planted:
    """What an attacker would pickle: a call to os.system on load."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.system, (f"touch {self.marker}",)


def test_a_planted_entry_runs_no_code(folder: Path, tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    expected = load_all(folder, cache)
    (entry,) = _entries(cache.folder)
    marker = tmp_path / "pwned"
    entry.write_bytes(b"sanctions-cache" + pickle.dumps(_Planted(marker)))
    assert load_all(folder, cache) == expected
    assert not marker.exists()


def test_an_entry_that_is_a_fifo_is_skipped_not_waited_on(folder: Path, tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    load_all(folder, cache)
    (entry,) = _entries(cache.folder)
    entry.unlink()
    os.mkfifo(entry)
    signal.signal(signal.SIGALRM, lambda *_: pytest.fail("the load waited on a FIFO"))
    signal.alarm(5)
    try:
        (regime,) = load_all(folder, cache)
    finally:
        signal.alarm(0)
    assert regime.id == "testland"


def test_the_key_and_the_parse_come_from_one_read(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A file saved (or checked out) while a run reads it must not be cached under the other version's key.
    cache = Cache(tmp_path / "cache")
    path = folder / "testland.yaml"
    original = path.read_bytes()
    real_get = Cache.get

    def saved_meanwhile(self: Cache, key: str) -> Regime | None:
        path.write_bytes(original.replace(b"name: Testland", b"name: Edited"))
        return real_get(self, key)

    monkeypatch.setattr(Cache, "get", saved_meanwhile)
    load_all(folder, cache)
    monkeypatch.setattr(Cache, "get", real_get)
    path.write_bytes(original)  # back to the first version, as `git checkout -` would
    (regime,) = load_all(folder, cache)
    assert regime.name == "Testland"


# --- a well-formed entry of the wrong types: only the model's classes, but not their field types ---


def _confused(regime: Regime, how: str) -> Regime:
    first = regime.events[0]
    event = {
        "int title": lambda: replace(first, title=42),
        "str date": lambda: replace(first, date="2021-01-01"),
        "int expiry": lambda: replace(first, sets={"panel": 7}),
        "str position": lambda: replace(first, votes={"RU": "against"}),
        "str tally": lambda: replace(first, vote=Tally("15", 0, 0)),  # type: ignore[arg-type]
        "int source": lambda: replace(first, sources=(1,)),
        "list penholders": lambda: replace(first, penholders=["FR"]),
    }
    if how in event:
        return replace(regime, events=(event[how](), *regime.events[1:]))
    broken = {
        "None name": lambda: replace(regime, name=None),
        "str mandate": lambda: replace(regime, mandates={"panel": "Panel"}),
        "int alias": lambda: replace(regime, aliases=(1,)),
        "str event": lambda: replace(regime, events=("event",)),
    }
    return broken[how]()  # type: ignore[no-any-return]


CONFUSIONS = [
    "int title",
    "str date",
    "int expiry",
    "str position",
    "str tally",
    "int source",
    "list penholders",
    "None name",
    "str mandate",
    "int alias",
    "str event",
]


def _plant(entry: Path, regime: Regime) -> None:
    """Write an entry as Cache.put lays it out, whatever its fields hold."""
    head = pickle.dumps((replace(regime, events=()), 1))
    events = tuple(replace(event, where=None) if isinstance(event, Event) else event for event in regime.events)
    entry.write_bytes(b"sanctions-cache" + head + pickle.dumps(events))


@pytest.mark.parametrize("how", CONFUSIONS)
def test_an_entry_of_the_wrong_types_is_a_miss(how: str, folder: Path, tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    (expected,) = load_all(folder, cache)
    (entry,) = _entries(cache.folder)
    _plant(entry, expected)
    assert cache.get(entry.stem) == expected  # planted as put lays it out: read back
    _plant(entry, _confused(expected, how))
    assert cache.get(entry.stem) is None
    assert load_all(folder, cache) == [expected]  # parsed again, and the entry written anew
    assert cache.get(entry.stem) == expected


@pytest.mark.parametrize(
    "args", [["timeline", "testland"], ["expiry", "--all"], ["chart", "testland"], ["votes", "testland"]]
)
def test_commands_read_past_an_entry_of_the_wrong_types(
    args: list[str], folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = CliRunner().invoke(app, [*args, "--data", str(folder), "--no-cache"])
    monkeypatch.setenv("SANCTIONS_CACHE_DIR", str(tmp_path / "cache"))
    cache = Cache(tmp_path / "cache")
    (expected,) = load_all(folder, cache)
    (entry,) = _entries(cache.folder)
    _plant(entry, replace(expected, name=None))  # type: ignore[arg-type]
    result = CliRunner().invoke(app, [*args, "--data", str(folder)])
    assert (result.exit_code, result.stdout) == (0, parsed.stdout)


def test_the_type_check_names_every_field_of_the_model() -> None:
    assert set(cache_module._EVENT_FIELDS) | set(cache_module._EVENT_SEQUENCES) | set(
        cache_module._EVENT_MAPPINGS
    ) == set(Event.__dataclass_fields__)
    assert set(cache_module._REGIME_FIELDS) == set(Regime.__dataclass_fields__)
