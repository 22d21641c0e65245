"""The HTML export in a real browser: every page opened in headless Chromium and its rendered DOM read back.

Chromium is required, not optional: CI (`.ci/run`) installs it, and without it these tests fail and
say so. Each page is opened once with `--dump-dom` (the DOM after the browser has parsed and laid it
out), `--screenshot` (kept in artefacts/html/ for a person to look at) and the browser's log on
stderr, where every console message appears as a `CONSOLE` line. The pages have no script, so any
console message at all (a blocked load, a policy violation) fails the test.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sanctions import __version__
from sanctions.cli import app
from sanctions.loader import data_dir, regime_files
from sanctions.mandates import periods
from sanctions.model import Regime
from tests.dom import Element, parse

AS_OF = dt.date(2025, 12, 1)
ARTEFACTS = Path(__file__).resolve().parents[1] / "artefacts" / "html"
PAGES = sorted(path.stem for path in regime_files(data_dir()))
# How Chromium logs a console message: "[pid:tid:time:INFO:CONSOLE:12] "text", source: …" (older
# releases wrote "CONSOLE(12)").
_CONSOLE = re.compile(r":CONSOLE[:(]")


def _chromium() -> str:
    named = os.environ.get("SANCTIONS_CHROMIUM")
    found = named or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.fail(
            "Chromium is not installed, and tests/test_browser.py needs it to open the HTML export: install"
            " it with `apt-get install chromium` (CI's .ci/run does), or name it in SANCTIONS_CHROMIUM",
            pytrace=False,
        )
    return found


@dataclass(frozen=True)
class Opened:
    """A page as the browser rendered it."""

    dom: Element
    console: list[str]
    screenshot: Path


def _open(page: Path, screenshot: Path, profile: Path) -> Opened:
    result = subprocess.run(
        [
            _chromium(),
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


def _show(page: str, site: Path, tmp_path: Path) -> Opened:
    opened = _open(site / f"{page}.html", ARTEFACTS / f"{page}.png", tmp_path / "profile")
    assert opened.console == [], "\n".join(opened.console)
    assert opened.screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    return opened


@pytest.mark.parametrize("page", PAGES)
def test_a_regime_page_renders_in_chromium(page: str, site: Path, tmp_path: Path, bundled: list[Regime]) -> None:
    regime = next(r for r in bundled if r.id == page)
    dom = _show(page, site, tmp_path).dom
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
    targets = {a.attrs["href"][1:] for a in dom.by_id("timeline").iter("a") if a.attrs["href"].startswith("#")}
    assert targets <= {li.attrs.get("id") for li in dom.iter("li")}
    (footer,) = dom.iter("footer")
    assert f"Made with sanctions {__version__} · data verified to {regime.verified.isoformat()}" in footer.text


def test_the_index_renders_in_chromium_and_links_every_page(site: Path, tmp_path: Path) -> None:
    dom = _show("index", site, tmp_path).dom
    (body,) = dom.by_id("regimes").own_children("tbody")
    links = [row.own_children("th")[0].own_children("a")[0].attrs["href"] for row in body.own_children("tr")]
    assert sorted(links, key=lambda link: link.removesuffix(".html")) == [f"{page}.html" for page in PAGES]
    assert all((site / link).is_file() for link in links)


def test_the_console_check_sees_what_a_page_logs(tmp_path: Path) -> None:
    """The check above is only worth something if a console message would reach it: here two do."""
    page = tmp_path / "noisy.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>noisy</title>'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'\">"
        '</head><body><img src="https://example.org/x.png" alt=""><script>console.error("boom")</script></body></html>',
        encoding="utf-8",
    )
    opened = _open(page, tmp_path / "noisy.png", tmp_path / "profile")
    assert len(opened.console) == 2, opened.console
    assert "Content Security Policy" in opened.console[0] and '"boom"' in opened.console[1]
