"""Facts of the Iran (1737) regime that users check first (regimes/iran.yaml)."""

from __future__ import annotations

import datetime as dt

import pytest

from sanctions.dataset.model import Kind, Regime


@pytest.fixture(scope="module")
def iran(bundled: list[Regime]) -> Regime:
    (regime,) = [r for r in bundled if r.id == "iran"]
    return regime


def test_the_snapback_names_no_reinstating_document_and_says_why(iran: Regime) -> None:
    (snapback,) = [e for e in iran.events if e.kind is Kind.REINSTATED]
    assert (snapback.date, snapback.document) == (dt.date(2025, 9, 27), "S/PV.10001")
    assert snapback.notes.startswith("No document reinstated the measures")
    assert "DPPA/SCAD/SCA/4/25(1)" in snapback.notes
    assert snapback.sources[0] == "https://press.un.org/en/2026/sc16316.doc.htm"


def test_the_procedural_vote_of_12_march_2026_is_related_not_a_veto(iran: Regime) -> None:
    (vote,) = [e for e in iran.events if e.document == "SC/16316"]
    assert (vote.date, vote.kind, str(vote.vote), vote.vetoed_by) == (dt.date(2026, 3, 12), Kind.RELATED, "11-2-2", ())
    assert not vote.sets
