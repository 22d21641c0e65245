"""The HTML export in a real browser: every page opened in headless Chromium and its rendered DOM read back.

Chromium is a system package, not something pip installs: off CI, when none is found, these tests are
skipped with a reason that says how to run them; in CI (`CI=true`, which `.ci/run` sets) a missing
Chromium is a failure, so the browser checks are never silently skipped there. Each page is opened once
with `--dump-dom` (the DOM after the browser has parsed and laid it out), `--screenshot` (kept in
artefacts/html/ for a person to look at) and the browser's log on stderr, where every console message
appears as a `CONSOLE` line. The pages have no script, so any console message at all (a blocked load, a
policy violation) fails the test.

The site is also opened at a phone's width (390 x 844) and a desktop's (1280) through Playwright's Python
package driving the same Chromium (no browser download): no page may scroll sideways, every link between
pages and to an anchor must resolve; and the Mali report is printed to PDF and its pages counted.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sanctions import __version__
from sanctions.analysis.mandates import periods
from sanctions.cli.app import app
from sanctions.dataset.loader import data_dir, regime_files
from sanctions.dataset.model import Regime
from tests.dom import Element, parse

AS_OF = dt.date(2025, 12, 1)
ARTEFACTS = Path(__file__).resolve().parents[1] / "artefacts" / "html"
PAGES = sorted(path.stem for path in regime_files(data_dir()))
# How Chromium logs a console message: "[pid:tid:time:INFO:CONSOLE:12] "text", source: …" (older
# releases wrote "CONSOLE(12)").
_CONSOLE = re.compile(r":CONSOLE[:(]")


INSTALL_HINT = (
    "install the Debian package `chromium` (`apt-get install chromium`), or name a Chromium binary in"
    " SANCTIONS_CHROMIUM, to run them"
)


def _in_ci(env: Mapping[str, str]) -> bool:
    return env.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _chromium(env: Mapping[str, str] = os.environ) -> str:
    """The Chromium to run: skip the browser tests without one off CI, fail without one in CI."""
    named = env.get("SANCTIONS_CHROMIUM")
    if named:
        if not (os.path.isfile(named) and os.access(named, os.X_OK)):
            pytest.fail(f"SANCTIONS_CHROMIUM names {named!r}, which is not an executable file", pytrace=False)
        return named
    path = env.get("PATH", os.defpath)
    found = shutil.which("chromium", path=path) or shutil.which("chromium-browser", path=path)
    if found:
        return found
    if _in_ci(env):
        pytest.fail(f"Chromium is not installed, and CI must run the browser tests: {INSTALL_HINT}", pytrace=False)
    pytest.skip(f"Chromium is not installed: {INSTALL_HINT}")


@pytest.fixture(scope="module")
def chromium() -> str:
    return _chromium()


@dataclass(frozen=True)
class Opened:
    """A page as the browser rendered it."""

    dom: Element
    console: list[str]
    screenshot: Path


def _open(chromium: str, page: Path, screenshot: Path, profile: Path) -> Opened:
    result = subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",  # a fresh profile for each page
            "--enable-logging=stderr",
            "--v=0",
            "--window-size=1280,2000",
            f"--screenshot={screenshot}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, f"Chromium exited {result.returncode}:\n{result.stderr[-3000:]}"
    console = [line for line in result.stderr.splitlines() if _CONSOLE.search(line)]
    return Opened(parse(result.stdout), console, screenshot)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every bundled regime exported as HTML, as a user would: `export --all --format html -o DIR`."""
    folder = tmp_path_factory.mktemp("site")
    result = CliRunner().invoke(app, ["export", "--all", "--format", "html", "-o", str(folder), "--as-of", str(AS_OF)])
    assert result.exit_code == 0, result.stderr
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    return folder


def _show(chromium: str, page: str, site: Path, tmp_path: Path) -> Opened:
    opened = _open(chromium, site / f"{page}.html", ARTEFACTS / f"{page}.png", tmp_path / "profile")
    assert opened.console == [], "\n".join(opened.console)
    assert opened.screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    return opened


