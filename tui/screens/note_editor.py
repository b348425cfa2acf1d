"""The note on one paper in a multi-line editor; leaving it saves, ``ctrl+e`` hands the text
to the user's own editor."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, TextArea

from tui.terminal.external_editor import Edited
from tui.widgets.literal import literal

HINT = "escape: save and close · ctrl+e: your editor · an empty note is removed"

ExternalEditor = Callable[[str], Edited | None]
"""Edits text in the user's editor: what came back, or None when no editor can run here."""


class NoteEditor(ModalScreen[str | None]):
    """Dismissed with the note's text (the caller saves it), or None for no change."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "save", "Save and close", id="note.save"),
        Binding("ctrl+e", "external", "Your editor", priority=True, id="note.external"),
    ]

    def __init__(self, title: str, text: str, external: ExternalEditor) -> None:
        super().__init__()
        self.paper_title = title
        self.text = text
        self.external = external

    @property
    def area(self) -> TextArea:
        return self.query_one("#note-text", TextArea)

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box") as box:
            box.border_title = literal(f"Note · {self.paper_title}")
            yield TextArea(self.text, soft_wrap=True, id="note-text")
            yield Label(literal(HINT), id="note-hint")

    def on_mount(self) -> None:
        self.area.focus()
        self.call_after_refresh(self._to_end)  # once it has a size to scroll in

    def _to_end(self) -> None:
        """The cursor after the last character, as the note is usually added to."""
        self.area.move_cursor(self.area.document.end)
        self.area.scroll_home(animate=False, immediate=True)
        self.area.scroll_cursor_visible(animate=False)

    def action_save(self) -> None:
        self.dismiss(self.area.text)

    def action_external(self) -> None:
        """Edit the text as it is now in the user's editor; its result is saved."""
        edited = self.external(self.area.text)
        if edited is None:
            return
        if edited.text is None:
            self.notify(f"{edited.problem}; the text here is unchanged.", severity="warning",
                        markup=False)  # fmt: skip
            return
        self.dismiss(edited.text)
