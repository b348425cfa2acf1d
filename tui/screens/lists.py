"""Reading lists: every list with its count, and the papers of the one under the cursor;
enter on a paper opens it in its day, ``delete`` takes it off the list (with undo)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen

from tui.screens.requests import OpenBookmarkRequested
from tui.screens.services import ReaderServices
from tui.widgets.bookmark_list import BookmarkList
from tui.widgets.key_footer import KeyFooter
from tui.widgets.literal import literal
from tui.widgets.name_list import NamedFigure, NameList


class ListsScreen(Screen[None]):
    """Opened with ``l``; ``escape`` goes back a pane, then to the reader."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,l", "close", "Back", id="lists.close"),
        Binding("tab", "switch_pane", "Lists / papers", show=False, id="lists.pane"),
        Binding("delete,minus", "remove", "Off the list", id="lists.remove"),
        Binding("z", "app.undo", "Undo", id="lists.undo"),
    ]

    def __init__(self, services: ReaderServices) -> None:
        super().__init__()
        self.services = services
        self.shown: str | None = None  # the list whose papers are shown

    @property
    def names(self) -> NameList:
        return self.query_one("#list-names", NameList)

    @property
    def papers(self) -> BookmarkList:
        return self.query_one(BookmarkList)

    def compose(self) -> ComposeResult:
        with Horizontal(id="lists-panes"):
            yield NameList(id="list-names")
            yield BookmarkList()
        yield KeyFooter()

    def on_mount(self) -> None:
        self.papers.glyphs = self.services.glyphs
        self.papers.empty_text = "No papers on this list."
        self.names.empty_text = "No reading lists yet: press + on a paper to add it to one."
        self.services.marks_changed.subscribe(self, lambda _: self.refresh_items())
        self.refresh_items()
        self.names.focus()

    def on_screen_resume(self) -> None:
        self.refresh_items()

    def refresh_items(self) -> None:
        """Re-read the lists (after a change here, an undo, or another instance)."""
        counts = self.services.user_state.list_counts()
        names = sorted(counts, key=lambda name: (name.casefold(), name))
        kept = self.shown if self.shown in counts else None
        cursor = names.index(kept) if kept is not None else min(self.names.cursor, len(names) - 1)
        self.names.show([NamedFigure(name, f"{counts[name]:,}") for name in names])
        if names:
            self.names.cursor = max(cursor, 0)
        self.names.border_title = literal(f"Lists · {len(names):,}")
        self._show_papers()

    def _show_papers(self) -> None:
        current = self.names.current
        self.shown = current.name if current is not None else None
        items = self.services.user_state.list_papers(self.shown) if self.shown else []
        selected = self.papers.current
        cursor = next((i for i, b in enumerate(items) if selected and b.id == selected.id), None)
        self.papers.show(items, cursor)
        self.papers.border_title = literal(self.shown or "Papers")
        self.papers.border_subtitle = literal(f"{len(items):,} papers" if self.shown else "")

    @on(NameList.Highlighted)
    def _list_highlighted(self, event: NameList.Highlighted) -> None:
        self._show_papers()

    @on(NameList.Opened)
    def _list_opened(self, event: NameList.Opened) -> None:
        self.papers.focus()

    def on_bookmark_list_opened(self, message: BookmarkList.Opened) -> None:
        self.post_message(OpenBookmarkRequested(message.bookmark))

    def action_switch_pane(self) -> None:
        (self.names if self.papers.has_focus else self.papers).focus()

    def action_close(self) -> None:
        if self.papers.has_focus:
            self.names.focus()
        else:
            self.app.pop_screen()

    def action_remove(self) -> None:
        """Take the paper under the cursor off the list shown (undoable)."""
        paper = self.papers.current
        if paper is None or self.shown is None or not self.papers.has_focus:
            return
        notice = self.services.marking.remove_from_list(self.shown, paper)
        self.notify(notice.text, timeout=notice.timeout, markup=False)
        self.services.marks_changed.publish(None)
