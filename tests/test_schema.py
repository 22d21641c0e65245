"""The JSON Schema editors use agrees with the loader on the bundled and sample files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from sanctions.loader import data_dir, regime_files

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