@pytest.mark.parametrize("page", PAGES)
def test_a_regime_page_renders_in_chromium(
    chromium: str, page: str, site: Path, tmp_path: Path, bundled: list[Regime]
) -> None:
    regime = next(r for r in bundled if r.id == page)
    dom = _show(chromium, page, site, tmp_path).dom
    (root,) = dom.own_children("html")
    assert root.attrs["lang"] == "en"
    (heading,) = dom.iter("h1")
    assert heading.text == regime.name
    # One row per event.
    (body,) = dom.by_id("timeline").own_children("tbody")
    assert len(body.own_children("tr")) == len(regime.events)
    # One bar per mandate period up to the as-of date, in the lane of its mandate.
    (chart,) = [svg for svg in dom.iter("svg") if svg.attrs.get("role") == "img"]
    bars = {lane.attrs["data-mandate"]: len(list(lane.iter("rect", "period"))) for lane in chart.iter("g", "lane")}
    assert bars == {key: len([p for p in periods(regime, key) if p.start <= AS_OF]) for key in regime.mandates}
    assert next(t.text for t in chart.iter("title")) == f"{regime.name}: mandate periods as of {AS_OF.isoformat()}"
    # Each source number leads to an entry of the list.
    timeline = dom.by_id("timeline")
    targets = {a.attrs["href"][1:] for a in timeline.iter("a") if a.attrs["href"].startswith("#source-")}
    assert targets <= {li.attrs.get("id") for li in dom.iter("li")}
    (footer,) = dom.iter("footer")
    assert f"Made with sanctions {__version__} · data verified to {regime.verified.isoformat()}" in footer.text


def test_the_index_renders_in_chromium_and_links_every_page(chromium: str, site: Path, tmp_path: Path) -> None:
    dom = _show(chromium, "index", site, tmp_path).dom
    tables = [dom.by_id(table) for table in ("ongoing", "ended", "proposed")]
    rows = [row for table in tables for body in table.own_children("tbody") for row in body.own_children("tr")]
    links = [row.own_children("th")[0].own_children("a")[0].attrs["href"] for row in rows]
    assert sorted(links, key=lambda link: link.removesuffix(".html")) == [f"{page}.html" for page in PAGES]
    assert all((site / link).is_file() for link in links)


def test_the_console_check_sees_what_a_page_logs(chromium: str, tmp_path: Path) -> None:
    """The check above is only worth something if a console message would reach it: here two do."""
    page = tmp_path / "noisy.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>noisy</title>'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'\">"
        '</head><body><img src="https://example.org/x.png" alt=""><script>console.error("boom")</script></body></html>',
        encoding="utf-8",
    )
    opened = _open(chromium, page, tmp_path / "noisy.png", tmp_path / "profile")
    assert len(opened.console) == 2, opened.console
    assert "Content Security Policy" in opened.console[0] and '"boom"' in opened.console[1]


def test_without_chromium_the_browser_tests_skip_off_ci_and_say_how_to_run_them(tmp_path: Path) -> None:
    with pytest.raises(pytest.skip.Exception) as skipped:
        _chromium({"PATH": str(tmp_path)})
    assert "apt-get install chromium" in str(skipped.value) and "SANCTIONS_CHROMIUM" in str(skipped.value)
    with pytest.raises(pytest.skip.Exception):
        _chromium({"PATH": str(tmp_path), "CI": "false"})


@pytest.mark.parametrize("ci", ["true", "1", "yes"])
def test_without_chromium_the_browser_tests_fail_in_ci(ci: str, tmp_path: Path) -> None:
    with pytest.raises(pytest.fail.Exception) as failed:
        _chromium({"PATH": str(tmp_path), "CI": ci})
    assert "apt-get install chromium" in str(failed.value) and "SANCTIONS_CHROMIUM" in str(failed.value)


def test_chromium_is_found_on_the_path_or_named(tmp_path: Path) -> None:
    browser = tmp_path / "chromium"
    browser.write_text("#!/bin/sh\n")
    browser.chmod(0o755)
    assert _chromium({"PATH": str(tmp_path), "CI": "true"}) == str(browser)
    assert _chromium({"PATH": "", "SANCTIONS_CHROMIUM": str(browser)}) == str(browser)
    with pytest.raises(pytest.fail.Exception, match="not an executable file"):
        _chromium({"PATH": "", "SANCTIONS_CHROMIUM": str(tmp_path / "missing")})


# A phone's viewport. Chromium's --window-size stops at about 500 px, so the pages are opened through
# Playwright's Python package driving the same Chromium (`executable_path`; no browser is downloaded).
PHONE, DESKTOP = (390, 844), (1280, 900)
SITE_PAGES = ["index", *PAGES]

