"""Atomic, no-clobber writes: every failure leaves existing files as they were and no debris."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sanctions.dataset.files import OutputError, write_all, write_atomically


def _debris(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_writes_a_new_file(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    write_atomically(target, "hello\n")
    assert target.read_text(encoding="utf-8") == "hello\n"
    assert _debris(tmp_path) == []


def test_keeps_an_existing_file_without_force(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("precious", encoding="utf-8")
    with pytest.raises(OutputError, match="already exists: use --force to overwrite it"):
        write_atomically(target, "new")
    assert target.read_text(encoding="utf-8") == "precious"


def test_force_replaces(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("old", encoding="utf-8")
    write_atomically(target, "new", force=True)
    assert target.read_text(encoding="utf-8") == "new"


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match=r"no such folder"):
        write_atomically(tmp_path / "nope" / "out.md", "x")


def test_target_is_a_folder(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="it is a folder"):
        write_atomically(tmp_path, "x", force=True)


def test_disk_full_leaves_the_old_file_and_no_debris(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.md"
    target.write_text("old", encoding="utf-8")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError, match="no space left on the device"):
        write_atomically(target, "new", force=True)
    assert target.read_text(encoding="utf-8") == "old"
    assert _debris(tmp_path) == []


def test_unwritable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*args: object) -> int:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "open", refused)
    with pytest.raises(OutputError, match=r"cannot write .*out\.md: Permission denied"):
        write_atomically(tmp_path / "out.md", "x")


def test_interrupt_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.md"
    target.write_text("old", encoding="utf-8")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(target, "new", force=True)
    assert target.read_text(encoding="utf-8") == "old"
    assert _debris(tmp_path) == []


def test_a_concurrent_writer_is_not_clobbered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.md"
    real_link = os.link

    def race(source: str, destination: Path) -> None:
        destination.write_text("the other export", encoding="utf-8")  # wins the race
        real_link(source, destination)

    monkeypatch.setattr(os, "link", race)
    with pytest.raises(OutputError, match="already exists"):
        write_atomically(target, "ours")
    assert target.read_text(encoding="utf-8") == "the other export"
    assert _debris(tmp_path) == []


@pytest.mark.parametrize("force", [False, True])
def test_a_named_pipe_is_refused_not_replaced(tmp_path: Path, force: bool) -> None:
    target = tmp_path / "out.md"
    os.mkfifo(target)
    with pytest.raises(OutputError) as raised:
        write_atomically(target, "new", force=force)
    assert str(raised.value) == f"cannot write {target}: it is a named pipe (FIFO), not a regular file"
    assert stat.S_ISFIFO(os.lstat(target).st_mode)
    assert _debris(tmp_path) == []


@pytest.mark.parametrize("force", [False, True])
def test_a_symbolic_link_is_refused_not_followed_or_replaced(tmp_path: Path, force: bool) -> None:
    (tmp_path / "real.md").write_text("precious", encoding="utf-8")
    target = tmp_path / "out.md"
    target.symlink_to("real.md")
    with pytest.raises(OutputError) as raised:
        write_atomically(target, "new", force=force)
    assert str(raised.value) == f"cannot write {target}: it is a symbolic link, not a regular file"
    assert os.readlink(target) == "real.md"
    assert (tmp_path / "real.md").read_text(encoding="utf-8") == "precious"
    assert _debris(tmp_path) == []


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.mark.usefixtures("umask_022")
def test_a_new_file_gets_the_mode_the_umask_gives(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    write_atomically(target, "new")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o644


@pytest.mark.usefixtures("umask_022")
def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o664)  # not what the umask would give a new file
    write_atomically(target, "new", force=True)
    assert target.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o664


def test_write_all_checks_every_target_before_writing_any(tmp_path: Path) -> None:
    (tmp_path / "b.md").mkdir()
    with pytest.raises(OutputError, match=r"b\.md: it is a folder"):
        write_all([(tmp_path / "a.md", "A"), (tmp_path / "b.md", "B")], force=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.md"]


def test_write_all_moves_nothing_until_every_text_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.md").write_text("old a", encoding="utf-8")
    real_fsync, calls = os.fsync, []

    def fills_on_the_second(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fills_on_the_second)
    with pytest.raises(OutputError, match=r"b\.md: no space left on the device"):
        write_all([(tmp_path / "a.md", "new a"), (tmp_path / "b.md", "new b")], force=True)
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "old a"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]


def test_a_killed_exports_temporary_is_removed_and_a_live_ones_kept(tmp_path: Path) -> None:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()  # reaped: its pid no longer runs
    token = "0123456789abcdef"
    stale = tmp_path / f".out.md.{child.pid}.{token}.sanctions-tmp"
    live = tmp_path / f".out.md.{os.getpid()}.{token}.sanctions-tmp"
    other_target = tmp_path / f".other.md.{child.pid}.{token}.sanctions-tmp"
    for temporary in (stale, live, other_target):
        temporary.write_text("half a report", encoding="utf-8")
    not_a_file = tmp_path / f".out.md.{child.pid}.fedcba9876543210.sanctions-tmp"
    not_a_file.symlink_to(stale.name)
    write_atomically(tmp_path / "out.md", "new")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["out.md", live.name, other_target.name, not_a_file.name]
    )


def test_bytes_are_written_as_they_are_text_as_utf8_with_its_own_line_ends(tmp_path: Path) -> None:
    database = bytes(range(256)) * 4  # not UTF-8, with bare CR and LF bytes
    write_all([(tmp_path / "a.db", database), (tmp_path / "b.csv", "é,\r\nx\n")])
    assert (tmp_path / "a.db").read_bytes() == database
    assert (tmp_path / "b.csv").read_bytes() == "é,\r\nx\n".encode()
    assert _debris(tmp_path) == []
    with pytest.raises(OutputError, match="already exists: use --force to overwrite it"):
        write_atomically(tmp_path / "a.db", b"other")
    assert (tmp_path / "a.db").read_bytes() == database
