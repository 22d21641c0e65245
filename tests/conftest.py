"""Shared fixtures: the small sample dataset and the bundled regimes."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctions.loader import data_dir, load_all
from sanctions.model import Regime

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "sample"


@pytest.fixture(scope="session")
def sample() -> Regime:
    (regime,) = load_all(SAMPLE)
    return regime


@pytest.fixture(scope="session")
def bundled() -> list[Regime]:
    return load_all(data_dir())


@pytest.fixture(autouse=True)
def _no_data_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SANCTIONS_DATA", raising=False)
