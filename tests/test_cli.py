"""The command line through typer's CliRunner: exit codes, formats, errors, help."""

from __future__ import annotations

import inspect
import json
import os
import re
from pathlib import Path
from unittest import mock

import pytest
from typer.testing import CliRunner

from sanctions import __version__
from sanctions.cli.app import app

SAMPLE = str(Path(__file__).parent / "data" / "sample")
BROKEN = str(Path(__file__).parent / "data" / "broken")
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_version() -> None:
    assert run("--version") == (0, f"sanctions {__version__}\n", "")


@pytest.mark.parametrize(
    "command",
    [
        "regimes",
        "timeline",
        "expiry",
        "changes",
        "chart",
        "vetoes",
        "votes",
        "export",
        "draft",
        "validate",
        "copy-data",
    ],
)
def test_every_command_has_help_with_an_example(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0
    assert "Example: sanctions " in out


COMMANDS = sorted(command.name or command.callback.__name__ for command in app.registered_commands)  # type: ignore[union-attr]


def _help(args: list[str], monkeypatch: pytest.MonkeyPatch) -> str:
    """A command's --help as a 1,000-column terminal shows it: a line breaks only where the text does."""
    import typer.rich_utils

    monkeypatch.setattr(typer.rich_utils, "MAX_WIDTH", 1000)
    code, out, _ = run(*args, "--help")
    assert code == 0
    return out


@pytest.mark.parametrize("args", [[], *([command] for command in COMMANDS)], ids=lambda args: " ".join(args) or "-")
def test_help_breaks_no_sentence_and_names_placeholders_one_way(
    args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = [line.rstrip() for line in _help(args, monkeypatch).splitlines()]
    panel = next((i for i, line in enumerate(lines) if line.startswith("╭")), len(lines))
    prose = [line.strip() for line in lines[1:panel] if line.strip() and not line.strip().startswith("Usage:")]
    assert prose and prose[-1].startswith("Example: sanctions")
    for line in prose[:-1]:  # each paragraph is one line, ending as a sentence ends
        assert line.endswith((".", ")")), line
    for line in lines[panel:]:  # no option's or command's help folds onto a line of its own
        assert not re.match(r"│\s{8,}\S", line), line
    assert not re.search(r"<(?!str>|path>)[a-z|]+>", "\n".join(lines)), "a placeholder in <...> form"
    placeholders = {
        "REGIME",
        "TARGET",
        "FIGURE",
        "DATE",
        "PERIOD",
        "FILE",
        "DIR",
        "FORMAT",
        "MEMBER",
        "KIND",
        "URL",
        "N",
    }
    for line in lines[panel:]:  # the cells before an option's help: its names and its placeholder
        for cell in re.split(r"\s{2,}", line.strip("│ "))[:4]:
            if re.fullmatch(r"[A-Z][A-Z.]*", cell):
                assert cell.removesuffix("...") in placeholders, line


@pytest.mark.parametrize("command", COMMANDS)
def test_every_help_example_runs(command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shlex
    import shutil

    example = next(
        line.strip().removeprefix("Example: ")
        for line in _help([command], monkeypatch).splitlines()
        if line.strip().startswith("Example: ")
    )
    monkeypatch.chdir(tmp_path)
    shutil.copy(Path(__file__).parent / "data" / "press" / "dprk-2024-03-28-sc15648.txt", "sc15648.txt")
    for step in example.split(" && "):
        words = shlex.split(step)
        assert words[0] == "sanctions"
        code, out, err = run(*words[1:])
        assert code == (3 if "--check" in words else 0), (step, err)
        assert out or err or Path(words[words.index("-o") + 1]).is_file(), step

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
    assert "…" not in out  # a pipe gets every word, one line per row
    assert [
        line
        for line in out.splitlines()
        if line.startswith("2023-08-30") and "France-UAE renewal vetoed by Russia" in line
    ]


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
        "expected a date like 2024-04-30, '30 June 2021', 'today', 'in 90 days' or 'last friday'\n"
    )


def test_an_ambiguous_date_is_refused_with_both_readings() -> None:
    assert run("expiry", "dprk", "--as-of", "01/02/2024") == (
        2,
        "",
        "sanctions: error: '01/02/2024' could be 1 February or 2 January 2024: write 2024-02-01 or 2024-01-02\n",
    )


@pytest.mark.parametrize(
    ("command", "option"), [("timeline", "--since"), ("timeline", "--until"), ("expiry", "--as-of")]
)
def test_date_options_show_the_date_metavar(command: str, option: str) -> None:
    _, out, _ = run(command, "--help")
    assert re.search(rf"{option} +DATE ", out)


def test_unknown_format_is_a_usage_error() -> None:
    code, _, err = run("regimes", "--format", "xml")
    assert code == 2
    assert "'xml' is not one of" in err


def test_regimes_json() -> None:
    code, out, _ = run("regimes", "--format", "json", "--as-of", "2024-04-01", "--all")
    assert code == 0
    by_id = {r["id"]: r for r in json.loads(out)}
    assert by_id["dprk"]["next_expiry"]["expires"] == "2024-04-30"
    assert by_id["dprk"]["next_expiry"]["days_left"] == 29
    assert by_id["mali"]["status"] == "ended"


def test_listings_show_the_regimes_ongoing_on_the_date_by_default() -> None:
    def ids(*args: str) -> list[str]:
        code, out, _ = run(*args, "--format", "json")
        assert code == 0
        return sorted({row.get("id") or row["regime"] for row in json.loads(out)})

    ongoing = ids("regimes", "--as-of", "2023-09-15")
    assert "mali" in ongoing and "iran" not in ongoing  # Iran's 1737 measures ended in 2016, re-applied in 2025
    after = ids("regimes", "--as-of", "2023-10-01")
    ended = ids("regimes", "--as-of", "2023-10-01", "--ended")
    assert "mali" not in after and {"iran", "mali"} <= set(ended) and not set(after) & set(ended)
    assert ids("expiry", "--as-of", "2023-10-01", "--ended") == ended
    everything = ids("regimes", "--all")
    statuses = {row["id"]: row["status"] for row in json.loads(run("regimes", "--all", "-f", "json")[1])}
    never = sorted(regime for regime, status in statuses.items() if status == "not established")
    assert {"syria"} <= set(never)  # sanctions the Council never established: only --all lists them
    assert sorted(ids("regimes") + ids("regimes", "--ended") + never) == everything
    assert "mali" in ids("vetoes", "--ended") and "dprk" not in ids("vetoes", "--ended")
    assert {"mali", "dprk", "iran", "zimbabwe"} <= set(ids("vetoes"))  # vetoes are history: every regime
    assert ids("expiry", "mali", "--as-of", "2023-10-01") == ["mali"]  # a regime named is shown
    out = run("regimes", "--as-of", "2023-10-01", "--width", "200")[1]
    left = len(everything) - len(after)
    assert out.endswith(f"\n{left} regimes not ongoing on 2023-10-01 left out: --all lists every regime\n")
    assert run("expiry", "--as-of", "1946-01-01")[1] == (
        f"Nothing to list. {len(everything)} regimes not ongoing on 1946-01-01 left out: --all lists every regime.\n"
    )
    assert run("regimes", "--as-of", "1946-01-01", "-f", "json")[1] == "[]\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["regimes", "--all", "--ended"], "--all already includes the ended regimes: give one of --all and --ended"),
        (["expiry", "mali", "--all"], "--all and --ended choose among every regime: name regimes or give one of them"),
        (
            ["vetoes", "mali", "--ended"],
            "--all and --ended choose among every regime: name regimes or give one of them",
        ),
    ],
)
def test_scope_options_that_contradict(args: list[str], message: str) -> None:
    assert run(*args) == (2, "", f"sanctions: error: {message}\n")


