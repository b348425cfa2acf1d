"""Every bookmark across all days: jump to one, remove one (with undo), change the order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer

from tui.bookmarks import Bookmark, sorted_bookmarks
from tui.glyphs import UNICODE, Glyphs
from tui.widgets.line_list import LineList

if TYPE_CHECKING:
    from tui.app import PaperdeckApp

SORT_LABELS = {"added": "by date bookmarked", "date": "by paper date"}


class BookmarkList(LineList):
    """Bookmarks, one row each: paper date, title, when bookmarked."""

    @dataclass
    class Opened(Message):
        bookmark: Bookmark

    def __init__(self) -> None:
        super().__init__(id="bookmark-list")
        self.items: list[Bookmark] = []
        self.empty_text = "No bookmarks yet: press b on a paper to keep it here."
        self.glyphs: Glyphs = UNICODE

    def show(self, items: list[Bookmark], cursor: int | None = None) -> None:
        self.items = items
        self.rows_changed(cursor)

    @property
    def current(self) -> Bookmark | None:
        return self.items[self.cursor] if 0 <= self.cursor < len(self.items) else None

    def row_count(self) -> int:
        return len(self.items)

    def row_content(self, index: int, width: int) -> Content:
        bookmark = self.items[index]
        day = bookmark.date.isoformat() if bookmark.date else "undated   "
        added = f"{bookmark.bookmarked_at:%Y-%m-%d}"
        muted = self.part_style("line-list--muted")
        title = Content(bookmark.display_title)
        room = max(0, width - 12 - 2 - 18)
        return Content.assemble(
            (day, muted),
            "  ",
            (self.glyphs.bookmark, self.part_style("line-list--marker")),
            " ",
            title.truncate(room, ellipsis=True, pad=True),
            (f"  added {added}", muted),
        )

    def row_selected(self, index: int) -> None:
        self.post_message(self.Opened(self.items[index]))


class BookmarksScreen(Screen[None]):
    """Opened with ``B``; ``escape`` goes back to the reader."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,B", "app.pop_screen", "Back", id="bookmarks.close"),
        Binding("b,delete", "remove", "Remove", id="bookmarks.remove"),
        Binding("s", "toggle_sort", "Sort", id="bookmarks.sort"),
        Binding("z", "app.undo", "Undo", id="bookmarks.undo"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.sort = "added"

    @property
    def deck(self) -> PaperdeckApp:
        return self.app  # type: ignore[return-value]

    @property
    def bookmark_list(self) -> BookmarkList:
        return self.query_one(BookmarkList)

    def compose(self) -> ComposeResult:
        yield BookmarkList()
        yield Footer()

    def on_mount(self) -> None:
        self.bookmark_list.glyphs = self.deck.glyphs
        self.refresh_items()
        self.bookmark_list.focus()

    def on_screen_resume(self) -> None:
        self.refresh_items()

    def refresh_items(self) -> None:
        """Re-read the bookmarks (after a change here, an undo, or another instance)."""
        state = self.deck.user_state
        items = sorted_bookmarks(state.bookmarks, self.sort)
        current = self.bookmark_list.current
        cursor = next((i for i, b in enumerate(items) if current and b.id == current.id), None)
        self.bookmark_list.show(items, cursor)
        count = len(items)
        self.bookmark_list.border_title = f"Bookmarks · {count:,}"
        self.bookmark_list.border_subtitle = SORT_LABELS[self.sort]

    def action_toggle_sort(self) -> None:
        self.sort = "date" if self.sort == "added" else "added"
        self.refresh_items()

    def action_remove(self) -> None:
        bookmark = self.bookmark_list.current
        if bookmark is not None:
            self.deck.remove_bookmark(bookmark)
            self.refresh_items()

    def on_bookmark_list_opened(self, message: BookmarkList.Opened) -> None:
        self.deck.open_bookmark(message.bookmark)
