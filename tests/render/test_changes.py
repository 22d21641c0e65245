"""`sanctions changes` in every format, checked exactly on the sample regime."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from sanctions.analysis.changes import Changes, changes
from sanctions.dataset.model import Regime
from sanctions.render import ChangesFormat, renderer, table
from sanctions.render import csv as render_csv
from sanctions.render import json as render_json
from sanctions.render import markdown as render_markdown
from sanctions.render.grid import to_text
from tests.render.conftest import plain

D = dt.date


@pytest.fixture
def found(sample: Regime) -> Changes:
    """The renewal, the veto and the lapse of the sample's panel, 2021-01-01 to 2022-06-01."""
    return changes([sample], D(2021, 1, 1), D(2022, 6, 1))


@pytest.fixture
def nothing(sample: Regime) -> Changes:
    """A window in which the panel only draws nearer its expiry: active, then expiring."""
    return changes([sample], D(2021, 12, 1), D(2021, 12, 15))


TABLE = """\
Changes 2021-01-01 to 2022-06-01 · mandate status 2020-12-31 → 2022-06-01

testland — Testland
Date        Kind      Document           Title                          Sets
2021-01-20  renewed   S/RES/9998 (2021)  Panel renewed                  panel → 2022-01-31
2022-01-25  ✖ veto    S/2022/10          Renewal [bold red]vetoed[/] |  would have set:
                      S/PV.9100          <b>*x*</b>                     panel → 2023-01-31
2022-01-31  ■ lapsed  S/RES/9998 (2021)  Panel lapses                   panel lapsed
panel: active → lapsed, ran out 2022-01-31, vetoed 2022-01-25 by Russia (S/2022/10)

3 decisions and 1 status change in 1 regime
"""

TEXT = """\
Changes 2021-01-01 to 2022-06-01 · mandate status 2020-12-31 → 2022-06-01

testland — Testland
Date        Kind      Document               Title                                     Sets
2021-01-20  renewed   S/RES/9998 (2021)      Panel renewed                             panel → 2022-01-31
2022-01-25  ✖ veto    S/2022/10 / S/PV.9100  Renewal [bold red]vetoed[/] | <b>*x*</b>  would have set: / panel → 2023-01-31
2022-01-31  ■ lapsed  S/RES/9998 (2021)      Panel lapses                              panel lapsed
panel: active → lapsed, ran out 2022-01-31, vetoed 2022-01-25 by Russia (S/2022/10)

3 decisions and 1 status change in 1 regime
"""  # noqa: E501

NARROW = """\
Changes 2021-01-01 to 2022-06-01 · mandate status 2020-12-31 → 2022-06-01

testland — Testland
Date        Kind      Document           Title
2021-01-20  renewed   S/RES/9998 (2021)  Panel renewed
    Sets: panel → 2022-01-31
2022-01-25  ✖ veto    S/2022/10          Renewal [bold red]vetoed[/] |
                      S/PV.9100          <b>*x*</b>
    Sets: would have set: panel → 2023-01-31
2022-01-31  ■ lapsed  S/RES/9998 (2021)  Panel lapses
    Sets: panel lapsed
panel: active → lapsed, ran out 2022-01-31, vetoed 2022-01-25 by Russia
    (S/2022/10)

3 decisions and 1 status change in 1 regime
"""


def test_table(found: Changes) -> None:
    assert plain(table.changes(found)) == TABLE


def test_table_at_80_columns(found: Changes) -> None:
    assert plain(table.changes(found), width=80) == NARROW


def test_table_as_plain_text(found: Changes) -> None:
    assert to_text(table.changes(found)) == TEXT


def test_table_when_nothing_changed(nothing: Changes) -> None:
    assert to_text(table.changes(nothing)) == (
        "Changes 2021-12-01 to 2021-12-15 · mandate status 2021-11-30 → 2021-12-15\n"
        "No decisions and no change of mandate status.\n"
    )


CSV = (
    "regime,record,date,kind,document,title,mandate,from,to,change\r\n"
    "testland,decision,2021-01-20,renewed,S/RES/9998 (2021),Panel renewed,,,,panel → 2022-01-31\r\n"
    "testland,decision,2022-01-25,veto,S/2022/10,Renewal [bold red]vetoed[/] | <b>*x*</b>,,,,"
    "would have set panel → 2023-01-31\r\n"
    "testland,decision,2022-01-31,lapsed,S/RES/9998 (2021),Panel lapses,,,,panel lapsed\r\n"
    "testland,mandate,2022-06-01,,,Panel of Experts,panel,active,lapsed,"
    '"active → lapsed, ran out 2022-01-31, vetoed 2022-01-25 by Russia (S/2022/10)"\r\n'
)


