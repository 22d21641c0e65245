"""The loader: one broken file per failure mode, each with the exact message it must produce."""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctions.dataset.loader import data_dir, load_all, read_regime, scan
from sanctions.dataset.parse import parse_regime
from sanctions.errors import DataError, UsageError

BROKEN = Path(__file__).parents[1] / "data" / "broken"

EXPECTED = {
    "billion-laughs.yaml": "billion-laughs.yaml:3:4: anchors and aliases (&name, *name) are not allowed in "
    "regime files",
    "date-shape.yaml": "date-shape.yaml:9:11: events[0].date: expected a date like 2024-04-30, got '30/08/2023'",
    "deep-nesting.yaml": "deep-nesting.yaml:1:101: nested more than 100 levels deep: not a regime file",
    # 1,001 levels: libyaml (PyYAML 6.0.4) refuses 1,000 on its own, in its own words; ours come first.
    "deep-flow.yaml": "deep-flow.yaml:1:101: nested more than 100 levels deep: not a regime file",
    "control-character.yaml": "control-character.yaml:13:20: control character U+0000 is not allowed in regime "
    "files: delete it, or write it as an escape inside double quotes",
    "superscript-tally.yaml": "superscript-tally.yaml:13:36: events[0].vote.against: expected a whole number "
    "from 0 to 15, got '²'",
    "hidden-host.yaml": "hidden-host.yaml:13:15: events[0].sources[0]: 'https://evil.example\\@press.un.org/x' is not "
    "a plain web address (https://host/…, with no user name or backslash) or a UN symbol",
    "huge-tally.yaml": "huge-tally.yaml:13:36: events[0].vote.against: expected a whole number from 0 to 15, "
    "got '" + "9" * 60 + "…'",
    "negative-tally.yaml": "negative-tally.yaml:13:36: events[0].vote.against: expected a whole number from 0 to 15, "
    "got '-1'",
    "scalar.yaml": "scalar.yaml:1:1: regime: expected a mapping of keys to values, got 'just a sentence'",
    "alias.yaml": "alias.yaml:9:5: anchors and aliases (&name, *name) are not allowed in regime files",
    "bad-date.yaml": "bad-date.yaml:9:11: events[0].date: '2023-02-30' is not a real day "
    "(expected a date like 2024-04-30)",
    "bad-symbol.yaml": "bad-symbol.yaml:11:15: events[0].document: 'RES 2680' is not a UN document symbol "
    "like S/RES/2374 (2017), S/2023/638 or SC/15648",
    "binary.yaml": "binary.yaml:1:2: not UTF-8 text: save the file as UTF-8",
    "duplicate-event.yaml": "duplicate-event.yaml:14:5: duplicate event: modified S/RES/2680 (2023) on 2023-03-23",
    "derived-miscounted.yaml": "derived-miscounted.yaml:9:5: derived.panel: 12 months from 2010-03-19 is "
    "2011-03-19, not 2011-03-18",
    "derived-without-start.yaml": "derived-without-start.yaml:9:5: derived.panel: start with the stated term and "
    "the day it runs from, like '13 months from 2009-11-17, the day of adoption'",
    "duplicate-key.yaml": "duplicate-key.yaml:10:5: events[0]: duplicate key 'date'",
    "empty.yaml": "empty.yaml:1:1: empty file: expected a regime mapping",
    "effective-before-event.yaml": "effective-before-event.yaml:9:5: effective: 1994-09-28 is before the event "
    "(1994-09-29)",
    "renewed-while-suspended.yaml": "renewed-while-suspended.yaml:21:5: sets 'measures' while it is suspended: "
    "lift a suspension with a reinstated or terminated event",
    "suspended-by-modification.yaml": "suspended-by-modification.yaml:15:5: sets 'measures' to suspended: that is "
    "a suspended event, not kind 'modified'",
    "proposal-that-sets.yaml": "proposal-that-sets.yaml:8:5: modified S/RES/841 (1993): a regime that sets "
    "mandates names the resolution that established it (established_by)",
    "transferred-without-successor.yaml": "transferred-without-successor.yaml:15:5: sets a mandate to transferred: "
    "name the regime that carries it on (succeeded_by)",
    "expiry-before-event.yaml": "expiry-before-event.yaml:9:5: sets.measures: expiry 2023-01-01 is before "
    "the event (2023-03-23)",
    "list.yaml": "list.yaml:1:1: regime: expected a mapping of keys to values, got a list",
    "missing-title.yaml": "missing-title.yaml:9:5: events[0]: missing required key 'title'",
    "not-utf8.yaml": "not-utf8.yaml:1:8: not UTF-8 text: save the file as UTF-8",
    "number-date.yaml": "number-date.yaml:9:11: events[0].date: expected a date like 2024-04-30, got '20230223'",
    "old-council.yaml": "old-council.yaml:9:5: vote 13-0-0 adds up to 13, more than the Council's 11 members "
    "on 1960-03-23",
    "oversized-tally.yaml": "oversized-tally.yaml:9:5: vote 15-1-0 adds up to 16, more than the Council's 15 "
    "members on 2023-03-23",
    "python-tag.yaml": "python-tag.yaml:11:15: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' "
    "is not allowed in regime files",
    "shortened-renewal.yaml": "shortened-renewal.yaml:15:5: renewal moves the expiry of 'measures' back from "
    "2023-04-30 to 2023-04-01",
    "tally-mismatch.yaml": "tally-mismatch.yaml:9:5: votes list 1 'abstain' but the tally 15-0-0 has 0",
    "undeclared-mandate.yaml": "undeclared-mandate.yaml:9:5: sets: mandate 'panel' is not declared under "
    "mandates (declared: measures)",
    "unknown-key.yaml": "unknown-key.yaml:13:5: events[0]: unknown key 'expires' (expected one of: date, "
    "deadlines, derived, dispute, document, effective, kind, lapses, meeting, notes, penholders, press_release, "
    "sets, sources, summary, title, vetoed_by, vote, votes, would_have_set)",
    "unknown-kind.yaml": "unknown-kind.yaml:10:11: events[0].kind: unknown kind 'extended' (expected one of: "
    "established, renewed, modified, terminated, suspended, reinstated, lapsed, veto, failed-draft, designation, "
    "delisting, report, related)",
    "unknown-member.yaml": "unknown-member.yaml:14:17: events[0].vetoed_by[0]: 'XX' is not an ISO 3166 "
    "alpha-2 country code (like RU, US, FR)",
    "veto-not-permanent.yaml": "veto-not-permanent.yaml:9:5: vetoed_by: JP is not a permanent member "
    "(CN, FR, GB, RU, US)",
    "veto-voted-yes.yaml": "veto-voted-yes.yaml:9:5: vetoed_by: RU voted yes, not against",
    "long-short-label.yaml": (
        "long-short-label.yaml:7:37: mandates.measures.short: at most 32 characters, got 51"
        " (it stands in for the name where space is short)"
    ),
    "wrong-name.yaml": "wrong-name.yaml:1:1: id 'another-id' does not match the file name: rename it another-id.yaml",
}


