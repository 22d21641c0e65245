"""Find and read regime files: the data folder, the parse cache, and problems across files."""

from __future__ import annotations

import errno
import gc
import io
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, TypeVar

from sanctions.dataset.cache import Cache
from sanctions.dataset.files import kind_of
from sanctions.dataset.model import Location, Regime
from sanctions.dataset.views import View, narrow
from sanctions.errors import DataError, Problem, UsageError

DATA_ENV = "SANCTIONS_DATA"
T = TypeVar("T")
MAX_FILE_BYTES = 20 * 1024 * 1024


def _decode(raw: bytes, path: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        where = Location(path, line, column)
        raise DataError([Problem(where, "not UTF-8 text: save the file as UTF-8")]) from None


def _open(path: Path, name: str) -> BinaryIO:
    """A regime file opened for reading, refused unless it is a regular file of at most MAX_FILE_BYTES."""

    def refuse(message: str) -> DataError:
        return DataError([Problem(Location(name, 1, 1), message)])

    try:
        # O_NONBLOCK: a FIFO put in place of the file must not hang the command at open().
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise refuse("cannot read: a symbolic link loop") from None
        if error.errno == errno.ENOENT and path.is_symlink():
            raise refuse(f"cannot read: a symbolic link to {os.readlink(path)}, which does not exist") from None
        raise refuse(f"cannot read: {error.strerror}") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise refuse(f"cannot read: it is {kind_of(info.st_mode)}, not a regime file")
    if info.st_size > MAX_FILE_BYTES:
        os.close(fd)
        limit = MAX_FILE_BYTES // (1024 * 1024)
        raise refuse(f"file is {info.st_size:,} bytes; regime files are limited to {limit} MiB")
    return os.fdopen(fd, "rb")


def _read(path: Path, name: str, use: Callable[[BinaryIO], T]) -> T:
    try:
        with _open(path, name) as stream:
            return use(stream)
    except OSError as error:
        raise DataError([Problem(Location(name, 1, 1), f"cannot read: {error.strerror}")]) from None


def read_regime(path: Path, label: str | None = None, cache: Cache | None = None, view: View = View.FULL) -> Regime:
    """Load one regime file as `view` narrows it; `label` is how messages name it (defaults to the path)."""
    name = label or str(path)
    if cache is not None:
        # A warm run hashes the file as it streams past and never holds it whole.
        cached = cache.get(_read(path, name, lambda stream: cache.key(name, stream, view)))
        if cached is not None:
            return cached
    raw = _read(path, name, lambda stream: stream.read(MAX_FILE_BYTES + 1))
    from sanctions.dataset.parse import parse_regime  # YAML is only needed when the cache misses

    regime = parse_regime(_decode(raw, name), name)
    if path.stem != regime.id:
        where = regime.where or Location(name, 1, 1)
        raise DataError([Problem(where, f"id '{regime.id}' does not match the file name: rename it {regime.id}.yaml")])
    regime = narrow(regime, view)
    if cache is not None:
        # Keyed by the very bytes parsed, not by the first read: a file saved between the two reads
        # (an editor, `git checkout`) is never cached under the other version's digest.
        cache.put(cache.key(name, io.BytesIO(raw), view), regime)
    return regime


def data_dir(option: Path | None = None) -> Path:
    """The folder of regime files: --data, then $SANCTIONS_DATA, then the bundled files."""
    if option is None and os.environ.get(DATA_ENV):
        option = Path(os.environ[DATA_ENV])
    if option is not None:
        if not option.is_dir():
            raise UsageError(f"data folder '{option}' does not exist or is not a folder")
        return option
    return bundled_dir()


def packaged_dir() -> Path:
    """Where an installed package keeps its regime files (a wheel copies them there)."""
    return Path(__file__).parents[1] / "regimes"


def bundled_dir() -> Path:
    """The regime files that come with the tool: the installed package's, or the checkout's."""
    packaged = packaged_dir()
    if packaged.is_dir():
        return packaged
    # An editable install runs from the checkout, where the files sit at the top level.
    return Path(__file__).resolve().parents[3] / "regimes"


def writable_data_dir(option: Path | None = None) -> Path:
    """The folder a command may change regime files in: `data_dir`, unless that is the installed
    package's copy, which the next upgrade would replace (a checkout's own files are fine)."""
    folder = data_dir(option)
    if folder == packaged_dir():
        raise UsageError(
            f"will not change the installed package's regime files in '{folder}' (an upgrade replaces them):"
            f" copy them with 'sanctions copy-data DIR', then give --data DIR or set {DATA_ENV}=DIR"
        )
    return folder


def copy_bundled(folder: Path) -> list[Path]:
    """Copy the bundled regime files into `folder` (made if missing, its parent must exist): the files
    written. Refused, with nothing copied, if any of them is already there."""
    from sanctions.dataset.files import few, write_into

    if folder.exists() and not folder.is_dir():
        raise UsageError(f"'{folder}' is a file: give a folder to copy the regime files into")
    if not folder.parent.is_dir():
        raise UsageError(f"cannot make the folder '{folder}': '{folder.parent}' does not exist")
    sources = regime_files(bundled_dir())
    targets = [folder / source.name for source in sources]
    taken = [target for target in targets if target.exists()]
    if taken:
        are = "is" if len(taken) == 1 else "are"
        raise UsageError(f"{few(taken)} {are} already there: copy into a new or empty folder")
    write_into(folder, [(target, source.read_bytes()) for source, target in zip(sources, targets, strict=True)])
    return targets


def regime_files(folder: Path) -> list[Path]:
    """Every `*.yaml` in a folder, in a stable order: one that is not a readable regular file is
    reported when read, never skipped in silence. Hidden names (`.#mali.yaml`, an editor's lock)
    are not regime files."""
    return sorted(p for p in folder.glob("*.yaml") if not p.name.startswith("."))


def scan(
    folder: Path,
    cache: Cache | None = None,
    progress: Callable[[int, int], None] | None = None,
    view: View = View.FULL,
) -> tuple[list[Regime], list[Problem]]:
    """Every regime that loads and every problem in every file of a folder; `progress(done, total)`
    is told after each file."""
    problems: list[Problem] = []
    regimes: list[Regime] = []
    # Loading builds hundreds of thousands of small acyclic objects; the cyclic collector would
    # walk them again and again for nothing (it doubles the time of a large load).
    collecting = gc.isenabled()
    gc.disable()
    paths = regime_files(folder)
    try:
        for done, path in enumerate(paths, start=1):
            try:
                regimes.append(read_regime(path, cache=cache, view=view))
            except DataError as error:
                problems.extend(error.problems)
            if progress is not None:
                progress(done, len(paths))
    finally:
        if collecting:
            gc.enable()
    problems.extend(check_names(regimes))
    problems.extend(check_links(regimes, {path.stem for path in paths}))
    return regimes, problems


def load_all(
    folder: Path,
    cache: Cache | None = None,
    progress: Callable[[int, int], None] | None = None,
    view: View = View.FULL,
) -> list[Regime]:
    """Load every regime in a folder; raise DataError with every problem in every file."""
    if not regime_files(folder):
        raise UsageError(f"no regime files (*.yaml) in '{folder}'")
    regimes, problems = scan(folder, cache, progress, view)
    if problems:
        raise DataError(problems)
    return regimes


def check_names(regimes: list[Regime]) -> Iterator[Problem]:
    """Two regimes may not answer to the same id or alias."""
    owner: dict[str, Regime] = {}
    for regime in regimes:
        for name in regime.names:
            other = owner.setdefault(name, regime)
            if other is not regime:
                where = regime.where or Location(regime.id, 1, 1)
                yield Problem(where, f"'{name}' already names regime '{other.id}' ({other.where})")


def check_links(regimes: list[Regime], ids: set[str]) -> Iterator[Problem]:
    """A regime said to precede or succeed another names a regime file of the same folder."""
    for regime in regimes:
        for key, linked in (("preceded_by", regime.preceded_by), ("succeeded_by", regime.succeeded_by)):
            if linked and linked not in ids:
                where = regime.where or Location(regime.id, 1, 1)
                yield Problem(where, f"{key}: no regime file '{linked}.yaml' in this folder")
