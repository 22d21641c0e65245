"""The bundled regime files: internally consistent, and in agreement with the UN library's tables."""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
from pathlib import Path

import pytest

from sanctions.analysis.mandates import Status, mandate_status
from sanctions.council import members
from sanctions.dataset.loader import data_dir, regime_files, scan
from sanctions.dataset.model import Kind, Position, Regime
from sanctions.dataset.symbols import RESOLUTION

# The UN library's tables, kept in the repository (tests/reference/README.md says where from).
REFERENCE = Path(os.environ.get("SANCTIONS_REFERENCE") or Path(__file__).parent / "reference")
REFERENCE_ENDS = dt.date(2022, 6, 30)
PERMANENT_NAMES = {"China": "CN", "France": "FR", "Russian Federation": "RU", "USSR": "SU", "UK": "GB", "USA": "US"}

# Flaws of the reference itself (its README lists them); each is asserted to still be there.
KNOWN_VOTE_FLAWS = {
    # The 2022 table prints the DPRK veto as 13-0-2; the vote was 13 in favour, 2 against.
    "S/PV.9048": ("13-0-2", "13-2-0"),
    # The 2017 table prints no outcome for the Syria veto of S/2017/172; SC/12737 gives 9-3-3.
    "S/PV.7893": ("", "9-3-3"),
}


def test_bundled_files_have_no_problems() -> None:
    regimes, problems = scan(data_dir())
    assert [str(p) for p in problems] == []
    assert {r.id for r in regimes} == {p.stem for p in regime_files(data_dir())}


def test_every_event_names_a_source(bundled: list[Regime]) -> None:
    for regime in bundled:
        for event in regime.events:
            assert event.sources, f"{regime.id} {event.date} {event.document}"


def test_expiries_only_move_forward_with_renewals(bundled: list[Regime]) -> None:
    for regime in bundled:
        for key in regime.mandates:
            last: dt.date | None = None
            for event in regime.events:
                value = event.sets.get(key)
                if isinstance(value, dt.date):
                    if event.kind is Kind.RENEWED and last is not None:
                        assert value >= last, f"{regime.id} {key} {event.document}"
                    last = value


def test_vetoes_name_permanent_members_who_voted_against(bundled: list[Regime]) -> None:
    for regime in bundled:
        for event in regime.events:
            if event.kind is Kind.VETO:
                assert event.vetoed_by and event.vote is not None
                assert len(event.vetoed_by) <= event.vote.against
                for code in event.vetoed_by:
                    assert code in members.PERMANENT
                    assert event.votes.get(code, Position.AGAINST) is Position.AGAINST


def test_tallies_fit_the_council_and_agree_with_member_votes(bundled: list[Regime]) -> None:
    for regime in bundled:
        for event in regime.events:
            if event.vote is None:
                continue
            assert event.vote.total <= members.council_size(event.date)
            counts = {p: list(event.votes.values()).count(p) for p in Position}
            assert counts[Position.YES] <= event.vote.in_favour
            assert counts[Position.AGAINST] <= event.vote.against
            assert counts[Position.ABSTAIN] <= event.vote.abstaining
            if len(event.votes) == event.vote.total:
                assert (counts[Position.YES], counts[Position.AGAINST], counts[Position.ABSTAIN]) == (
                    event.vote.in_favour,
                    event.vote.against,
                    event.vote.abstaining,
                )


def test_no_mandate_is_renewed_after_it_ended(bundled: list[Regime]) -> None:
    for regime in bundled:
        for event in regime.events:
            for key in event.sets:
                status = mandate_status(regime, key, event.date - dt.timedelta(days=1))
                if event.kind is Kind.RENEWED:
                    assert status.status.in_force, (
                        f"{regime.id} {key} renewed by {event.document} while {status.status}"
                    )


# --- agreement with the UN Dag Hammarskjöld Library's tables -------------------------------------


