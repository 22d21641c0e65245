"""Writing output files safely: all or nothing, and never over an existing file unless asked."""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
from collections.abc import Sequence
from pathlib import Path

from sanctions.errors import SanctionsError
from sanctions.streams import reason


class OutputError(SanctionsError):
    """An output file could not be written; any existing file is left as it was."""


_KINDS = {
    stat.S_IFDIR: "a folder",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFLNK: "a symbolic link",
}


def kind_of(mode: int) -> str:
    """What a file that is not a regular file is, in words: "a folder", "a named pipe (FIFO)"."""
    return _KINDS.get(stat.S_IFMT(mode), "a special file")


# O_EXCL: never write into a name someone else made; O_BINARY (Windows): bytes stay as written.
_FLAGS = os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0)
# A temporary is named `.{target}.{pid}.{random}.sanctions-tmp`: the pid lets a later export tell a
# killed writer's leftovers from a running writer's work; the random part keeps the name unguessable.
_SUFFIX = ".sanctions-tmp"


def write_atomically(path: Path, text: str | bytes, *, force: bool = False) -> None:
    """Write `text` (UTF-8) or bytes to `path` through a temporary file in its folder, then move it into place.

    An interrupted or failed write leaves no partial file, and an existing regular file is replaced
    only with `force`; anything else at `path` (a folder, device, pipe, socket or symbolic link) is
    refused. Two writers racing for a new file cannot both win.
    """
    write_all([(path, text)], force=force)


def write_all(files: Sequence[tuple[Path, str | bytes]], *, force: bool = False) -> None:
    """Write each text or bytes to its path as `write_atomically` does, all or none.

    Every target is checked and every text written to its temporary file before the first is moved
    into place, so a refused target, a full disk or Ctrl-C leaves every target as it was. Only a
    failure during the moves themselves (a name taken meanwhile by another export) keeps the files
    already moved.
    """
    modes = [_check(path, force) for path, _ in files]
    temporaries: list[str] = []  # written and not yet moved: removed if anything fails
    try:
        for (path, text), mode in zip(files, modes, strict=True):
            _remove_stale(path)
            name = str(path.parent / f".{path.name}.{os.getpid()}.{os.urandom(8).hex()}{_SUFFIX}")
            # 0o666 less the umask: a new file gets the mode any new file of the user gets.
            handle = os.open(name, _FLAGS, 0o666)
            temporaries.append(name)
            with os.fdopen(handle, "wb") as stream:
                # Text as UTF-8, line ends as given (CSV's CRLF); bytes (a database) as they are.
                stream.write(text.encode("utf-8") if isinstance(text, str) else text)
                stream.flush()
                os.fsync(stream.fileno())
            if mode is not None:
                os.chmod(name, mode)  # a replaced file keeps its own mode
        for path, _ in files:
            if force:
                os.replace(temporaries[0], path)
            else:
                # link() fails if the name was taken meanwhile, so a concurrent export never clobbers it.
                os.link(temporaries[0], path)
                os.unlink(temporaries[0])
            del temporaries[0]
    except FileExistsError:
        raise OutputError(f"{path} already exists: use --force to overwrite it") from None
    except OSError as error:
        raise OutputError(f"cannot write {path}: {reason(error)}") from None
    finally:
        for temporary in temporaries:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def write_into(folder: Path, files: Sequence[tuple[Path, str | bytes]], *, force: bool = False) -> None:
    """`write_all` into `folder`, made first if missing (its parent must exist); a failed write
    removes the folder it made, so the disk is left as it was."""
    made = not folder.exists() and folder.parent.is_dir()
    if made:
        try:
            folder.mkdir()
        except OSError as error:
            raise OutputError(f"cannot make the folder {folder}: {reason(error)}") from None
    try:
        write_all(files, force=force)
    except BaseException:
        if made:
            with contextlib.suppress(OSError):
                folder.rmdir()  # only if still empty: never what someone else put there meanwhile
        raise


def few(paths: Sequence[Path | str], shown: int = 3) -> str:
    """Paths named in a message: all of a few, else the first `shown` and how many more."""
    names = [str(path) for path in paths]
    if len(names) > shown + 1:
        return f"{', '.join(names[:shown])} and {len(names) - shown} more"
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def _check(path: Path, force: bool) -> int | None:
    """The mode of the regular file `path` would replace, or None if there is none.

    Refuses a target that is missing its folder, is not a regular file, or exists without `force`.
    """
    folder = path.parent
    if not folder.is_dir():
        raise OutputError(f"cannot write {path}: no such folder {folder}")
    try:
        mode = os.lstat(path).st_mode  # lstat: a symbolic link is refused, never followed
    except FileNotFoundError:
        return None
    except OSError as error:
        raise OutputError(f"cannot write {path}: {reason(error)}") from None
    if stat.S_ISDIR(mode):
        raise OutputError(f"cannot write {path}: it is a folder")
    if not stat.S_ISREG(mode):
        # Replacing it would swap a device, pipe, socket or link for a plain file: as root,
        # `-o /dev/null --force` would break the machine.
        raise OutputError(f"cannot write {path}: it is {kind_of(mode)}, not a regular file")
    if not force:
        raise OutputError(f"{path} already exists: use --force to overwrite it")
    return stat.S_IMODE(mode)


def _remove_stale(path: Path) -> None:
    """Remove the temporaries for `path` left by killed exports: this user's regular files whose pid is gone."""
    if sys.platform == "win32":
        return  # os.kill(pid, 0) would end the process there, and files have no owner to check
    # At most nine digits: os.kill takes a C int.
    pattern = re.compile(re.escape(f".{path.name}.") + r"([1-9][0-9]{0,8})\.[0-9a-f]{16}" + re.escape(_SUFFIX))
    with contextlib.suppress(OSError):  # a folder we may write to but not list: nothing to clean
        for name in os.listdir(path.parent):
            found = pattern.fullmatch(name)
            if found is None:
                continue
            leftover = path.parent / name
            with contextlib.suppress(OSError):  # gone meanwhile, or not ours to remove
                status = os.lstat(leftover)
                if stat.S_ISREG(status.st_mode) and status.st_uid == os.getuid() and not _running(int(found[1])):
                    os.unlink(leftover)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0 checks the process exists and sends nothing
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # it runs, as another user
    return True
