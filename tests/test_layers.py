"""The folder tree is the architecture: each package imports only from the floors below it (or
its own), as the README's developer section draws them, and no two modules import each other."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "gitools"
FLOORS = {  # lowest first; packages on one floor are siblings and never import each other
    "form": 0, "model": 1, "io": 2, "inputs": 3, "validate": 3, "merge": 4, "outputs": 5, "jobs": 6,
    "addin": 7, "site": 7, "testing": 7, "cli": 8,
}


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The package's modules that ``path`` imports (``from pkg import module`` is that module)."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("gitools"):
            for a in node.names:
                sub = f"{node.module}.{a.name}"
                out.add(sub if sub in modules else node.module)
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("gitools")}
    return out


def _floor(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in FLOORS else None


MODULES = {_module(p): p for p in PACKAGE.rglob("*.py")}
GRAPH = {m: {i for i in _imports(p, set(MODULES)) if i in MODULES} for m, p in MODULES.items()}


def test_the_package_root_holds_only_the_entry_points() -> None:
    assert sorted(p.name for p in PACKAGE.glob("*.py")) == ["__init__.py", "__main__.py"]
    assert {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"} == set(FLOORS)


def test_every_import_runs_down_or_within_its_own_package() -> None:
    upward = []
    for module, imported in GRAPH.items():
        here = _floor(module)
        for target in imported:
            there = _floor(target)
            if here is None or there is None or here == there:
                continue
            if FLOORS[there] >= FLOORS[here]:
                upward.append(f"{module} → {target}")
    assert upward == []


def test_no_two_modules_import_each_other() -> None:
    def reaches(start: str, goal: str) -> bool:
        seen, todo = set(), [start]
        while todo:
            m = todo.pop()
            if m == goal:
                return True
            if m not in seen:
                seen.add(m)
                todo += [t for t in GRAPH.get(m, ()) if t != m]
        return False

    cycles = [f"{a} ⇄ {b}" for a, targets in GRAPH.items() for b in targets
              if a != b and not b.startswith(a + ".") and not a.startswith(b + ".") and reaches(b, a)]
    assert cycles == []