def test_csv(found: Changes, nothing: Changes) -> None:
    assert render_csv.changes(found) == CSV
    assert render_csv.changes(nothing) == "regime,record,date,kind,document,title,mandate,from,to,change\r\n"


def test_csv_neutralises_formulas(sample: Regime) -> None:
    from dataclasses import replace

    hostile = replace(sample, events=tuple(replace(e, title="=HYPERLINK(1)\x1b[31m") for e in sample.events))
    rows = render_csv.changes(changes([hostile], D(2021, 1, 1), D(2021, 1, 31))).splitlines()
    assert rows[1] == "testland,decision,2021-01-20,renewed,S/RES/9998 (2021),'=HYPERLINK(1)[31m,,,,panel → 2022-01-31"


MARKDOWN = """\
# Sanctions changes, 2021-01-01 to 2022-06-01

Decisions taken from 2021-01-01 to 2022-06-01, and mandates whose status on 2022-06-01 differs from 2020-12-31.

## testland — Testland

| Date | Kind | Document | Title | Effect |
| --- | --- | --- | --- | --- |
| 2021-01-20 | renewed | [S/RES/9998 (2021)](https://undocs.org/en/S/RES/9998(2021)) | Panel renewed | panel → 2022-01-31 |
| 2022-01-25 | veto | [S/2022/10](https://undocs.org/en/S/2022/10) [S/PV.9100](https://undocs.org/en/S/PV.9100) \
| Renewal \\[bold red\\]vetoed\\[/\\] \\| \\<b\\>\\*x\\*\\</b\\> | would have set panel → 2023-01-31 |
| 2022-01-31 | lapsed | [S/RES/9998 (2021)](https://undocs.org/en/S/RES/9998(2021)) | Panel lapses | panel lapsed |

- **Panel of Experts** (panel): active → lapsed, ran out 2022-01-31, vetoed 2022-01-25 by Russia (S/2022/10)
"""  # noqa: E501


def test_markdown(found: Changes, nothing: Changes) -> None:
    assert render_markdown.changes(found) == MARKDOWN
    assert render_markdown.changes(nothing) == (
        "# Sanctions changes, 2021-12-01 to 2021-12-15\n\n"
        "Decisions taken from 2021-12-01 to 2021-12-15, and mandates whose status on 2021-12-15 differs from"
        " 2021-11-30.\n\nNo decisions and no change of mandate status.\n"
    )


def test_json(found: Changes, nothing: Changes, sample: Regime) -> None:
    (group,) = json.loads(render_json.changes(found))
    decisions = group.pop("decisions")
    assert [(d["date"], d["kind"], d["document"]) for d in decisions] == [
        ("2021-01-20", "renewed", "S/RES/9998 (2021)"),
        ("2022-01-25", "veto", "S/2022/10"),
        ("2022-01-31", "lapsed", "S/RES/9998 (2021)"),
    ]
    # Each decision is exactly what `timeline --format json` gives for the event.
    assert decisions == json.loads(render_json.timeline(sample, list(sample.events[1:])))
    assert group == {
        "regime": "testland",
        "name": "Testland",
        "since": "2021-01-01",
        "until": "2022-06-01",
        "verified": "2023-06-01",
        "mandates": [
            {
                "mandate": "panel",
                "name": "Panel of Experts",
                "from": "active",
                "to": "lapsed",
                "change": "active → lapsed, ran out 2022-01-31, vetoed 2022-01-25 by Russia (S/2022/10)",
                "before": {
                    "regime": "testland",
                    "mandate": "panel",
                    "name": "Panel of Experts",
                    "status": "expiring",
                    "expires": "2021-01-31",
                    "days_left": 31,
                    "set_by": "S/RES/9999 (2020)",
                    "ended_by": None,
                    "dispute": None,
                    "as_of": "2020-12-31",
                    "pending": None,
                },
                "after": {
                    "regime": "testland",
                    "mandate": "panel",
                    "name": "Panel of Experts",
                    "status": "lapsed",
                    "expires": "2022-01-31",
                    "days_left": None,
                    "set_by": "S/RES/9998 (2021)",
                    "ended_by": {"date": "2022-01-25", "kind": "veto", "document": "S/2022/10", "vetoed_by": ["RU"]},
                    "dispute": None,
                    "as_of": "2022-06-01",
                    "pending": None,
                },
            }
        ],
    }
    assert render_json.changes(nothing) == "[]\n"


def test_every_changes_format_has_a_renderer() -> None:
    for fmt in ChangesFormat:
        assert callable(renderer(fmt).changes)