# Files that are not YAML at all: where is ours (the parser's marks), why is the YAML library's
# wording, which a new release may change; the test holds only what is ours.
NOT_YAML = {
    "tabs.yaml": "tabs.yaml:10:1: not valid YAML: ",
    "not-yaml.yaml": "not-yaml.yaml:2:1: not valid YAML: ",
}


def test_every_broken_file_has_an_expected_message() -> None:
    assert sorted(p.name for p in BROKEN.glob("*.yaml")) == sorted([*EXPECTED, *NOT_YAML])


@pytest.mark.parametrize("name", sorted(NOT_YAML))
def test_not_yaml_names_the_place(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BROKEN)
    with pytest.raises(DataError) as caught:
        read_regime(Path(name))
    message = str(caught.value.problems[0])
    assert message.startswith(NOT_YAML[name])
    assert len(message) > len(NOT_YAML[name]) and "\n" not in message


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_file_message(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BROKEN)
    with pytest.raises(DataError) as caught:
        read_regime(Path(name))
    assert str(caught.value.problems[0]) == EXPECTED[name]


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: no 50 MB written to disk
    with pytest.raises(DataError) as caught:
        read_regime(path)
    assert str(caught.value) == f"{path}:1:1: file is 52,428,800 bytes; regime files are limited to 20 MiB"


def test_a_file_deleted_mid_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sanctions.dataset.loader as loader

    gone = tmp_path / "gone.yaml"
    monkeypatch.setattr(loader, "regime_files", lambda folder: [gone])
    with pytest.raises(DataError) as caught:
        load_all(tmp_path)
    assert str(caught.value) == f"{gone}:1:1: cannot read: No such file or directory"


def test_utf8_bom_loads(tmp_path: Path) -> None:
    text = (Path(__file__).parents[1] / "data" / "sample" / "testland.yaml").read_text(encoding="utf-8")
    path = tmp_path / "testland.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert read_regime(path).id == "testland"


def test_every_problem_is_reported_not_just_the_first() -> None:
    text = """
id: many
name: Many
committee: C
established_by: S/RES/1 (1946)
verified: 2023-13-01
mandates: {measures: {name: M}}
events:
  - {date: 2023-02-30, kind: renewed, document: S/RES/1 (2023), title: T, sources: [https://x.org]}
  - {date: 2023-01-01, kind: nonsense, document: X, title: T, sources: [https://x.org]}
"""
    with pytest.raises(DataError) as caught:
        parse_regime(text, "many.yaml")
    messages = [p.message for p in caught.value.problems]
    assert messages == [
        "events[0].date: '2023-02-30' is not a real day (expected a date like 2024-04-30)",
        "events[1].kind: unknown kind 'nonsense' (expected one of: established, renewed, modified, terminated, "
        "suspended, reinstated, lapsed, veto, failed-draft, designation, delisting, report, related)",
        "events[1].document: 'X' is not a UN document symbol like S/RES/2374 (2017), S/2023/638 or SC/15648",
        "verified: '2023-13-01' is not a real day (expected a date like 2024-04-30)",
    ]


