"""Open the built documentation site in Chromium and fail loudly unless it works.

    python scripts/check_site.py site            # after `mkdocs build --strict`

Serves the folder over http on 127.0.0.1 (Material's search runs in a web worker, which file://
does not allow), then, in headless Chromium driven by Playwright (`executable_path`: the system's
Chromium, or SANCTIONS_CHROMIUM; `playwright install` is never run):

- every page of the navigation opens with status 200, shows its title and logs no error;
- every link between the site's pages leads to a page that exists;
- the search finds "veto" and lists results that lead to pages;
- a screenshot of the home page and the questions page at 390 and 1280 pixels goes to artefacts/docs/.

Exit 0 when all holds, 1 with one line per failure otherwise.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import sys
import threading
from pathlib import Path
from urllib.parse import urljoin, urlparse

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "artefacts" / "docs"


def _chromium() -> str:
    named = os.environ.get("SANCTIONS_CHROMIUM")
    found = named or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        sys.exit("check_site: no Chromium: install the Debian package `chromium` or name one in SANCTIONS_CHROMIUM")
    return found


def _nav_paths() -> list[str]:
    """The address of every page mkdocs.yml's nav lists, relative to the site (`questions.md` → `questions/`)."""
    import yaml

    def walk(entries: list[object]) -> list[str]:
        found: list[str] = []
        for entry in entries:
            value = next(iter(entry.values())) if isinstance(entry, dict) else entry
            found += walk(value) if isinstance(value, list) else [str(value)]
        return found

    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    paths = [page.removesuffix(".md") for page in walk(config["nav"])]
    return [path.removesuffix("index") if path.rpartition("/")[2] == "index" else f"{path}/" for path in paths]


def _serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def check(folder: Path) -> list[str]:
    """Every failure found in the site in `folder`, one line each."""
    from playwright.sync_api import sync_playwright

    if not (folder / "index.html").is_file():
        return [f"{folder}/index.html does not exist: build the site first (mkdocs build --strict)"]
    failures: list[str] = []
    server, base = _serve(folder)
    SHOTS.mkdir(parents=True, exist_ok=True)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=_chromium())
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            errors: list[str] = []
            page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
            page.on("pageerror", lambda error: errors.append(str(error)))

            page.goto(base)
            nav = page.eval_on_selector_all("nav.md-nav--primary a.md-nav__link[href]", "els => els.map(e => e.href)")
            pages = sorted({url.split("#")[0] for url in nav if url.startswith(base)})
            expected = sorted(base + path for path in _nav_paths())
            failures += [f"the navigation does not link {url}" for url in expected if url not in pages]
            linked: set[str] = set()
            for url in pages:
                errors.clear()
                response = page.goto(url)
                if response is None or response.status != 200:
                    failures.append(f"{url}: status {response.status if response else 'none'}")
                    continue
                if not page.locator("article h1").count():
                    failures.append(f"{url}: no heading")
                failures += [f"{url}: console: {error}" for error in errors]
                for href in page.eval_on_selector_all("article a[href]", "els => els.map(e => e.getAttribute('href'))"):
                    target = urljoin(url, href).split("#")[0]
                    if target.startswith(base):
                        linked.add(target)
            for url in sorted(linked - set(pages)):
                status = page.request.get(url).status
                if status != 200:
                    failures.append(f"a page links {url}, which answers {status}")

            page.goto(base)
            search = page.locator("input.md-search__input")
            search.click()
            page.keyboard.type("veto")  # typed, as a reader does: the search listens for key events
            results = page.locator("a.md-search-result__link")
            try:
                results.first.wait_for(timeout=15000)
            except Exception:
                page.screenshot(path=str(SHOTS / "search-1280.png"))
                failures.append("the search for 'veto' lists no result")
            else:
                href = results.first.get_attribute("href") or ""
                target = urljoin(page.url, href).split("#")[0]
                if page.request.get(target).status != 200 or urlparse(target).netloc != urlparse(base).netloc:
                    failures.append(f"the first result for 'veto' leads to {target}, which does not open")
                page.screenshot(path=str(SHOTS / "search-1280.png"))

            for width in (390, 1280):
                page.set_viewport_size({"width": width, "height": 900})
                for name, path in (("index", ""), ("questions", "questions/")):
                    page.goto(base + path)
                    page.screenshot(path=str(SHOTS / f"{name}-{width}.png"))
                    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                    if overflow > 0:
                        failures.append(f"{path or 'index'} at {width} px is {overflow} px wider than the window")
            browser.close()
    finally:
        server.shutdown()
    return failures


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    found = check(Path(sys.argv[1]))
    for failure in found:
        print(f"check_site: {failure}", file=sys.stderr)
    if not found:
        print(f"check_site: the site in {sys.argv[1]} opens, its links lead to pages and its search finds 'veto'")
    sys.exit(1 if found else 0)
