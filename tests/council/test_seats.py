"""The Council's membership by day, and the bundled votes checked against it."""

from __future__ import annotations

import datetime as dt

import pytest

from sanctions.council.members import council_size, is_member_code
from sanctions.council.seats import ELECTED, members_on, permanent_on
from sanctions.dataset.model import Regime

P5 = {"CN", "FR", "GB", "RU", "US"}


def test_2023_membership() -> None:
    assert members_on(dt.date(2023, 8, 30)) == frozenset(
        P5 | {"AL", "BR", "EC", "GA", "GH", "JP", "MT", "MZ", "AE", "CH"}
    )


@pytest.mark.parametrize("year", sorted(ELECTED))
def test_every_year_has_the_council_of_its_size(year: int) -> None:
    for day in (dt.date(year, 1, 1), dt.date(year, 12, 31)):
        members = members_on(day)
        assert members is not None and len(members) == council_size(day) == 15
        assert all(is_member_code(code) for code in members)


def test_membership_changes_on_1_january() -> None:
    assert members_on(dt.date(2023, 12, 31)) != members_on(dt.date(2024, 1, 1))
    assert members_on(dt.date(2024, 1, 1)) == members_on(dt.date(2024, 12, 31))


def test_each_elected_member_sits_two_years_in_a_row() -> None:
    split = {2017: ({"IT"}, {"NL"})}  # Italy and the Netherlands split the 2017-2018 term
    for year in sorted(ELECTED)[:-1]:
        leaving = set(ELECTED[year][:5])
        staying, second_year = set(ELECTED[year][5:]), set(ELECTED[year + 1][:5])
        first_only, second_only = split.get(year, (set(), set()))
        assert staying - first_only == second_year - second_only, year
        assert not leaving & set(ELECTED[year + 1]), year  # no immediate re-election


def test_the_soviet_seat_passes_to_russia_on_24_december_1991() -> None:
    assert permanent_on(dt.date(1991, 12, 23)) == ("CN", "FR", "GB", "US", "SU")
    assert permanent_on(dt.date(1991, 12, 24)) == ("CN", "FR", "GB", "US", "RU")
    before, after = members_on(dt.date(1991, 12, 23)), members_on(dt.date(1991, 12, 24))
    assert before is not None and after is not None
    assert before - after == {"SU"} and after - before == {"RU"}


def test_codes_of_the_day() -> None:
    assert "ZR" in (members_on(dt.date(1991, 6, 1)) or set())  # Zaire; CD from 1997
    assert "CD" in (members_on(dt.date(2026, 6, 1)) or set())
    assert "IT" in (members_on(dt.date(2017, 6, 1)) or set())
    assert "NL" in (members_on(dt.date(2018, 6, 1)) or set())


@pytest.mark.parametrize("day", [dt.date(1990, 12, 31), dt.date(2027, 1, 1), dt.date(1965, 6, 1)])
def test_years_outside_the_table_are_not_guessed(day: dt.date) -> None:
    assert members_on(day) is None


def test_every_member_named_in_a_bundled_vote_sat_on_the_council_that_day(bundled: list[Regime]) -> None:
    checked = 0
    for regime in bundled:
        for event in regime.events:
            members = members_on(event.date)
            if members is None:
                continue
            checked += bool(event.votes)
            assert set(event.votes) | set(event.vetoed_by) <= members, (regime.id, event.date, event.document)
    assert checked > 10
