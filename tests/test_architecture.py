"""The layout holds: import contracts kept, no import cycles."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept() -> None:
    """The layers and rules in pyproject.toml's [tool.importlinter] (run by lint-imports)."""
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Groups of modules that import each other, directly or not (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found


def test_no_import_cycles() -> None:
    graph = grimp.build_graph("parsers", "tui", cache_dir=None)
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = grimp.ImportGraph()
    for module in ("a", "b", "c"):
        graph.add_module(module)
    graph.add_import(importer="a", imported="b")
    graph.add_import(importer="b", imported="c")
    graph.add_import(importer="c", imported="a")
    assert _cycles(graph) == [["a", "b", "c"]]


def _our_classes() -> list[type]:
    """Every class defined in parsers/ and tui/."""
    import importlib
    import inspect
    import pkgutil

    found: dict[str, type] = {}
    for package in ("parsers", "tui"):
        root = importlib.import_module(package)
        for info in pkgutil.walk_packages(root.__path__, f"{package}."):
            module = importlib.import_module(info.name)
            for _, value in inspect.getmembers(module, inspect.isclass):
                if value.__module__ == info.name:
                    found[f"{value.__module__}.{value.__qualname__}"] = value
    return list(found.values())


def _ours(cls: type) -> bool:
    return cls.__module__.split(".")[0] in ("parsers", "tui")


def test_classes_are_built_from_parts_not_chains() -> None:
    """None of our classes has more than one of ours as bases (a mixin of ours is a part
    instead), and none extends a chain of ours more than two deep."""
    classes = _our_classes()
    assert len(classes) > 100
    several = {
        c.__qualname__: [b.__qualname__ for b in c.__bases__ if _ours(b)]
        for c in classes
        if sum(_ours(b) for b in c.__bases__) > 1
    }
    assert several == {}
    deep = {
        c.__qualname__: [a.__qualname__ for a in c.__mro__[1:] if _ours(a)]
        for c in classes
        if sum(_ours(a) for a in c.__mro__[1:]) > 2
    }
    assert deep == {}
