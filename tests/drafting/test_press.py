"""Reading a press release into sentences (`sanctions.drafting.press`): hostile shapes are read in one pass."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from sanctions.cli.app import app
from sanctions.drafting.press import (
    MAX_TEXT_CHARS,
    members_named_at,
    page_text,
    read_page,
    read_press_release,
    sentences_of,
)
from sanctions.drafting.terms import _VERB_AT_END, _verb_at_end

PRESS = Path(__file__).parents[1] / "data" / "press"
runner = CliRunner()


def test_a_text_longer_than_any_release_is_refused_in_one_line() -> None:
    text = "The Security Council today adopted resolution 2999 (2030). " * (MAX_TEXT_CHARS // 50)
    result = runner.invoke(app, ["draft", "-", "--date", "2030-07-30"], input=text)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"sanctions: error: the text is {len(text):,} characters long, more than a press release holds "
        f"(at most {MAX_TEXT_CHARS:,}): give the release alone\n"
    )


def test_a_page_is_measured_by_its_visible_text_not_its_markup() -> None:
    page = "<html><head><script>" + "x" * (2 * MAX_TEXT_CHARS) + "</script></head><body><p>Text.</p></body></html>"
    assert read_page(page) == (["Text."], None)


@pytest.mark.parametrize(
    ("page", "text"),
    [
        # Tags and comments left open: read once each, never rescanned from every "<".
        ("<html><body><p>Hello</p>" + "<a " * 100_000, "Hello\n" + "<a " * 99_999 + "<a"),
        ("<html><body><p>Hello</p><!--" + " <p>x</p>" * 50_000, "Hello"),
        ("<html><body><p>Hello</p><script>" + "<p>x</p>" * 50_000, "Hello"),
        ('<html><body><p>a <svg class="i"/>b</p><nav>menu</nav><p>c &amp; d</p></body></html>', "a b\nc & d"),
        ("<html><body><p>menu</p><main><div>One</div><main>Two</main> Three</main></body></html>", "One\nTwo\nThree"),
    ],
)
def test_page_text_of_hostile_and_nested_markup(page: str, text: str) -> None:
    assert page_text(page)[0] == text


def test_the_first_canonical_address_is_the_pages() -> None:
    page = (
        "<html><head><meta content='https://e.org/b' property=og:url>"
        '<link href="https://e.org/a?x=1&amp;y=2" rel="canonical"></head><body><p>T</p></body></html>'
    )
    assert page_text(page) == ("T", "https://e.org/b")


def test_abbreviations_by_the_thousand_are_one_sentence() -> None:
    line = "Mr. X a. B " * 30_000 + "end. Next one."
    assert sentences_of(line) == [line[: -len(" Next one.")], "Next one."]


def test_members_are_read_from_a_position_in_a_long_text() -> None:
    text = "vetoed by " * 20_000 + "China and the Russian Federation, after a debate"
    assert members_named_at(text, len("vetoed by ") * 20_000) == ["CN", "RU"]
    assert members_named_at("China, " * 20_000 + "and France") == ["CN"] * 20_000 + ["FR"]


# The pattern the filler was once stripped with: right, but quadratic on long runs of dashes and commas.
_OLD_FILLER = re.compile(
    r"(?:[\s,\u2014\u2013-]|\bfor\s+(?:an?\s+)?(?:\w+\s+)?(?:\w+\s+)?(?:months?|years?))*$", re.IGNORECASE
)
_TOKENS = ["extended", "renewed", "for", "a", "an", "further", "one", "year", "months", "-", ",", " ", "\u2014", "x"]


@given(st.lists(st.sampled_from(_TOKENS), max_size=12).map(" ".join))
def test_the_verb_before_a_term_is_found_as_before(text: str) -> None:
    assert _verb_at_end(text) == bool(_VERB_AT_END.search(_OLD_FILLER.sub("", text)))


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_a_byte_order_mark_says_the_encoding(encoding: str, tmp_path: Path) -> None:
    text = "Côte d\u2019Ivoire — 9588th Meeting (AM)\r\nThe Security Council today adopted resolution 2999 (2030)."
    path = tmp_path / "release.txt"
    # The codecs named without a byte order write the mark themselves.
    path.write_bytes((text if encoding in ("utf-16", "utf-32", "utf-8-sig") else "\ufeff" + text).encode(encoding))
    assert read_press_release(str(path), None) == text


def test_a_utf16_release_drafts_as_its_utf8_copy(tmp_path: Path) -> None:
    name = "car-2023-07-27-sc15369.txt"
    (tmp_path / name).write_text((PRESS / name).read_text(encoding="utf-8"), encoding="utf-16")
    args = ["--date", "2023-07-27", "--url", "https://press.un.org/en/2023/sc15369.doc.htm"]
    utf16 = runner.invoke(app, ["draft", str(tmp_path / name), *args])
    utf8 = runner.invoke(app, ["draft", str(PRESS / name), *args])
    assert (utf16.exit_code, utf16.stdout, utf16.stderr) == (0, utf8.stdout, "")
    assert "document: S/RES/2693 (2023)" in utf16.stdout


def test_a_byte_order_mark_on_other_bytes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "release.txt"
    path.write_bytes(b"\xfe\xff\xd8\x00")  # UTF-16 BE's mark, then half a surrogate pair
    result = runner.invoke(app, ["draft", str(path)])
    assert (result.exit_code, result.stderr) == (
        2,
        f"sanctions: error: {path} begins with a UTF-16 byte order mark but is not UTF-16 text\n",
    )


def test_drafting_is_read_in_modules_of_at_most_600_lines() -> None:
    import sanctions

    folder = Path(sanctions.__file__).parent / "drafting"
    lengths = {name: len((folder / f"{name}.py").read_text(encoding="utf-8").splitlines()) for name in DRAFTING}
    assert max(lengths.values()) <= 600, lengths


DRAFTING = ("press", "extract", "terms", "draft", "insert")
