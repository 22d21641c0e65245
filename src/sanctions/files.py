"""Writing output files safely: all or nothing, and never over an existing file unless asked."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from sanctions.errors import SanctionsError


class OutputError(SanctionsError):
    """An output file could not be written; any existing file is left as it was."""


def _reason(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return "no space left on the device"
    return error.strerror or str(error)


def write_atomically(path: Path, text: str, *, force: bool = False) -> None:
    """Write `text` to `path` through a temporary file in the same folder, then move it into place.

    An interrupted or failed write leaves no partial file, and an existing file is replaced only
    with `force`; two writers racing for a new file cannot both win.
    """
    folder = path.parent
    if not folder.is_dir():
        raise OutputError(f"cannot write {path}: no such folder {folder}")
    if path.is_dir():
        raise OutputError(f"cannot write {path}: it is a folder")
    if path.exists() and not force:
        raise OutputError(f"{path} already exists: use --force to overwrite it")
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if force:
            os.replace(temporary, path)
        else:
            # link() fails if the name was taken meanwhile, so a concurrent export never clobbers it.
            os.link(temporary, path)
            os.unlink(temporary)
        temporary = None
    except FileExistsError:
        raise OutputError(f"{path} already exists: use --force to overwrite it") from None
    except OSError as error:
        raise OutputError(f"cannot write {path}: {_reason(error)}") from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
