"""Regime lookups: the names people type, and what an unknown name is told."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sanctions.analysis.catalogue import find_regime, select
from sanctions.dataset.model import Regime
from sanctions.errors import UsageError


@pytest.mark.parametrize(
    ("typed", "regime"),
    [
        ("mali", "mali"),
        ("MALI", "mali"),
        ("mali-2374", "mali"),
        ("Mali 2374", "mali"),
        ("dprk", "dprk"),
        ("North Korea", "dprk"),
        ("north_korea", "dprk"),
        ("Democratic People's Republic of Korea", "dprk"),
        ("democratic people\u2019s republic of korea", "dprk"),
        ("Al Shabaab", "al-shabaab"),
        ("Al-Shabaab (formerly Somalia)", "al-shabaab"),
        ("the Taliban", "taliban"),
        ("guinea bissau", "guinea-bissau"),
        ("Central African Republic", "car"),
        ("Sudan (Darfur)", "sudan"),
        ("ISIL (Da'esh) and Al-Qaida", "isil-al-qaida"),
        # the committee, by its full name or as people call it
        ("Security Council Committee established pursuant to resolution 2374 (2017) concerning Mali", "mali"),
        ("security council committee established pursuant to resolution 1718 (2006)", "dprk"),
        ("1718 Committee", "dprk"),
        ("the 1718 committee", "dprk"),
        # the establishing resolution, in every usual form
        ("2374", "mali"),
        ("S/RES/2374", "mali"),
        ("s/res/2374", "mali"),
        ("2374 (2017)", "mali"),
        ("S/RES/2374 (2017)", "mali"),
        ("S/RES/2374(2017)", "mali"),
        ("resolution 2374", "mali"),
        (" 1718 ", "dprk"),
        # a numeric alias the file declares, in the same forms
        ("2713", "al-shabaab"),
        ("S/RES/2713 (2023)", "al-shabaab"),
        ("751", "al-shabaab"),
        ("2231 (2015)", "iran"),
    ],
)
def test_names_people_type(bundled: list[Regime], typed: str, regime: str) -> None:
    assert find_regime(bundled, typed).id == regime


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("mal", "unknown regime 'mal' — did you mean 'mali'?"),
        ("north koreaa", "unknown regime 'north koreaa' — did you mean 'dprk'?"),
        ("../../etc/passwd", "unknown regime '../../etc/passwd' — run 'sanctions regimes' to list them"),
        ("9999", "unknown regime '9999' — run 'sanctions regimes' to list them"),
        (
            "S/RES/2374 (2016)",
            "unknown regime 'S/RES/2374 (2016)' — resolution 2374 is S/RES/2374 (2017): did you mean 'mali'?",
        ),
        (
            "2649",
            "unknown regime '2649' — S/RES/2649 (2022) is a later decision of 'mali', established by "
            "S/RES/2374 (2017): did you mean 'mali'?",
        ),
        (
            "S/RES/2680 (2023)",
            "unknown regime 'S/RES/2680 (2023)' — S/RES/2680 (2023) is a later decision of 'dprk', established by "
            "S/RES/1718 (2006): did you mean 'dprk'?",
        ),
    ],
)
def test_unknown_names_say_what_to_type(bundled: list[Regime], typed: str, message: str) -> None:
    with pytest.raises(UsageError) as refused:
        find_regime(bundled, typed)
    assert str(refused.value) == message


def test_a_resolution_two_regimes_cite_names_both(sample: Regime) -> None:
    twin = replace(sample, id="twinland", name="Twinland", aliases=(), committee="Twin committee")
    with pytest.raises(UsageError) as refused:
        find_regime([sample, twin], "9998")
    assert str(refused.value) == "unknown regime '9998' — resolution 9998 is a decision of testland, twinland: name one"


def test_an_id_or_alias_wins_over_another_regimes_name(sample: Regime) -> None:
    named_test = replace(sample, id="other", name="Test", aliases=(), committee="Other committee")
    assert find_regime([named_test, sample], "test").id == "testland"
    assert find_regime([named_test, sample], "other").id == "other"


def test_select_keeps_order_without_repeats(bundled: list[Regime]) -> None:
    assert [r.id for r in select(bundled, ["North Korea", "2374", "dprk", "S/RES/1718 (2006)"])] == ["dprk", "mali"]
    assert select(bundled, None) == bundled


@pytest.mark.parametrize(
    ("typed", "as_of", "regime"),
    [
        ("libya", "2000-01-01", "libya-1992"),  # suspended, not ended: still the regime of that day
        ("libya", "2024-01-01", "libya"),
        ("Libya", "1995-06-01", "libya-1992"),
        ("liberia", "1995-06-01", "liberia-1992"),
        ("liberia", "2002-06-01", "liberia-2001"),
        ("liberia", "2005-01-01", "liberia-2003"),
        ("haiti", "1994-01-01", "haiti-1993"),
        ("haiti", "2024-01-01", "haiti"),
        ("iraq", "2000-01-01", "iraq-1990"),
        ("iraq", "2005-01-01", "iraq"),
        ("sudan", "2000-01-01", "sudan-1996"),
        ("sudan", "2010-01-01", "sudan"),
        ("libya-1992", "2024-01-01", "libya-1992"),  # an id names one regime whatever the date
        ("1970", "2000-01-01", "libya"),
        ("mali", "2000-01-01", "mali"),
    ],
)
def test_a_shared_name_means_the_regime_in_force_on_the_date(
    bundled: list[Regime], typed: str, as_of: str, regime: str
) -> None:
    import datetime as dt

    from sanctions.analysis.catalogue import find_regime_on

    assert find_regime_on(bundled, typed, dt.date.fromisoformat(as_of)) == (find_regime(bundled, regime), "")


def test_where_no_regime_of_a_shared_name_was_in_force_the_note_names_them_all(bundled: list[Regime]) -> None:
    import datetime as dt

    from sanctions.analysis.catalogue import find_regime_on, sharing

    assert [r.id for r in sharing(bundled, "liberia")] == ["liberia-1992", "liberia-2001", "liberia-2003"]
    assert sharing(bundled, "mali") == [] and sharing(bundled, "south-sudan") == []
    regime, note = find_regime_on(bundled, "libya", dt.date(2005, 1, 1))
    assert regime.id == "libya-1992"
    assert note == (
        "no regime named 'libya' was in force on 2005-01-01: libya-1992 (1992-03-31 to 2003-09-12), "
        "libya (from 2011-02-26); showing libya-1992"
    )
    regime, note = find_regime_on(bundled, "sudan", dt.date(1990, 1, 1))
    assert regime.id == "sudan-1996" and note.endswith("; showing sudan-1996")
