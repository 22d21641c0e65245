"""Votes and members' positions: recorded ones, ones derived from the tally, and per-member totals."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sanctions.analysis.votes import derived_positions, member_totals, positions, recorded_votes
from sanctions.cli.app import app
from sanctions.dataset.model import Event, Kind, Position, Regime, Tally

SAMPLE = str(Path(__file__).parents[1] / "data" / "sample")
YES, AGAINST, ABSTAIN = Position.YES, Position.AGAINST, Position.ABSTAIN
COUNCIL_2023 = {"CN", "FR", "GB", "RU", "US", "AL", "BR", "EC", "GA", "GH", "JP", "MT", "MZ", "AE", "CH"}


def _vote(tally: tuple[int, int, int], votes: dict[str, Position] | None = None, day: str = "2023-08-30") -> Event:
    return Event(dt.date.fromisoformat(day), Kind.RENEWED, "S/RES/1 (2023)", "t", vote=Tally(*tally), votes=votes or {})


def test_a_unanimous_vote_is_a_yes_from_every_member_that_day() -> None:
    assert derived_positions(_vote((15, 0, 0))) == dict.fromkeys(sorted(COUNCIL_2023), YES)


def test_members_left_unnamed_take_the_one_position_the_tally_leaves() -> None:
    veto = _vote((13, 1, 1), {"RU": AGAINST, "CN": ABSTAIN})
    assert derived_positions(veto) == dict.fromkeys(sorted(COUNCIL_2023 - {"RU", "CN"}), YES)
    failed = _vote((1, 1, 13), {"RU": YES, "JP": AGAINST, "CN": ABSTAIN})
    assert derived_positions(failed) == dict.fromkeys(sorted(COUNCIL_2023 - {"RU", "JP", "CN"}), ABSTAIN)


@pytest.mark.parametrize(
    ("tally", "votes", "day"),
    [
        ((13, 1, 1), {"RU": AGAINST}, "2023-08-30"),  # the abstainer could be any of fourteen
        ((14, 0, 0), {}, "2023-08-30"),  # one member did not vote: which is not known
        ((14, 0, 1), {}, "2023-08-30"),  # yes and abstain both left over
        ((15, 0, 0), {}, "1985-06-01"),  # a year the membership table does not cover
        ((13, 1, 1), {"RU": AGAINST, "CN": ABSTAIN, "DE": YES}, "2023-08-30"),  # Germany did not sit in 2023
        ((13, 0, 2), {"RU": AGAINST, "CN": ABSTAIN}, "2023-08-30"),  # named positions exceed the tally
        ((0, 0, 0), {}, "2023-08-30"),
    ],
)
def test_nothing_is_derived_when_the_tally_leaves_doubt(
    tally: tuple[int, int, int], votes: dict[str, Position], day: str
) -> None:
    assert derived_positions(_vote(tally, votes, day)) == {}


def test_no_tally_no_derivation() -> None:
    assert derived_positions(Event(dt.date(2023, 1, 1), Kind.RENEWED, "S/RES/1 (2023)", "t")) == {}


def test_all_members_named_leaves_nothing_to_derive() -> None:
    assert derived_positions(_vote((15, 0, 0), dict.fromkeys(COUNCIL_2023, YES))) == {}


def test_positions_keep_recorded_and_derived_apart() -> None:
    known = positions(_vote((13, 1, 1), {"RU": AGAINST, "CN": ABSTAIN, "US": YES}))
    assert known["RU"] is AGAINST and not known.is_derived("RU")
    assert known["FR"] is YES and known.is_derived("FR")
    assert "DE" not in known
    assert [code for code, _ in known.items()][:3] == ["RU", "CN", "US"]


def test_the_soviet_seat_on_the_day_of_the_vote() -> None:
    assert "SU" in derived_positions(_vote((15, 0, 0), day="1991-12-23"))
    assert "RU" in derived_positions(_vote((15, 0, 0), day="1991-12-24"))


def test_sample_votes(sample: Regime) -> None:
    assert [e.document for e in recorded_votes(sample)] == ["S/RES/9999 (2020)", "S/RES/9998 (2021)", "S/2022/10"]
    assert [e.document for e in recorded_votes(sample, "FR")] == ["S/RES/9999 (2020)", "S/2022/10"]
    totals = {row.member: row for row in member_totals(recorded_votes(sample))}
    assert totals["RU"].positions == Counter({YES: 1, AGAINST: 1}) and totals["RU"].derived == Counter({YES: 1})
    assert totals["CN"].positions == Counter({YES: 1, ABSTAIN: 1})


def test_mali_counts_the_unanimous_renewals(bundled: list[Regime]) -> None:
    mali = next(r for r in bundled if r.id == "mali")
    assert len(recorded_votes(mali, "RU")) == 9
    totals = {row.member: row for row in member_totals(recorded_votes(mali))}
    assert totals["RU"].positions == Counter({YES: 8, AGAINST: 1}) and totals["RU"].derived == Counter({YES: 6})
    assert totals["FR"].positions == Counter({YES: 8, ABSTAIN: 1}) and totals["FR"].derived == Counter(
        {YES: 7, ABSTAIN: 1}
    )
    assert totals["JP"].positions == Counter(
        {YES: 2, AGAINST: 1}
    )  # 2017 and the 2023 veto, then against Russia's draft
    assert len(totals) == 45  # every member that sat on the Council from 2017 to 2023
    order = [row.member for row in member_totals(recorded_votes(mali))]
    assert order[:5] == ["CN", "FR", "RU", "GB", "US"]  # the permanent members by name, then by votes cast
    cast = [sum(totals[code].positions.values()) for code in order[5:]]
    assert cast == sorted(cast, reverse=True)


def _run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.stderr
    return result.stdout


MALI_RU = """\
Votes — Mali
Date        Document                       Kind            Vote    Russia
2017-09-05  S/RES/2374 (2017) / S/PV.8040  established     15-0-0  yes (derived from the tally)
2018-08-30  S/RES/2432 (2018) / S/PV.8336  renewed         15-0-0  yes (derived from the tally)
2019-08-29  S/RES/2484 (2019) / S/PV.8607  renewed         15-0-0  yes (derived from the tally)
2020-06-29  S/RES/2531 (2020)              related         15-0-0  yes
2020-08-31  S/RES/2541 (2020)              renewed         15-0-0  yes (derived from the tally)
2021-08-30  S/RES/2590 (2021) / S/PV.8844  renewed         15-0-0  yes (derived from the tally)
2022-08-30  S/RES/2649 (2022) / S/PV.9119  renewed         15-0-0  yes (derived from the tally)
2023-08-30  S/2023/638 / S/PV.9408         ✖ veto          13-1-1  against
2023-08-30  S/PV.9408                      ✖ failed-draft  1-1-13  yes
Positions per member (recorded, or derived from the tally where it leaves no doubt)
Member  Yes  Against  Abstain  Absent  Derived
Russia    8        1        0       0        6
"""

MALI_FR = """\
Votes — Mali
Date        Document                       Kind            Vote    France
2017-09-05  S/RES/2374 (2017) / S/PV.8040  established     15-0-0  yes (derived from the tally)
2018-08-30  S/RES/2432 (2018) / S/PV.8336  renewed         15-0-0  yes (derived from the tally)
2019-08-29  S/RES/2484 (2019) / S/PV.8607  renewed         15-0-0  yes (derived from the tally)
2020-06-29  S/RES/2531 (2020)              related         15-0-0  yes
2020-08-31  S/RES/2541 (2020)              renewed         15-0-0  yes (derived from the tally)
2021-08-30  S/RES/2590 (2021) / S/PV.8844  renewed         15-0-0  yes (derived from the tally)
2022-08-30  S/RES/2649 (2022) / S/PV.9119  renewed         15-0-0  yes (derived from the tally)
2023-08-30  S/2023/638 / S/PV.9408         ✖ veto          13-1-1  yes (derived from the tally)
2023-08-30  S/PV.9408                      ✖ failed-draft  1-1-13  abstain (derived from the tally)
Positions per member (recorded, or derived from the tally where it leaves no doubt)
Member  Yes  Against  Abstain  Absent  Derived
France    8        0        1       0        8
"""

SAMPLE_VOTES = (
    "Votes — Testland\n"
    "Date        Document                       Kind         Vote    Positions\n"
    "2020-01-10  S/RES/9999 (2020) / S/PV.9000  established  15-0-0  yes: all 15 (derived from the tally)\n"
    "2021-01-20  S/RES/9998 (2021)              renewed      14-0-1\n"
    "2022-01-25  S/2022/10 / S/PV.9100          ✖ veto       13-1-1  against: Russia; abstain: China / yes: the other 13 (derived from the tally)\n"
)


def test_votes_mali_by_member() -> None:
    assert _run("votes", "mali", "--member", "RU") == MALI_RU
    assert _run("votes", "mali", "--member", "france") == MALI_FR


def test_votes_sample_table() -> None:
    out = _run("votes", "testland", "--data", SAMPLE)
    assert out.startswith(SAMPLE_VOTES)
    assert "\nRussia                              1        1        0       0        1\n" in out


def test_votes_json_marks_derived_positions() -> None:
    established, veto = json.loads(_run("votes", "testland", "--data", SAMPLE, "--member", "CN", "-f", "json"))
    assert established["votes"] == {} and established["derived_votes"]["CN"] == "yes"
    assert len(established["derived_votes"]) == 15
    assert veto["votes"] == {"RU": "against", "CN": "abstain"}
    assert "CN" not in veto["derived_votes"] and veto["derived_votes"]["FR"] == "yes"


def test_votes_by_a_name_people_use_for_china() -> None:
    out = _run("votes", "dprk", "--member", "PRC")
    assert "\nMember  Yes  Against  Abstain  Absent  Derived\nChina " in out
