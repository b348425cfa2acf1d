"""Authors: pick one of a paper's authors (``A``), and an author's page across the archive.

The page lists every paper of the author, newest first, with how many, the first and last
day, and the co-authors they share most papers with; each co-author opens their own page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Label

from tui.archive.cache.authors import AuthorCount
from tui.screens.paper_actions import PAPER_BINDINGS, PaperActions
from tui.screens.requests import OpenPaperRequested
from tui.screens.services import ReaderServices, reading_in_worker, so_far
from tui.widgets.key_footer import KeyFooter
from tui.widgets.literal import literal
from tui.widgets.name_list import NamedFigure, NameList
from tui.widgets.paper_list import PaperList


def _papers(count: int) -> str:
    return f"{count:,} paper{'' if count == 1 else 's'}"


class AuthorPicker(ModalScreen[str | None]):
    """The authors of one paper, each with their papers in the archive; enter opens one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="authors.cancel"),
    ]

    def __init__(self, title: str, names: list[str], counts: list[int], partial: str = "") -> None:
        super().__init__()
        self.paper_title = title
        self.partial = partial  # said under the list while the counts are of part of the archive
        self.items = [
            NamedFigure(name, _papers(count)) for name, count in zip(names, counts, strict=True)
        ]

    def compose(self) -> ComposeResult:
        with Vertical(id="author-picker"):
            yield NameList(id="picker-names")

    def on_mount(self) -> None:
        names = self.query_one(NameList)
        box = self.query_one("#author-picker")
        box.border_title = literal(f"Authors of {self.paper_title}")
        box.border_subtitle = literal(f"enter: the author's page · escape: back{self.partial}")
        names.show(self.items)
        names.focus()

    @on(NameList.Opened)
    def _opened(self, event: NameList.Opened) -> None:
        self.dismiss(event.name)


class AuthorScreen(Screen[None]):
    """One author's papers (enter opens one in its day) and co-authors (enter: their page)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="author.close"),
        *PAPER_BINDINGS,
    ]

    @dataclass
    class Counted(Message):
        """The co-authors are counted."""

        coauthors: list[AuthorCount]

    def __init__(self, services: ReaderServices, name: str) -> None:
        super().__init__()
        self.services = services
        self.page = services.store.author(name, together=False)  # co-authors: in a worker
        self.actions = PaperActions(self, services, lambda: self.paper_list)

    @property
    def paper_list(self) -> PaperList:
        return self.query_one("#author-papers", PaperList)

    AUTO_FOCUS = "#author-papers"

    def compose(self) -> ComposeResult:
        page = self.page
        first, last = page.first, page.last
        span = f" · {first} – {last}" if first and last and first != last else ""
        span = span or (f" · {first}" if first else "")
        partial = so_far(self.services.store)
        head = Content.assemble((page.name, "bold"), f" · {_papers(len(page.pids))}{span}{partial}")
        yield Label(head, id="author-head")
        with Horizontal(id="author-body"):
            yield PaperList(id="author-papers")
            yield NameList(id="coauthors")
        yield KeyFooter()

    def on_mount(self) -> None:
        page = self.page
        papers = self.paper_list
        papers.glyphs = self.services.glyphs
        papers.day_format = "%Y-%m-%d"
        papers.marks = self.actions.marks()
        papers.empty_text = "No papers of this author in the archive."
        papers.show(page.entries, label=page.name, order_label="newest first", row_days=True)
        coauthors = self.query_one("#coauthors", NameList)
        coauthors.border_title = literal("Co-authors")
        coauthors.empty_text = "Counting…" if page.pids else "No co-authors."
        self.services.marks_changed.subscribe(self, lambda _: papers.restyle())
        if page.pids:  # once the papers are on screen: the count competes for the CPU
            self.call_after_refresh(self._count_coauthors)

    @work(thread=True, exclusive=True, group="coauthors")
    def _count_coauthors(self) -> None:
        store = self.services.store
        with reading_in_worker(store):
            self.post_message(self.Counted(store.coauthors(self.page.name)))

    def on_author_screen_counted(self, message: Counted) -> None:
        coauthors = self.query_one("#coauthors", NameList)
        coauthors.empty_text = "No co-authors."
        coauthors.show([NamedFigure(c.name, f"{c.papers:,}") for c in message.coauthors])

    @on(PaperList.Opened)
    def _paper_opened(self, event: PaperList.Opened) -> None:
        self.post_message(OpenPaperRequested(event.entry.day, event.entry.pid))

    @on(NameList.Opened, "#coauthors")
    def _coauthor_opened(self, event: NameList.Opened) -> None:
        self.app.push_screen(AuthorScreen(self.services, event.name))

    # -- the papers' keys (see PaperActions) ----------------------------------------------

    def action_back(self) -> None:
        """Clear the selection, else go back."""
        if not self.actions.clear():
            self.app.pop_screen()

    def action_paper(self, name: str) -> None:
        self.actions.run(name)
