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
    binding_id: str = ""  # for remapping in config.toml's [keys]


def key_rows(app: App[Any], node: DOMNode) -> list[KeyRow]:
    """The bindings of ``node`` as the user would press them, keymap applied."""
    bindings = node._bindings.copy()
    keymap = app._keymap
    if keymap:
        bindings.apply_keymap(keymap)
    order: list[tuple[str, str]] = []
    keys: dict[tuple[str, str], list[str]] = {}
    ids: dict[tuple[str, str], str] = {}
    for key, key_bindings in bindings.key_to_bindings.items():
        for binding in key_bindings:
            if binding.system or not binding.description:
                continue
            group = (binding.action, binding.tooltip or binding.description)
            if group not in keys:
                order.append(group)
                keys[group] = []
                ids[group] = binding.id or ""
            keys[group].append(app.get_key_display(Binding(key, binding.action)))
    return [KeyRow(" ".join(keys[group]), group[1], ids[group]) for group in order]


def binding_ids() -> set[str]:
    """Every binding id a keymap (``[keys]`` in config.toml) can remap."""
    from tui.app import PaperdeckApp
    from tui.screens.bookmarks import BookmarksScreen
    from tui.screens.date_prompt import DatePrompt
    from tui.screens.help import HelpScreen
    from tui.screens.main import MainScreen
    from tui.screens.problems import ProblemsScreen
    from tui.screens.search import SearchScreen
    from tui.widgets.detail_pane import DetailPane
    from tui.widgets.line_list import LineList

    owners = (PaperdeckApp, MainScreen, LineList, DetailPane, BookmarksScreen, SearchScreen,
              HelpScreen, ProblemsScreen, DatePrompt)  # fmt: skip
    return {
        binding.id
        for owner in owners
        for binding in owner.BINDINGS
        if isinstance(binding, Binding) and binding.id
    }