def _reference(name: str) -> list[dict[str, str]]:
    path = REFERENCE / name
    assert path.is_file(), f"reference table {path} is missing: set SANCTIONS_REFERENCE to the folder holding it"
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def meetings() -> dict[str, dict[str, str]]:
    by_resolution: dict[str, dict[str, str]] = {}
    for row in _reference("dhl-meetings-1946-2022.csv"):
        for symbol in filter(None, row["resolutions"].split(";")):
            # The table sometimes drops the space: "S/RES/2141(2014)".
            by_resolution[re.sub(r"\s*\(", " (", symbol.strip())] = row
    return by_resolution


# The veto list sometimes appends to a draft's symbol what the symbol shapes leave out:
# "S/9696 and Corr.1 & 2", "S/10805/Rev.1 (as amended)", "S/15255/Rev.2(as corrected)".
DRAFT_SUFFIX = re.compile(r"\s*(?:and Corr\..*|\((?:as amended|as corrected)\))$")


@pytest.fixture(scope="module")
def vetoes() -> dict[str, dict[str, str]]:
    return {DRAFT_SUFFIX.sub("", row["draft"]): row for row in _reference("dhl-vetoes-1946-2022.csv")}


def _meeting(symbol: str) -> str:
    """The table appends corrigenda to some records ("S/PV.5015+Corr.1") and the part of a meeting held over
    several days ("S/PV.4820 | (Part II)"); the record is the part before."""
    return symbol.split("+", 1)[0].split(" | ", 1)[0]


LAST_IN_REFERENCE = 2640  # the tables run to S/RES/2640 (2022) of 29 June 2022
# Resolutions within that range that the tables do not list, with the reason; each is asserted absent.
KNOWN_MISSING: dict[str, str] = {
    # The 1990 table prints the resolution adopted at S/PV.2939 (13 September 1990) as "S/RES/663 (1990)".
    "S/RES/666 (1990)": "printed as S/RES/663 (1990) in the row of S/PV.2939",
}
# Resolutions whose own date differs from the date the tables give their meeting (a meeting that ran
# past midnight): the resolution's date stands. Symbol -> (the table's date, the source of ours).
KNOWN_DATE_DIFFERENCES: dict[str, tuple[str, str]] = {
    "S/13735": ("1980-01-11", "the vote of 13 January 1980 (FRUS 1977-80 vol. XI, doc. 147) ended meeting 2191"),
    # The night meeting of 16-17 May 1994; the resolution's header reads "on 17 May 1994".
    "S/RES/918 (1994)": ("1994-05-16", "http://old.radicali.it/search_view.php?id=21713"),
}


def test_adopted_resolutions_agree_with_the_reference(
    bundled: list[Regime], meetings: dict[str, dict[str, str]]
) -> None:
    checked = 0
    for regime in bundled:
        for event in regime.events:
            number = RESOLUTION.fullmatch(event.document)
            if number is None or int(number.group(1)) > LAST_IN_REFERENCE:
                continue
            if event.kind in (Kind.LAPSED, Kind.REPORT):
                continue
            row = meetings.get(event.document)
            label = f"{regime.id} {event.document}"
            if event.document in KNOWN_MISSING:
                assert row is None, f"{label} is in the table now: drop it from KNOWN_MISSING"
                continue
            assert row is not None, f"{label} is not in the reference table"
            table_date = KNOWN_DATE_DIFFERENCES.get(event.document, (event.date.isoformat(), ""))[0]
            assert row["date"] == table_date, label
            # Written procedure (2020-21) has no meeting record: the table prints "--".
            assert (_meeting(row["meeting"]) if row["meeting"] != "--" else None) == event.meeting, label
            if event.press_release and row["press_release"]:
                assert row["press_release"] == event.press_release, label
            if event.vote is not None:
                assert str(event.vote) in row["votes"].split(";"), label
            checked += 1
    assert checked >= 28  # Mali and DPRK alone hold 28: the check is never vacuous


