"""Shared fixtures: the small sample dataset and the bundled regimes."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctions.dataset.loader import data_dir, load_all
from sanctions.dataset.model import Regime

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "sample"
HISTORY = DATA / "history"


@pytest.fixture(scope="session")
def sample() -> Regime:
    (regime,) = load_all(SAMPLE)
    return regime


@pytest.fixture(scope="session")
def oldland() -> Regime:
    """A made-up regime with a suspension, effective dates and an 11-member Council's veto."""
    return next(regime for regime in load_all(HISTORY) if regime.id == "oldland")


@pytest.fixture(scope="session")
def bundled() -> list[Regime]:
    return load_all(data_dir())


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No test reads the user's data folder setting or writes to the user's cache."""
    monkeypatch.delenv("SANCTIONS_DATA", raising=False)
    monkeypatch.setenv("SANCTIONS_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
