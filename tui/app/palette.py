"""The app's own entries in the command palette (ctrl+p), and the panes help lists."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from textual.app import App, SystemCommand
from textual.dom import DOMNode

from tui.screens.reader import ReaderScreen


def palette_commands(app: App[Any], reader: ReaderScreen) -> Iterator[SystemCommand]:
    """Go to a date, the newest or oldest day, help, problems, the date sidebar."""
    store = reader.store

    def newest_day() -> None:
        if not store.is_empty():
            reader.show_day(store.days()[0])

    def oldest_day() -> None:
        dated = [day for day in store.days() if day is not None]
        if dated:
            reader.show_day(dated[-1])

    yield SystemCommand(
        "Go to date…", "Jump to a day (the nearest one with papers)", reader.action_goto_date
    )
    yield SystemCommand("Newest day", "Show the newest day", newest_day)
    yield SystemCommand("Oldest day", "Show the oldest day", oldest_day)
    yield SystemCommand("Help: keys", "List every key", lambda: app.run_action("help"))
    yield SystemCommand(
        "Show load problems", "Files and lines that could not be read", reader.action_show_problems
    )
    yield SystemCommand(
        "Toggle date sidebar", "Show or hide the list of days", reader.action_toggle_sidebar
    )
    yield SystemCommand("Edit note…", "Write on the selected paper (e)", reader.action_edit_note)
    yield SystemCommand("Edit tags…", "Tag the selected paper (#)", reader.action_edit_tags)


def help_sections(app: App[Any], reader: ReaderScreen) -> list[tuple[str, list[DOMNode]]]:
    """The help screen's sections: each pane and the nodes whose keys work there."""
    return [
        ("Anywhere", [app, reader]),
        ("Days (sidebar)", [reader.sidebar]),
        ("Papers (list)", [reader.paper_list]),
        ("Paper (detail)", [reader.detail]),
    ]