def test_error_message_counts_the_rest() -> None:
    with pytest.raises(DataError) as caught:
        parse_regime("id: x\n", "x.yaml")
    assert str(caught.value).startswith("x.yaml:1:1: regime: missing required key 'committee' (and ")
    assert str(caught.value).endswith(" more: run 'sanctions validate')")


def test_two_files_claiming_one_alias(tmp_path: Path) -> None:
    sample = (Path(__file__).parents[1] / "data" / "sample" / "testland.yaml").read_text(encoding="utf-8")
    (tmp_path / "testland.yaml").write_text(sample, encoding="utf-8")
    twin = sample.replace("id: testland", "id: twin").replace('aliases: ["9999", test]', "aliases: [test]")
    (tmp_path / "twin.yaml").write_text(twin, encoding="utf-8")
    _, problems = scan(tmp_path)
    assert [p.message for p in problems] == [
        f"'test' already names regime 'testland' ({tmp_path / 'testland.yaml'}:2:1)"
    ]


def test_data_dir_must_exist(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="does not exist"):
        data_dir(tmp_path / "missing")


def test_empty_data_dir_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"no regime files \(\*\.yaml\)"):
        load_all(tmp_path)


def test_data_env_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SANCTIONS_DATA", str(tmp_path))
    assert data_dir() == tmp_path


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_load_or_raise_the_domain_error(raw: bytes) -> None:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return
    with contextlib.suppress(DataError):
        parse_regime(text, "fuzz.yaml")


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20) | st.dates().map(str),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["id", "name", "events", "mandates", "verified", "x"]), yaml_values))
def test_any_yaml_document_loads_or_raises_the_domain_error(document: dict[str, object]) -> None:
    import yaml

    with contextlib.suppress(DataError):
        parse_regime(yaml.safe_dump(document), "fuzz.yaml")


def test_progress_is_told_after_each_file(tmp_path: Path) -> None:
    import shutil

    for name in ("one", "two"):
        text = (Path(__file__).parents[1] / "data" / "sample" / "testland.yaml").read_text(encoding="utf-8")
        text = text.replace("id: testland", f"id: {name}").replace('aliases: ["9999", test]', "aliases: []")
        (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
    seen: list[tuple[int, int]] = []
    load_all(tmp_path, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 2), (2, 2)]
    shutil.rmtree(tmp_path)


def test_depth_is_ours_when_the_yaml_library_composes_it() -> None:
    # 150 levels: every libyaml composes this; the limit and the words are ours.
    with pytest.raises(DataError) as caught:
        parse_regime("regime: " + "[" * 150 + "]" * 150 + "\n", "deep.yaml")
    assert str(caught.value) == "deep.yaml:1:108: nested more than 100 levels deep: not a regime file"


def _not_regular(folder: Path, kind: str) -> Path:
    path = folder / "odd.yaml"
    if kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "dangling":
        path.symlink_to(folder / "gone.yaml")
    else:
        path.symlink_to(folder / "loop.yaml")
        (folder / "loop.yaml").symlink_to(path)
    return path


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("folder", "cannot read: it is a folder, not a regime file"),
        ("fifo", "cannot read: it is a named pipe (FIFO), not a regime file"),
        ("dangling", "cannot read: a symbolic link to {folder}/gone.yaml, which does not exist"),
        ("loop", "cannot read: a symbolic link loop"),
    ],
)
def test_a_yaml_name_that_is_not_a_file_is_a_problem_not_skipped(kind: str, message: str, tmp_path: Path) -> None:
    shutil.copy(Path(__file__).parents[1] / "data" / "sample" / "testland.yaml", tmp_path)
    path = _not_regular(tmp_path, kind)
    regimes, problems = scan(tmp_path)
    assert [r.id for r in regimes] == ["testland"]
    assert [str(p) for p in problems if "loop.yaml" not in str(p)] == [
        f"{path}:1:1: " + message.format(folder=tmp_path)
    ]


def test_hidden_yaml_names_are_not_regime_files(tmp_path: Path) -> None:
    shutil.copy(Path(__file__).parents[1] / "data" / "sample" / "testland.yaml", tmp_path)
    (tmp_path / ".#testland.yaml").symlink_to("someone@host.1234")  # an editor's lock file
    assert scan(tmp_path)[1] == []


def test_a_successor_must_be_a_regime_of_the_same_folder(tmp_path: Path) -> None:
    history = Path(__file__).parents[1] / "data" / "history"
    (tmp_path / "oldland.yaml").write_bytes((history / "oldland.yaml").read_bytes())
    regimes, problems = scan(tmp_path)
    assert [r.id for r in regimes] == ["oldland"]
    assert [str(p) for p in problems] == [
        f"{tmp_path / 'oldland.yaml'}:4:1: succeeded_by: no regime file 'newland.yaml' in this folder"
    ]
    (tmp_path / "newland.yaml").write_bytes((history / "newland.yaml").read_bytes())
    assert scan(tmp_path)[1] == []
