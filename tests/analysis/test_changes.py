"""What changed between two dates: which decisions are listed, when a mandate's status counts as changed."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from sanctions.analysis.changes import DECISION_KINDS, changes, regime_changes
from sanctions.cli.app import app
from sanctions.dataset.model import OPEN_ENDED, TERMINATED, UNRECORDED, Event, Kind, Regime

D = dt.date
SAMPLE = str(Path(__file__).parents[1] / "data" / "sample")


def _lines(regime: Regime, since: dt.date, until: dt.date) -> list[str]:
    """Each mandate change as `key: text`, as the table shows it."""
    return [f"{c.mandate.key}: {c}" for c in regime_changes(regime, since, until).mandates]


def _event(day: dt.date, kind: Kind, document: str, **fields: object) -> Event:
    return Event(date=day, kind=kind, document=document, title=document, **fields)  # type: ignore[arg-type]


def test_a_window_lists_its_decisions_and_the_lapse(sample: Regime) -> None:
    found = regime_changes(sample, D(2021, 1, 1), D(2022, 6, 1))
    assert [(e.date, e.kind) for e in found.decisions] == [
        (D(2021, 1, 20), Kind.RENEWED),
        (D(2022, 1, 25), Kind.VETO),
        (D(2022, 1, 31), Kind.LAPSED),
    ]
    assert _lines(sample, D(2021, 1, 1), D(2022, 6, 1)) == [
        "panel: active → lapsed, ran out 2022-01-31, vetoed 2022-01-25 by Russia (S/2022/10)"
    ]


def test_a_renewal_that_moves_the_expiry_is_a_change(sample: Regime) -> None:
    # On 2020-12-31 the panel is expiring (31 days left); it is compared as active.
    assert _lines(sample, D(2021, 1, 1), D(2021, 6, 1)) == [
        "panel: active → active, expires 2021-01-31 → 2022-01-31, renewed by S/RES/9998 (2021)"
    ]


def test_drawing_nearer_the_expiry_is_not_a_change(sample: Regime) -> None:
    # Active (62 days left) on 2021-11-30, expiring on 2021-12-15: nothing was decided.
    assert not changes([sample], D(2021, 12, 1), D(2021, 12, 15)).changed


def test_establishment(sample: Regime) -> None:
    assert _lines(sample, D(2020, 1, 1), D(2020, 1, 31)) == [
        "measures: not-established → open-ended, no end date, established by S/RES/9999 (2020)",
        "panel: not-established → active, expires 2021-01-31, established by S/RES/9999 (2020)",
    ]


def test_a_decision_on_since_counts_and_status_is_compared_from_the_day_before(sample: Regime) -> None:
    found = changes([sample], D(2021, 1, 20), D(2021, 1, 20))
    assert found.before == D(2021, 1, 19)
    (group,) = found.regimes
    assert [e.document for e in group.decisions] == ["S/RES/9998 (2021)"]
    assert [(c.before.as_of, c.after.as_of) for c in group.mandates] == [(D(2021, 1, 19), D(2021, 1, 20))]
    assert not changes([sample], D(2021, 1, 21), D(2022, 1, 24)).changed


def test_reports_and_related_events_are_not_decisions(sample: Regime) -> None:
    extra = (
        _event(D(2021, 3, 1), Kind.REPORT, "S/2021/100"),
        _event(D(2021, 3, 2), Kind.RELATED, "S/RES/9990 (2021)"),
        _event(D(2021, 3, 3), Kind.DESIGNATION, "SC/20001"),
        _event(D(2021, 3, 4), Kind.DELISTING, "SC/20002"),
    )
    regime = replace(sample, events=(*sample.events, *extra))
    found = regime_changes(regime, D(2021, 3, 1), D(2021, 3, 31))
    assert [e.document for e in found.decisions] == ["SC/20001", "SC/20002"]
    assert found.mandates == ()
    assert set(Kind) - DECISION_KINDS == {Kind.REPORT, Kind.RELATED}


def test_a_renewal_for_a_term_no_source_gives_is_a_change(sample: Regime) -> None:
    unrecorded = (
        replace(sample.events[0], sets={"measures": OPEN_ENDED, "panel": UNRECORDED}),
        replace(sample.events[1], sets={"panel": UNRECORDED}),
    )
    regime = replace(sample, events=unrecorded)
    assert _lines(regime, D(2021, 1, 1), D(2021, 6, 1)) == ["panel: active → active, renewed by S/RES/9998 (2021)"]
    assert _lines(regime, D(2021, 2, 1), D(2021, 6, 1)) == []


def test_a_term_from_a_date_to_none_recorded(sample: Regime) -> None:
    regime = replace(sample, events=(sample.events[0], replace(sample.events[1], sets={"panel": UNRECORDED})))
    assert _lines(regime, D(2021, 1, 1), D(2021, 6, 1)) == [
        "panel: active → active, expires 2021-01-31 → not recorded, renewed by S/RES/9998 (2021)"
    ]


def test_past_the_verified_date_a_mandate_becomes_unverified(sample: Regime) -> None:
    regime = replace(sample, events=sample.events[:2], verified=D(2021, 6, 1))
    assert _lines(regime, D(2022, 1, 1), D(2022, 3, 1)) == [
        "panel: active → unverified, expired 2022-01-31, data verified to 2021-06-01"
    ]


def test_termination_and_a_disputed_reinstatement(sample: Regime) -> None:
    ended = _event(D(2022, 6, 1), Kind.TERMINATED, "S/RES/9997 (2022)", sets={"measures": TERMINATED})
    back = _event(
        D(2022, 9, 1), Kind.REINSTATED, "S/PV.9200", sets={"measures": OPEN_ENDED}, dispute="Ruritania rejects it"
    )
    regime = replace(sample, events=(*sample.events, ended, back))
    assert _lines(regime, D(2022, 6, 1), D(2022, 6, 30)) == [
        "measures: open-ended → terminated, terminated by S/RES/9997 (2022)"
    ]
    assert _lines(regime, D(2022, 7, 1), D(2022, 12, 31)) == [
        "measures: terminated → open-ended, no end date, reinstated by S/PV.9200, disputed: Ruritania rejects it"
    ]
    # Over both decisions the measures end where they began: the decisions are listed, the status is not.
    found = regime_changes(regime, D(2022, 6, 1), D(2022, 12, 31))
    assert [e.kind for e in found.decisions] == [Kind.TERMINATED, Kind.REINSTATED]
    assert [str(c) for c in found.mandates] == [
        "open-ended → open-ended, reinstated by S/PV.9200, disputed: Ruritania rejects it"
    ]


def test_a_failed_draft_is_named_when_there_was_no_veto(sample: Regime) -> None:
    failed = replace(sample.events[2], kind=Kind.FAILED_DRAFT, vetoed_by=(), vote=None, votes={})
    regime = replace(sample, events=(*sample.events[:2], failed, sample.events[3]))
    assert _lines(regime, D(2022, 1, 1), D(2022, 6, 1)) == [
        "panel: active → lapsed, ran out 2022-01-31, draft failed 2022-01-25 (S/2022/10)"
    ]


def test_regimes_without_changes_are_left_out_and_order_is_kept(sample: Regime) -> None:
    other = replace(sample, id="other")
    quiet = replace(sample, id="quiet", events=(replace(sample.events[0], sets={"measures": OPEN_ENDED}),))
    found = changes([other, quiet, sample], D(2021, 1, 1), D(2021, 6, 1))
    assert [group.regime.id for group in found.regimes] == ["other", "testland"]
    assert (found.decision_count, found.mandate_count) == (2, 2)


def test_the_calendars_first_day(sample: Regime) -> None:
    found = changes([sample], D.min, D(2020, 1, 31))
    assert found.before == D.min
    assert found.mandate_count == 2


# Everything that can move a status: the sample's events, its expiries (a mandate lapses the day
# after) and its verified date.
_MOMENTS = [D(2020, 1, 10), D(2021, 1, 20), D(2022, 1, 25), D(2022, 1, 31), D(2021, 2, 1), D(2022, 2, 1)]


@given(st.dates(D(2019, 1, 1), D(2024, 12, 31)), st.integers(0, 800))
def test_a_status_changes_only_when_something_happens_in_the_window(sample: Regime, since: dt.date, days: int) -> None:
    until = since + dt.timedelta(days=days)
    found = regime_changes(sample, since, until)
    quiet = not any(since <= moment <= until for moment in [*_MOMENTS, sample.verified + dt.timedelta(days=1)])
    if quiet:
        assert found.mandates == () and found.decisions == ()
    assert all(since <= e.date <= until and e.kind in DECISION_KINDS for e in found.decisions)
    for change in found.mandates:
        assert (change.before.as_of, change.after.as_of) == (since - dt.timedelta(days=1), until)


# The bundled data, for facts a user would check. The DPRK Panel's renewal to 30 April 2025 was
# vetoed by Russia on 28 March 2024 and its mandate ran out on 30 April 2024
# (https://press.un.org/en/2024/sc15648.doc.htm); Mali's travel ban and asset freeze expired on
# 31 August 2023 after Russia's veto of 30 August (https://tass.com/politics/1667765/amp).


def _bundled(*names: str) -> dict[str, Regime]:
    return {regime.id: regime for regime in bundled_regimes() if regime.id in names}


def bundled_regimes() -> list[Regime]:
    from sanctions.dataset.loader import data_dir, load_all

    return load_all(data_dir())


def test_dprk_panel_ended_by_the_veto_of_28_march_2024() -> None:
    dprk = _bundled("dprk")["dprk"]
    found = regime_changes(dprk, D(2024, 3, 1), D(2024, 5, 1))
    assert [(e.date, e.kind, e.document) for e in found.decisions] == [
        (D(2024, 3, 28), Kind.VETO, "SC/15648"),
        (D(2024, 4, 30), Kind.LAPSED, "S/RES/2680 (2023)"),
    ]
    assert _lines(dprk, D(2024, 3, 1), D(2024, 5, 1)) == [
        "panel: active → lapsed, ran out 2024-04-30, vetoed 2024-03-28 by Russia (SC/15648)"
    ]


def test_mali_measures_lapsed_on_31_august_2023() -> None:
    mali = _bundled("mali")["mali"]
    # The lapse is listed on its date; the measures were in force through that day, lapsed the next.
    lapse = regime_changes(mali, D(2023, 8, 31), D(2023, 8, 31))
    assert [(e.kind, e.lapses) for e in lapse.decisions] == [(Kind.LAPSED, ("measures",))]
    assert lapse.mandates == ()
    assert _lines(mali, D(2023, 8, 31), D(2023, 9, 1)) == [
        "measures: active → lapsed, ran out 2023-08-31, vetoed 2023-08-30 by Russia (S/2023/638)"
    ]


# The command line.
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_since_is_required() -> None:
    code, out, err = run("changes")
    assert (code, out) == (2, "")
    assert "Missing option '--since'" in err


def test_since_after_until_is_a_usage_error() -> None:
    assert run("changes", "--since", "2024-01-01", "--until", "2023-01-01") == (
        2,
        "",
        "sanctions: error: --since 2024-01-01 is after --until 2023-01-01: nothing can be in between\n",
    )


def test_until_defaults_to_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sanctions.cli.options._today", lambda: D(2021, 6, 1))
    code, out, _ = run("changes", "--since", "2021-01-01", "--data", SAMPLE, "-f", "json")
    assert code == 0
    assert json.loads(out)[0]["until"] == "2021-06-01"
    code, _, err = run("changes", "--since", "2021-06-02", "--data", SAMPLE)
    assert (code, err) == (
        2,
        "sanctions: error: --since 2021-06-02 is after --until 2021-06-01: nothing can be in between\n",
    )


@pytest.mark.parametrize(
    ("fmt", "start"),
    [
        ("table", "Changes 2021-01-01 to 2022-06-01 · mandate status 2020-12-31 → 2022-06-01\n\ntestland — Testland\n"),
        ("json", '[\n  {\n    "regime": "testland",\n'),
        (
            "csv",
            "regime,record,date,kind,document,title,mandate,from,to,change\r\ntestland,decision,2021-01-20,",
        ),  # CRLF
        ("markdown", "# Sanctions changes, 2021-01-01 to 2022-06-01\n"),
    ],
)
def test_every_format(fmt: str, start: str) -> None:
    args = ["changes", "--since", "2021-01-01", "--until", "2022-06-01", "--data", SAMPLE, "-f", fmt]
    result = runner.invoke(app, args)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout_bytes.decode("utf-8").startswith(start)  # `stdout` would turn CRLF into LF


@pytest.mark.parametrize(("since", "until", "code"), [("2021-01-01", "2022-06-01", 3), ("2021-12-01", "2021-12-15", 0)])
def test_check_exits_3_when_anything_changed(since: str, until: str, code: int) -> None:
    assert run("changes", "--since", since, "--until", until, "--data", SAMPLE, "--check")[0] == code
    assert run("changes", "--since", since, "--until", until, "--data", SAMPLE)[0] == 0


def test_regimes_named_on_the_command_line() -> None:
    code, out, _ = run("changes", "mali", "1718", "--since", "2023-08-01", "--until", "2024-05-01", "-f", "json")
    assert code == 0
    assert [(g["regime"], [m["change"] for m in g["mandates"]]) for g in json.loads(out)] == [
        (
            "mali",
            [
                "active → lapsed, ran out 2023-08-31, vetoed 2023-08-30 by Russia (S/2023/638)",
                "active → lapsed, ran out 2023-09-30, vetoed 2023-08-30 by Russia (S/2023/638)",
            ],
        ),
        ("dprk", ["active → lapsed, ran out 2024-04-30, vetoed 2024-03-28 by Russia (SC/15648)"]),
    ]


def test_since_2025_lists_every_decision_of_2025_and_2026_across_regimes() -> None:
    code, out, _ = run("changes", "--since", "2025-01-01", "--until", "2026-12-01", "-f", "json")
    assert code == 0
    listed = [(g["regime"], d["date"], d["kind"], d["document"]) for g in json.loads(out) for d in g["decisions"]]
    expected = [
        (regime.id, e.date.isoformat(), e.kind.value, e.document)
        for regime in bundled_regimes()
        for e in regime.events
        if D(2025, 1, 1) <= e.date <= D(2026, 12, 1) and e.kind in DECISION_KINDS
    ]
    assert listed == expected
    assert len({regime for regime, *_ in listed}) > 5
    assert ("haiti", "2025-10-17", "designation", "S/RES/2794 (2025)") in listed
    assert not any(document == "S/2025/597" for *_, document in listed)  # the Haiti Panel's report
    iran = next(g for g in json.loads(out) if g["regime"] == "iran")
    assert [(m["mandate"], m["from"], m["to"]) for m in iran["mandates"]] == [("measures", "terminated", "open-ended")]