def test_validate_bundled() -> None:
    from sanctions.dataset.loader import data_dir, regime_files

    code, out, _ = run("validate")
    # One known warning: the Council renewed the Taliban Monitoring Team on 18 December 2020, by
    # written procedure, a day after its term ran out (regimes/taliban.yaml notes the sources).
    taliban = data_dir() / "taliban.yaml"
    line = taliban.read_text(encoding="utf-8").splitlines().index("  - date: 2020-12-18") + 1
    late = (
        f"{taliban}:{line}:5: warning: renews 'monitoring-team' on 2020-12-18, after its term "
        "ran out on 2020-12-17, and no lapse is recorded: check both dates, or record the lapse"
    )
    assert (code, out) == (0, f"{late}\n{len(regime_files(data_dir()))} files checked: no problems, 1 warning\n")


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


def test_expiry_json_as_of_1_april_2024() -> None:
    code, out, _ = run("expiry", "dprk", "--as-of", "2024-04-01", "-f", "json")
    assert code == 0
    rows = {r["mandate"]: r for r in json.loads(out)}
    assert rows["panel"]["status"] == "expiring"
    assert (rows["panel"]["expires"], rows["panel"]["days_left"]) == ("2024-04-30", 29)
    assert rows["measures"]["status"] == "open-ended" and rows["measures"]["expires"] is None
    assert set(rows["panel"]) >= {
        "regime",
        "mandate",
        "name",
        "status",
        "expires",
        "days_left",
        "set_by",
        "ended_by",
        "as_of",
    }


def test_expiry_panel_lapsed_by_veto_on_1_may_2024() -> None:
    code, out, _ = run("expiry", "1718", "--as-of", "1 May 2024", "-f", "json")
    assert code == 0
    panel = next(r for r in json.loads(out) if r["mandate"] == "panel")
    assert panel["status"] == "lapsed"
    assert panel["ended_by"] == {"date": "2024-03-28", "kind": "veto", "document": "SC/15648", "vetoed_by": ["RU"]}


def test_expiry_is_sorted_soonest_first() -> None:
    code, out, _ = run("expiry", "mali", "dprk", "--as-of", "2023-09-15", "-f", "json")
    assert code == 0
    assert [(r["regime"], r["mandate"], r["status"]) for r in json.loads(out)] == [
        ("mali", "panel", "expiring"),
        ("dprk", "panel", "active"),
        ("mali", "measures", "lapsed"),
        ("dprk", "measures", "open-ended"),
    ]


@pytest.mark.parametrize(
    ("as_of", "within", "code"),
    [("2024-04-01", "60d", 3), ("2024-02-01", "60d", 0), ("2024-02-01", "3m", 3), ("2024-05-01", "1y", 0)],
)
def test_expiry_check_exit_code(as_of: str, within: str, code: int) -> None:
    assert run("expiry", "dprk", "--as-of", as_of, "--within", within, "--check")[0] == code


@pytest.mark.parametrize("within", ["60d", "60 days", "2 months"])
def test_expiry_within_lists_only_the_mandates_expiring_in_the_window(within: str) -> None:
    code, out, _ = run("expiry", "--within", within, "--as-of", "2026-12-07", "-f", "json")
    assert code == 0
    assert [(r["regime"], r["mandate"], r["expires"]) for r in json.loads(out)] == [
        ("yemen", "panel", "2026-12-15"),
        ("al-shabaab", "panel", "2026-12-31"),
    ]


def test_expiry_until_lists_the_panel_only_and_says_what_it_left_out() -> None:
    code, out, _ = run("expiry", "--as-of", "2024-03-01", "--until", "2024-05-31", "dprk")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()[2:-1]] == ["dprk"]
    assert "Panel of Experts" in out and "Arms embargo" not in out
    assert out.splitlines()[-1] == (
        "1 mandate not expiring from 2024-03-01 to 2024-05-31 left out: drop --until to list every mandate"
    )
    assert run("expiry", "--as-of", "2024-03-01", "--until", "2024-05-31", "dprk", "--check")[0] == 3
    assert run("expiry", "--as-of", "2024-03-01", "--until", "2024-04-29", "dprk", "--check")[0] == 0


def test_expiry_without_a_window_lists_every_mandate() -> None:
    code, out, _ = run("expiry", "dprk", "--as-of", "2024-03-01", "-f", "json")
    assert code == 0
    assert [r["mandate"] for r in json.loads(out)] == ["panel", "measures"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--within", "3d", "--until", "2024-05-31"], "--within and --until both end the window: give one of them"),
        (["--until", "2024-02-01"], "--until 2024-02-01 is before --as-of 2024-03-01: nothing can expire in between"),
    ],
)
def test_expiry_window_usage_errors(args: list[str], message: str) -> None:
    assert run("expiry", "dprk", "--as-of", "2024-03-01", *args) == (2, "", f"sanctions: error: {message}\n")


