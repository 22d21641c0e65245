"""Every command at 60, 80, 120 and 200 columns, on a terminal and piped: nothing too wide, nothing cut.

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

from sanctions.cli import app

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
DRAWINGS = (["chart", "mali", "--as-of", "2023-09-15"], ["chart", "dprk", "--as-of", "2024-05-01"])
ANSI = re.compile(r"\x1b\[[0-9;]*m")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# The fields whose values the text must show whole: dates and UN symbols.
SHOWN = {"date", "document", "draft", "meeting", "expires", "set_by", "established"}


def _output(args: list[str], width: int, terminal: bool) -> str:
    env = {"COLUMNS": str(width), "NO_COLOR": "1", "PAGER": ""}
    # On a terminal: rich layout, wrapping, no cut cells.
    with mock.patch("sanctions.cli._is_terminal", return_value=terminal):
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


@pytest.mark.parametrize("terminal", [True, False], ids=["terminal", "piped"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: " ".join(args))
def test_tables_fit_and_keep_every_date_and_symbol_whole(args: list[str], width: int, terminal: bool) -> None:
    text = _output(args, width, terminal)
    lines = text.splitlines()
    assert lines and max(len(line) for line in lines) <= width
    document = json.loads(CliRunner().invoke(app, [*args, "--format", "json"]).stdout)
    # `regimes` and `changes` carry whole status records (as `expiry` shows them) behind a summary line.
    skip = frozenset({"set_by", "ended_by"} if args[0] in ("regimes", "changes") else ())
    missing = sorted({value for value in _shown_values(document, skip) if value not in text})
    assert missing == []
    if terminal:  # on a terminal every cell wraps: nothing is cut short
        assert "…" not in text


@pytest.mark.parametrize("terminal", [True, False], ids=["terminal", "piped"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("args", DRAWINGS, ids=lambda args: " ".join(args))
def test_charts_fit(args: list[str], width: int, terminal: bool) -> None:
    lines = _output(args, width, terminal).splitlines()
    assert max(len(line) for line in lines) <= width
    assert any("as of" in line for line in lines)
