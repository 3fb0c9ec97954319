"""The package's shape: no import circle between pipeline modules, no module over 400 lines."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "pipeline"
MAX_LINES = 400


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def package_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py")) if ".venv" not in path.parts}


def _type_checking_only(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            return True
    return False


def imported_modules(name: str, path: Path, modules: set[str]) -> set[str]:
    """The pipeline modules ``name`` imports, at module level or inside functions (a lazy import
    still closes a circle), but not under ``if TYPE_CHECKING``. Parent packages, which Python
    initialises first, are not counted: ``pipeline/__init__`` may re-export from its submodules."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if _type_checking_only(node, parents):
            continue
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            # "from package import submodule" needs the submodule, like "import package.submodule";
            # a name defined in the package's __init__ needs the package
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base)
    return {module for module in found if module in modules and module != name}


def import_graph() -> dict[str, set[str]]:
    modules = package_modules()
    return {name: imported_modules(name, path, set(modules)) for name, path in modules.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle as a path of module names (first == last), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*path[path.index(target):], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_the_import_graph_is_acyclic():
    graph = import_graph()
    assert "pipeline.engines.base" in graph["pipeline.engines.local"]
    assert find_cycle(graph) is None, " -> ".join(find_cycle(graph) or [])


def test_the_cycle_finder_finds_circles():
    # The check must be able to fail: the old engines imported each other.
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) is None


def test_relative_imports_resolve(tmp_path):
    module = tmp_path / "stage.py"
    module.write_text("from . import dates\nfrom ..base import thing\nfrom .dates import block, make_dates\n")
    known = {"pipeline.components.dates", "pipeline.base", "pipeline.components.dates.block"}
    assert imported_modules("pipeline.components.stage", module, known) == known
    assert imported_modules("pipeline.components.stage", module, known - {"pipeline.components.dates"}) == {
        "pipeline.base", "pipeline.components.dates.block"}


@pytest.mark.parametrize("name", sorted(package_modules()))
def test_no_module_exceeds_the_line_limit(name):
    lines = len(package_modules()[name].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{name} has {lines} lines (limit {MAX_LINES}): split it by job"


DOC = PACKAGE.parent / "docs" / "architecture.md"


def test_the_folder_map_names_every_folder_and_only_real_modules():
    """docs/architecture.md cannot go stale silently: each folder of the package has a row in its
    folder map, and each module path it names (``article/segment.py``) exists."""
    import re

    text = DOC.read_text(encoding="utf-8")
    rows = {match.group(1) for match in re.finditer(r"^\| `(\w+)/` \|", text, re.M)}
    folders = {path.name for path in PACKAGE.iterdir() if path.is_dir() and (path / "__init__.py").is_file()}
    assert folders <= rows, f"folders without a row in the map: {sorted(folders - rows)}"
    assert rows <= folders, f"rows for folders that do not exist: {sorted(rows - folders)}"
    named = set(re.findall(r"`((?:\w+/)+\w+\.py)`", text)) | set(re.findall(r"\((\w+/\w+\.py)[,)]", text))
    assert named, "the doc names no module paths"
    missing = sorted(name for name in named if not (PACKAGE / name).is_file() and not (PACKAGE.parent / name).is_file())
    assert missing == [], f"the doc names modules that do not exist: {missing}"
