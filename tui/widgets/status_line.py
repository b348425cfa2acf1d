"""One line at the foot of the reader for work in progress (a sync); hidden when idle."""

from __future__ import annotations

from textual.widgets import Static

from tui.widgets.literal import literal


class StatusLine(Static):
    """Shows a line of text, or nothing (and takes no room)."""

    def show(self, text: str) -> None:
        self.update(literal(text))
        self.display = bool(text)
