"""The house: stage packages import only the stages below them, only cli imports click,
and the modules form no import cycle."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.helpers import ROOT

PACKAGE = ROOT / "lawgov_gen"
# Higher stages first; a stage may import itself and any stage after it.
STAGES = ("cli", "commands", "render", "checks", "content", "data")
BASE = ("statute", "diagnostics", "errors", "output", "__init__", "__main__")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {
        name: {i for i in _imports(path) if i in modules and i != name}
        for name, path in modules.items()
    }


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "lawgov_gen"


def test_stages_import_only_lower_stages() -> None:
    wrong = []
    for module, targets in _graph().items():
        stage = _stage(module)
        for target in targets:
            other = _stage(target)
            if stage in STAGES and other in STAGES and STAGES.index(other) < STAGES.index(stage):
                wrong.append(f"{module} → {target}")
            if stage in BASE and other in STAGES and module != "lawgov_gen.__main__":
                wrong.append(f"{module} → {target}")
    assert wrong == []


def test_only_cli_imports_click() -> None:
    users = sorted(
        _module_name(p)
        for p in PACKAGE.rglob("*.py")
        if any(i == "click" or i.startswith("click.") for i in _imports(p))
    )
    assert users and all(u.startswith("lawgov_gen.cli") for u in users), users


def test_no_import_cycle() -> None:
    graph = _graph()
    # a package's __init__ re-exporting its modules is not a cycle of the flow
    edges = {m: {t for t in ts if not m.startswith(t + ".")} for m, ts in graph.items()}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[node] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_modules_stay_small() -> None:
    long = {
        _module_name(p): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text("utf-8").splitlines())) > 330
    }
    assert long == {}


def test_the_importers_modules_share_no_name_with_another_package() -> None:
    importer = PACKAGE / "commands" / "importer"
    others = {p.stem for p in PACKAGE.rglob("*.py") if p.parent != importer}
    clashes = {p.stem for p in importer.glob("*.py")} & others - {"__init__", "__main__"}
    assert clashes == set()
