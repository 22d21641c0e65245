"""`sanctions show`: the decision a user names, found in every regime file, and the command's exit codes."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from sanctions.analysis.show import parse_target, show
from sanctions.dataset.model import Kind, Regime
from sanctions.errors import UsageError

runner = CliRunner()


@pytest.mark.parametrize(
    ("typed", "symbol"),
    [
        ("2745", "S/RES/2745"),
        ("S/RES/2745 (2024)", "S/RES/2745 (2024)"),
        ("s/res/2745(2024)", "S/RES/2745 (2024)"),
        ("resolution 2745", "S/RES/2745"),
        ("Resolution  2745 (2024)", "S/RES/2745 (2024)"),
        ("S/2023/638", "S/2023/638"),
        ("s/2023/638", "S/2023/638"),
        ("S/PV.9408", "S/PV.9408"),
        ("sc/15648", "SC/15648"),
        ("S/PRST/2008/23", "S/PRST/2008/23"),
    ],
)
def test_targets_people_type(typed: str, symbol: str) -> None:
    target = parse_target(typed)
    assert target is not None and target.symbol == symbol


@pytest.mark.parametrize("typed", ["mali", "", "S/RES/", "12345", "SC/12"])
def test_text_that_names_no_decision(typed: str) -> None:
    assert parse_target(typed) is None


def test_a_resolution_recorded_in_two_regimes_is_shown_for_each(bundled: list[Regime]) -> None:
    found = show(bundled, "2664")
    assert [(d.regime.id, d.event.kind) for d in found] == [("dprk", Kind.RELATED), ("isil-al-qaida", Kind.MODIFIED)]


def test_a_meeting_shows_every_draft_put_to_the_vote_there(bundled: list[Regime]) -> None:
    found = show(bundled, "S/PV.9408")
    assert [(d.event.document, d.event.kind) for d in found] == [
        ("S/2023/638", Kind.VETO),
        ("S/PV.9408", Kind.FAILED_DRAFT),
    ]


def test_a_lapse_filed_under_a_resolution_is_not_shown_as_its_decision(bundled: list[Regime]) -> None:
    assert [d.event.kind for d in show(bundled, "2649")] == [Kind.RENEWED]


def test_a_resolution_sets_each_mandate_from_its_old_expiry(bundled: list[Regime]) -> None:
    (decision,) = show(bundled, "S/RES/2745 (2024)")
    assert [(s.mandate.key, s.effect, s.was, s.becomes) for s in decision.settings] == [
        ("measures", "set", "2024-07-31", "2025-07-31"),
        ("panel", "set", "2024-08-31", "2025-08-31"),
    ]


def test_a_wrong_year_names_no_decision_and_points_at_the_right_one(bundled: list[Regime]) -> None:
    with pytest.raises(
        UsageError, match=r"no regime file records S/RES/2745 \(2023\); the nearest recorded: S/RES/2745 \(2024\)"
    ):
        show(bundled, "S/RES/2745 (2023)")


def _run(*args: str) -> tuple[int, str, str]:
    from sanctions.cli.app import app

    result = runner.invoke(app, ["show", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("typed", ["2745", "S/RES/2745 (2024)", "resolution 2745"])
def test_show_a_resolution(typed: str) -> None:
    code, out, _ = _run(typed)
    assert code == 0
    assert out.splitlines()[0] == "S/RES/2745 (2024) (resolution)"
    assert "Vote:           15-0-0 (in favour, against, abstaining)" in out
    assert "Set:            Panel of Experts (panel): 2024-08-31 → 2025-08-31" in out
    assert "The Council unanimously lifted the arms embargo" in out


def test_show_a_draft() -> None:
    code, out, _ = _run("S/2023/638")
    assert code == 0
    assert "Against:        Russia (recorded)" in out
    assert "Abstaining:     China (recorded)" in out
    assert "What followed:  Panel of Experts lapsed 2023-09-30" in out
    assert "It had 13 votes in favour" in out


def test_show_a_press_release() -> None:
    code, out, _ = _run("SC/15648")
    assert code == 0
    assert out.splitlines()[0] == "SC/15648 (press release)"
    assert "Would have set: Panel of Experts (panel): 2024-04-30 → 2025-04-30" in out
    assert "A US draft would have extended the Panel of Experts" in out
    assert "\nNotes: The draft's own symbol was not found in a UN source read" in out


def test_show_a_resolution_no_file_records_is_exit_2() -> None:
    code, out, err = _run("9999")
    assert (code, out) == (2, "")
    assert err.startswith("sanctions: error: no regime file records S/RES/9999; the nearest recorded: ")


def test_show_text_that_is_no_symbol_is_exit_2_with_the_nearest() -> None:
    code, _, err = _run("S/2023/63B")
    assert code == 2
    assert "unknown target 'S/2023/63B'" in err and "did you mean S/2023/638" in err


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_show_in_every_format(fmt: str) -> None:
    code, out, _ = _run("2664", "--format", fmt)
    assert code == 0
    assert out.count("S/RES/2664 (2022)") >= 2
    if fmt == "json":
        assert [record["regime"] for record in json.loads(out)] == ["dprk", "isil-al-qaida"]
