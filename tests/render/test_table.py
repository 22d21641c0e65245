"""Terminal tables, checked character for character on a 100-column colourless console."""

from __future__ import annotations

import datetime as dt

from sanctions.analysis.mandates import Status, regime_statuses, summarise
from sanctions.dataset.model import Kind, Location, Regime
from sanctions.errors import Problem
from sanctions.render import table
from tests.render.conftest import plain

TIMELINE = """\
Testland — Committee established pursuant to resolution 9999 (2020)
Date        Kind         Document             Title
2020-01-10  established  S/RES/9999 (2020)    Regime established
                         S/PV.9000
    Vote: 15-0-0   Sets: measures → open-ended, panel → 2021-01-31
2021-01-20  renewed      S/RES/9998 (2021)    Panel renewed
    Vote: 14-0-1   Sets: panel → 2022-01-31
2022-01-25  ✖ veto       S/2022/10 †          Renewal [bold red]vetoed[/] | <b>*x*</b>
                         S/PV.9100
    Vote: 13-1-1, veto: Russia   Sets: would have set: panel → 2023-01-31
2022-01-31  ■ lapsed     S/RES/9998 (2021) †  Panel lapses
    Sets: panel lapsed
4 events · data verified to 2023-06-01 · ✖ draft not adopted · ■ mandate ended
† secondary sources only (no UN or Security Council Report source)
"""

TIMELINE_60 = """\
Testland — Committee established pursuant to resolution
9999 (2020)
Date        Kind         Document             Title
2020-01-10  established  S/RES/9999 (2020)    Regime
                                              established
    Vote: 15-0-0
    Sets: measures → open-ended, panel → 2021-01-31
2021-01-20  renewed      S/RES/9998 (2021)    Panel renewed
    Vote: 14-0-1   Sets: panel → 2022-01-31
2022-01-25  ✖ veto       S/2022/10 †          Renewal [bold
                                              red]vetoed[/]
                                              | <b>*x*</b>
    Vote: 13-1-1, veto: Russia
    Sets: would have set: panel → 2023-01-31
2022-01-31  ■ lapsed     S/RES/9998 (2021) †  Panel lapses
    Sets: panel lapsed
4 events · data verified to 2023-06-01 · ✖ draft not adopted
· ■ mandate ended
† secondary sources only (no UN or Security Council Report
source)
"""

REGIMES = """\
Sanctions regimes as of 2021-12-15
ID        Name      Established  Verified to  Status    Next expiry
testland  Testland  2020-01-10   2023-06-01   in force  2022-01-31 Panel of Experts (47 days)
"""


def test_timeline(sample: Regime) -> None:
    assert plain(table.timeline(sample, list(sample.events))) == TIMELINE


def test_timeline_at_60_columns_folds_columns_under_each_row(sample: Regime) -> None:
    output = plain(table.timeline(sample, list(sample.events)), width=60)
    assert output == TIMELINE_60
    assert max(map(len, output.splitlines())) <= 60


def test_regimes(sample: Regime) -> None:
    assert plain(table.regimes([summarise(sample, dt.date(2021, 12, 15))])) == REGIMES


def test_markup_and_escapes_in_data_stay_inert(sample: Regime) -> None:
    from dataclasses import replace

    hostile = replace(sample.events[0], title="[bold red]x[/] \x1b[31mred\x1b[0m\x07 bell\nnext")
    output = plain(table.timeline(sample, [hostile]), width=200)
    assert "[bold red]x[/] [31mred[0m bell next" in output
    assert "\x1b" not in output and "\x07" not in output


def test_problems() -> None:
    found = [Problem(Location("a.yaml", 3, 5), "something is wrong")]
    assert table.problems(found, [], 2) == "a.yaml:3:5: something is wrong\n2 files checked: 1 problem\n"
    assert table.problems([], [], 2) == "2 files checked: no problems\n"
    late = [Problem(Location("b.yaml", 7, 5), "late", warning=True)] * 2
    assert table.problems(found, late, 1) == (
        "a.yaml:3:5: something is wrong\nb.yaml:7:5: warning: late\nb.yaml:7:5: warning: late\n"
        "1 file checked: 1 problem, 2 warnings\n"
    )


def test_every_status_and_kind_has_a_style() -> None:
    assert set(table.MANDATE_STYLES) == {status.value for status in Status}
    assert set(table.KIND_STYLES) == set(Kind)


def test_line_and_paragraph_separators_become_spaces() -> None:
    from sanctions.render import inert

    # YAML and terminals break lines at U+2028 and U+2029: one-line text must not carry them.
    assert inert("A\u20280 and\u2029B") == "A 0 and B"


def test_expiry_counts_unverified_rows_in_one_closing_line_and_explains_them_on_request(sample: Regime) -> None:
    from dataclasses import replace

    stopped = replace(sample, verified=dt.date(2021, 6, 1), events=sample.events[:2])  # before the veto
    statuses = regime_statuses(stopped, dt.date(2022, 6, 1))
    assert [s.status for s in statuses] == [Status.OPEN_ENDED, Status.UNVERIFIED]
    output = plain(table.expiry(statuses), width=120)
    assert output.splitlines()[2:] == [
        "testland  Asset freeze      open-ended              S/RES/9999 (2020)",
        "testland  Panel of Experts  unverified  2022-01-31  S/RES/9998 (2021)",
        "1 unverified row: the data stops before 2022-06-01; --explain says what each last records",
    ]
    explained = plain(table.expiry(statuses, explain=True), width=160)
    assert "unverified row" not in explained
    assert explained.splitlines()[-1] == (
        "    Not verified: last expiry on record 2022-01-31 (S/RES/9998 (2021) of 2021-01-20); "
        "no later decision recorded, data verified to 2021-06-01"
    )


def test_expiry_shows_a_decision_adopted_but_not_yet_in_effect(oldland: Regime) -> None:
    import datetime as dt

    from sanctions.analysis.mandates import regime_statuses

    # Adopted on 1 June 1990, in effect from 15 June: on 10 June the measures are still suspended.
    output = plain(table.expiry(regime_statuses(oldland, dt.date(1990, 6, 10))), width=100)
    assert output.splitlines()[2:6] == [
        "oldland  Trade embargo  suspended  S/1989/100",
        "    Pending: terminated from 1990-06-15 (S/RES/9004 (1990))",
        "oldland  Arms embargo   suspended  S/1989/100",
        "    Pending: transferred from 1990-06-15 (S/RES/9004 (1990))",
    ]


def test_a_mandate_ended_by_a_modifying_decision_is_not_called_a_failed_draft(sample: Regime) -> None:
    import datetime as dt
    from dataclasses import replace

    from sanctions.analysis.mandates import regime_statuses
    from sanctions.dataset.model import Event, Kind

    end = Event(dt.date(2023, 1, 5), Kind.MODIFIED, "S/RES/9990 (2023)", "Ended", sets={"measures": "terminated"})
    regime = replace(sample, events=(*sample.events, end))
    output = plain(table.expiry(regime_statuses(regime, dt.date(2023, 2, 1))), width=120)
    assert "draft failed" not in output
    assert "S/RES/9990 (2023)" in output and "2023-01-05" in output
