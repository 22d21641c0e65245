"""The JSON Schemas hold: the regime-file schema agrees with the loader, each output schema with its command."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from sanctions.dataset.loader import data_dir, regime_files

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "schema" / "regime.schema.json").read_text(encoding="utf-8"))
FILES = [*regime_files(data_dir()), *regime_files(ROOT / "tests" / "data" / "sample")]


def _as_json(value: Any) -> Any:
    """YAML dates become the ISO strings an editor's schema check sees."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    return value


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_files_match_the_schema(path: Path) -> None:
    jsonschema.validate(_as_json(yaml.safe_load(path.read_text(encoding="utf-8"))), SCHEMA)


def test_schema_rejects_an_unknown_kind() -> None:
    document = _as_json(yaml.safe_load(FILES[0].read_text(encoding="utf-8")))
    document["events"][0]["kind"] = "extended"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, SCHEMA)


# The JSON output of every command, checked against its schema in schema/ on the bundled data, the
# sample and the broken files, on dates that give every mandate status.
SAMPLE = str(ROOT / "tests" / "data" / "sample")
BROKEN = str(ROOT / "tests" / "data" / "broken")
HISTORY = str(ROOT / "tests" / "data" / "history")
OUTPUT_SCHEMAS = {
    path.name.removesuffix(".schema.json"): json.loads(path.read_text(encoding="utf-8"))
    for path in sorted((ROOT / "schema").glob("*.schema.json"))
    if path.name != "regime.schema.json"
}
AS_OF = ["1999-01-01", "2016-01-20", "2023-09-15", "2024-04-01", "2025-10-01", "today"]
CHANGE_WINDOWS = [("2016-01-01", "2016-02-01"), ("2023-08-01", "2024-05-01"), ("2025-01-01", "today")]


def _bundled_ids() -> list[str]:
    return [path.stem for path in regime_files(data_dir())]


def _runs() -> list[tuple[str, list[str]]]:
    runs = [("validate", ["validate"]), ("validate", ["validate", "--data", SAMPLE])]
    runs += [("validate", ["validate", "--data", BROKEN])]
    for data in ([], ["--data", SAMPLE]):
        runs += [("regimes", ["regimes", "--all", "--as-of", day, *data]) for day in AS_OF]
        runs += [("expiry", ["expiry", "--all", "--as-of", day, *data]) for day in AS_OF]
        runs += [("vetoes", ["vetoes", *data]), ("vetoes", ["vetoes", "--member", "RU", *data])]
    # A suspension, decisions that take effect after adoption, an 11-member Council's veto.
    for day in ("1975-01-01", "1980-06-01", "1989-06-01", "1990-07-01"):
        runs += [("regimes", ["regimes", "--all", "--as-of", day, "--data", HISTORY])]
        runs += [("expiry", ["expiry", "--all", "--as-of", day, "--data", HISTORY])]
    runs += [("timeline", ["timeline", "oldland", "--data", HISTORY])]
    runs += [("vetoes", ["vetoes", "--all", "--data", HISTORY]), ("vetoes", ["vetoes", "--all"])]
    for regime in _bundled_ids():
        runs += [("timeline", ["timeline", regime]), ("votes", ["votes", regime])]
    runs += [
        ("timeline", ["timeline", "testland", "--data", SAMPLE]),
        ("votes", ["votes", "testland", "--data", SAMPLE]),
    ]
    runs += [("votes", ["votes", "mali", "--member", "JP"])]
    for target in ("2745", "S/2023/638", "SC/15648", "S/PV.9408", "2664", "S/RES/1267 (1999)", "S/2008/447"):
        runs += [("show", ["show", target])]
    runs += [("show", ["show", target, "--data", SAMPLE]) for target in ("9999", "9998", "S/2022/10")]
    runs += [("changes", ["changes", "--since", since, "--until", until]) for since, until in CHANGE_WINDOWS]
    runs += [("changes", ["changes", "--since", "2021-01-01", "--until", "2022-06-01", "--data", SAMPLE])]
    for figure in ("consensus", "members", "renewals", "regimes"):
        runs += [(f"stats-{figure}", ["stats", figure]), (f"stats-{figure}", ["stats", figure, "--data", HISTORY])]
        runs += [(f"stats-{figure}", ["stats", figure, "dprk", "mali", "--since", "2010-01-01"])]
    runs += [("stats-members", ["stats", "members", "--member", "RU"])]
    runs += [("stats-renewals", ["stats", "renewals", "--ended", "--as-of", "2024-01-01"])]
    for release in sorted((ROOT / "tests" / "data" / "press").glob("*.txt"))[:6]:
        runs += [("draft", ["draft", str(release), "--date", release.stem.split("-sc")[0][-10:]])]
    return runs


