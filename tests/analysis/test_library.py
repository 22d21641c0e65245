"""The Python library: `import sanctions` stays light, the documented examples run, records suit a data frame."""

from __future__ import annotations

import doctest
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import sanctions

# Every module whose docstrings show the library in use.
DOCUMENTED = ("sanctions", "sanctions.analysis.library", "sanctions.analysis.stats", "sanctions.render.stats")


@pytest.mark.parametrize("name", DOCUMENTED)
def test_the_docstring_examples_run(name: str) -> None:
    module = importlib.import_module(name)
    failed, tried = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert tried > 0, f"{name} shows no example"
    assert failed == 0


def test_load_works_in_a_fresh_interpreter() -> None:
    code = "import sanctions; c = sanctions.load(); print(len(c.regimes))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert int(result.stdout) == len(sanctions.load().regimes) > 30


def test_importing_the_package_loads_no_library_module() -> None:
    code = "import sys, sanctions; print(sorted(m for m in sys.modules if m.startswith('sanctions')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "['sanctions']"


def test_the_public_names_resolve_and_unknown_ones_raise() -> None:
    assert set(sanctions.__all__) >= {"load", "status", "stats", "vetoes", "Catalogue"}
    for name in sanctions.__all__:
        assert getattr(sanctions, name) is not None
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        sanctions.nothing  # noqa: B018


def test_vetoes_at_the_top_is_the_catalogues_and_no_module_shadows_it(tmp_path: Path) -> None:
    import sanctions.analysis.vetoes  # importing the module that computes them must not replace the function

    assert callable(sanctions.vetoes) and sanctions.vetoes.__module__ == "sanctions.analysis.library"
    sample = sanctions.load(Path(__file__).parents[1] / "data" / "sample")
    assert sanctions.vetoes(catalogue=sample) == sample.vetoes() != []
    assert sanctions.vetoes("RU") == sanctions.load().vetoes("RU")


def test_load_reads_another_folder(tmp_path: Path) -> None:
    sample = Path(__file__).parents[1] / "data" / "sample"
    catalogue = sanctions.load(sample)
    assert [regime.id for regime in catalogue] == ["testland"] and len(catalogue) == 1
    assert catalogue.folder == sample
    assert catalogue.events and catalogue.mandates


def test_the_typed_marker_ships() -> None:
    assert (Path(sanctions.__file__).parent / "py.typed").is_file()


def test_the_library_page_runs_as_written() -> None:
    page = Path(__file__).resolve().parents[2] / "docs" / "library.md"
    failed, tried = doctest.testfile(str(page), module_relative=False, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert tried > 10 and failed == 0
