"""Facts of the Zimbabwe sanctions the Council never established (2008) that users check first."""

from __future__ import annotations

import datetime as dt

from sanctions.analysis.mandates import Status, mandate_status
from sanctions.dataset.model import Kind, Regime


def _regime(bundled: list[Regime]) -> Regime:
    return next(r for r in bundled if r.id == "zimbabwe")


def test_zimbabwe_is_a_proposal_never_established(bundled: list[Regime]) -> None:
    regime = _regime(bundled)
    assert (regime.proposed, regime.established_by) == (True, "")
    assert [(e.date, e.kind, e.document) for e in sorted(regime.events, key=lambda e: e.date)] == [
        (dt.date(2008, 6, 23), Kind.RELATED, "S/PRST/2008/23"),
        (dt.date(2008, 7, 11), Kind.VETO, "S/2008/447"),
    ]


def test_s_2008_447_vetoed_by_china_and_russia_on_11_july_2008(bundled: list[Regime]) -> None:
    veto = next(e for e in _regime(bundled).events if e.kind is Kind.VETO)
    assert (veto.meeting, veto.press_release, str(veto.vote)) == ("S/PV.5933", "SC/9396", "9-5-1")
    assert veto.vetoed_by == ("CN", "RU")
    assert sorted(veto.would_have_set) == ["arms-embargo", "assets-freeze", "travel-ban"]


def test_no_zimbabwe_measure_was_ever_in_force(bundled: list[Regime]) -> None:
    regime = _regime(bundled)
    for key in regime.mandates:
        assert mandate_status(regime, key, dt.date(2008, 8, 1)).status is Status.NOT_ESTABLISHED