def test_expiry_without_check_exits_0_even_when_expiring() -> None:
    assert run("expiry", "dprk", "--as-of", "2024-04-01")[0] == 0


def test_expiry_bad_period() -> None:
    code, _, err = run("expiry", "--within", "soon")
    assert code == 2
    assert "'soon' is not a period" in err


def test_expiry_ics() -> None:
    result = runner.invoke(app, ["expiry", "mali", "--as-of", "2023-09-15", "-f", "ics"])
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"BEGIN:VCALENDAR\r\n")
    assert result.stdout_bytes.count(b"BEGIN:VEVENT") == 2  # two expiries; report deadlines only with --deadlines
    assert b"UID:mali.panel@sanctions\r\n" in result.stdout_bytes


def test_chart_dprk() -> None:
    code, out, _ = run("chart", "dprk", "--as-of", "2024-05-01")
    assert code == 0
    lanes = {
        line[:33].strip(): line[33:] for line in out.splitlines() if line.startswith(("Arms, nuclear", "Panel of"))
    }
    assert lanes["Arms, nuclear and sectoral bans"].rstrip().endswith("█ →")  # runs on, no end date
    assert "✖" in lanes["Panel of Experts"] and not lanes["Panel of Experts"].rstrip().endswith("→")


def test_vetoes_table_lists_each_draft_and_the_summary() -> None:
    code, out, _ = run("vetoes", "mali", "dprk")
    assert code == 0
    assert "S/2022/431" in out and "S/2023/638" in out and "SC/15648" in out
    assert "no veto:" in out
    assert "Russia: 3 vetoes, 2 ended a mandate — ended 2 monitoring panels" in out
    assert "one veto per draft per permanent member voting against" in out


def test_vetoes_cover_every_regime_since_1966_by_default() -> None:
    code, out, _ = run("vetoes", "-f", "json")
    rows = [(r["date"], r["regime"], r["document"], r["vetoed_by"]) for r in json.loads(out)]
    assert code == 0
    assert ("2023-08-30", "mali", "S/2023/638", ["RU"]) in rows
    assert ("2024-03-28", "dprk", "SC/15648", ["RU"]) in rows
    assert run("vetoes", "-f", "json") == run("vetoes", "--all", "-f", "json")
    table = run("vetoes", "--width", "200")[1]
    russia = sum(r[3].count("RU") for r in rows)
    assert f"\nRussia: {russia} vetoes, 2 ended a mandate" in table and "regimes not ongoing" not in table


def test_the_main_help_says_which_regimes_each_kind_of_command_covers() -> None:
    code, out, _ = run("--help")
    assert code == 0
    assert "Commands about the past (timeline, show, votes, vetoes, changes) cover every regime since 1966" in " ".join(
        out.replace("│", " ").split()
    )


def test_vetoes_json() -> None:
    code, out, _ = run("vetoes", "mali", "dprk", "--member", "russia", "--since", "2023-01-01", "-f", "json")
    assert code == 0
    rows = json.loads(out)
    assert [(r["regime"], r["kind"], r["draft"], r["document"]) for r in rows] == [
        ("mali", "veto", "S/2023/638", "S/2023/638"),
        ("dprk", "veto", None, "SC/15648"),  # a press release, not the draft's own symbol
    ]
    dprk = rows[1]
    assert dprk["vote"] == {"in_favour": 13, "against": 1, "abstaining": 1}
    assert dprk["would_have_set"] == {"panel": "2025-04-30"}
    assert dprk["consequences"] == [
        {"mandate": "panel", "name": "Panel of Experts", "outcome": "lapsed", "date": "2024-04-30", "by": None}
    ]
    assert dprk["failed_without_veto"] is False and dprk["penholders"] == ["US"]


def test_unknown_member() -> None:
    code, _, err = run("vetoes", "--member", "atlantis")
    assert code == 2
    assert err == "sanctions: error: unknown member 'atlantis': use an ISO code like RU or a name like Russia\n"


def test_votes_by_member_name() -> None:
    code, out, _ = run("votes", "mali", "--member", "Japan", "-f", "json")
    assert code == 0
    positions = [
        (v["document"], v["kind"], v["votes"].get("JP"), v["derived_votes"].get("JP")) for v in json.loads(out)
    ]
    assert positions == [
        ("S/RES/2374 (2017)", "established", None, "yes"),
        ("S/2023/638", "veto", None, "yes"),
        ("S/PV.9408", "failed-draft", "against", None),
    ]


def test_votes_table_names_members() -> None:
    code, out, _ = run("votes", "mali")
    assert code == 0
    assert "Saint Vincent and the Grenadines" in out


def test_export_markdown_to_stdout() -> None:
    code, out, _ = run("export", "mali", "--as-of", "2023-09-15")
    assert code == 0
    assert out.startswith("# Mali: UN sanctions regime (S/RES/2374 (2017))\n")
    assert "```mermaid\ngantt\n" in out


def test_export_to_a_file_then_refuse_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "mali.md"
    assert run("export", "mali", "-f", "markdown", "-o", str(target))[0] == 0
    first = target.read_text(encoding="utf-8")
    code, out, err = run("export", "mali", "-f", "csv", "-o", str(target))
    assert (code, out) == (1, "")
    assert err == f"sanctions: error: {target} already exists: use --force to overwrite it\n"
    assert target.read_text(encoding="utf-8") == first
    assert run("export", "mali", "-f", "csv", "-o", str(target), "--force")[0] == 0
    assert target.read_text(encoding="utf-8").startswith("regime,date,kind,")


def test_export_into_a_missing_folder(tmp_path: Path) -> None:
    code, _, err = run("export", "mali", "-o", str(tmp_path / "no" / "mali.md"))
    assert code == 1
    assert "no such folder" in err


