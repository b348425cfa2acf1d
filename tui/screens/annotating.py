"""Writing on a paper from any screen: its note (inline, or in the user's own editor) and
its tags. Each is saved as the editor closes, undoable with ``z``. A screen whose selected
paper ``e`` and ``#`` write on calls :func:`edit_note` and :func:`edit_tags`.

``e`` opens the note in ``$VISUAL``/``$EDITOR`` when one is set (and external programs
may run here), else in the inline editor, where ``ctrl+e`` hands the text over to the
user's editor (the system's default when neither variable is set). The reader stops
drawing while the editor runs (``App.suspend``). The editors' screens are imported when
first opened: the first frame does not wait for them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.app import App, SuspendNotSupported
from textual.screen import Screen

from tui.screens.services import ReaderServices
from tui.terminal.environment import external_programs_allowed
from tui.terminal.external_editor import chosen_editor, edit_in_editor, editor_command
from tui.userdata.bookmarks import Bookmark
from tui.userdata.marking import Notice

if TYPE_CHECKING:
    from tui.terminal.external_editor import Edited

NOT_ALLOWED = (
    "Your editor does not run in this SSH session (allow_external_programs in config.toml)"
)


@dataclass(frozen=True)
class Target:
    """The paper written on: its identity, title, and a snapshot to keep it by."""

    pid: str
    title: str
    snapshot: Bookmark | None


def run_editor(app: App[Any], text: str, target: Target, allowed: bool) -> Edited | None:
    """``text`` edited in the user's editor; None when no editor can run here (said why)."""
    if not external_programs_allowed(os.environ, allowed):
        app.notify(NOT_ALLOWED, severity="warning", timeout=6, markup=False)
        return None
    command = editor_command(os.environ)
    if command is None:
        app.notify("No editor found: set $VISUAL or $EDITOR.", severity="warning", markup=False)
        return None
    try:
        with app.suspend():
            return edit_in_editor(text, command, f"note-{target.pid}")
    except SuspendNotSupported:
        app.notify("Your editor cannot run here (the browser mode).", severity="warning",
                   markup=False)  # fmt: skip
        return None


def edit_note(screen: Screen[Any], services: ReaderServices, target: Target) -> None:
    """Edit the note of ``target``: in the user's editor if one is set, else inline."""
    app, allowed = screen.app, services.external_programs
    base = services.user_state.note_of(target.pid)

    def save(text: str | None) -> None:
        if text is not None:
            _tell(screen, services, services.marking.save_note(
                target.pid, target.title, text, base, target.snapshot))  # fmt: skip

    if chosen_editor(os.environ) and external_programs_allowed(os.environ, allowed):
        edited = run_editor(app, base or "", target, allowed)
        if edited is not None:
            if edited.text is None:
                app.notify(f"{edited.problem}; the note is unchanged.", severity="warning",
                           markup=False)  # fmt: skip
            save(edited.text)
            return

    def external(text: str) -> Edited | None:
        return run_editor(app, text, target, allowed)

    from tui.screens.note_editor import NoteEditor

    app.push_screen(NoteEditor(target.title, base or "", external), save)


def edit_tags(screen: Screen[Any], services: ReaderServices, target: Target) -> None:
    """Edit the tags of ``target`` with completion from the tags in use."""
    state = services.user_state
    base = list(state.tags_of(target.pid))

    def save(tags: list[str] | None) -> None:
        if tags is not None:
            _tell(screen, services, services.marking.save_tags(
                target.pid, target.title, tags, base, target.snapshot))  # fmt: skip

    from tui.screens.tag_editor import TagEditor

    screen.app.push_screen(TagEditor(target.title, base, state.tag_counts()), save)


def _tell(screen: Screen[Any], services: ReaderServices, notice: Notice | None) -> None:
    if notice is None:
        return
    screen.notify(notice.text, timeout=notice.timeout, markup=False)
    services.marks_changed.publish(None)
