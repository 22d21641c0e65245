"""The standard streams and terminal width made dependable: closed, full, not UTF-8, a reader gone."""

from __future__ import annotations

import codecs
import contextlib
import errno
import io
import os
import sys

WIDTH_ENV = ("COLUMNS", "LINES")
MIN_WIDTH, MAX_WIDTH = 20, 1000  # a width outside these is a mistake, not a terminal
DEFAULT_WIDTH = 160  # for drawings written to a file or pipe

# The few symbols the tool prints itself, as ASCII for a stream that cannot encode them: one
# character each, so the columns of a table stay aligned.
_ASCII = {
    "✖": "x",
    "✗": "x",
    "○": "o",
    "■": "#",
    "█": "#",
    "▲": "^",
    "│": "|",
    "→": ">",
    "—": "-",
    "–": "-",
    "…": "~",
    "·": "-",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "━": "-",
    "┄": ".",
    "░": ":",
}
FALLBACK = "sanctions-ascii"


def _fallback(error: UnicodeError) -> tuple[str, int]:
    """A codec error handler: our symbols as ASCII, accented letters without accents, else '?'."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    import unicodedata  # only a stream that cannot encode UTF-8 needs it

    text = error.object[error.start : error.end]
    out = []
    for char in text:
        plain = _ASCII.get(char)
        if plain is None:
            base = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")
            plain = base or "?"
        out.append(plain)
    return "".join(out), error.end


class _Closed(io.TextIOBase):
    """Standard output that was closed before we started: writing to it is an output error."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


def takes_unicode(stream: object) -> bool:
    """Whether a text stream encodes every character (UTF-8), rather than falling back to stand-ins."""
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("_", "-")
    return encoding in ("utf-8", "utf8")


def prepare() -> None:
    """Make the streams and the environment safe for everything that follows, libraries included.

    A closed standard error (`2>&-`, common under cron) becomes a sink, so messages are dropped and
    exit codes kept; a closed standard output raises an output error when written; a stream that
    cannot encode UTF-8 gets ASCII stand-ins instead of a UnicodeEncodeError; a COLUMNS or LINES
    that is not a sane number is dropped, so no library sizes its output from it.
    """
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if sys.stdout is None:
        sys.stdout = _Closed()
    codecs.register_error(FALLBACK, _fallback)
    for stream in (sys.stdout, sys.stderr):
        if not takes_unicode(stream) and isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors=FALLBACK)
    for name in WIDTH_ENV:
        value = os.environ.get(name)
        if value is not None and not _sane(value):
            del os.environ[name]


def _sane(value: str) -> bool:
    return value.isascii() and value.isdigit() and 0 < len(value) <= 4 and int(value) > 0


def width(terminal: bool) -> int:
    """The width to draw at: COLUMNS, else the terminal's, else DEFAULT_WIDTH; always within bounds."""
    value = os.environ.get("COLUMNS", "")
    columns = int(value) if _sane(value) else None
    if columns is None and terminal:
        with contextlib.suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
            columns = os.get_terminal_size(sys.stdout.fileno()).columns
    return min(max(columns or DEFAULT_WIDTH, MIN_WIDTH), MAX_WIDTH)


def height() -> int:
    """The terminal's height in lines: LINES, else the terminal's, else 24."""
    value = os.environ.get("LINES", "")
    if _sane(value):
        return int(value)
    try:
        return os.get_terminal_size(sys.stdout.fileno()).lines
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return 24


PAGER = "less -FRX"  # quit if one screen, keep colours, leave the text on screen: as git does


def page(text: str) -> bool:
    """Show text through $PAGER (default `less -FRX`; `PAGER=` turns paging off); False if no pager ran."""
    import shlex
    import signal
    import subprocess

    command = shlex.split(os.environ.get("PAGER", PAGER))
    if not command:
        return False
    # Ctrl-C belongs to the pager while it runs (less uses it to stop a search), as in git.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        pager = subprocess.Popen(command, stdin=subprocess.PIPE)
    except OSError:
        signal.signal(signal.SIGINT, previous)
        return False  # no such program: the text goes straight to the terminal
    try:
        assert pager.stdin is not None
        with contextlib.suppress(BrokenPipeError):  # the user quit the pager before the end
            pager.stdin.write(text.encode(getattr(sys.stdout, "encoding", None) or "utf-8", FALLBACK))
            pager.stdin.close()
        pager.wait()
    finally:
        signal.signal(signal.SIGINT, previous)
    return True


def say(message: str) -> None:
    """One line on standard error, if there is anywhere to put it."""
    try:
        sys.stderr.write(message + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def silence_stdout() -> None:
    """The reader went away: send what is left to /dev/null, so the final flush cannot fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass


def output_failed(error: OSError) -> int:
    """The exit code for a write to standard output that failed, said in one line."""
    silence_stdout()
    if error.errno == errno.EPIPE:
        return 0  # the reader took what it wanted (`| head`): not an error
    say(f"sanctions: error: cannot write to standard output: {reason(error)}")
    return 1


def finish(code: int) -> int:
    """Flush standard output and turn what can go wrong there into the documented exit code."""
    try:
        sys.stdout.flush()
    except OSError as error:
        return output_failed(error)
    except ValueError:  # flushed after it was closed
        return code
    return code


def reason(error: OSError) -> str:
    """An OS error in a few words."""
    if error.errno == errno.ENOSPC:
        return "no space left on the device"
    return error.strerror or str(error)
