"""Council members by the codes and names people type, and the hint for a member without a veto."""

from __future__ import annotations

import datetime as dt

import pytest

from sanctions.council.members import council_size, find_member, veto_hint


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("RU", "RU"),
        ("ru", "RU"),
        ("RUS", "RU"),
        ("Russia", "RU"),
        ("Russian Federation", "RU"),
        ("russian  federation", "RU"),
        ("UK", "GB"),
        ("U.K.", "GB"),
        ("the UK", "GB"),
        ("GBR", "GB"),
        ("Britain", "GB"),
        ("Great Britain", "GB"),
        ("United Kingdom", "GB"),
        ("United Kingdom of Great Britain and Northern Ireland", "GB"),
        ("USA", "US"),
        ("usa", "US"),
        ("U.S.", "US"),
        ("U.S.A.", "US"),
        ("the United States", "US"),
        ("United States of America", "US"),
        ("America", "US"),
        ("China", "CN"),
        ("People's Republic of China", "CN"),
        ("PRC", "CN"),
        ("prc", "CN"),
        ("ROC", "CN"),
        ("Republic of China", "CN"),
        ("Russian Federation", "RU"),
        ("France", "FR"),
        ("French Republic", "FR"),
        ("Soviet Union", "SU"),
        ("USSR", "SU"),
        ("SU", "SU"),
        ("Yugoslavia", "YU"),
        ("Japan", "JP"),
        ("Saint Vincent and the Grenadines", "VC"),
        ("Cote d\u2019Ivoire", "CI"),
        ("Turkey", "TR"),
    ],
)
def test_members_people_type(typed: str, code: str) -> None:
    assert find_member(typed) == code


@pytest.mark.parametrize("typed", ["atlantis", "", "U", "Korea"])
def test_unknown_members(typed: str) -> None:
    assert find_member(typed) is None


@pytest.mark.parametrize("code", ["CN", "FR", "GB", "RU", "US", "SU"])
def test_a_permanent_member_needs_no_hint(code: str) -> None:
    assert veto_hint(code) is None


def test_a_non_permanent_member_is_told_why_it_has_no_vetoes() -> None:
    assert veto_hint("JP") == (
        "Japan (JP) is not a permanent member and has no veto: 'sanctions votes REGIME --member JP' shows how it voted"
    )


@pytest.mark.parametrize(
    ("day", "seats"),
    [
        (dt.date(1963, 9, 13), 11),
        (dt.date(1965, 8, 31), 11),  # the amendment entered into force; the new seats were not yet filled
        (dt.date(1965, 12, 31), 11),
        (dt.date(1966, 1, 1), 15),
        (dt.date(1966, 4, 9), 15),
    ],
)
def test_council_size_is_eleven_until_the_end_of_1965(day: dt.date, seats: int) -> None:
    assert council_size(day) == seats


def test_a_member_not_found_is_a_usage_error() -> None:
    import pytest

    from sanctions.council.members import member_code
    from sanctions.errors import UsageError

    assert member_code("PRC") == "CN"
    with pytest.raises(UsageError, match="unknown member 'atlantis'"):
        member_code("atlantis")


def test_per_member_summaries_list_the_permanent_members_first_then_by_votes() -> None:
    from sanctions.council.members import by_seat_then_votes

    counted = [("JP", 2), ("US", 1), ("EC", 1), ("CN", 9), ("MT", 3), ("SU", 1), ("GB", 4)]
    assert by_seat_then_votes(counted) == ["CN", "SU", "GB", "US", "MT", "JP", "EC"]
