"""JSON output: the documented machine interface, checked exactly."""

from __future__ import annotations

import datetime as dt
import json

from sanctions.analysis.mandates import summarise
from sanctions.analysis.vetoes import failed_drafts
from sanctions.analysis.votes import recorded_votes
from sanctions.dataset.model import Location, Regime
from sanctions.errors import Problem
from sanctions.render import ExpiryFormat, Format, renderer
from sanctions.render import json as render_json

VETO = """\
[
  {
    "regime": "testland",
    "date": "2022-01-25",
    "kind": "veto",
    "document": "S/2022/10",
    "meeting": "S/PV.9100",
    "press_release": null,
    "title": "Renewal [bold red]vetoed[/] | <b>*x*</b>",
    "summary": "",
    "vote": {
      "in_favour": 13,
      "against": 1,
      "abstaining": 1
    },
    "votes": {
      "RU": "against",
      "CN": "abstain"
    },
    "vetoed_by": [
      "RU"
    ],
    "penholders": [
      "FR"
    ],
    "sets": {},
    "would_have_set": {
      "panel": "2023-01-31"
    },
    "lapses": [],
    "sources": [
      "https://example.org/veto"
    ],
    "notes": "",
    "dispute": null,
    "deadlines": {},
    "effective": null,
    "derived": {},
    "sourcing": "secondary",
    "instrument": "document"
  }
]
"""


def test_every_format_has_a_renderer() -> None:
    for fmt in Format:
        module = renderer(fmt)
        for view in ("timeline", "regimes", "problems", "expiry", "vetoes", "votes", "show"):
            assert callable(getattr(module, view))
    for expiry_format in ExpiryFormat:
        assert callable(renderer(expiry_format).expiry)


def test_timeline_event(sample: Regime) -> None:
    assert render_json.timeline(sample, [sample.events[2]]) == VETO


def test_regimes(sample: Regime) -> None:
    (record,) = json.loads(render_json.regimes([summarise(sample, dt.date(2022, 1, 26))]))
    assert record["status"] == "in force"
    assert record["next_expiry"] == {
        "regime": "testland",
        "mandate": "panel",
        "name": "Panel of Experts",
        "status": "expiring",
        "expires": "2022-01-31",
        "days_left": 5,
        "set_by": "S/RES/9998 (2021)",
        "ended_by": {"date": "2022-01-25", "kind": "veto", "document": "S/2022/10", "vetoed_by": ["RU"]},
        "dispute": None,
        "as_of": "2022-01-26",
        "pending": None,
    }
    assert [m["status"] for m in record["mandates"]] == ["open-ended", "expiring"]


def test_problems() -> None:
    found = [Problem(Location("a.yaml", 3, 5), "bad")]
    warnings = [Problem(Location("b.yaml", 7, 5), "late", warning=True)]
    assert json.loads(render_json.problems(found, warnings, 2)) == {
        "files": 2,
        "problems": [{"file": "a.yaml", "line": 3, "column": 5, "message": "bad"}],
        "warnings": [{"file": "b.yaml", "line": 7, "column": 5, "message": "late"}],
    }


def test_every_event_says_how_it_is_sourced(sample: Regime) -> None:
    records = json.loads(render_json.timeline(sample, list(sample.events)))
    assert [record["sourcing"] for record in records] == ["un", "un", "secondary", "secondary"]


def test_exports_leave_the_computed_sourcing_out(sample: Regime) -> None:
    assert all("sourcing" not in event for event in render_json.regime_document(sample)["events"])


def test_vetoes_use_the_timeline_field_names(sample: Regime) -> None:
    (row,) = json.loads(render_json.vetoes(failed_drafts([sample])))
    assert row == {
        "regime": "testland",
        "date": "2022-01-25",
        "kind": "veto",
        "draft": "S/2022/10",
        "document": "S/2022/10",
        "meeting": "S/PV.9100",
        "title": "Renewal [bold red]vetoed[/] | <b>*x*</b>",
        "vote": {"in_favour": 13, "against": 1, "abstaining": 1},
        "votes": {"RU": "against", "CN": "abstain"},
        "vetoed_by": ["RU"],
        "penholders": ["FR"],
        "would_have_set": {"panel": "2023-01-31"},
        "consequences": [
            {"mandate": "panel", "name": "Panel of Experts", "outcome": "lapsed", "date": "2022-01-31", "by": None}
        ],
        "followed_by": [],
        "failed_without_veto": False,
        "sources": ["https://example.org/veto"],
    }
    timeline = json.loads(render_json.timeline(sample, [sample.events[2]]))[0]
    assert {key: timeline[key] for key in row if key in timeline} == {key: row[key] for key in row if key in timeline}


def test_votes_are_an_array_of_records(sample: Regime) -> None:
    assert json.loads(render_json.votes(sample, recorded_votes(sample, "CN"), "CN")) == [
        {
            "regime": "testland",
            "date": "2020-01-10",
            "kind": "established",
            "document": "S/RES/9999 (2020)",
            "meeting": "S/PV.9000",
            "title": "Regime established",
            "vote": {"in_favour": 15, "against": 0, "abstaining": 0},
            "votes": {},
            # the Council of 2020, all in favour
            "derived_votes": {
                code: "yes"
                for code in ("BE", "CN", "DE", "DO", "EE", "FR", "GB", "ID", "NE", "RU", "TN", "US", "VC", "VN", "ZA")
            },
        },
        {
            "regime": "testland",
            "date": "2022-01-25",
            "kind": "veto",
            "document": "S/2022/10",
            "meeting": "S/PV.9100",
            "title": "Renewal [bold red]vetoed[/] | <b>*x*</b>",
            "vote": {"in_favour": 13, "against": 1, "abstaining": 1},
            "votes": {"RU": "against", "CN": "abstain"},
            "derived_votes": {
                code: "yes" for code in ("AL", "BR", "FR", "GA", "GB", "GH", "IE", "IN", "KE", "MX", "NO", "US", "AE")
            },
        },
    ]
