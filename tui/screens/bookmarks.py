"""Every kept paper across all days (starred, noted or tagged): jump to one, star or unstar
it (with undo), write its note and tags, filter by tag, change the order."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Input

from tui.screens.annotating import Target, edit_note, edit_tags
from tui.screens.requests import OpenBookmarkRequested
from tui.screens.services import ReaderServices
from tui.userdata.annotations import tags_by_use
from tui.userdata.bookmarks import Bookmark, sorted_bookmarks
from tui.widgets.bookmark_list import BookmarkList
from tui.widgets.key_footer import KeyFooter
from tui.widgets.literal import literal
from tui.widgets.tag_input import TagInput

SORT_LABELS = {"added": "by date bookmarked", "date": "by paper date"}


def carries(bookmark: Bookmark, typed: list[str]) -> bool:
    """Whether the paper has, for each typed word, a tag starting with it."""
    return all(any(tag.startswith(word) for tag in bookmark.tags) for word in typed)


class BookmarksScreen(Screen[None]):
    """Opened with ``B``; ``escape`` goes back to the reader (or clears the tag filter)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,B", "close", "Back", id="bookmarks.close"),
        Binding("b,delete", "remove", "Star/unstar", id="bookmarks.remove"),
        Binding("s", "toggle_sort", "Sort", id="bookmarks.sort"),
        Binding("f", "filter", "Filter by tag", id="bookmarks.filter"),
        Binding("e", "edit_note", "Edit note", show=False, id="bookmarks.note"),
        Binding("number_sign", "edit_tags", "Edit tags", show=False, id="bookmarks.tags"),
        Binding("z", "app.undo", "Undo", id="bookmarks.undo"),
    ]

    def __init__(self, services: ReaderServices) -> None:
        super().__init__()
        self.services = services
        self.sort = "added"
        self.tag_filter: list[str] = []

    @property
    def bookmark_list(self) -> BookmarkList:
        return self.query_one(BookmarkList)

    @property
    def filter_box(self) -> TagInput:
        return self.query_one("#bookmark-filter", TagInput)

    def compose(self) -> ComposeResult:
        known = tags_by_use(self.services.user_state.tag_counts())
        yield TagInput("", known, placeholder="Filter by tag…", id="bookmark-filter")
        yield BookmarkList()
        yield KeyFooter()

    def on_mount(self) -> None:
        self.bookmark_list.glyphs = self.services.glyphs
        self.services.marks_changed.subscribe(self, lambda _: self.refresh_items())
        self.refresh_items()
        self.bookmark_list.focus()

    def on_screen_resume(self) -> None:
        self.refresh_items()

    def refresh_items(self) -> None:
        """Re-read the bookmarks (after a change here, an undo, or another instance)."""
        kept = sorted_bookmarks(self.services.user_state.bookmarks, self.sort)
        items = [b for b in kept if carries(b, self.tag_filter)]
        current = self.bookmark_list.current
        cursor = next((i for i, b in enumerate(items) if current and b.id == current.id), None)
        self.bookmark_list.show(items, cursor)
        count = f"{len(items):,} of {len(kept):,}" if self.tag_filter else f"{len(items):,}"
        shown = " ".join(f"#{word}…" for word in self.tag_filter)
        title = f"Bookmarks · {count}" + (f" · {shown}" if shown else "")
        self.bookmark_list.border_title = literal(title)
        self.bookmark_list.border_subtitle = literal(SORT_LABELS[self.sort])
        if self.tag_filter and not items:
            self.bookmark_list.empty_text = "No kept paper has these tags."

    def action_close(self) -> None:
        if self.filter_box.has_focus or self.tag_filter:
            self._clear_filter()
        else:
            self.app.pop_screen()

    def action_toggle_sort(self) -> None:
        self.sort = "date" if self.sort == "added" else "added"
        self.refresh_items()

    def action_remove(self) -> None:
        """Remove the star (undoable); star again a paper kept by its note or tags."""
        bookmark = self.bookmark_list.current
        if bookmark is None:
            return
        marking = self.services.marking
        notice = marking.remove_bookmark(bookmark) if bookmark.starred else marking.star(bookmark)
        self.notify(notice.text, timeout=notice.timeout, markup=False)
        self.services.marks_changed.publish(None)

    def action_filter(self) -> None:
        self.filter_box.known = tags_by_use(self.services.user_state.tag_counts())
        self.filter_box.display = True
        self.filter_box.focus()

    def _clear_filter(self) -> None:
        with self.filter_box.prevent(Input.Changed):
            self.filter_box.value = ""
        self.filter_box.display = False
        self.tag_filter = []
        self.refresh_items()
        self.bookmark_list.focus()

    @on(Input.Changed, "#bookmark-filter")
    def _filter_typed(self, event: Input.Changed) -> None:
        self.tag_filter = self.filter_box.tags
        self.refresh_items()

    @on(Input.Submitted, "#bookmark-filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        self.bookmark_list.focus()

    def _target(self) -> Target | None:
        bookmark = self.bookmark_list.current
        return Target(bookmark.id, bookmark.display_title, None) if bookmark else None

    def action_edit_note(self) -> None:
        if target := self._target():
            edit_note(self, self.services, target)

    def action_edit_tags(self) -> None:
        if target := self._target():
            edit_tags(self, self.services, target)

    def on_bookmark_list_opened(self, message: BookmarkList.Opened) -> None:
        self.post_message(OpenBookmarkRequested(message.bookmark))
