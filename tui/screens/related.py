"""More like this: the papers most like one paper, across the archive; enter opens one.

The ranking is :func:`tui.search.related.related_papers` (``paperdeck related`` prints the
same); it runs in a worker, on a connection of its own, and the list fills when it is done.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Label

from tui.archive.entry import Entry
from tui.screens.paper_actions import PAPER_BINDINGS, PaperActions
from tui.screens.requests import OpenPaperRequested
from tui.screens.services import ReaderServices, reading_in_worker, so_far
from tui.search.related import UnknownPaper, related_papers
from tui.widgets.key_footer import KeyFooter
from tui.widgets.literal import literal
from tui.widgets.paper_list import PaperList

SHOWN = 20
"""Related papers the screen lists."""


class RelatedScreen(Screen[None]):
    """The papers most like ``entry``, most alike first (enter opens one in its day)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="related.close"),
        *PAPER_BINDINGS,
    ]
    AUTO_FOCUS = "#related-papers"

    @dataclass
    class Found(Message):
        """The related papers, most alike first, and the words they were found by."""

        entries: list[Entry]
        terms: list[str]

    def __init__(self, services: ReaderServices, entry: Entry) -> None:
        super().__init__()
        self.services = services
        self.entry = entry
        self.actions = PaperActions(self, services, lambda: self.paper_list)

    @property
    def paper_list(self) -> PaperList:
        return self.query_one("#related-papers", PaperList)

    def compose(self) -> ComposeResult:
        head = Content.assemble(("More like ", "bold"), literal(self.entry.paper.title))
        yield Label(head, id="related-head")
        yield Label(literal("Finding the paper's distinctive words…"), id="related-terms")
        yield PaperList(id="related-papers")
        yield KeyFooter()

    def on_mount(self) -> None:
        papers = self.paper_list
        papers.glyphs = self.services.glyphs
        papers.day_format = "%Y-%m-%d"
        papers.marks = self.actions.marks()
        papers.empty_text = "Looking for related papers…"
        papers.show([], label="Related", order_label="most alike first", row_days=True)
        self.services.marks_changed.subscribe(self, lambda _: papers.restyle())
        self._find()

    @work(thread=True, exclusive=True, group="related")
    def _find(self) -> None:
        store = self.services.store
        with reading_in_worker(store):
            try:
                found = related_papers(store.cache.connection(), self.entry.pid, SHOWN)
            except UnknownPaper:  # the archive changed under the reader: nothing to say
                self.post_message(self.Found([], []))
                return
            entries = [Entry(f.row.day, f.row.paper, f.row.pid, f.row.body) for f in found.papers]
            self.post_message(self.Found(entries, found.terms))

    def on_related_screen_found(self, message: Found) -> None:
        papers = self.paper_list
        words = " ".join(message.terms)
        partial = so_far(self.services.store)
        said = f"by the words: {words}" if words else "the paper has no distinctive words"
        self.query_one("#related-terms", Label).update(literal(f"{said}{partial}"))
        papers.empty_text = "No related papers in the archive."
        papers.show(message.entries, label="Related", order_label="most alike first",
                    row_days=True)  # fmt: skip

    @on(PaperList.Opened)
    def _paper_opened(self, event: PaperList.Opened) -> None:
        self.post_message(OpenPaperRequested(event.entry.day, event.entry.pid))

    # -- the papers' keys (see PaperActions) ----------------------------------------------

    def action_back(self) -> None:
        """Clear the selection, else go back."""
        if not self.actions.clear():
            self.app.pop_screen()

    def action_paper(self, name: str) -> None:
        self.actions.run(name)
