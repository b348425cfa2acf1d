"""Every binding of the app, by id: what ``[keys]`` in config.toml may remap."""

from __future__ import annotations

from textual.binding import Binding

from tui.app import PaperdeckApp
from tui.screens.bookmarks import BookmarksScreen
from tui.screens.date_prompt import DatePrompt
from tui.screens.help import HelpScreen
from tui.screens.note_editor import NoteEditor
from tui.screens.problems import ProblemsScreen
from tui.screens.reader import ReaderScreen
from tui.screens.search import SearchScreen
from tui.screens.tag_editor import TagEditor
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
