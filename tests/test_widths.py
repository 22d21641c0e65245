"""Every command at 60, 80, 120 and 200 columns, on a terminal and piped.

On a terminal a table is laid out for the width: no line too wide, no row taller than 4 lines at
80 columns (3 at 120) besides its one-line notes, the prose column at least 30 wide at 80, no date,
symbol or tally split. In a pipe every row is one line and every word is kept: no `…` anywhere.

`validate` prints one problem per line whatever the width (editors and grep read them), `export`
writes file formats and `--format json` is for scripts: they are not laid out to a width.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any
from unittest import mock

import pytest
from typer.testing import CliRunner

from sanctions.cli.app import app
from tests.terminal import drain

WIDTHS = (60, 80, 120, 200)
COMMANDS = (
    ["regimes", "--as-of", "2024-04-01"],
    ["timeline", "mali"],
    ["timeline", "dprk"],
    ["expiry", "--as-of", "2024-04-01"],
    ["expiry", "iran", "--as-of", "2026-01-01"],
    ["vetoes"],
    ["votes", "mali"],
    ["changes", "--since", "2023-08-01", "--until", "2024-05-01"],
    ["stats", "consensus"],
    ["stats", "members", "--member", "RU"],
    ["stats", "renewals", "dprk"],
    ["stats", "regimes"],
)
# The list: each at 80 then 120 columns.
DESIGNED = (
    ["timeline", "mali"],
    ["expiry"],
    ["expiry", "--as-of", "2024-03-01"],
    ["regimes"],
    ["regimes", "--all"],
    ["vetoes"],
    ["votes", "dprk"],
    ["changes", "--since", "2025-01-01"],
)
PROSE_HEADERS = ("Title", "Mandate", "Next expiry", "What followed", "Positions")
NOTE = re.compile(
    r"^    (Vote|Sets|Regime|Penholders|Abstaining|Would have set|Ended by|Set by|Days left|Pending|Disputed"
    r"|Not verified|Name|Kind|Document|Draft|Vetoed by|Established|Committee|Mandates): "
)
# A token cut at the end of a column: a resolution without its year, half a date, half a tally.
SPLIT_END = re.compile(r"(S/RES/\d+|\b\d{4}-\d{0,2}|\b\d{4}-\d{2}-\d|\b\d{1,2}-\d{1,2}-)$")
SPLIT_START = re.compile(r"^(\(\d{4}\)|-\d)")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# The fields whose values the text must show whole: dates and UN symbols.
SHOWN = {"date", "document", "draft", "meeting", "expires", "set_by", "established"}


def _output(args: list[str], width: int, terminal: bool) -> str:
    env = {"COLUMNS": str(width), "NO_COLOR": "1", "PAGER": ""}
    # On a terminal: the designed layout, wrapping.
    with mock.patch("sanctions.cli.options._is_terminal", return_value=terminal):
        result = CliRunner().invoke(app, args, env=env)
    assert result.exit_code == 0, result.stderr
    return ANSI.sub("", result.stdout)


def _shown_values(document: Any, skip: frozenset[str] = frozenset(), key: str = "") -> Iterator[str]:
    """The dates and symbols of a JSON output that any text form must show unbroken.

    `regimes` and `changes` summarise: their JSON names the decisions behind each mandate's status,
    which `expiry` shows and a summary does not.
    """
    if isinstance(document, dict):
        for name, value in document.items():
            if name in skip:
                continue
            if name in ("sets", "would_have_set") and isinstance(value, dict):
                yield from (v for v in value.values() if isinstance(v, str) and ISO_DATE.fullmatch(v))
            else:
                yield from _shown_values(value, skip, name)
    elif isinstance(document, list):
        for item in document:
            yield from _shown_values(item, skip, key)
    elif isinstance(document, str) and key in SHOWN and document:
        yield document


def _missing(args: list[str], text: str) -> list[str]:
    document = json.loads(CliRunner().invoke(app, [*args, "--format", "json"]).stdout)
    # `regimes` and `changes` carry whole status records (as `expiry` shows them) behind a summary line.
    skip = frozenset({"set_by", "ended_by"} if args[0] in ("regimes", "changes") else ())
    return sorted({value for value in _shown_values(document, skip) if value not in text})


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: " ".join(args))
def test_terminal_tables_fit_and_wide_keeps_every_date_and_symbol_whole(args: list[str], width: int) -> None:
    lines = _output(args, width, terminal=True).splitlines()
    assert lines and max(len(line) for line in lines) <= width
    # Nothing a narrow layout leaves out is lost: --wide shows it, every token whole.
    wide = _output([*args, "--wide"], width, terminal=True)
    assert max(len(line) for line in wide.splitlines()) <= width
    assert _missing(args, wide) == []
    assert "…" not in wide


@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: " ".join(args))
def test_piped_tables_keep_every_word_on_one_line_a_row(args: list[str]) -> None:
    text = _output(args, 60, terminal=False)
    assert "…" not in text
    assert _missing(args, text) == []
    # One line per row: no line is a continuation or a note under a row.
    assert not [line for line in text.splitlines() if line.startswith(" ")]


def _rows(lines: list[str]) -> Iterator[list[str]]:
    """The output cut into rows: a line starting at the margin starts one; notes are left out."""
    row: list[str] = []
    for line in lines:
        if NOTE.match(line):
            continue
        if line and not line.startswith(" ") and row:
            yield row
            row = []
        row.append(line)
    if row:
        yield row


def _prose_width(header: str, width: int) -> int | None:
    for name in PROSE_HEADERS:
        start = header.find(name)
        if start < 0 or (start and header[start - 1] != " "):
            continue
        rest = re.search(r"  \S", header[start + len(name) :])
        return (start + len(name) + rest.start() if rest else width) - start
    return None


@pytest.mark.parametrize("width", (80, 120))
@pytest.mark.parametrize("args", DESIGNED, ids=lambda args: " ".join(args))
def test_designed_layouts_at_80_and_120_columns(args: list[str], width: int) -> None:
    lines = _output(args, width, terminal=True).splitlines()
    assert max(len(line) for line in lines) <= width
    limit = 4 if width < 120 else 3
    tall = [row for row in _rows(lines) if len(row) > limit]
    assert tall == []
    for line in lines:
        chunks = [chunk for chunk in re.split(r"\s{2,}", line.strip()) if chunk]
        assert not [chunk for chunk in chunks if SPLIT_END.search(chunk)], line
        assert not [chunk for chunk in chunks if SPLIT_START.match(chunk)], line
    if width == 80:
        headers = [
            line
            for line in lines
            if _prose_width(line, width) is not None and line.startswith(("Date", "Regime", "ID"))
        ]
        assert headers and all((_prose_width(line, width) or 0) >= 30 for line in headers)
    if args == ["timeline", "mali"] and width == 80:
        assert len(lines) < 60


@pytest.mark.parametrize(
    ("args", "env", "whole"),
    [
        (["timeline", "mali"], {}, "Regime established - travel ban, asset freeze, Committee and Panel of Experts"),
        (
            ["vetoes"],
            {},
            "S/RES/2402 (2018) adopted the same day: Russian technical rollover - measures to 26 February 2019,"
            " Panel to 28 March 2019",
        ),
        (["changes", "--since", "2025-01-01"], {"COLUMNS": "100"}, "Technical rollover - interdiction to 3 March 2025"),
    ],
    ids=["timeline mali | cat", "vetoes > v.txt", "COLUMNS=100 changes | cat"],
)
def test_a_pipe_gets_every_title_whole(args: list[str], env: dict[str, str], whole: str) -> None:
    result = CliRunner().invoke(app, args, env={"PAGER": "", **env})
    assert result.exit_code == 0
    assert "…" not in result.stdout
    assert [line for line in result.stdout.splitlines() if whole in line]
    assert "\x1b[" not in result.stdout


def test_vetoes_written_to_a_file_keep_every_word(tmp_path: Any) -> None:
    target = tmp_path / "v.txt"
    assert CliRunner().invoke(app, ["vetoes", "-o", str(target)]).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert "…" not in text and "no veto: too few votes" in text


def test_width_lays_a_file_out_as_on_a_terminal_without_dropping_anything() -> None:
    text = _output(["--width", "80", "expiry", "--as-of", "2024-03-01"], 200, terminal=False)
    assert max(map(len, text.splitlines())) <= 80
    assert "…" not in text and "    Set by: S/RES/" in text  # dropped on a terminal, kept in a file


def test_wide_on_a_terminal_shows_the_columns_left_out() -> None:
    narrow = _output(["expiry", "--as-of", "2024-03-01"], 80, terminal=True)
    wide = _output(["expiry", "--as-of", "2024-03-01", "--wide"], 80, terminal=True)
    assert "Set by" not in narrow and "Set by: S/RES/2680 (2023)" in wide


@pytest.mark.parametrize("terminal", [True, False], ids=["terminal", "piped"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(
    "args", (["chart", "mali", "--as-of", "2023-09-15"], ["chart", "dprk", "--as-of", "2024-05-01"])
)
def test_charts_fit(args: list[str], width: int, terminal: bool) -> None:
    lines = _output(args, width, terminal).splitlines()
    assert max(len(line) for line in lines) <= width
    assert any("as of" in line for line in lines)


def _in_a_pty(args: list[str], columns: int) -> str:
    """What `sanctions ARGS` shows in a pseudo-terminal `columns` wide (no COLUMNS, no pager)."""
    import fcntl
    import os
    import pty
    import struct
    import subprocess
    import sys
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "FORCE_COLOR")}
    env.update({"PAGER": "", "NO_COLOR": "1"})
    process = subprocess.Popen([sys.executable, "-m", "sanctions", *args], stdout=follower, env=env)
    os.close(follower)
    written = drain(leader)
    os.close(leader)
    assert process.wait() == 0
    return ANSI.sub("", written.decode("utf-8").replace("\r\n", "\n"))


def test_the_mali_timeline_in_an_80_column_pseudo_terminal() -> None:
    lines = _in_a_pty(["timeline", "mali"], 80).splitlines()
    assert len(lines) < 60 and max(map(len, lines)) <= 80
    assert [row for row in _rows(lines) if len(row) > 4] == []
    assert "Title" in lines[2] and (_prose_width(lines[2], 80) or 0) >= 30
