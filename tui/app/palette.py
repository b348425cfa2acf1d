"""The command palette (ctrl+p): every action that has a key, named as help names it.

Entries come from the bindings in force (remaps included) of the app, the screen the
palette was opened on and, in the reader, its panes and filter box; each runs its action
where it is bound and shows its keys and id. Textual's own keys of a text box (no id) are
left out. Beside them: the days at the ends, and the
theme ("Change theme", Textual's "Theme" under the name the README uses); Textual's
"Screenshot" only where external programs may run.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import partial
from typing import Any

from textual.app import App, SystemCommand
from textual.dom import DOMNode
from textual.screen import Screen

from tui.screens.help import key_rows
from tui.screens.reader.screen import ReaderScreen
from tui.screens.requests import SearchRequested
from tui.terminal.environment import external_programs_allowed
from tui.widgets.day_filter import DayFilter
from tui.widgets.literal import literal_markup

META_ACTIONS = {"command_palette", "help_quit"}
"""Keys with nothing to offer in the palette: the palette itself, the hint on ctrl+c."""
REPLACED = {"Theme", "Quit"}
"""Textual's entries that the app offers under its own names (the bindings' "Quit")."""
WRITES_FILES = {"Screenshot"}
"""Textual's entries that write into the account's home (``~/Downloads``): offered only
where external programs may run, so not to an SSH login or a browser-mode visitor that a
shared account gives the reader alone (:func:`external_programs_allowed`)."""


def _nodes(app: App[Any], reader: ReaderScreen, screen: Screen[Any]) -> list[tuple[DOMNode, str]]:
    """The nodes whose keys work on ``screen``, with the pane each names ("" for everywhere)."""
    if screen is not reader:
        focused = [(screen.focused, "list")] if screen.focused is not None else []
        return [(app, ""), (screen, ""), *focused]
    return [
        (app, ""),
        (reader, ""),
        (reader.sidebar, "days"),
        (reader.paper_list, "papers"),
        (reader.detail, "paper"),
        (reader.query_one(DayFilter), "filter box"),
    ]


def binding_commands(
    app: App[Any], reader: ReaderScreen, screen: Screen[Any]
) -> Iterator[SystemCommand]:
    """One entry per action bound on ``screen``: help's name, the keys and id as help."""
    seen: set[tuple[int, str]] = set()
    for node, pane in _nodes(app, reader, screen):
        for row in key_rows(app, node):
            if not row.binding_id or row.action in META_ACTIONS or (id(node), row.action) in seen:
                continue  # no id: a text box's own editing keys
            seen.add((id(node), row.action))
            title = f"{row.description} ({pane})" if pane else row.description
            where = f" · {row.binding_id}" if row.binding_id else ""
            yield SystemCommand(
                literal_markup(title),
                literal_markup(f"{row.keys}{where}"),  # keys remapped in config.toml: any text
                partial(app.run_action, row.action, node),
            )


def palette_commands(
    app: App[Any], reader: ReaderScreen, screen: Screen[Any], textual: Iterable[SystemCommand]
) -> Iterator[SystemCommand]:
    """The palette's entries on ``screen``: the bindings', the app's, then Textual's own."""
    yield from binding_commands(app, reader, screen)
    store = reader.store

    def newest_day() -> None:
        if not store.is_empty():
            reader.show_at(store.days()[0])

    def oldest_day() -> None:
        dated = [day for day in store.days() if day is not None]
        if dated:
            reader.show_at(dated[-1])

    if screen is reader:
        yield SystemCommand("Newest day", "Show the newest day", newest_day)
        yield SystemCommand("Oldest day", "Show the oldest day", oldest_day)
        yield SystemCommand(
            "Trends of the whole archive",
            "Papers, votes, keywords and authors of every day",
            lambda: reader.show_trends(None),
        )
    for name, query in reader.services.user_state.saved_searches().items():
        yield SystemCommand(
            literal_markup(f"Saved search: {name}"),
            literal_markup(query),
            partial(app.post_message, SearchRequested(query)),
        )
    yield SystemCommand("Change theme", "Pick a colour theme (remembered)", app.action_change_theme)
    hidden = REPLACED
    if not external_programs_allowed(os.environ, reader.services.external_programs):
        hidden = REPLACED | WRITES_FILES
    yield from (command for command in textual if command.title not in hidden)


def help_sections(app: App[Any], reader: ReaderScreen) -> list[tuple[str, list[DOMNode]]]:
    """The help screen's sections: each pane and the nodes whose keys work there."""
    return [
        ("Anywhere", [app, reader]),
        ("Days (sidebar)", [reader.sidebar]),
        ("Papers (list)", [reader.paper_list]),
        ("Paper (detail)", [reader.detail]),
    ]
