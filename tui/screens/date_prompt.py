"""Asking for a date to jump to."""

from __future__ import annotations

import re
from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from tui.widgets.literal import literal

_DATE = re.compile(r"\s*(\d{4})[-/.]?(\d{1,2})(?:[-/.]?(\d{1,2}))?\s*$")


def parse_date(text: str) -> date | None:
    """``YYYY-MM-DD`` (or ``/``, ``.``, nothing between), or ``YYYY-MM`` for its first day."""
    match = _DATE.match(text)
    if match is None:
        return None
    year, month, day = match.groups()
    try:
        return date(int(year), int(month), int(day or 1))
    except ValueError:
        return None


class DatePrompt(ModalScreen[date | None]):
    """A one-line form; dismisses with the date typed, or None on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="date.cancel"),
    ]

    DEFAULT_CSS = """
    DatePrompt { align: center middle; }
    DatePrompt > Vertical {
        width: 40; height: auto; border: round $primary; background: $surface; padding: 0 1;
    }
    DatePrompt #date-error { color: $error; width: 100%; height: auto; }
    """

    def __init__(self, initial: date | None) -> None:
        super().__init__()
        self.initial = initial

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = literal("Go to date")
            yield Input(
                value=self.initial.isoformat() if self.initial else "",
                placeholder="YYYY-MM-DD",
                id="date-input",
            )
            yield Label(literal("The nearest day with papers opens."), id="date-error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        chosen = parse_date(event.value)
        if chosen is None:
            shaped = _DATE.match(event.value) is not None  # the shape is right, the day is not
            reason = "No such day" if shaped else "Not a date"
            message = literal(f"{reason}: {event.value!r}. Use YYYY-MM-DD.")
            self.query_one("#date-error", Label).update(message)
            return
        self.dismiss(chosen)