def test_export_all(tmp_path: Path) -> None:
    code, _, err = run("export", "--all", "-f", "json", "-o", str(tmp_path))
    assert code == 0
    from sanctions.dataset.loader import data_dir, regime_files

    expected = sorted(f"{p.stem}.json" for p in regime_files(data_dir()))
    assert sorted(p.name for p in tmp_path.iterdir()) == expected
    assert err == f"wrote {len(expected)} files to {tmp_path}/\n"
    code, _, err = run("export", "--all", "-f", "json", "-o", str(tmp_path))
    first = ", ".join(str(tmp_path / name) for name in expected[:3])
    assert (code, err) == (
        1,
        f"sanctions: error: {first} and {len(expected) - 3} more already exist: use --force to overwrite them\n",
    )
    code, _, err = run("export", "--all", "-f", "json", "-o", str(tmp_path), "--force", "-v")
    assert code == 0
    assert err.splitlines() == [
        *(f"wrote {tmp_path / name}" for name in expected),
        f"wrote {len(expected)} files to {tmp_path}/",
    ]


def test_export_all_makes_its_folder_but_not_the_parent(tmp_path: Path) -> None:
    site = tmp_path / "site"
    code, _, err = run("export", "--all", "-f", "html", "-o", f"{site}/")
    assert code == 0 and err.endswith(f" files to {site}/\n") and (site / "index.html").is_file()
    code, _, err = run("export", "--all", "-o", str(tmp_path / "no" / "site"))
    assert (code, list(tmp_path.iterdir())) == (2, [site])
    assert err == (
        f"sanctions: error: --all makes the folder '{tmp_path / 'no' / 'site'}' only inside an existing one:"
        f" '{tmp_path / 'no'}' is not\n"
    )
    code, _, err = run("export", "--all", "-o", str(site / "index.html"))
    assert (code, err) == (2, f"sanctions: error: --all writes into a folder: '{site / 'index.html'}' is a file\n")


def test_the_refusal_to_overwrite_names_every_file_when_few_are_in_the_way(tmp_path: Path) -> None:
    (tmp_path / "mali.md").write_text("mine", encoding="utf-8")
    code, _, err = run("export", "--all", "-o", str(tmp_path))
    assert (code, err) == (1, f"sanctions: error: {tmp_path / 'mali.md'} already exists: use --force to overwrite it\n")
    assert (tmp_path / "mali.md").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export"], "name one regime to export, or use --all with -o FOLDER"),
        (["export", "mali", "--all"], "name one regime to export, or use --all with -o FOLDER"),
        (["export", "--all"], "--all writes one file per regime: give the folder with -o FOLDER"),
    ],
)
def test_export_usage_errors(args: list[str], message: str) -> None:
    assert run(*args) == (2, "", f"sanctions: error: {message}\n")


@pytest.mark.parametrize("name", sorted(p.name for p in Path(BROKEN).glob("*.yaml")))
def test_every_broken_file_is_one_line_and_exit_1(name: str, tmp_path: Path) -> None:
    import shutil

    shutil.copy(Path(BROKEN) / name, tmp_path / name)
    code, out, err = run("timeline", "mali", "--data", str(tmp_path))
    assert (code, out) == (1, "")
    assert err.startswith(f"sanctions: error: {tmp_path / name}:") and err.count("\n") == 1
    code, out, _ = run("validate", "--data", str(tmp_path))
    assert code == 1 and out.startswith(f"{tmp_path / name}:")


