"""Every bookmark across all days: jump to one, remove one (with undo), change the order."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer

from tui.screens.requests import OpenBookmarkRequested
from tui.screens.services import ReaderServices
from tui.userdata.bookmarks import sorted_bookmarks
from tui.widgets.bookmark_list import BookmarkList

SORT_LABELS = {"added": "by date bookmarked", "date": "by paper date"}


class BookmarksScreen(Screen[None]):
    """Opened with ``B``; ``escape`` goes back to the reader."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,B", "app.pop_screen", "Back", id="bookmarks.close"),
        Binding("b,delete", "remove", "Remove", id="bookmarks.remove"),
        Binding("s", "toggle_sort", "Sort", id="bookmarks.sort"),
        Binding("z", "app.undo", "Undo", id="bookmarks.undo"),
    ]

    def __init__(self, services: ReaderServices) -> None:
        super().__init__()
        self.services = services
        self.sort = "added"

    @property
    def bookmark_list(self) -> BookmarkList:
        return self.query_one(BookmarkList)

    def compose(self) -> ComposeResult:
        yield BookmarkList()
        yield Footer()

    def on_mount(self) -> None:
        self.bookmark_list.glyphs = self.services.glyphs
        self.services.marks_changed.subscribe(self, lambda _: self.refresh_items())
        self.refresh_items()
        self.bookmark_list.focus()

    def on_screen_resume(self) -> None:
        self.refresh_items()

    def refresh_items(self) -> None:
        """Re-read the bookmarks (after a change here, an undo, or another instance)."""
        items = sorted_bookmarks(self.services.user_state.bookmarks, self.sort)
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
            notice = self.services.marking.remove_bookmark(bookmark)
            self.notify(notice.text, timeout=notice.timeout, markup=False)
            self.services.marks_changed.publish(None)

    def on_bookmark_list_opened(self, message: BookmarkList.Opened) -> None:
        self.post_message(OpenBookmarkRequested(message.bookmark))
