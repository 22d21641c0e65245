"""The README, the documentation site and CI stay honest about the commands they show."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
sys.path.insert(0, str(ROOT / "scripts"))

import docs  # noqa: E402  (scripts/docs.py)


def _shell_blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)\n```", README, flags=re.S)


def test_readme_starts_with_install_and_test_commands() -> None:
    install, test = _shell_blocks()[:2]
    assert install.endswith("sanctions timeline mali")
    assert "pytest" in test


def test_the_third_command_runs_sanctions_by_name() -> None:
    third = _shell_blocks()[2]
    assert "source .venv/bin/activate && sanctions " in third
    assert "pipx install ." in README


def test_ci_runs_the_readme_test_command() -> None:
    test = _shell_blocks()[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test in ci


def test_ci_builds_the_site_strictly_and_opens_it_in_chromium() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ".venv-docs/bin/mkdocs build --strict" in ci
    assert "scripts/check_site.py site" in ci


def test_readme_fits_on_two_screens() -> None:
    assert len(README) <= 12_000


def test_the_browser_sentence_appears_once() -> None:
    assert README.count("Chromium") == 1


def test_nothing_generated_is_stale() -> None:
    """Every example's output, every count and every command page reads as scripts/docs.py makes it."""
    assert docs.stale() == [], "run `python scripts/docs.py --write`"


def test_every_example_is_checked() -> None:
    """An example the generator would not see (a block not starting with `$ sanctions`) is not one."""
    for page in docs.pages():
        text = page.read_text(encoding="utf-8")
        for block in re.findall(r"```\n(.*?)```", text, flags=re.S):
            first = block.splitlines()[0] if block else ""
            if first.startswith("$ ") and "sanctions" in first:
                assert first.startswith("$ sanctions "), f"{page.name}: {first}"


def test_a_stale_example_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = tmp_path / "README.md"
    page.write_text("```\n$ sanctions show 2745\nnot what it prints\n$ sanctions timeline mal\n```\n", encoding="utf-8")
    monkeypatch.setattr(docs, "ROOT", tmp_path)
    monkeypatch.setattr(docs, "DOCS", tmp_path / "docs")
    monkeypatch.setattr(docs, "COMMANDS", tmp_path / "docs" / "commands")
    monkeypatch.setattr(docs, "REFERENCE", tmp_path / "docs" / "reference")
    assert "README.md" in docs.stale()
    docs.write()
    written = page.read_text(encoding="utf-8")
    assert "S/RES/2745 (2024)" in written
    assert written.endswith(
        "$ sanctions timeline mal\nsanctions: error: unknown regime 'mal' — did you mean 'mali'?\n```\n"
    )
    assert docs.stale() == []


def test_counts_follow_the_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A regime file added to a copy of the data makes the counts stale until regenerated."""
    data = tmp_path / "regimes"
    shutil.copytree(ROOT / "regimes", data)
    text = (data / "zimbabwe.yaml").read_text(encoding="utf-8")
    text = re.sub(r"^id: zimbabwe$", "id: atlantis", text, count=1, flags=re.M)
    text = re.sub(r"^name: .*$", "name: Atlantis (a test)", text, count=1, flags=re.M)
    text = re.sub(r"^aliases: .*$", "aliases: [atlantis-2008]", text, count=1, flags=re.M)
    (data / "atlantis.yaml").write_text(text, encoding="utf-8")
    page = tmp_path / "README.md"
    counts = {name: docs._counts()[name]() for name in ("regimes", "events")}
    page.write_text(
        f"<!-- count:regimes -->{counts['regimes']}<!-- /count --> and <!-- count:events -->"
        f"{counts['events']}<!-- /count -->\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(docs, "ROOT", tmp_path)
    monkeypatch.setattr(docs, "DOCS", tmp_path / "docs")
    monkeypatch.setattr(docs, "COMMANDS", tmp_path / "docs" / "commands")
    monkeypatch.setattr(docs, "REFERENCE", tmp_path / "docs" / "reference")
    docs.write()
    assert docs.stale() == []
    monkeypatch.setenv("SANCTIONS_DATA", str(data))
    assert "README.md" in docs.stale()
    docs.write()
    assert f"<!-- count:regimes -->{int(counts['regimes']) + 1}<!-- /count -->" in page.read_text(encoding="utf-8")


def test_counts_are_in_the_readme_and_the_docs() -> None:
    for name in ("regimes", "ongoing", "events", "vetoes", "verified"):
        assert f"<!-- count:{name} -->" in README
        assert f"<!-- count:{name} -->" in (ROOT / "docs" / "data.md").read_text(encoding="utf-8")


def test_every_command_has_a_page_and_appears_in_the_docs() -> None:
    names = docs.command_names()
    assert sorted(page.stem for page in docs.COMMANDS.glob("*.md")) == names
    cli = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in names:
        assert f"(commands/{name}.md)" in cli


def _nav(entries: list[object]) -> list[str]:
    found: list[str] = []
    for entry in entries:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        found += _nav(value) if isinstance(value, list) else [str(value)]
    return found


def test_every_docs_page_is_in_the_navigation() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    pages = sorted(str(page.relative_to(ROOT / "docs")) for page in (ROOT / "docs").rglob("*.md"))
    assert sorted(_nav(config["nav"])) == pages


def test_readme_links_resolve_to_files() -> None:
    links = re.findall(r"\]\(([^)\s]+)\)", README)
    local = [link for link in links if not re.match(r"[a-z]+:", link)]
    assert len(local) > 10
    for link in local:
        assert (ROOT / link.split("#")[0]).is_file(), link


def test_the_docs_extra_names_mkdocs_and_material() -> None:
    import tomllib

    extra = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert {re.split(r"[<>=]", spec)[0] for spec in extra["docs"]} == {"mkdocs", "mkdocs-material"}


def test_the_json_reference_lists_every_schema_and_field() -> None:
    import json

    reference = (ROOT / "docs" / "reference" / "json.md").read_text(encoding="utf-8")
    for path in sorted((ROOT / "schema").glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        assert f"`schema/{path.name}`" in reference
        record = schema.get("items", schema)
        if "$ref" in record:
            record = schema["$defs"][record["$ref"].rsplit("/", 1)[-1]]
        for field in record.get("properties", {}):
            assert f"| `{field}` |" in reference, (path.name, field)


def test_every_row_of_the_json_reference_says_what_it_holds() -> None:
    reference = (ROOT / "docs" / "reference" / "json.md").read_text(encoding="utf-8")
    rows = [line for line in reference.splitlines() if line.startswith("| `")]
    assert rows
    assert [row for row in rows if not row.rsplit("|", 2)[1].strip()] == []
