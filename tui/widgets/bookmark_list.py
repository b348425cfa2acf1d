"""Bookmarks, one row each: the paper's day, its title and when it was bookmarked."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.message import Message

from tui.terminal.glyphs import UNICODE, Glyphs
from tui.userdata.bookmarks import Bookmark
from tui.widgets.line_list import LineList


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
        added = f"{bookmark.added_local:%Y-%m-%d}"
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
