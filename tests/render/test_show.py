"""`show` in each format, checked character for character on the shared sample."""

from __future__ import annotations

import json

from sanctions.analysis.show import show
from sanctions.dataset.model import Regime
from sanctions.render import csv, markdown, table
from sanctions.render import json as json_format
from sanctions.render.grid import to_text
from tests.render.conftest import plain

VETO = """\
S/2022/10 (draft)
Regime:         testland — Testland
Date:           2022-01-25
Kind:           veto
Meeting:        S/PV.9100
Penholders:     France
Vote:           13-1-1 (in favour, against, abstaining)
Against:        Russia (recorded)
Abstaining:     China (recorded)
Vetoed by:      Russia
Would have set: Panel of Experts (panel): 2022-01-31 → 2023-01-31
What followed:  Panel of Experts lapsed 2022-01-31
Sourcing:       secondary sources only (no UN or Security Council Report source)

Renewal [bold red]vetoed[/] | <b>*x*</b>

Sources:
https://example.org/veto
"""

ESTABLISHED = """\
S/RES/9999 (2020) (resolution)
Regime:         testland — Testland
Date:           2020-01-10
Kind:           established
Meeting:        S/PV.9000
Vote:           15-0-0 (in favour, against, abstaining)
Against:        none
Abstaining:     none
Set:            Asset freeze (measures): none → open-ended
Set:            Panel of Experts (panel): none → 2021-01-31

Regime established

Sources:
https://press.un.org/en/2020/testland-established.doc.htm
"""

RENEWED_MARKDOWN = """\
## S/RES/9998 (2021) (resolution)

| Field | Value |
| --- | --- |
| Regime | testland — Testland |
| Date | 2021-01-20 |
| Kind | renewed |
| Vote | 14-0-1 (in favour, against, abstaining) |
| Against | none |
| Abstaining | 1 member not named in the data |
| Set | Panel of Experts (panel): 2021-01-31 → 2022-01-31 |

**Panel renewed**

Sources:

- [S/RES/9998 (2021)](https://undocs.org/en/S/RES/9998(2021)) as read in the UN Digital Library
"""


def test_the_table_shows_a_veto_with_its_vote_what_it_would_have_set_and_what_followed(sample: Regime) -> None:
    assert plain(table.show(show([sample], "S/2022/10"))) == VETO


def test_the_table_shows_what_an_establishing_resolution_set(sample: Regime) -> None:
    assert plain(table.show(show([sample], "9999"))) == ESTABLISHED


def test_the_table_in_a_pipe_is_the_terminal_text(sample: Regime) -> None:
    assert to_text(table.show(show([sample], "S/PV.9100")), 80) == VETO


def test_markdown_gives_the_same_fields_as_a_table(sample: Regime) -> None:
    assert markdown.show(show([sample], "resolution 9998")) == RENEWED_MARKDOWN


def test_json_keeps_the_timeline_fields_and_adds_what_the_decision_did(sample: Regime) -> None:
    (record,) = json.loads(json_format.show(show([sample], "S/2022/10")))
    assert record["document"] == "S/2022/10"
    assert record["votes"] == {"RU": "against", "CN": "abstain"}
    assert record["derived_votes"]["US"] == "yes"
    assert record["mandates"] == [
        {
            "mandate": "panel",
            "name": "Panel of Experts",
            "effect": "would have set",
            "before": {"status": "expiring", "expires": "2022-01-31"},
            "was": "2022-01-31",
            "becomes": "2023-01-31",
        }
    ]
    assert record["consequences"] == [
        {"mandate": "panel", "name": "Panel of Experts", "outcome": "lapsed", "date": "2022-01-31", "by": None}
    ]


def test_csv_puts_each_mandate_on_a_line_of_its_cell(sample: Regime) -> None:
    header, _row = csv.show(show([sample], "9999")).splitlines()[:2]
    assert header.split(",")[-3:] == ["mandates", "consequences", "followed_by"]
    assert "measures: none → open-ended (set)" in csv.show(show([sample], "9999"))
