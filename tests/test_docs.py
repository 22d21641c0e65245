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
    from sanctions.cli.app import app

    for command in app.registered_commands:
        assert f"sanctions {command.name or command.callback.__name__}" in README  # type: ignore[union-attr]


def test_readme_examples_show_what_the_commands_print() -> None:
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    from readme_examples import EXAMPLES, render

    for command in EXAMPLES:
        assert f"```\n$ {command}\n{render(command)}```" in README, f"README example for {command!r} is stale"


def test_readme_json_example_is_the_start_of_the_real_output() -> None:
    from typer.testing import CliRunner

    from sanctions.cli.app import app

    shown = README.split("$ sanctions timeline dprk --kind veto --format json\n", 1)[1].split("\n  …\n", 1)[0]
    output = CliRunner().invoke(app, ["timeline", "dprk", "--kind", "veto", "--format", "json"]).stdout
    assert output.startswith(shown + "\n")