def test_export_refuses_a_named_pipe_even_with_force(tmp_path: Path) -> None:
    import os
    import stat

    target = tmp_path / "mali.md"
    os.mkfifo(target)
    code, out, err = run("export", "mali", "-o", str(target), "--force")
    assert (code, out) == (1, "")
    assert err == f"sanctions: error: cannot write {target}: it is a named pipe (FIFO), not a regular file\n"
    assert stat.S_ISFIFO(os.lstat(target).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["mali.md"]


@pytest.mark.parametrize(
    ("make", "kind"), [("mkdir", "a folder"), ("mkfifo", "a named pipe (FIFO), not a regular file")]
)
def test_export_all_writes_nothing_when_one_target_is_blocked(tmp_path: Path, make: str, kind: str) -> None:
    import os

    blocked = tmp_path / "mali.md"  # mali comes after eleven other regimes
    getattr(os, make)(blocked)
    code, out, err = run("export", "--all", "-o", str(tmp_path), "--force")
    assert (code, out) == (1, "")
    assert err == f"sanctions: error: cannot write {blocked}: it is {kind}\n"
    assert [p.name for p in tmp_path.iterdir()] == ["mali.md"]


def test_export_all_writes_nothing_when_the_disk_fills_half_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    from sanctions.dataset.loader import data_dir, regime_files

    real_fsync, calls = os.fsync, []

    def fills_on_the_third(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fills_on_the_third)
    code, _, err = run("export", "--all", "-f", "json", "-o", str(tmp_path))
    third = regime_files(data_dir())[2].stem  # the regimes are written in the order of their files
    assert code == 1
    assert err == f"sanctions: error: cannot write {tmp_path / (third + '.json')}: no space left on the device\n"
    assert list(tmp_path.iterdir()) == []
    calls.clear()  # and a folder the export made is gone again
    code, _, err = run("export", "--all", "-f", "json", "-o", str(tmp_path / "site"))
    assert code == 1 and list(tmp_path.iterdir()) == []


def test_export_to_a_full_disk_is_one_line_and_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    target = tmp_path / "mali.md"
    target.write_text("old report", encoding="utf-8")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    code, _, err = run("export", "mali", "-o", str(target), "--force")
    assert code == 1
    assert err == f"sanctions: error: cannot write {target}: no space left on the device\n"
    assert target.read_text(encoding="utf-8") == "old report"
    assert [p.name for p in tmp_path.iterdir()] == ["mali.md"]


def test_ctrl_c_during_export_exits_non_zero_and_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    target = tmp_path / "mali.md"
    target.write_text("old report", encoding="utf-8")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    result = runner.invoke(app, ["export", "mali", "-o", str(target), "--force"])
    assert result.exit_code == 130
    assert result.stderr == "sanctions: interrupted\n"
    assert target.read_text(encoding="utf-8") == "old report"
    assert [p.name for p in tmp_path.iterdir()] == ["mali.md"]


def test_hostile_data_on_the_terminal(tmp_path: Path) -> None:
    text = (Path(SAMPLE) / "testland.yaml").read_text(encoding="utf-8")
    hostile = text.replace("title: Panel renewed", 'title: "\\e[31mred\\e[0m [bold]x[/bold] \\x9b2J"')
    (tmp_path / "testland.yaml").write_text(hostile, encoding="utf-8")
    code, out, _ = run("timeline", "testland", "--data", str(tmp_path))
    assert code == 0
    assert "\x1b" not in out and "\x9b" not in out
    assert "[31mred[0m [bold]x[/bold] 2J" in out


def test_fast_version_matches_the_cli() -> None:
    import subprocess
    import sys

    fast = subprocess.run([sys.executable, "-m", "sanctions", "--version"], capture_output=True, text=True, check=True)
    assert fast.stdout == run("--version")[1]
    slow = subprocess.run([sys.executable, "-m", "sanctions", "--debug", "--version"], capture_output=True, text=True)
    assert slow.stdout == fast.stdout


def test_command_annotations_are_objects_not_strings() -> None:
    # typer evaluates string annotations (compile + eval each) on every start: keep them objects.
    for command in app.registered_commands:
        assert command.callback is not None
        annotations = inspect.get_annotations(command.callback)
        assert annotations and not any(isinstance(value, str) for value in annotations.values()), command.name


def test_validate_on_a_folder_without_regime_files_is_a_usage_error(tmp_path: Path) -> None:
    assert run("validate", "--data", str(tmp_path)) == (
        2,
        "",
        f"sanctions: error: no regime files (*.yaml) in '{tmp_path}'\n",
    )


def test_since_after_until_is_a_usage_error() -> None:
    for command in (["timeline", "mali"], ["export", "mali"]):
        assert run(*command, "--since", "2024-01-01", "--until", "2023-01-01") == (
            2,
            "",
            "sanctions: error: --since 2024-01-01 is after --until 2023-01-01: nothing can be in between\n",
        )


@pytest.mark.parametrize(
    "args",
    [
        ["expiry", "--as-of", "9999-12-31"],
        ["expiry", "--within", "9999y"],
        ["expiry", "--as-of", "9999-12-31", "--format", "ics"],
        ["regimes", "--as-of", "9999-12-31"],
        ["chart", "mali", "--as-of", "9999-12-31"],
        ["chart", "mali", "--as-of", "0001-01-01"],
        ["export", "dprk", "--as-of", "9999-12-31"],
        ["expiry", "--as-of", "0001-01-01", "--within", "9999y"],
    ],
)
def test_dates_at_the_calendars_edge(args: list[str]) -> None:
    code, out, err = run(*args)
    assert (code, err) == (0, "") and out


def test_a_date_beyond_the_year_2999_in_a_regime_file_is_a_data_error(tmp_path: Path) -> None:
    text = (Path(SAMPLE) / "testland.yaml").read_text(encoding="utf-8")
    (tmp_path / "testland.yaml").write_text(text.replace("2023-01-31", "9999-12-31", 1), encoding="utf-8")
    code, _, err = run("validate", "--data", str(tmp_path))
    assert code == 1 and "9999-12-31 is not between 1945 and 2999 (use open-ended for no end)" in _
    assert err == ""


def test_an_error_line_quoting_the_file_drives_no_terminal(tmp_path: Path) -> None:
    text = (Path(SAMPLE) / "testland.yaml").read_text(encoding="utf-8")
    hostile = text.replace("kind: established", 'kind: "\\e]0;owned\\a\\e[2Jx"', 1)
    (tmp_path / "testland.yaml").write_text(hostile, encoding="utf-8")
    code, out, err = run("timeline", "testland", "--data", str(tmp_path))
    assert (code, out) == (1, "")
    assert err.startswith("sanctions: error: ") and "unknown kind '\\]0;owned[2Jx'" not in err
    assert "\x1b" not in err and "\x07" not in err and err.count("\n") == 1


def test_a_shared_cache_folder_is_refused_with_one_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shared = tmp_path / "cache"
    shared.mkdir(mode=0o777)
    shared.chmod(0o777)
    monkeypatch.setenv("SANCTIONS_CACHE_DIR", str(shared))
    code, out, err = run("timeline", "testland", "--data", SAMPLE)
    assert code == 0 and "Testland" in out
    assert err == (
        f"sanctions: warning: cache folder {shared} is not owned by you or is writable by others: "
        "not used, every file is parsed instead\n"
    )
    assert list(shared.iterdir()) == []


# ESC ] (a window title, ended by BEL), ESC [ (clear the screen), CSI as one C1 byte, NUL, DEL,
# and a right-to-left override: in YAML's double-quoted escapes, so the loader accepts them.
_HOSTILE = r"\e]0;pwned\a\e[2J\x9b2J\0\x7f\u202Eevil\u2066"
_RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _hostile_regime(folder: Path) -> None:
    text = (Path(SAMPLE) / "testland.yaml").read_text(encoding="utf-8")
    for plain, field in [
        ("name: Testland", 'name: "Testland{}"'),
        ("committee: Committee established pursuant to resolution 9999 (2020)", 'committee: "Committee{}"'),
        ("{name: Asset freeze}", '{{name: "Asset freeze{}"}}'),
        ("{name: Panel of Experts}", '{{name: "Panel of Experts{}"}}'),  # the veto ends this one
        ("title: Panel renewed", 'title: "Panel renewed{}"\n    dispute: "RU{}"\n    notes: "Note{}"'),
        ("title: Panel lapses", 'title: "Panel lapses{}"\n    summary: "It lapsed{}"'),
        ('{"final report; panel"', '{{"final report{}"'),
        ("[https://example.org/veto]", '["https://example.org/\\e[2J", "S/2022/10 copy{}"]'),
    ]:
        assert plain in text
        text = text.replace(plain, field.replace("{}", _HOSTILE).replace("{{", "{").replace("}}", "}"))
    (folder / "testland.yaml").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("terminal", [False, True], ids=["piped", "terminal"])
@pytest.mark.parametrize(
    "args",
    [
        ["timeline", "testland"],
        ["timeline", "testland", "-f", "json"],
        ["expiry", "--as-of", "2021-12-15"],
        ["expiry", "--as-of", "2021-12-15", "-f", "json"],
        ["expiry", "--as-of", "2021-12-15", "-f", "ics"],
        ["vetoes"],
        ["vetoes", "-f", "json"],
        ["votes", "testland"],
        ["votes", "testland", "-f", "json"],
        ["regimes", "--as-of", "2021-12-15", "--wide"],  # every cell whole: the hostile name is shown
        ["regimes", "--as-of", "2021-12-15", "-f", "json"],
        ["chart", "testland", "--as-of", "2022-06-01"],
        ["export", "testland", "-f", "markdown", "--as-of", "2021-12-15"],
        ["export", "testland", "-f", "json"],
        ["export", "testland", "-f", "csv"],
        ["validate"],
        ["validate", "-f", "json"],
    ],
    ids=" ".join,
)
def test_no_control_character_from_a_regime_file_reaches_the_output(
    args: list[str], terminal: bool, tmp_path: Path
) -> None:
    _hostile_regime(tmp_path)
    with mock.patch("sanctions.cli.options._is_terminal", return_value=terminal):
        result = runner.invoke(app, [*args, "--data", str(tmp_path)], env={"NO_COLOR": None})
    out, err = result.stdout, result.stderr
    assert result.exit_code == 0, err
    # The hostile text is shown, made inert (validate finds no problem; votes in JSON name no regime).
    assert "pwned" in out or args[0] == "validate" or args == ["votes", "testland", "-f", "json"]
    if terminal and "-f" not in args and args[0] not in ("export", "validate"):
        assert "\x1b[" in out  # drawn by rich, in colour
        out = re.sub("\x1b\\[[0-9;]*m", "", out)  # rich's own colours
    if args[-1] in ("csv", "ics"):
        out = out.replace("\r\n", "\n")  # their line ends are CRLF
    assert _RAW.findall(out) == [] and _RAW.findall(err) == []


def test_validate_warns_of_a_renewal_after_the_term_ran_out(tmp_path: Path) -> None:
    text = (Path(SAMPLE) / "testland.yaml").read_text(encoding="utf-8")
    (tmp_path / "testland.yaml").write_text(text.replace("date: 2021-01-20", "date: 2021-02-05"), encoding="utf-8")
    code, out, _ = run("validate", "--data", str(tmp_path))
    assert (code, out) == (
        0,
        f"{tmp_path / 'testland.yaml'}:20:5: warning: renews 'panel' on 2021-02-05, after its term ran out on "
        "2021-01-31, and no lapse is recorded: check both dates, or record the lapse\n"
        "1 file checked: no problems, 1 warning\n",
    )
    # On time, no warning.
    assert run("validate", "--data", SAMPLE)[1] == "1 file checked: no problems\n"


def test_global_options_go_before_or_after_the_command() -> None:
    before = run("--debug", "--width", "70", "timeline", "mali")
    after = run("timeline", "mali", "--debug", "--width=70")
    assert before == after and before[0] == 0
    assert max(map(len, before[1].splitlines())) <= 70
    # An argument that looks like a global option after "--" stays an argument.
    assert run("timeline", "--", "--debug")[0] == 2


def test_short_help_everywhere() -> None:
    for args in ([], ["timeline"], ["expiry"]):
        code, out, _ = run(*args, "-h")
        assert code == 0 and "Usage: " in out


def test_shell_completion_is_offered() -> None:
    code, out, _ = run("--help")
    assert code == 0 and "--install-completion" in out and "--show-completion" in out


def test_width_lays_a_pipe_out_as_on_a_terminal_and_cuts_nothing() -> None:
    narrow = run("vetoes", "mali", "--width", "80")[1]
    assert max(map(len, narrow.splitlines())) <= 80 and "…" not in narrow
    assert "Penholders: France, United Arab Emirates" in narrow  # under the row, not dropped


def _sqlite_rows(path: Path, query: str) -> list[tuple[object, ...]]:
    import sqlite3

    db = sqlite3.connect(path)
    try:
        return db.execute(query).fetchall()
    finally:
        db.close()


def test_export_all_as_sqlite_counts_what_the_json_export_holds(tmp_path: Path) -> None:
    database, folder = tmp_path / "sanctions.db", tmp_path / "json"
    folder.mkdir()
    code, out, err = run("export", "--all", "--format", "sqlite", "-o", str(database), "--as-of", "2024-01-01")
    assert (code, out, err) == (0, "", f"wrote {database}\nwrote {tmp_path / 'sanctions.metadata.json'}\n")
    assert run("export", "--all", "--format", "json", "-o", str(folder))[0] == 0
    # Ordered by id as SQL orders them ("iraq" before "iraq-1990"; file names sort the other way).
    exported = {
        path.stem: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(folder.iterdir(), key=lambda p: p.stem)
    }
    counts = _sqlite_rows(
        database,
        "SELECT regimes.id, (SELECT count(*) FROM events WHERE regime = regimes.id),"
        " (SELECT count(*) FROM votes JOIN events ON events.id = event WHERE regime = regimes.id),"
        " (SELECT count(*) FROM sources JOIN events ON events.id = event WHERE regime = regimes.id),"
        " (SELECT count(*) FROM mandates WHERE regime = regimes.id) FROM regimes ORDER BY id",
    )
    assert counts == [
        (
            regime,
            len(document["events"]),
            sum(len(e.get("votes", {})) for e in document["events"]),
            sum(len(e.get("sources", [])) for e in document["events"]),
            len(document["mandates"]),
        )
        for regime, document in exported.items()
    ]
    veto = next(e for e in exported["mali"]["events"] if e["kind"] == "veto")
    assert _sqlite_rows(
        database,
        "SELECT date, document, meeting, in_favour, against, abstaining, title FROM events WHERE kind = 'veto'"
        " AND regime = 'mali'",
    ) == [(veto["date"], veto["document"], veto["meeting"], 13, 1, 1, veto["title"])]
    assert _sqlite_rows(
        database,
        "SELECT mandate, value FROM mandate_changes WHERE effect = 'would_have_set'"
        " AND event = (SELECT id FROM events WHERE document = 'S/2023/638')",
    ) == list(veto["would_have_set"].items())
    assert _sqlite_rows(database, "SELECT verified FROM regimes WHERE id = 'dprk'") == [(exported["dprk"]["verified"],)]


def test_export_one_regime_as_sqlite_twice_gives_the_same_bytes(tmp_path: Path) -> None:
    first, second = tmp_path / "mali.db", tmp_path / "again.db"
    assert run("export", "mali", "--format", "sqlite", "-o", str(first), "--as-of", "2024-01-01") == (0, "", "")
    # The second run reads the cache the first one filled; --no-cache parses afresh: the same bytes.
    assert (
        runner.invoke(
            app, ["--no-cache", "export", "2374", "-f", "sqlite", "-o", str(second), "--as-of", "2024-01-01"]
        ).exit_code
        == 0
    )
    assert first.read_bytes() == second.read_bytes()
    assert _sqlite_rows(first, "SELECT id FROM regimes") == [("mali",)]
    assert _sqlite_rows(first, "SELECT mandate, status, ended_by, vetoed_by FROM mandate_status") == [
        ("measures", "lapsed", "S/2023/638", "RU"),
        ("panel", "lapsed", "S/2023/638", "RU"),
    ]


def test_export_sqlite_keeps_an_existing_file_and_refuses_a_pipe(tmp_path: Path) -> None:
    import os

    target = tmp_path / "mali.db"
    target.write_bytes(b"precious")
    code, out, err = run("export", "mali", "-f", "sqlite", "-o", str(target))
    assert (code, out, err) == (1, "", f"sanctions: error: {target} already exists: use --force to overwrite it\n")
    assert target.read_bytes() == b"precious"
    assert run("export", "mali", "-f", "sqlite", "-o", str(target), "--force")[0] == 0
    assert target.read_bytes().startswith(b"SQLite format 3\x00")
    pipe = tmp_path / "pipe.db"
    os.mkfifo(pipe)
    code, _, err = run("export", "--all", "-f", "sqlite", "-o", str(pipe), "--force")
    assert (code, err) == (1, f"sanctions: error: cannot write {pipe}: it is a named pipe (FIFO), not a regular file\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mali.db", "mali.metadata.json", "pipe.db"]


_NEEDS_FILE = "--format sqlite writes a database file: give it with -o FILE"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "mali", "-f", "sqlite"], _NEEDS_FILE),
        (["export", "--all", "-f", "sqlite", "-o", "-"], _NEEDS_FILE),
        (
            ["export", "mali", "-f", "sqlite", "-o", "x.db", "--since", "2020-01-01"],
            "--since and --until do not apply to --format sqlite: it holds every event, select with SQL",
        ),
        (["export", "mali", "-f", "json", "--excel"], "--excel applies to --format csv only"),
        (["expiry", "--alarm", "7d"], "--alarm and --deadlines apply to --format ics only"),
        (["expiry", "-f", "json", "--deadlines"], "--alarm and --deadlines apply to --format ics only"),
        (
            ["expiry", "-f", "ics", "--alarm", "3m"],
            "'3m' is not an alarm: expected days or weeks before the expiry, like 30d or 2w, or none",
        ),
    ],
)
def test_sqlite_excel_and_calendar_usage_errors(args: list[str], message: str, tmp_path: Path) -> None:
    assert run(*args) == (2, "", f"sanctions: error: {message}\n")
    assert not Path("x.db").exists()


