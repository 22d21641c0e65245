"""The command line through typer's CliRunner: exit codes, formats, errors, help."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sanctions import __version__
from sanctions.cli import app

SAMPLE = str(Path(__file__).parent / "data" / "sample")
BROKEN = str(Path(__file__).parent / "data" / "broken")
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_version() -> None:
    assert run("--version") == (0, f"sanctions {__version__}\n", "")


@pytest.mark.parametrize("command", ["regimes", "timeline", "validate"])
def test_every_command_has_help_with_an_example(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0
    assert "Example: sanctions " in out


def test_timeline_json_by_resolution_number() -> None:
    code, out, _ = run("timeline", "2374", "--format", "json")
    events = json.loads(out)
    assert code == 0
    assert {e["regime"] for e in events} == {"mali"}
    veto = next(e for e in events if e["kind"] == "veto")
    assert veto["vetoed_by"] == ["RU"]
    assert veto["vote"] == {"in_favour": 13, "against": 1, "abstaining": 1}
    assert veto["would_have_set"] == {"measures": "2024-08-31", "panel": "2024-09-30"}
    required = {"regime", "date", "kind", "document", "meeting", "title", "vote", "votes", "vetoed_by", "sets"}
    assert all(required | {"would_have_set", "sources"} <= set(e) for e in events)


def test_timeline_filters() -> None:
    code, out, _ = run(
        "timeline", "dprk", "-f", "json", "--since", "1 January 2022", "--until", "2024-12-31", "-k", "veto"
    )
    assert code == 0
    assert [(e["date"], e["document"]) for e in json.loads(out)] == [
        ("2022-05-26", "S/2022/431"),
        ("2024-03-28", "SC/15648"),
    ]


def test_timeline_table_is_plain_when_piped() -> None:
    code, out, _ = run("timeline", "mali")
    assert code == 0
    assert "\x1b[" not in out
    assert "France-UAE renewal vetoed by Russia" in out


def test_unknown_regime_suggests_a_name() -> None:
    assert run("timeline", "mal") == (2, "", "sanctions: error: unknown regime 'mal' — did you mean 'mali'?\n")


def test_a_path_is_never_a_regime() -> None:
    code, _, err = run("timeline", "../../etc/passwd")
    assert code == 2
    assert err.startswith("sanctions: error: unknown regime '../../etc/passwd'")


def test_bad_date_is_a_usage_error() -> None:
    code, _, err = run("timeline", "mali", "--since", "yesterday-ish")
    assert code == 2
    assert (
        err == "sanctions: error: 'yesterday-ish' is not a date: "
        "expected a date like 2024-04-30, '30 June 2021' or 'today'\n"
    )


def test_unknown_format_is_a_usage_error() -> None:
    code, _, err = run("regimes", "--format", "xml")
    assert code == 2
    assert "'xml' is not one of" in err


def test_regimes_json() -> None:
    code, out, _ = run("regimes", "--format", "json", "--as-of", "2024-04-01")
    assert code == 0
    by_id = {r["id"]: r for r in json.loads(out)}
    assert by_id["dprk"]["next_expiry"]["expires"] == "2024-04-30"
    assert by_id["dprk"]["next_expiry"]["days_left"] == 29
    assert by_id["mali"]["status"] == "ended"


def test_validate_bundled() -> None:
    code, out, _ = run("validate")
    assert (code, out) == (0, "2 files checked: no problems\n")


def test_validate_lists_every_problem_and_exits_1() -> None:
    code, out, _ = run("validate", "--data", BROKEN)
    lines = out.splitlines()
    assert code == 1
    assert lines[-1] == f"{len(list(Path(BROKEN).glob('*.yaml')))} files checked: {len(lines) - 1} problems"
    assert f"{BROKEN}/bad-date.yaml:9:11: events[0].date: '2023-02-30' is not a real day" in out


def test_broken_data_is_one_line_without_traceback() -> None:
    code, out, err = run("timeline", "mali", "--data", BROKEN)
    assert (code, out) == (1, "")
    assert err.count("\n") == 1
    assert err.startswith(f"sanctions: error: {BROKEN}/alias.yaml:9:5: anchors and aliases")
    assert "Traceback" not in err


def test_debug_shows_the_traceback() -> None:
    result = runner.invoke(app, ["--debug", "timeline", "mali", "--data", BROKEN])
    assert result.exit_code == 1
    assert type(result.exception).__name__ == "DataError"


def test_data_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SANCTIONS_DATA", SAMPLE)
    code, out, _ = run("timeline", "9999", "-f", "json")
    assert code == 0
    assert len(json.loads(out)) == 4


def test_missing_data_folder() -> None:
    code, _, err = run("regimes", "--data", "/no/such/folder")
    assert code == 2
    assert "/no/such/folder" in err
