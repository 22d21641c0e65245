"""The README and CI stay honest about the commands they show."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _shell_blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)\n```", README, flags=re.S)


def test_readme_starts_with_install_and_test_commands() -> None:
    install, test = _shell_blocks()[:2]
    assert install.endswith("sanctions timeline mali")
    assert "pytest" in test


def test_ci_runs_the_readme_test_command() -> None:
    test = _shell_blocks()[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test in ci


def test_readme_documents_every_command() -> None:
    from sanctions.cli import app

    for command in app.registered_commands:
        assert f"sanctions {command.callback.__name__}" in README  # type: ignore[union-attr]