def test_export_csv_for_excel(tmp_path: Path) -> None:
    text = (Path(SAMPLE) / "testland.yaml").read_text(encoding="utf-8")
    (tmp_path / "testland.yaml").write_text(
        text.replace("title: Panel renewed", "title: Comité renouvelé — تجديد الفريق"), encoding="utf-8"
    )
    target = tmp_path / "testland.csv"
    assert run("export", "testland", "-f", "csv", "--excel", "-o", str(target), "--data", str(tmp_path))[0] == 0
    content = target.read_bytes()
    assert content.startswith(b"\xef\xbb\xbfregime,date,kind,document,")
    assert "Comité renouvelé — تجديد الفريق" in content.decode("utf-8")
    result = runner.invoke(app, ["export", "testland", "-f", "csv", "--data", str(tmp_path)])
    assert result.stdout_bytes.startswith(b"regime,date,")  # no mark unless asked for


def _ics_uids(args: list[str]) -> list[str]:
    import icalendar

    result = runner.invoke(app, ["expiry", "-f", "ics", *args])
    assert result.exit_code == 0, result.stderr
    return [str(event["UID"]) for event in icalendar.Calendar.from_ical(result.stdout).walk("VEVENT")]


def test_expiry_ics_within_keeps_the_expiries_the_json_shows_in_the_window() -> None:
    code, out, _ = run("expiry", "--as-of", "2024-04-01", "--within", "6m", "-f", "json")
    assert code == 0
    expected = [
        f"{r['regime']}.{r['mandate']}@sanctions"
        for r in json.loads(out)
        if r["expires"] and "2024-04-01" <= r["expires"] <= "2024-10-01"
    ]
    assert "dprk.panel@sanctions" in expected and "mali.panel@sanctions" not in expected
    assert _ics_uids(["--as-of", "2024-04-01", "--within", "6m"]) == expected
    everything = _ics_uids(["--as-of", "2024-04-01", "--all"])
    assert set(expected) < set(everything) and "mali.panel@sanctions" in everything


