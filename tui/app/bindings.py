"""The app's keys, which work on every screen: each with an id and a description."""

from __future__ import annotations

from textual.binding import Binding, BindingType

APP_BINDINGS: list[BindingType] = [
    Binding("q", "quit", "Quit", id="app.quit"),
    Binding("question_mark", "help", "Help", id="app.help"),
    Binding("ctrl+p", "command_palette", "Commands", show=False, id="app.commands"),
    Binding("B", "show_bookmarks", "Marks", tooltip="All bookmarks", show=False,
            id="app.bookmarks"),
    Binding("ctrl+l", "show_lists", "Lists", tooltip="Reading lists", show=False, id="app.lists"),
    Binding("slash", "search", "Search", id="app.search"),
    Binding("R", "sync_archive", "Sync", tooltip="Sync digests", show=False,
            id="archive.sync"),
    # > and < are free on every screen, so a search can be stepped through from anywhere.
    Binding("greater_than_sign", "step_result(1)", "Next result", show=False,
            tooltip="Next search result", id="result.next"),
    Binding("less_than_sign", "step_result(-1)", "Previous result", show=False,
            tooltip="Previous search result", id="result.previous"),
    # Textual's own keys, with ids: ctrl+q quits even from a text box; ctrl+c says how.
    Binding("ctrl+q", "quit", "Quit now", show=False, priority=True,
            tooltip="Quit (also from a text box)", id="app.quit_now"),
    Binding("ctrl+c", "help_quit", "How to quit", show=False, tooltip="Say how to quit",
            id="app.quit_hint"),
]  # fmt: skip
