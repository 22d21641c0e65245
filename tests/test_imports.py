"""Each command imports only what it needs: checked in a fresh interpreter per command."""

from __future__ import annotations

import subprocess
import sys

import pytest

# Runs the command like the `sanctions` script, then names which heavy libraries got imported.
PROBE = """\
import sys
from sanctions.cli.entry import main
sys.argv = ["sanctions", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
heavy = {"yaml", "dateutil", "rich", "pycountry"}
sys.stderr.write(" ".join(sorted(heavy & {name.split(".")[0] for name in sys.modules})))
"""


def _imported(*args: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True, timeout=60
    )
    return set(result.stderr.split())


def test_version_imports_nothing_heavy() -> None:
    assert _imported("--version") == set()


@pytest.mark.parametrize("args", [["--help"], ["timeline", "--help"]])
def test_help_loads_neither_yaml_nor_dateutil(args: list[str]) -> None:
    assert not _imported(*args) & {"yaml", "dateutil", "pycountry"}


def test_a_warm_timeline_to_a_pipe_loads_no_yaml_dateutil_or_rich() -> None:
    assert "yaml" in _imported("timeline", "mali")  # the first run parses the file and fills the cache
    assert _imported("timeline", "mali") == set()