def test_meeting_records_agree_with_the_reference(bundled: list[Regime]) -> None:
    # A meeting held over several days (suspended and resumed) has one row per day.
    dates: dict[str, set[str]] = {}
    for row in _reference("dhl-meetings-1946-2022.csv"):
        if row["meeting"] != "--":
            dates.setdefault(_meeting(row["meeting"]), set()).add(row["date"])
    checked = 0
    for regime in bundled:
        for event in regime.events:
            if event.meeting is None or event.date > REFERENCE_ENDS or event.kind is Kind.LAPSED:
                continue
            table_date = KNOWN_DATE_DIFFERENCES.get(event.document, (event.date.isoformat(), ""))[0]
            assert table_date in dates.get(event.meeting, set()), f"{regime.id} {event.meeting} {event.date}"
            checked += 1
    assert checked >= 25


def test_vetoes_agree_with_the_reference(bundled: list[Regime], vetoes: dict[str, dict[str, str]]) -> None:
    meeting_votes = {row["meeting"]: row["votes"] for row in _reference("dhl-meetings-1946-2022.csv")}
    checked = 0
    for regime in bundled:
        for event in regime.events:
            if event.kind is not Kind.VETO or event.date > REFERENCE_ENDS:
                continue
            row = vetoes.get(event.document)
            assert row is not None, f"{regime.id}: veto of {event.document} is not in the reference table"
            if row["date"]:
                assert row["date"] == event.date.isoformat()
            else:  # a meeting over several days: "11-13 January 1980"
                assert row["date_text"].endswith(f"-{event.date.day} {event.date:%B %Y}"), row["date_text"]
            assert row["meeting"] == event.meeting
            assert sorted(PERMANENT_NAMES[m] for m in row["members"].split(";")) == sorted(event.vetoed_by)
            printed = meeting_votes[row["meeting"]]
            flaw = KNOWN_VOTE_FLAWS.get(row["meeting"])
            if flaw is not None:
                assert (printed, str(event.vote)) == flaw
            else:
                assert str(event.vote) in printed.split(";")
            checked += 1
    assert checked >= 1


# --- the facts every user checks first ------------------------------------------------------------


def _regime(bundled: list[Regime], regime_id: str) -> Regime:
    return next(r for r in bundled if r.id == regime_id)


def test_dprk_panel_expiring_on_1_april_2024(bundled: list[Regime]) -> None:
    dprk = _regime(bundled, "dprk")
    panel = mandate_status(dprk, "panel", dt.date(2024, 4, 1))
    assert (panel.status, panel.expires, panel.days_left) == (Status.EXPIRING, dt.date(2024, 4, 30), 29)
    assert mandate_status(dprk, "measures", dt.date(2024, 4, 1)).status is Status.OPEN_ENDED


def test_dprk_panel_lapsed_by_the_2024_veto(bundled: list[Regime]) -> None:
    panel = mandate_status(_regime(bundled, "dprk"), "panel", dt.date(2024, 5, 1))
    assert panel.status is Status.LAPSED
    assert panel.ended_by is not None
    assert (panel.ended_by.date, panel.ended_by.vetoed_by) == (dt.date(2024, 3, 28), ("RU",))
    assert panel.ended_by.would_have_set == {"panel": dt.date(2025, 4, 30)}


def test_mali_on_15_september_2023(bundled: list[Regime]) -> None:
    mali = _regime(bundled, "mali")
    measures = mandate_status(mali, "measures", dt.date(2023, 9, 15))
    panel = mandate_status(mali, "panel", dt.date(2023, 9, 15))
    assert measures.status is Status.LAPSED and measures.ended_by is not None
    assert measures.ended_by.vetoed_by == ("RU",)
    assert (panel.status, panel.days_left) == (Status.EXPIRING, 15)


def test_mali_2531_records_all_fifteen_letters(bundled: list[Regime]) -> None:
    event = next(e for e in _regime(bundled, "mali").events if e.document == "S/RES/2531 (2020)")
    assert len(event.votes) == 15 and set(event.votes.values()) == {Position.YES}


# --- every veto on a sanctions matter is recorded ----------------------------------------------------

