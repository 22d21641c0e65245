"""The parse cache: keyed by content, never stale, never an error, never half-written."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sanctions.cache import CHUNK, Cache, default_dir
from sanctions.cli import app
from sanctions.loader import load_all
from sanctions.model import Regime

SAMPLE = Path(__file__).parent / "data" / "sample"


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

    monkeypatch.setattr("sanctions.parse.parse_regime", no_parsing)
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

    def crash(source: str, destination: Path) -> None:
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
