"""The package's layout: imports run one way down the pipeline, and no module outgrows a reading."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

# The source tree, not the installed package: a plain install adds the regime files beside the modules.
PACKAGE = Path(__file__).resolve().parents[1] / "src" / "sanctions"

#: The pipeline, bottom first: a module may import from its own layer and those below, never above.
LAYERS = (
    ("errors", "streams"),  # the one error root and the standard streams, used by every layer
    ("council",),  # the Security Council itself: members, seats
    ("dataset",),  # regime files in: model, parse, rules, loader, cache
    ("analysis",),  # computed from the regimes, and the catalogue API
    ("drafting",),  # a press release into a draft, the draft into a regime file
    ("render",),  # one module per output format
    ("cli",),  # the command line
    ("__init__", "__main__"),  # the public API (`sanctions.load()`) and `python -m sanctions`
)


def _layer(module: str) -> int:
    """The layer of a dotted module name under `sanctions`."""
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else "__init__"
    return next(rank for rank, names in enumerate(LAYERS) if top in names)


def _modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__" and len(parts) > 2:
            parts = parts[:-1]  # a subpackage's __init__ is the subpackage
        found.append((".".join(parts), path))
    return found


def _type_only(tree: ast.Module) -> set[int]:
    """The lines of imports under `if TYPE_CHECKING:`: they name types for mypy and run nothing."""
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            lines |= {child.lineno for stmt in node.body for child in ast.walk(stmt) if hasattr(child, "lineno")}
    return lines


def _imported(module: str, path: Path) -> list[tuple[int, str]]:
    """Every `sanctions` module that `module` imports, at the top or inside a function, with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_only = _type_only(tree)
    names: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Import, ast.ImportFrom)) or node.lineno in type_only:
            continue
        if isinstance(node, ast.Import):
            names += [(node.lineno, alias.name) for alias in node.names if alias.name.startswith("sanctions")]
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("sanctions"):
            for alias in node.names:
                if node.module == "sanctions" and alias.name == "__version__":
                    continue  # the version string, defined once at the top: data, not a layer
                submodule = f"{node.module}.{alias.name}"
                is_module = (PACKAGE.parent / submodule.replace(".", "/")).with_suffix(".py").is_file() or (
                    PACKAGE.parent / submodule.replace(".", "/")
                ).is_dir()
                names.append((node.lineno, submodule if is_module else node.module))
    return names


def test_every_module_has_a_layer() -> None:
    for module, _ in _modules():
        assert _layer(module) >= 0, module


def test_imports_run_one_way_down_the_pipeline() -> None:
    upward = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {module} imports {target}"
        for module, path in _modules()
        for line, target in _imported(module, path)
        if _layer(target) > _layer(module)
    ]
    assert upward == []


def test_the_check_reads_lazy_imports_and_passes_over_type_only_ones(tmp_path: Path) -> None:
    # The imports inside functions that keep start-up fast are imports all the same.
    path = tmp_path / "example.py"
    path.write_text(
        "from typing import TYPE_CHECKING\n"
        "from sanctions import __version__, members\n"
        "if TYPE_CHECKING:\n"
        "    from sanctions.render.grid import Grid\n"
        "def f():\n"
        "    from sanctions.council.members import member_code\n"
        "    import sanctions.cli.app\n",
        encoding="utf-8",
    )
    assert _imported("sanctions.example", path) == [
        (2, "sanctions"),
        (6, "sanctions.council.members"),
        (7, "sanctions.cli.app"),
    ]


@pytest.mark.parametrize(
    ("module", "target", "upward"),
    [
        ("sanctions.dataset.parse", "sanctions.council.members", False),
        ("sanctions.dataset.loader", "sanctions.analysis.mandates", True),
        ("sanctions.render.html", "sanctions.cli.app", True),
        ("sanctions.cli.app", "sanctions.render", False),
        ("sanctions.errors", "sanctions.dataset.model", True),
    ],
)
def test_the_layer_order(module: str, target: str, upward: bool) -> None:
    assert (_layer(target) > _layer(module)) is upward


def test_no_module_is_longer_than_600_lines() -> None:
    lengths = {
        str(path.relative_to(PACKAGE)): len(path.read_text(encoding="utf-8").splitlines())
        for path in PACKAGE.rglob("*.py")
    }
    assert {name: length for name, length in lengths.items() if length > 600} == {}


def test_the_top_level_holds_the_layers_and_the_api() -> None:
    entries = sorted(path.name for path in PACKAGE.iterdir() if path.name != "__pycache__")
    assert entries == [
        "__init__.py",
        "__main__.py",
        "analysis",
        "cli",
        "council",
        "dataset",
        "drafting",
        "errors.py",
        "py.typed",
        "render",
        "streams.py",
    ]
