"""The command as cron, a pipe or a narrow terminal runs it: real processes, real file descriptors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sanctions import streams
from sanctions.cli import entry
from tests.terminal import drain

COMMAND = [sys.executable, "-m", "sanctions"]
CHECK = ["expiry", "dprk", "--as-of", "2024-04-01", "--check"]  # the panel expires in 29 days: exit 3


def _run(args: list[str], **options: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*COMMAND, *args], timeout=60, check=False, **options)  # type: ignore[call-overload,no-any-return]


def _shell(args: list[str], redirect: str, **options: object) -> subprocess.CompletedProcess[bytes]:
    """The command with a shell redirection such as `2>&-`, which subprocess cannot express."""
    line = " ".join([*COMMAND, *args, redirect])
    return subprocess.run(line, shell=True, timeout=60, check=False, **options)  # type: ignore[call-overload,no-any-return]


def test_stderr_closed_keeps_the_exit_code_and_the_output() -> None:
    expected = _run(CHECK, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    closed = _shell(CHECK, "2>&-", stdout=subprocess.PIPE)
    assert (closed.returncode, closed.stdout) == (3, expected.stdout)
    assert b"Panel of Experts" in closed.stdout


def test_stderr_closed_on_an_error_still_exits_2() -> None:
    closed = _shell(["timeline", "nowhere"], "2>&-", stdout=subprocess.PIPE)
    assert (closed.returncode, closed.stdout) == (2, b"")


@pytest.mark.parametrize("args", [["expiry"], ["--version"], ["timeline", "mali"]])
def test_stdout_closed_is_one_line_and_exit_1(args: list[str]) -> None:
    done = _shell(args, ">&-", stderr=subprocess.PIPE)
    assert (done.returncode, done.stderr) == (
        1,
        b"sanctions: error: cannot write to standard output: standard output is closed\n",
    )


@pytest.mark.parametrize("args", [["expiry"], ["--version"], ["chart", "mali"]])
def test_a_full_device_is_one_line_and_exit_1(args: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        done = _run(args, stdout=full, stderr=subprocess.PIPE)
    assert (done.returncode, done.stderr) == (
        1,
        b"sanctions: error: cannot write to standard output: no space left on the device\n",
    )


@pytest.mark.parametrize(
    "args",
    [["expiry"], ["timeline", "mali"], ["--version"], ["chart", "dprk"], ["--help"], ["-h"], ["expiry", "-h"], []],
)
def test_a_reader_gone_is_exit_0_every_time(args: list[str]) -> None:
    # The read end closed before anything is written: every write fails with EPIPE, as with `| head -1`
    # on a long output, but every time rather than by a race.
    for _ in range(3):
        read, write = os.pipe()
        os.close(read)
        try:
            done = _run(args, stdout=write, stderr=subprocess.PIPE)
        finally:
            os.close(write)
        assert (done.returncode, done.stderr) == (0, b"")


@pytest.mark.parametrize(
    "environment", [{"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}]
)
@pytest.mark.parametrize("args", [["vetoes", "mali", "dprk"], ["chart", "mali", "--as-of", "2023-09-15"]])
def test_a_stream_that_is_not_utf8_gets_ascii_stand_ins(environment: dict[str, str], args: list[str]) -> None:
    done = _run(args, capture_output=True, env={**os.environ, **environment})
    assert (done.returncode, done.stderr) == (0, b"")
    assert done.stdout.isascii()
    text = done.stdout.decode("ascii")
    assert "> 20" in text or "#" in text
    assert "?" not in text.replace("? ", "")


def test_the_ascii_stand_ins() -> None:
    streams.prepare()
    encoded = "✖ veto → 2024-08-31 — Côte d'Ivoire ■ 中 cut…".encode("ascii", errors=streams.FALLBACK)
    assert encoded == b"x veto > 2024-08-31 - Cote d'Ivoire # ? cut~"


@pytest.mark.parametrize("columns", ["abc", "99999999", "-5", "0", "²"])
def test_a_columns_value_that_is_not_a_width_is_ignored(columns: str) -> None:
    done = _run(["chart", "mali", "--as-of", "2023-09-15"], capture_output=True, env={**os.environ, "COLUMNS": columns})
    assert (done.returncode, done.stderr) == (0, b"")
    assert max(len(line) for line in done.stdout.decode().splitlines()) <= streams.DEFAULT_WIDTH


@pytest.mark.parametrize(("columns", "expected"), [("80", 80), ("5", 20), ("5000", 1000), ("", 160), ("x", 160)])
def test_width_is_bounded(columns: str, expected: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    assert streams.width(terminal=False) == expected


def test_ctrl_c_while_loading_is_one_line_and_exit_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sanctions.cli.app

    def interrupted() -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(sanctions.cli.app, "run", interrupted)
    monkeypatch.setattr(sys, "argv", ["sanctions", "expiry"])
    assert entry._run() == 130
    assert capsys.readouterr().err == "sanctions: interrupted\n"


def _on_a_terminal(args: list[str], environment: dict[str, str]) -> bytes:
    """What the command writes to a pseudo-terminal."""
    import pty

    leader, follower = pty.openpty()
    try:
        done = _run(args, stdout=follower, stderr=subprocess.PIPE, env={**os.environ, **environment})
        assert done.returncode == 0, done.stderr
        os.close(follower)
        return drain(leader)
    finally:
        os.close(leader)


@pytest.mark.parametrize(
    ("extra", "environment", "paged"),
    [
        ([], {}, True),
        (["--no-pager"], {}, False),
        ([], {"PAGER_OFF": "1"}, False),
    ],
)
def test_a_pager_on_a_terminal_when_the_output_is_taller(
    extra: list[str], environment: dict[str, str], paged: bool, tmp_path: Path
) -> None:
    captured = tmp_path / "paged.txt"
    pager = f"{sys.executable} -c 'import sys; open(sys.argv[1], \"wb\").write(sys.stdin.buffer.read())' {captured}"
    settings = {"LINES": "10", "COLUMNS": "80", "NO_COLOR": "1", "PAGER": pager}
    if environment.pop("PAGER_OFF", None):
        settings["PAGER"] = ""
    screen = _on_a_terminal(["timeline", "mali", *extra], settings)
    if paged:
        assert b"France-UAE" in captured.read_bytes() and b"France-UAE" not in screen
    else:
        assert not captured.exists() and b"France-UAE" in screen


def test_no_pager_when_the_output_fits(tmp_path: Path) -> None:
    captured = tmp_path / "paged.txt"
    pager = f'{sys.executable} -c \'open("{captured}", "w").write("paged")\''
    screen = _on_a_terminal(["chart", "mali"], {"LINES": "50", "COLUMNS": "80", "PAGER": pager})
    assert b"mandates as of" in screen and not captured.exists()


def test_every_symbol_the_chart_draws_has_an_ascii_stand_in() -> None:
    from sanctions.render import chart

    streams.prepare()
    symbols = "".join((chart.BAR, chart.VETO, chart.FAILED, chart.LAPSE, chart.NOW, chart.UNKNOWN, chart.SUSPENDED))
    assert symbols.encode("ascii", errors=streams.FALLBACK) == b"#xo#|.:"


def test_force_color_brings_no_terminal_layout_into_a_pipe() -> None:
    plain = _run(["expiry", "--as-of", "2024-04-01"], capture_output=True)
    forced = _run(["expiry", "--as-of", "2024-04-01"], capture_output=True, env={**os.environ, "FORCE_COLOR": "1"})
    assert forced.returncode == plain.returncode == 0
    assert forced.stdout == plain.stdout  # one line per row, no escape codes
    assert b"\x1b[" not in forced.stdout


def test_force_color_may_colour_a_pipe_but_no_color_wins() -> None:
    chart = ["chart", "mali", "--as-of", "2023-09-15"]
    forced = _run(chart, capture_output=True, env={**os.environ, "FORCE_COLOR": "1"})
    assert b"\x1b[" in forced.stdout
    both = _run(chart, capture_output=True, env={**os.environ, "FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert both.returncode == 0 and b"\x1b[" not in both.stdout  # no colour and no bold


def test_no_color_on_a_terminal_leaves_no_bold() -> None:
    screen = _on_a_terminal(["chart", "mali", "--as-of", "2023-09-15"], {"NO_COLOR": "1", "COLUMNS": "80"})
    assert b"mandates as of" in screen and b"\x1b[1m" not in screen


@pytest.mark.parametrize(
    "environment", [{"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}]
)
@pytest.mark.parametrize("args", [["export", "cote-divoire", "-f", "json"], ["timeline", "cote-divoire", "-f", "json"]])
def test_json_on_a_stream_that_is_not_utf8_is_escaped_not_lossy(environment: dict[str, str], args: list[str]) -> None:
    done = _run(args, capture_output=True, env={**os.environ, **environment})
    assert (done.returncode, done.stderr) == (0, b"")
    assert done.stdout.isascii() and b"\\u00f4" in done.stdout
    assert "Côte d'Ivoire" in json.dumps(json.loads(done.stdout), ensure_ascii=False)  # the accent kept
