"""Vetoes and failed drafts, computed from the data: what each would have set, what followed, who vetoed."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sanctions.analysis.vetoes import (
    FOLLOW_UP_WINDOW,
    draft_symbol,
    failed_drafts,
    follow_up,
    symbol_kind,
    veto_tallies,
)
from sanctions.cli.app import app
from sanctions.dataset.model import Category, Event, Kind, Regime

SAMPLE = str(Path(__file__).parents[1] / "data" / "sample")


def test_sample_veto_and_what_followed(sample: Regime) -> None:
    (draft,) = failed_drafts([sample])
    assert draft.event.document == "S/2022/10"
    assert not draft.failed_without_veto
    assert draft.abstaining == ("CN",)
    assert [str(c) for c in draft.consequences] == ["Panel of Experts lapsed 2022-01-31"]
    assert draft.draft == "S/2022/10" and draft.followed_by == ()


def test_member_and_since_filters(sample: Regime) -> None:
    assert failed_drafts([sample], member="CN") == []
    assert len(failed_drafts([sample], member="RU")) == 1
    assert failed_drafts([sample], since=dt.date(2022, 1, 26)) == []


def _mali_dprk(bundled: list[Regime]) -> list[Regime]:
    return [r for r in bundled if r.id in ("mali", "dprk")]


def test_bundled_vetoes(bundled: list[Regime]) -> None:
    drafts = failed_drafts(_mali_dprk(bundled))
    assert [(d.event.date.isoformat(), d.regime.id, d.event.vetoed_by, str(d.event.vote)) for d in drafts] == [
        ("2022-05-26", "dprk", ("CN", "RU"), "13-2-0"),
        ("2023-08-30", "mali", ("RU",), "13-1-1"),
        ("2023-08-30", "mali", (), "1-1-13"),
        ("2024-03-28", "dprk", ("RU",), "13-1-1"),
    ]
    assert [d.failed_without_veto for d in drafts] == [False, False, True, False]


def test_russias_vetoes_ended_two_monitoring_panels(bundled: list[Regime]) -> None:
    tallies = {t.member: t for t in veto_tallies(failed_drafts(_mali_dprk(bundled)))}
    assert (tallies["RU"].vetoes, tallies["RU"].ended_mandates) == (3, 2)
    assert (tallies["CN"].vetoes, tallies["CN"].ended_mandates) == (1, 0)
    panels = [
        (r.id, c.mandate) for r, c in tallies["RU"].ended if r.mandates[c.mandate].category is Category.MONITORING
    ]
    assert panels == [("mali", "panel"), ("dprk", "panel")]


def test_failed_drafts_are_never_counted_as_vetoes(bundled: list[Regime]) -> None:
    only_failed = [d for d in failed_drafts(bundled) if d.failed_without_veto]
    assert veto_tallies(only_failed) == []


@pytest.mark.parametrize(
    ("symbol", "draft", "kind"),
    [
        ("S/2023/638", "S/2023/638", "draft"),
        ("S/2016/1085", "S/2016/1085", "draft"),
        ("S/15347/Rev.1", "S/15347/Rev.1", "draft"),  # before 1994
        ("SC/15648", None, "press release"),
        ("S/PV.9408", None, "meeting record"),
    ],
)
def test_what_a_recorded_symbol_is(symbol: str, draft: str | None, kind: str) -> None:
    assert (draft_symbol(symbol), symbol_kind(symbol)) == (draft, kind)


def _followed(regime: Regime, *decisions: Event) -> tuple[str, ...]:
    (draft,) = failed_drafts([replace(regime, events=(*regime.events, *decisions))])
    return tuple(e.document for e in draft.followed_by)


def _renewal(day: dt.date, document: str, **fields: object) -> Event:
    return Event(day, Kind.RENEWED, document, "Panel re-established", **fields)  # type: ignore[arg-type]


def test_the_next_decision_within_the_window_follows_a_failed_draft(sample: Regime) -> None:
    vetoed = dt.date(2022, 1, 25)
    assert _followed(sample, _renewal(vetoed, "S/RES/9997 (2022)")) == ("S/RES/9997 (2022)",)
    assert _followed(sample, _renewal(vetoed + FOLLOW_UP_WINDOW, "S/RES/9997 (2022)")) == ("S/RES/9997 (2022)",)
    assert _followed(sample, _renewal(vetoed + FOLLOW_UP_WINDOW + dt.timedelta(days=1), "S/RES/9997 (2022)")) == ()
    assert _followed(sample, _renewal(vetoed - dt.timedelta(days=1), "S/RES/9997 (2022)")) == ()
    # Only the first day's decisions, all of them; reports and designations are not decisions.
    first, second = _renewal(vetoed + dt.timedelta(days=3), "S/RES/9997 (2022)"), _renewal(vetoed, "S/RES/9996 (2022)")
    report = Event(vetoed, Kind.REPORT, "S/2022/11", "Panel report")
    assert _followed(sample, first, second, report) == ("S/RES/9996 (2022)",)


def test_a_decision_a_consequence_already_names_is_not_repeated(sample: Regime) -> None:
    renewal = _renewal(dt.date(2022, 1, 28), "S/RES/9997 (2022)", sets={"panel": dt.date(2023, 1, 31)})
    events = tuple(e for e in sample.events if e.kind is not Kind.LAPSED)
    (draft,) = failed_drafts([replace(sample, events=(*events, renewal))])
    assert [str(c) for c in draft.consequences] == ["Panel of Experts renewed 2022-01-28 by S/RES/9997 (2022)"]
    assert draft.followed_by == ()


def test_bundled_drafts_and_what_followed(bundled: list[Regime]) -> None:
    drafts = {(d.regime.id, d.event.document): d for d in failed_drafts(bundled)}
    yemen = drafts["yemen", "S/2018/156"]
    assert yemen.draft == "S/2018/156"
    assert [follow_up(yemen.event, e) for e in yemen.followed_by] == [
        "S/RES/2402 (2018) adopted the same day: Russian technical rollover - measures to 26 February 2019, "
        "Panel to 28 March 2019"
    ]
    snapback = (
        "reinstated on 2025-09-27 (S/PV.10001): Snapback - 1737-regime measures re-applied "
        "(disputed by Russia, China and Iran)"
    )
    for document in ("SC/16175", "SC/16181"):
        iran = drafts["iran", document]
        assert iran.draft is None
        assert [follow_up(iran.event, e) for e in iran.followed_by] == [snapback]
    assert drafts["dprk", "SC/15648"].draft is None and drafts["mali", "S/PV.9408"].draft is None
    assert drafts["dprk", "S/2022/431"].followed_by == ()  # the next DPRK decision came after the window


def _run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.stderr
    return result.stdout


VETOES_IRAN_YEMEN = [
    "Vetoed and failed drafts",
    "1980-01-13  iran    S/13735 / meeting record S/PV.2191                                     10-2-2  USSR                                               no mandate expiry at stake",
    "2018-02-26  yemen   S/2018/156 / meeting record S/PV.8190               United Kingdom     11-2-2  Russia                  China, Kazakhstan          S/RES/2402 (2018) adopted the same day: Russian technical rollover - measures to 26 February 2019, Panel to 28 March 2019",
    "2025-09-19  iran    press release SC/16175 / meeting record S/PV.10001  Republic of Korea  4-9-2   no veto: too few votes  Guyana, Republic of Korea  reinstated on 2025-09-27 (S/PV.10001): Snapback - 1737-regime measures re-applied (disputed by Russia, China and Iran)",
    "2025-09-26  iran    press release SC/16181 / meeting record S/PV.10006  Russia, China      4-9-2   no veto: too few votes  Guyana, Republic of Korea  reinstated on 2025-09-27 (S/PV.10001): Snapback - 1737-regime measures re-applied (disputed by Russia, China and Iran)",
]


def test_vetoes_iran_yemen_table() -> None:
    rows = [line for line in _run("vetoes", "iran", "yemen", "--wide").splitlines() if not line.startswith("Date ")]
    assert rows[: len(VETOES_IRAN_YEMEN)] == VETOES_IRAN_YEMEN


def test_vetoes_sample_table() -> None:
    out = _run("vetoes", "--data", SAMPLE)
    assert out.splitlines()[2] == (
        "2022-01-25  testland  S/2022/10 / meeting record S/PV.9100  France      13-1-1  Russia     China       "
        "panel → 2023-01-31  Panel of Experts lapsed 2022-01-31"
    )


def test_vetoes_json_draft_document_and_what_followed() -> None:
    rows = {r["document"]: r for r in json.loads(_run("vetoes", "iran", "yemen", "-f", "json"))}
    assert (rows["S/2018/156"]["draft"], rows["SC/16175"]["draft"], rows["SC/16181"]["draft"]) == (
        "S/2018/156",
        None,
        None,
    )
    assert rows["S/2018/156"]["followed_by"] == [
        {
            "date": "2018-02-26",
            "kind": "renewed",
            "document": "S/RES/2402 (2018)",
            "title": "Russian technical rollover - measures to 26 February 2019, Panel to 28 March 2019",
        }
    ]
    assert [e["date"] for e in rows["SC/16181"]["followed_by"]] == ["2025-09-27"]


def test_export_markdown_labels_the_symbol_and_says_what_followed() -> None:
    out = _run("export", "iran", "--as-of", "2025-12-01", "--no-chart")
    assert (
        "| 2025-09-19 | press release [SC/16175](https://press.un.org/en/2025/sc16175.doc.htm) · meeting record "
        "[S/PV.10001](https://undocs.org/en/S/PV.10001) | Republic of Korea | 4-9-2 | no veto: too few votes | "
        "Guyana, Republic of Korea |  | reinstated on 2025-09-27 (S/PV.10001): Snapback - 1737-regime measures "
        "re-applied (disputed by Russia, China and Iran) |\n"
    ) in out


def test_a_draft_for_sanctions_never_established() -> None:
    history = str(Path(__file__).parents[1] / "data" / "history")
    rows = json.loads(_run("vetoes", "neverland", "--data", history, "-f", "json"))
    assert [(r["document"], r["vetoed_by"], r["consequences"]) for r in rows] == [
        (
            "S/12999",
            ["FR", "GB", "US"],
            [{"mandate": "arms-embargo", "name": "Arms embargo", "outcome": "never imposed", "date": None, "by": None}],
        )
    ]
    regimes = json.loads(_run("regimes", "--all", "--data", history, "-f", "json"))
    assert {r["id"]: (r["established_by"], r["status"]) for r in regimes}["neverland"] == (None, "not established")
    assert _run("export", "neverland", "--data", history, "-f", "markdown").startswith(
        "# Neverland (proposed, never established): proposed UN sanctions\n\nCommittee: None was set up. "
        "Never established. Data verified to 1977-11-01;"
    )
