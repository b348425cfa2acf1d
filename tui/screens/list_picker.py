"""The reading list to add papers to, typed in a one-line box that completes the names of
the lists already kept."""

from __future__ import annotations

from collections import Counter
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Label

from tui.userdata.cleaning import clean_list_name, list_name_problem
from tui.widgets.literal import literal

HINT = "enter: add · tab or →: complete · escape: cancel · a new name makes a new list"
SHOWN_LISTS = 20


def complete_list_name(typed: str, known: list[str]) -> str | None:
    """The first of ``known`` that starts with ``typed`` (case-blind) and is longer."""
    start = clean_list_name(typed).casefold()
    if not start:
        return None
    return next((n for n in known if n.casefold().startswith(start) and n != typed), None)


class ListNameSuggester(Suggester):
    """Suggests the list whose name starts with what is typed (shown dimmed after it)."""

    def __init__(self, known: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.known = known

    async def get_suggestion(self, value: str) -> str | None:
        return complete_list_name(value, self.known)


class ListPicker(ModalScreen[str | None]):
    """Dismissed with the list's name (cleaned and usable), or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="list_picker.cancel"),
        Binding("tab", "complete", "Complete the name", show=False, id="list_picker.complete"),
    ]

    def __init__(self, what: str, counts: Counter[str]) -> None:
        super().__init__()
        self.what = what
        self.counts = counts
        self.known = sorted(counts, key=lambda name: (-counts[name], name.casefold(), name))

    @property
    def name_input(self) -> Input:
        return self.query_one("#list-input", Input)

    def compose(self) -> ComposeResult:
        with Vertical(id="list-box") as box:
            box.border_title = literal(f"Add to a list · {self.what}")
            yield Input(
                placeholder="the list's name",
                suggester=ListNameSuggester(self.known),
                id="list-input",
            )
            shown = "  ".join(f"{name} ({self.counts[name]})" for name in self.known[:SHOWN_LISTS])
            more = (
                f"  … {len(self.known) - SHOWN_LISTS} more" if len(self.known) > SHOWN_LISTS else ""
            )
            yield Label(literal(f"Lists: {shown}{more}" if self.known else "No lists yet."),
                        id="list-known")  # fmt: skip
            yield Label(literal(HINT), id="list-hint")

    def on_mount(self) -> None:
        self.name_input.focus()

    def action_complete(self) -> None:
        completed = complete_list_name(self.name_input.value, self.known)
        if completed is not None:
            self.name_input.value = completed
            self.name_input.cursor_position = len(completed)

    @on(Input.Submitted, "#list-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = clean_list_name(self.name_input.value)
        problem = list_name_problem(name)
        if problem is not None:
            self.notify(f"{problem[0].upper()}{problem[1:]}.", severity="warning", markup=False)
            return
        self.dismiss(name)

    def action_cancel(self) -> None:
        self.dismiss(None)