def test_expiry_ics_alarms_and_deadlines() -> None:
    result = runner.invoke(app, ["expiry", "dprk", "--as-of", "2024-04-01", "-f", "ics", "--alarm", "2w"])
    feed = result.stdout_bytes.decode("utf-8")
    assert result.exit_code == 0
    assert feed.count("BEGIN:VALARM") == 1 and "TRIGGER:-P14D\r\n" in feed
    unfolded = feed.replace("\r\n ", "")
    assert "SUMMARY:Democratic People's Republic of Korea: Panel of Experts expires\r\n" in unfolded
    silent = runner.invoke(app, ["expiry", "dprk", "--as-of", "2024-04-01", "-f", "ics", "--alarm", "none"]).stdout
    assert "VALARM" not in silent
    assert len(_ics_uids(["mali", "--as-of", "2023-09-15", "--deadlines"])) == 2 + 6  # two expiries, six deadlines


def test_no_control_character_from_a_deadline_label_reaches_the_feed(tmp_path: Path) -> None:
    _hostile_regime(tmp_path)
    args = ["expiry", "--as-of", "2021-12-15", "-f", "ics", "--deadlines", "--data", str(tmp_path)]
    result = runner.invoke(app, args)
    feed = result.stdout_bytes.decode("utf-8").replace("\r\n ", "")
    assert result.exit_code == 0
    assert "SUMMARY:Testland]0\\;pwned[2J2Jevil: final report]0\\;pwned[2J2Jevil due\r\n" in feed
    assert _RAW.findall(feed.replace("\r\n", "\n")) == []