def test_every_command_with_json_output_has_a_schema() -> None:
    from sanctions.cli.app import app

    with_json = {command.callback.__name__ for command in app.registered_commands} - {"chart", "export", "copy_data"}  # type: ignore[union-attr]
    # `stats` prints one document per figure, each with its own schema (stats-consensus, …).
    assert {name.split("-")[0] for name in OUTPUT_SCHEMAS} == with_json


@pytest.mark.parametrize("schema", [*OUTPUT_SCHEMAS.values(), SCHEMA], ids=[*OUTPUT_SCHEMAS, "regime"])
def test_schemas_are_valid_and_closed(schema: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    pending: list[Any] = [schema]
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            if "properties" in node:
                assert node.get("additionalProperties") is False, node
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)


def _undescribed(node: Any, where: str = "#") -> list[str]:
    """The properties and definitions under `node` with no description, as JSON pointers."""
    if isinstance(node, list):
        return [found for index, item in enumerate(node) for found in _undescribed(item, f"{where}/{index}")]
    if not isinstance(node, dict):
        return []
    missing = [
        f"{where}/{group}/{name}"
        for group in ("properties", "$defs")
        for name, spec in (node.get(group) or {}).items()
        if isinstance(spec, dict) and not str(spec.get("description", "")).strip()
    ]
    return missing + [found for key, value in node.items() for found in _undescribed(value, f"{where}/{key}")]


@pytest.mark.parametrize("schema", [*OUTPUT_SCHEMAS.values(), SCHEMA], ids=[*OUTPUT_SCHEMAS, "regime"])
def test_every_field_and_definition_says_what_it_holds(schema: dict[str, Any]) -> None:
    # docs/reference/json.md prints each description in its "what it holds" column.
    assert _undescribed(schema) == []


def test_shared_definitions_agree_across_schemas() -> None:
    seen: dict[str, tuple[str, Any]] = {}
    for name, schema in [*OUTPUT_SCHEMAS.items(), ("regime", SCHEMA)]:
        for definition, body in schema.get("$defs", {}).items():
            first = seen.setdefault(definition, (name, body))
            assert body == first[1], f"$defs/{definition} differs between {first[0]} and {name}"


@pytest.mark.parametrize(
    ("command", "args"), _runs(), ids=lambda value: " ".join(value) if isinstance(value, list) else value
)
def test_json_output_matches_its_schema(command: str, args: list[str]) -> None:
    from typer.testing import CliRunner

    from sanctions.cli.app import app

    result = CliRunner().invoke(app, [*args, "--format", "json"])
    assert result.exit_code in (0, 1), result.stderr
    output = json.loads(result.stdout)
    jsonschema.validate(output, OUTPUT_SCHEMAS[command], format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    if command != "validate":
        assert output, f"{args} printed nothing to check"


def test_the_output_schemas_refuse_an_unknown_field() -> None:
    from typer.testing import CliRunner

    from sanctions.cli.app import app

    (row, *_) = json.loads(CliRunner().invoke(app, ["vetoes", "mali", "--format", "json"]).stdout)
    row["drafted"] = row["document"]
    with pytest.raises(jsonschema.ValidationError, match="'drafted' was unexpected"):
        jsonschema.validate([row], OUTPUT_SCHEMAS["vetoes"])


def test_the_runs_reach_every_status_the_schemas_name() -> None:
    from typer.testing import CliRunner

    from sanctions.cli.app import app

    mandate, regime = set(), set()
    for command, args in _runs():
        if command == "regimes":
            rows = json.loads(CliRunner().invoke(app, [*args, "--format", "json"]).stdout)
            regime |= {row["status"] for row in rows}
            mandate |= {status["status"] for row in rows for status in row["mandates"]}
    schema = OUTPUT_SCHEMAS["regimes"]
    assert regime == set(schema["items"]["properties"]["status"]["enum"])
    assert mandate == set(schema["$defs"]["mandate_status"]["properties"]["status"]["enum"])


def test_schema_holds_a_mandates_short_label_to_the_loaders_limit() -> None:
    from sanctions.dataset.parse import SHORT_LABEL_MAX

    document = _as_json(yaml.safe_load(FILES[0].read_text(encoding="utf-8")))
    mandate = next(iter(document["mandates"].values()))
    mandate["short"] = "x" * SHORT_LABEL_MAX
    jsonschema.validate(document, SCHEMA)
    mandate["short"] = "x" * (SHORT_LABEL_MAX + 1)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, SCHEMA)