# The agenda items of the UN library's veto table that concern a country or matter the bundled
# regimes cover; a veto under one of them is recorded in a regime file or listed below with why not.
SANCTIONS_AGENDAS = re.compile(
    r"Rhodesia|South Africa|Namibia|Angola|Iraq|Kuwait|Yugoslav|Bosnia|Kosovo|Libya|Haiti|Liberia|Somalia"
    r"|Sudan|Rwanda|Sierra Leone|Eritrea|Ethiopia|Ivoire|Congo|Lebanon|Korea|Iran|Mali|Yemen|Afghanistan"
    r"|Guinea-Bissau|Central African|terroris|Syria|Zimbabwe|Myanmar|Venezuela",
    re.IGNORECASE,
)
# Vetoes under those agendas that are not on a sanctions matter, or whose draft no source read
# showed to be: draft -> the reason, from the notes of the regime file that considered it.
NOT_SANCTIONS_VETOES: dict[str, str] = {
    "S/2007/14": "Myanmar: an end to attacks on civilians, the release of political prisoners and a dialogue; "
    "no measures (https://press.un.org/en/2007/sc8939.doc.htm)",
    "S/2019/186": "Venezuela: free and fair presidential elections and humanitarian access; no measures "
    "(https://press.un.org/en/2019/sc13725.doc.htm)",
    "S/17796/Rev.1": "condemning Israel's interception of a Libyan civilian aircraft (agenda: a letter from "
    "Syria; https://www.questia.com/read/1G1-4330005/text-condemning-israel-for-interception-and-detention)",
    "S/2014/348": "referral of the situation in Syria to the International Criminal Court "
    "(https://press.un.org/en/2014/sc11407.doc.htm)",
    "S/2012/77": "support for the Arab League plan of 22 January 2012, no sanctions or Article 41 measures "
    "(https://press.un.org/en/2012/sc10536.doc.htm)",
    "S/11543": "South Africa's expulsion under Article 6 of the Charter, not sanctions "
    "(https://paperspast.natlib.govt.nz/newspapers/CHP19741026.2.105)",
    "S/1994/1358": "no source read says it would have imposed or changed the sanctions: it sought to stop "
    "Yugoslav fuel supplies to the Bihac offensive by border controls "
    "(https://scholar.lib.vt.edu/VA-news/VA-Pilot/issues/1994/vp941203/12030254.htm)",
    "S/2020/852": "prosecution and reintegration of foreign terrorist fighters, no measures "
    "(https://usun.usmission.gov/explanation-of-vote-on-a-un-security-council-draft-resolution-on-threats-to-"
    "international-peace-and-security-caused-by-terrorist-acts/)",
    "S/2015/508": "the Srebrenica genocide commemoration (http://en.chinagate.cn/2015-07/09/content_36014814.htm)",
    "S/2002/712": "UNMIBH and SFOR renewal, vetoed over the International Criminal Court "
    "(http://unis.unvienna.org/unis/en/pressrels/2002/sc7441.html)",
    "S/1999/201": "UNPREDEP's extension in the former Yugoslav Republic of Macedonia "
    "(https://press.un.org/en/1999/19990225.sc6648.html)",
    "S/20378": "deploring the downing of two Libyan aircraft by the United States "
    "(https://www.latimes.com/archives/la-xpm-1989-01-12-mn-255-story.html)",
    "S/18016/Rev.1": "condemning the United States attack on Tripoli and Benghazi "
    "(https://www.latimes.com/archives/la-xpm-1986-04-22-mn-1440-story.html)",
    "S/15966/Rev.1": "the shooting down of Korean Air Lines flight 007 (agenda: letters from the USA, the "
    "Republic of Korea, Canada and Japan; https://docslib.org/doc/9163819/keesings-world-news-archives)",
    "S/14664/Rev.2": "Angola's complaint against South Africa: the paragraph imposing mandatory sanctions was "
    "removed before the vote (Reuter, The Press, 2 September 1981; regimes/south-africa.yaml notes)",
    "S/12110": "the admission of Angola to the United Nations (the table's agenda item)",
    "S/12022": "the situation in the occupied Arab territories (the table's agenda item)",
    "S/10423": "a ceasefire in the India-Pakistan war of 1971 (https://bdesh.com/show_article.php?article_id=1443)",
    "S/10416": "a ceasefire in the India-Pakistan war of 1971 (http://1971.bdesh.com/show_article.php?article_id=1430)",
}


