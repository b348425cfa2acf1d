"""Asking for a name (a saved search's): one line, enter keeps it, escape cancels."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from tui.userdata.searches import MAX_NAME, clean_name
from tui.widgets.literal import literal


class NamePrompt(ModalScreen[str | None]):
    """A one-line form; dismisses with the name typed (cleaned), or None on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="name.cancel"),
    ]

    DEFAULT_CSS = """
    NamePrompt { align: center middle; }
    NamePrompt > Vertical {
        width: 60; max-width: 100%; height: auto; border: round $primary;
        background: $surface; padding: 0 1;
    }
    NamePrompt #name-hint { color: $text-muted; width: 100%; height: auto; }
    NamePrompt #name-hint.-error { color: $error; }
    """

    def __init__(self, title: str, initial: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.initial = initial

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = literal(self.title_text)
            yield Input(value=self.initial, max_length=MAX_NAME, id="name-input")
            yield Label(literal("enter: keep · escape: cancel"), id="name-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = clean_name(event.value)
        if not name:
            hint = self.query_one("#name-hint", Label)
            hint.update(literal("A name is needed."))
            hint.add_class("-error")
            return
        self.dismiss(name)
