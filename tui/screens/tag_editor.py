"""The tags of one paper in a one-line box that completes tags already in use."""

from __future__ import annotations

from collections import Counter
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from tui.userdata.annotations import tags_by_use
from tui.widgets.literal import literal
from tui.widgets.tag_input import TagInput

HINT = "enter: save · tab or →: complete · escape: cancel · an empty box removes every tag"
SHOWN_TAGS = 30


class TagEditor(ModalScreen[list[str] | None]):
    """Dismissed with the paper's tags as typed (the caller saves them), or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="tags.cancel"),
    ]

    def __init__(self, title: str, tags: list[str], counts: Counter[str]) -> None:
        super().__init__()
        self.paper_title = title
        self.tags = tags
        self.counts = counts

    def compose(self) -> ComposeResult:
        known = tags_by_use(self.counts)
        value = " ".join(self.tags) + (" " if self.tags else "")
        with Vertical(id="tag-box") as box:
            box.border_title = literal(f"Tags · {self.paper_title}")
            yield TagInput(value, known, placeholder="tags, separated by spaces", id="tag-input")
            shown = "  ".join(f"#{tag} {self.counts[tag]}" for tag in known[:SHOWN_TAGS])
            more = f"  … {len(known) - SHOWN_TAGS} more" if len(known) > SHOWN_TAGS else ""
            used = f"In use: {shown}{more}" if known else "No tags yet."
            yield Label(literal(used), id="tag-known")
            yield Label(literal(HINT), id="tag-hint")

    def on_mount(self) -> None:
        self.query_one(TagInput).focus()

    @on(Input.Submitted, "#tag-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(self.query_one(TagInput).tags)

    def action_cancel(self) -> None:
        self.dismiss(None)