def test_a_member_without_a_veto_gets_a_hint() -> None:
    code, out, err = run("vetoes", "--member", "Japan", "-f", "json")
    assert (code, out) == (0, "[]\n")
    assert err == (
        "sanctions: note: Japan (JP) is not a permanent member and has no veto: "
        "'sanctions votes REGIME --member JP' shows how it voted\n"
    )


def test_since_and_until_on_every_dated_listing() -> None:
    vetoes = json.loads(run("vetoes", "--all", "--since", "2023-01-01", "--until", "2023-12-31", "-f", "json")[1])
    assert {(row["regime"], row["date"]) for row in vetoes} == {("mali", "2023-08-30")}
    votes = json.loads(run("votes", "mali", "--since", "2023-01-01", "--until", "2023-12-31", "-f", "json")[1])
    assert [row["document"] for row in votes] == ["S/2023/638", "S/PV.9408"]


@pytest.mark.parametrize(
    "args",
    [
        ["regimes"],
        ["timeline", "mali"],
        ["expiry", "mali"],
        ["vetoes", "mali"],
        ["votes", "mali"],
        ["validate"],
        ["changes", "--since", "2023-08-01", "--until", "2023-10-01"],
    ],
)
def test_csv_wherever_there_is_a_table(args: list[str]) -> None:
    import csv
    import io

    code, out, _ = run(*args, "-f", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert len(rows) >= 2 and all(len(row) == len(rows[0]) for row in rows)
    if args[0] in ("timeline", "expiry", "vetoes", "votes", "regimes"):
        (first, *_) = json.loads(run(*args, "-f", "json")[1])
        header = [
            name for key in first for name in (("in_favour", "against", "abstaining") if key == "vote" else (key,))
        ]
        assert rows[0] == header  # the JSON fields, under the same names


@pytest.mark.parametrize(
    "args",
    [["regimes"], ["timeline", "mali"], ["expiry"], ["vetoes"], ["votes", "mali"], ["chart", "mali"], ["validate"]],
)
def test_output_to_a_file_wherever_there_is_output(args: list[str], tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    assert run(*args, "-o", str(target)) == (0, "", "")
    piped = run(*args)[1]
    assert target.read_text(encoding="utf-8") == piped
    code, _, err = run(*args, "-o", str(target))
    assert (code, err) == (1, f"sanctions: error: {target} already exists: use --force to overwrite it\n")
    assert run(*args, "-o", str(target), "--force")[0] == 0


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("sanctions timeline ma", ["mali", "mali-2374"]),
        ("sanctions vetoes --member R", ["RU"]),
        ("sanctions timeline mali --format ", ["table", "json", "csv", "markdown"]),
    ],
)
def test_shell_completion_of_regimes_members_and_formats(words: str, expected: list[str]) -> None:
    import subprocess
    import sys

    env = {**os.environ, "_SANCTIONS_COMPLETE": "complete_bash", "COMP_WORDS": words}
    env["COMP_CWORD"] = str(len(words.split(" ")) - 1)
    script = "import sys; sys.argv = ['sanctions']; from sanctions.cli.entry import main; main()"
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == expected


def test_an_unverified_mandate_says_what_is_known() -> None:
    shown = json.loads(run("regimes", "--as-of", "2026-12-01", "-f", "json")[1])
    left = len(json.loads(run("regimes", "--all", "-f", "json")[1])) - len(shown)
    plain = run("expiry", "car", "haiti", "--as-of", "2026-12-01", "--wide")[1]
    assert "Not verified" not in plain and len(plain.splitlines()) == 2 + 4 + 1  # title, header, rows, count
    assert plain.endswith(
        "\n4 unverified rows: the data stops before 2026-12-01; --explain says what each last records\n"
    )
    out = run("expiry", "car", "haiti", "--as-of", "2026-12-01", "--wide", "--explain")[1]
    assert (
        "  last expiry on record 2026-07-31 (S/RES/2789 (2025) of 2025-07-29); "
        "no later decision recorded, data verified to 2025-07-29\n"
    ) in out
    assert (
        "  term set by S/RES/2794 (2025) of 2025-10-17 without a recorded end date; "
        "no later decision recorded, data verified to 2025-12-01\n"
    ) in out
    assert run("regimes", "--as-of", "2026-12-01", "--width", "200")[1].endswith(
        "(each regime's file is verified to a date; `sanctions expiry REGIME` names the last decision)\n"
        f"{left} regimes not ongoing on 2026-12-01 left out: --all lists every regime\n"
    )


def test_no_control_character_from_a_regime_file_reaches_the_database(tmp_path: Path) -> None:
    import sqlite3

    data = tmp_path / "data"
    data.mkdir()
    _hostile_regime(data)
    database = tmp_path / "s.db"
    result = runner.invoke(app, ["export", "testland", "-f", "sqlite", "-o", str(database), "--data", str(data)])
    assert result.exit_code == 0, result.stderr
    db = sqlite3.connect(database)
    try:
        texts = [
            value
            for table in ("regimes", "mandates", "events", "sources", "deadlines")
            for row in db.execute(f"SELECT * FROM {table}")
            for value in row
            if isinstance(value, str)
        ]
    finally:
        db.close()
    assert any("pwned" in text for text in texts)  # the hostile text is there, made inert
    assert [text for text in texts if _RAW.search(text.replace("\n", ""))] == []


def test_expiry_and_chart_read_a_shared_name_on_the_as_of_date() -> None:
    code, out, err = run("expiry", "libya", "--as-of", "2000-01-01", "-f", "json")
    assert (code, err) == (0, "")
    assert {r["regime"] for r in json.loads(out)} == {"libya-1992"}
    code, out, err = run("chart", "liberia", "--as-of", "2026-12-01")
    assert code == 0 and out.startswith("Liberia (2003-2016)")
    assert err == (
        "sanctions: note: no regime named 'liberia' was in force on 2026-12-01: liberia-1992 (1992-11-19 to "
        "2001-03-07), liberia-2001 (2001-03-07 to 2003-12-22), liberia-2003 (2003-12-22 to 2016-05-25); "
        "showing liberia-2003\n"
    )
    assert run("timeline", "libya", "-f", "json")[1].count('"regime": "libya"') > 0  # history: the name as given
