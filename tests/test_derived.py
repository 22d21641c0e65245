"""Dates counted from a term stated as a duration: recorded as dates, checked, and marked as derived."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from sanctions.analysis.mandates import mandate_status
from sanctions.dataset.model import Regime
from sanctions.dataset.parse import parse_regime
from sanctions.dataset.rules import derived_date
from sanctions.render import json as render_json
from sanctions.render import table
from tests.render.conftest import plain

REGIME = """\
id: somewhere
name: Somewhere
committee: A committee
established_by: S/RES/1916 (2010)
verified: 2011-06-01
mandates:
  panel: {name: Monitoring Group}
events:
  - date: 2010-03-19
    kind: established
    document: S/RES/1916 (2010)
    title: Monitoring Group for 12 months
    sets: {panel: 2011-03-19}
    derived: {panel: "12 months from 2010-03-19, the day of adoption (paragraph 6)"}
    sources: [https://example.org]
"""


@pytest.fixture
def somewhere() -> Regime:
    return parse_regime(REGIME, "somewhere.yaml")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 months from 2026-02-17, the expiry of the current mandate", dt.date(2027, 2, 17)),
        ("13 months from 2009-11-17", dt.date(2010, 12, 17)),
        ("1 year from 2025-09-12 (paragraph 1)", dt.date(2026, 9, 12)),
        ("36 months from 2024-06-10", dt.date(2027, 6, 10)),
        ("10 days from 2007-07-31", dt.date(2007, 8, 10)),
        ("6 months from 2004-08-31", dt.date(2005, 2, 28)),  # no 31 February: the month's last day
        ("for a period of 13 months", None),
        ("13 months from 2009-02-30", None),
    ],
)
def test_a_term_and_its_start_give_the_last_day(text: str, expected: dt.date | None) -> None:
    assert derived_date(text) == expected


def test_the_event_keeps_how_its_date_was_counted(somewhere: Regime) -> None:
    (event,) = somewhere.events
    assert event.sets == {"panel": dt.date(2011, 3, 19)}
    assert event.derived == {"panel": "12 months from 2010-03-19, the day of adoption (paragraph 6)"}
    status = mandate_status(somewhere, "panel", dt.date(2011, 1, 1))
    assert (status.expires, status.derived) == (dt.date(2011, 3, 19), event.derived["panel"])


def test_json_events_carry_the_derivation(somewhere: Regime) -> None:
    (record,) = json.loads(render_json.timeline(somewhere, list(somewhere.events)))
    assert record["sets"] == {"panel": "2011-03-19"}
    assert record["derived"] == {"panel": "12 months from 2010-03-19, the day of adoption (paragraph 6)"}


def test_an_export_round_trips_the_derivation(somewhere: Regime) -> None:
    from sanctions.dataset.parse import parse_regime_json

    text = json.dumps(render_json.regime_document(somewhere), default=str)
    again = parse_regime_json(text, "somewhere.json")
    assert again.events[0].derived == somewhere.events[0].derived


def test_tables_mark_a_derived_date(somewhere: Regime) -> None:
    timeline = plain(table.timeline(somewhere, list(somewhere.events)))
    assert "panel → ≈2011-03-19" in timeline
    assert table.DERIVED_CAPTION in timeline
    expiry = plain(table.expiry([mandate_status(somewhere, "panel", dt.date(2011, 1, 1))]))
    assert "≈2011-03-19" in expiry
    assert table.DERIVED_CAPTION in expiry


def test_a_stated_date_is_not_marked(somewhere: Regime) -> None:
    stated = parse_regime("".join(line for line in REGIME.splitlines(True) if "derived" not in line), "s.yaml")
    expiry = plain(table.expiry([mandate_status(stated, "panel", dt.date(2011, 1, 1))]))
    assert "≈" not in expiry and "2011-03-19" in expiry


@pytest.mark.parametrize(
    ("regime_id", "document", "mandate", "expiry"),
    [
        ("taliban", "S/RES/2816 (2026)", "monitoring-team", dt.date(2027, 2, 17)),
        ("sudan", "S/RES/2791 (2025)", "measures", dt.date(2026, 9, 12)),
        ("isil-al-qaida", "S/RES/2734 (2024)", "monitoring-team", dt.date(2027, 6, 17)),
        ("isil-al-qaida", "S/RES/2734 (2024)", "ombudsperson", dt.date(2027, 6, 17)),
    ],
)
def test_recent_terms_stated_as_durations_are_dated(
    bundled: list[Regime], regime_id: str, document: str, mandate: str, expiry: dt.date
) -> None:
    regime = next(r for r in bundled if r.id == regime_id)
    (event,) = [e for e in regime.events if e.document == document and mandate in e.sets]
    assert event.sets[mandate] == expiry
    assert mandate in event.derived


def test_every_derived_term_cites_the_words_it_counts_from(bundled: list[Regime]) -> None:
    derived = [(r.id, e.document, how) for r in bundled for e in r.events for how in e.derived.values()]
    assert derived
    assert all(len(how) > len("12 months from 2026-02-17") for _, _, how in derived), derived


def test_terms_before_2015_left_unrecorded_do_not_grow(bundled: list[Regime]) -> None:
    # 91 before issue 25, 36 after it (the issue asks for at most half, 45); each event that keeps one says
    # why in its notes: a duration with no start ("within 30 days ... for six months"), or sources that conflict.
    unrecorded = [
        (regime.id, event.document, key)
        for regime in bundled
        for event in regime.events
        for key, value in event.sets.items()
        if value == "unrecorded" and event.date.year < 2015
    ]
    assert len(unrecorded) <= 36, unrecorded