# What a test reads from a page as laid out: its width, its links and ids, how the timeline is shown.
_READ = """() => ({
    scrollWidth: document.scrollingElement.scrollWidth,
    links: [...document.querySelectorAll("a[href]")].map(a => a.getAttribute("href")),
    ids: [...document.querySelectorAll("[id]")].map(e => e.id),
    tables: [...document.querySelectorAll("table.cards")].map(t => getComputedStyle(t).display),
})"""


@dataclass(frozen=True)
class Laid:
    """A page as Chromium laid it out at one viewport size."""

    scroll_width: int
    links: list[str]
    ids: list[str]
    card_tables: list[str]  # the CSS display of each table that may reflow into cards


@pytest.fixture(scope="module")
def laid_out(chromium: str, site: Path) -> dict[tuple[str, int], Laid]:
    """Every page of the site at a phone's and a desktop's width, with screenshots of a few kept."""
    from playwright.sync_api import sync_playwright

    found = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        try:
            for width, height in (PHONE, DESKTOP):
                page = browser.new_page(viewport={"width": width, "height": height})
                for name in SITE_PAGES:
                    page.goto((site / f"{name}.html").as_uri())
                    read = page.evaluate(_READ)
                    found[name, width] = Laid(read["scrollWidth"], read["links"], read["ids"], read["tables"])
                    if name in ("index", "mali", "dprk"):
                        page.screenshot(path=ARTEFACTS / f"{name}-{width}.png", full_page=True)
                page.close()
        finally:
            browser.close()
    return found


@pytest.mark.parametrize("width", [PHONE[0], DESKTOP[0]])
def test_no_page_scrolls_sideways(laid_out: dict[tuple[str, int], Laid], width: int) -> None:
    wide = {
        name: laid_out[name, width].scroll_width for name in SITE_PAGES if laid_out[name, width].scroll_width > width
    }
    assert wide == {}, f"wider than {width} px"
    # On a phone the timelines, drafts and the index are cards; on a desktop, tables as before.
    shown = {display for name in SITE_PAGES for display in laid_out[name, width].card_tables}
    assert shown == ({"block"} if width == PHONE[0] else {"table"})
    assert (ARTEFACTS / f"mali-{width}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_every_page_links_the_index_and_every_link_resolves(laid_out: dict[tuple[str, int], Laid], site: Path) -> None:
    ids = {f"{name}.html": set(laid_out[name, PHONE[0]].ids) for name in SITE_PAGES}
    broken = []
    for name in SITE_PAGES:
        links = laid_out[name, PHONE[0]].links
        if name != "index":
            assert "index.html" in links, name
        for href in links:
            if href.startswith(("https://", "http://")):
                continue
            target, _, anchor = href.partition("#")
            target = target or f"{name}.html"
            if not (site / target).is_file() or (anchor and anchor not in ids.get(target, set())):
                broken.append(f"{name}.html: {href}")
    assert broken == []
    # The index links the feed and the calendar, both written beside it.
    assert {"decisions.atom", "expiry.ics"} <= set(laid_out["index", PHONE[0]].links)
    assert (site / "decisions.atom").is_file() and (site / "expiry.ics").is_file()
    # A citation's link to one event: the DPRK veto of 28 March 2024 (SC/15648 in the regime file).
    assert "2024-03-28-veto" in ids["dprk.html"]


def test_the_mali_report_prints_on_at_most_four_a4_pages(chromium: str, site: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    pdf = tmp_path / "mali.pdf"
    result = subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            (site / "mali.html").as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    pages = PdfReader(pdf).pages
    assert 1 <= len(pages) <= 4
    assert {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in pages} == {(595, 842)}  # A4
    (ARTEFACTS / "mali.pdf").write_bytes(pdf.read_bytes())


def test_the_statistics_page_renders_in_chromium_with_its_charts(chromium: str, site: Path, tmp_path: Path) -> None:
    dom = _show(chromium, "stats", site, tmp_path).dom
    charts = [svg.attrs["id"] for svg in dom.iter("svg") if svg.attrs.get("role") == "img"]
    assert charts == ["consensus-chart", "in-force-chart"]
    assert all(list(dom.by_id(chart).iter("rect", "count")) for chart in charts)
    index = _show(chromium, "index", site, tmp_path).dom
    assert "stats.html" in [a.attrs["href"] for a in index.iter("a")]