def test_every_veto_on_a_sanctions_matter_since_1963_is_recorded(bundled: list[Regime]) -> None:
    recorded = {event.document for regime in bundled for event in regime.events if event.kind is Kind.VETO}
    considered = [
        (row["date_text"], DRAFT_SUFFIX.sub("", row["draft"]), row["agenda"])
        for row in _reference("dhl-vetoes-1946-2022.csv")
        if SANCTIONS_AGENDAS.search(row["agenda"]) and (row["date"] or "1963") >= "1963"
    ]
    missing = [row for row in considered if row[1] not in recorded and row[1] not in NOT_SANCTIONS_VETOES]
    assert missing == []
    assert not set(NOT_SANCTIONS_VETOES) & recorded, "a veto listed as not on sanctions is recorded"
    assert set(NOT_SANCTIONS_VETOES) <= {draft for _, draft, _ in considered}


# --- the catalogue against the UN's own count ----------------------------------------------------

# "Since 1966, the Security Council has established 30 sanctions regimes, in Southern Rhodesia, South
# Africa, the former Yugoslavia (2), Haiti, Iraq (2), Angola, Rwanda, Sierra Leone, Somalia and
# Eritrea, Eritrea and Ethiopia, Liberia (3), DRC, Côte d'Ivoire, Sudan, Lebanon, DPRK, Iran, Libya
# (2), Guinea-Bissau, CAR, Yemen, South Sudan and Mali, as well as against ISIL (Da'esh) and
# Al-Qaida and the Taliban" (the Council's sanctions page as of 27 September 2019, in a copy at
# https://www.scribd.com/document/433505675/US-Sanction), and the files that hold each.
UN_COUNT_2019 = {
    "Southern Rhodesia": ["southern-rhodesia"],
    "South Africa": ["south-africa"],
    "the former Yugoslavia (2)": ["former-yugoslavia", "kosovo"],
    "Haiti": ["haiti-1993"],
    "Iraq (2)": ["iraq-1990", "iraq"],
    "Angola": ["angola-unita"],
    "Rwanda": ["rwanda"],
    "Sierra Leone": ["sierra-leone"],
    "Somalia and Eritrea": ["al-shabaab", "eritrea"],  # one committee, 751/1907; a file per country
    "Eritrea and Ethiopia": ["eritrea-ethiopia"],
    "Liberia (3)": ["liberia-1992", "liberia-2001", "liberia-2003"],
    "DRC": ["drc"],
    "Côte d'Ivoire": ["cote-divoire"],
    "Sudan": ["sudan"],
    "Lebanon": ["lebanon"],
    "DPRK": ["dprk"],
    "Iran": ["iran"],
    "Libya (2)": ["libya-1992", "libya"],
    "Guinea-Bissau": ["guinea-bissau"],
    "CAR": ["car"],
    "Yemen": ["yemen"],
    "South Sudan": ["south-sudan"],
    "Mali": ["mali"],
    "ISIL (Da'esh) and Al-Qaida": ["isil-al-qaida"],
    "the Taliban": ["taliban"],
}
# Files beyond that count: a regime established after 2019, and measures the UN does not count as a
# regime of their own (no committee was set up for them).
AFTER_THE_COUNT = {
    "haiti": "resolution 2653 (2022)",
    "sudan-1996": "resolution 1054 (1996), no committee",
    "syria": "never established: the drafts of 2011, 2012 and 2017 were vetoed",
    "zimbabwe": "never established: the draft of 2008 was vetoed",
}


def test_the_catalogue_holds_every_regime_the_un_counts(bundled: list[Regime]) -> None:
    counted = sum(int(m[1]) if (m := re.search(r"\((\d)\)$", name)) else 1 for name in UN_COUNT_2019)
    assert counted == 30
    expected = {regime_id for ids in UN_COUNT_2019.values() for regime_id in ids} | set(AFTER_THE_COUNT)
    assert {regime.id for regime in bundled} == expected
