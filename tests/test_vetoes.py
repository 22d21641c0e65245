"""Vetoes and failed drafts, computed from the data: what each would have set, what followed, who vetoed."""

from __future__ import annotations

import datetime as dt

from sanctions.model import Category, Regime
from sanctions.vetoes import failed_drafts, veto_tallies


def test_sample_veto_and_what_followed(sample: Regime) -> None:
    (draft,) = failed_drafts([sample])
    assert draft.event.document == "S/2022/10"
    assert not draft.failed_without_veto
    assert draft.abstaining == ("CN",)
    assert [str(c) for c in draft.consequences] == ["Panel of Experts lapsed 2022-01-31"]


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
