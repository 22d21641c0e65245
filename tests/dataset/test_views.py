"""Narrowed views of a regime give every command that uses them the same answers as the full regime."""

from __future__ import annotations

import datetime as dt

import pytest

from sanctions.analysis.mandates import expiries, summarise
from sanctions.dataset.model import Regime
from sanctions.dataset.views import View, narrow
from sanctions.render import ics, table
from sanctions.render import json as render_json
from sanctions.render.grid import to_text

DATES = [dt.date(y, m, 1) for y in range(2006, 2027) for m in (1, 5, 9)]


@pytest.mark.parametrize("as_of", DATES, ids=str)
def test_mandate_view_answers_like_the_full_regime(bundled: list[Regime], as_of: dt.date) -> None:
    narrowed = [narrow(r, View.MANDATES) for r in bundled]
    horizon = as_of + dt.timedelta(days=60)
    assert render_json.expiry(expiries(narrowed, as_of, horizon)) == render_json.expiry(
        expiries(bundled, as_of, horizon)
    )
    assert ics.expiry(expiries(narrowed, as_of, horizon)) == ics.expiry(expiries(bundled, as_of, horizon))
    assert render_json.regimes([summarise(r, as_of) for r in narrowed]) == render_json.regimes(
        [summarise(r, as_of) for r in bundled]
    )


def test_brief_view_draws_the_same_timeline(bundled: list[Regime]) -> None:
    for regime in bundled:
        brief = narrow(regime, View.BRIEF)
        assert to_text(table.timeline(brief, list(brief.events))) == to_text(
            table.timeline(regime, list(regime.events))
        )


def test_views_are_smaller(bundled: list[Regime]) -> None:
    dprk = next(r for r in bundled if r.id == "dprk")
    assert narrow(dprk, View.FULL) is dprk
    assert len(narrow(dprk, View.MANDATES).events) < len(narrow(dprk, View.BRIEF).events) == len(dprk.events)
    assert all(not e.summary and len(e.sources) <= 1 for e in narrow(dprk, View.BRIEF).events)


def test_brief_view_keeps_how_each_event_is_sourced(bundled: list[Regime]) -> None:
    for regime in bundled:
        brief = narrow(regime, View.BRIEF)
        assert [e.sourcing for e in brief.events] == [e.sourcing for e in regime.events]
        assert all(set(b.sources) <= set(e.sources) for b, e in zip(brief.events, regime.events, strict=True))
