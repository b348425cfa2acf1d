"""Key help generated from the live bindings, remaps included."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode


@dataclass(frozen=True)
class KeyRow:
    """One line of the help screen."""

    keys: str
    description: str


def key_rows(app: App[Any], node: DOMNode) -> list[KeyRow]:
    """The bindings of ``node`` as the user would press them, keymap applied."""
    bindings = node._bindings.copy()
    keymap = app._keymap
    if keymap:
        bindings.apply_keymap(keymap)
    order: list[tuple[str, str]] = []
    keys: dict[tuple[str, str], list[str]] = {}
    for key, key_bindings in bindings.key_to_bindings.items():
        for binding in key_bindings:
            if binding.system or not binding.description:
                continue
            group = (binding.action, binding.description)
            if group not in keys:
                order.append(group)
                keys[group] = []
            keys[group].append(app.get_key_display(Binding(key, binding.action)))
    return [KeyRow(" ".join(keys[group]), group[1]) for group in order]
