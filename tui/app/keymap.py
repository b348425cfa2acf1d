"""Every binding of the app, by id: what ``[keys]`` in config.toml may remap."""

from __future__ import annotations

from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import _normalize_key_list, key_to_character

from tui.app import PaperdeckApp
from tui.screens.authors import AuthorPicker, AuthorScreen
from tui.screens.bookmarks import BookmarksScreen
from tui.screens.date_prompt import DatePrompt
from tui.screens.help import HelpScreen
from tui.screens.note_editor import NoteEditor
from tui.screens.problems import ProblemsScreen
from tui.screens.reader.screen import ReaderScreen
from tui.screens.search import SearchScreen
from tui.screens.tag_editor import TagEditor
from tui.screens.trends import TrendsScreen
from tui.widgets.day_filter import DayFilter
from tui.widgets.detail_pane import DetailPane
from tui.widgets.line_list import LineList
from tui.widgets.tag_input import TagInput

BINDING_OWNERS = (
    PaperdeckApp,
    ReaderScreen,
    LineList,
    DetailPane,
    DayFilter,
    BookmarksScreen,
    SearchScreen,
    HelpScreen,
    ProblemsScreen,
    DatePrompt,
    AuthorPicker,
    AuthorScreen,
    TrendsScreen,
    NoteEditor,
    TagEditor,
    TagInput,
)


def binding_ids() -> set[str]:
    """Every binding id a keymap (``[keys]`` in config.toml) can remap."""
    return {
        binding.id
        for owner in BINDING_OWNERS
        for binding in owner.BINDINGS
        if isinstance(binding, Binding) and binding.id
    }


CONTEXTS: tuple[tuple[type[DOMNode], ...], ...] = (
    (PaperdeckApp, ReaderScreen, LineList, DetailPane, DayFilter),
    (PaperdeckApp, SearchScreen, LineList),
    (PaperdeckApp, BookmarksScreen, LineList),
    (PaperdeckApp, HelpScreen),
    (PaperdeckApp, ProblemsScreen),
    (PaperdeckApp, DatePrompt),
)
"""Owners whose bindings work at the same time: a screen, its panes and the app."""


def _bindings(owner: type[DOMNode]) -> list[Binding]:
    return [b for b in owner.BINDINGS if isinstance(b, Binding) and b.id]


def _keys(keys: str) -> list[str]:
    return _normalize_key_list(keys).split(",")


def _shown(keys: list[str]) -> str:
    return ", ".join(key_to_character(key) or key for key in keys)


def remap_clashes(keymap: dict[str, str]) -> list[str]:
    """A sentence for each remap in ``keymap`` that gives a key another binding has.

    Textual takes the key from a binding of the same owner (which is left without it);
    a binding of another owner on the same screen keeps it, and the focused pane's comes
    first. Either way the user should know.
    """
    clashes: list[str] = []
    for binding_id, wanted in keymap.items():
        owners = {o for ctx in CONTEXTS for o in ctx if binding_id in map(_id, _bindings(o))}
        if not owners:
            continue
        neighbours = {o for ctx in CONTEXTS if owners & set(ctx) for o in ctx}
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
