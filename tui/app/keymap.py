"""Every binding of the app, by id: what ``[keys]`` in config.toml may remap, and which
bindings work at the same time (so that a remap taking another binding's key is named).

Both come from the code itself. The screens are the classes of :mod:`tui.screens`; what
is on a screen is what its code constructs: the widgets its methods call (read from their
source), the widgets those construct, and so on. A binding's owner is a class of ours
with ``BINDINGS``. A new screen or pane is found without being listed anywhere.

Importing this module imports every screen, so the reader imports it only when
``[keys]`` in config.toml remaps something (screens load on first use otherwise).
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import sys
from collections.abc import Iterator
from functools import cache
from typing import Any

from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import key_to_character
from textual.screen import Screen
from textual.widget import Widget

import tui.screens
from tui.app import PaperdeckApp

Owner = type[DOMNode]


def _ours(cls: type) -> bool:
    return cls.__module__.split(".")[0] == "tui"


def _owners(cls: type) -> list[Owner]:
    """The classes of ours in ``cls``'s ancestry that declare ``BINDINGS``."""
    return [c for c in cls.__mro__ if _ours(c) and "BINDINGS" in vars(c)]


def _screens() -> list[type[Screen[Any]]]:
    """Every screen class of :mod:`tui.screens` that no other one extends."""
    found: set[type[Screen[Any]]] = set()
    for info in pkgutil.walk_packages(tui.screens.__path__, "tui.screens."):
        module = importlib.import_module(info.name)
        found.update(
            cls
            for cls in vars(module).values()
            if inspect.isclass(cls) and issubclass(cls, Screen) and cls.__module__ == info.name
        )
    return sorted(
        (cls for cls in found if not any(issubclass(o, cls) for o in found if o is not cls)),
        key=lambda cls: f"{cls.__module__}.{cls.__qualname__}",
    )


@cache
def _classes_in(module: str) -> dict[str, ast.ClassDef]:
    """The classes of a module's source, by name."""
    tree = ast.parse(inspect.getsource(sys.modules[module]))
    return {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}


def _constructed(cls: type) -> Iterator[type]:
    """The classes that the code of ``cls`` (and of its ancestors of ours) calls."""
    for owner in cls.__mro__:
        tree = _classes_in(owner.__module__).get(owner.__name__) if _ours(owner) else None
        if tree is None:
            continue
        names = dict(vars(sys.modules[owner.__module__]))
        for node in ast.walk(tree):  # names imported inside a method
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                module = importlib.import_module(node.module)
                names.update(
                    {a.asname or a.name: getattr(module, a.name, None) for a in node.names}
                )
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                called = names.get(node.func.id)
                if inspect.isclass(called):
                    yield called


def _panes(cls: type, seen: set[type]) -> None:
    """Add to ``seen`` the widgets ``cls`` constructs, and theirs (not other screens)."""
    for called in _constructed(cls):
        if issubclass(called, Widget) and not issubclass(called, Screen) and called not in seen:
            seen.add(called)
            _panes(called, seen)


@cache
def contexts() -> dict[type[Screen[Any]], tuple[Owner, ...]]:
    """Each screen, and the owners whose bindings work on it: the app, the screen and the
    panes on it."""
    found: dict[type[Screen[Any]], tuple[Owner, ...]] = {}
    for screen in _screens():
        panes: set[type] = set()
        _panes(screen, panes)
        owners = {*_owners(PaperdeckApp), *_owners(screen)}
        owners.update(owner for pane in panes for owner in _owners(pane))
        found[screen] = tuple(sorted(owners, key=lambda cls: cls.__qualname__))
    return found


def binding_owners() -> set[Owner]:
    """Every class of ours whose bindings a keymap can remap."""
    return {owner for owners in contexts().values() for owner in owners}


def binding_ids() -> set[str]:
    """Every binding id a keymap (``[keys]`` in config.toml) can remap."""
    return {binding.id for owner in binding_owners() for binding in _bindings(owner) if binding.id}


def _bindings(owner: Owner) -> list[Binding]:
    return [b for b in owner.BINDINGS if isinstance(b, Binding) and b.id]


def _keys(keys: str) -> list[str]:
    """The keys of a comma-separated list, as Textual names them (``?`` is question_mark)."""
    pieces = ",".join(piece for piece in keys.split(",") if piece.strip())
    return (
        [binding.key for binding in Binding.make_bindings([Binding(pieces, "")])] if pieces else []
    )


def _shown(keys: list[str]) -> str:
    """Keys as the user types them: ``?`` for question_mark, but ``escape`` for escape."""
    return ", ".join(_typed(key) for key in keys)


def _typed(key: str) -> str:
    character = key_to_character(key)
    return character if character is not None and character.isprintable() else key


def remap_clashes(keymap: dict[str, str]) -> list[str]:
    """A sentence for each remap in ``keymap`` that gives a key another binding has.

    Textual takes the key from a binding of the same owner (which is left without it);
    a binding of another owner on the same screen keeps it, and the focused pane's comes
    first. Either way the user should know.
    """
    clashes: list[str] = []
    screens = contexts().values()
    for binding_id, wanted in keymap.items():
        owners = {o for ctx in screens for o in ctx if binding_id in map(_id, _bindings(o))}
        if not owners:
            continue
        neighbours = {o for ctx in screens if owners & set(ctx) for o in ctx}
        taken: set[str] = set()
        for owner in neighbours:
            for other in _bindings(owner):
                keys = _keys(keymap.get(_id(other), other.key))
                if other.id != binding_id and set(keys) & set(_keys(wanted)):
                    taken.add(f"{other.id}" + (" (left without it)" if owner in owners else ""))
        if taken:
            original = next(b for o in owners for b in _bindings(o) if b.id == binding_id)
            freed = [key for key in _keys(original.key) if key not in _keys(wanted)]
            clashes.append(
                f"keys.{binding_id} = {wanted!r}: {_shown(_keys(wanted))} was already "
                f"{', '.join(sorted(taken))}"
                + (f"; {_shown(freed)} no longer does {binding_id}" if freed else "")
            )
    return clashes


def _id(binding: Binding) -> str:
    return binding.id or ""
