"""Kept papers, one row each: the paper's day, its star, title, note marker and tags, and
when it was bookmarked."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.message import Message

from tui.terminal.glyphs import UNICODE, Glyphs
from tui.userdata.bookmarks import Bookmark
from tui.widgets.fitting import fit
from tui.widgets.line_list import LineList


class BookmarkList(LineList):
    """Kept papers, one row each: paper date, star, title, note and tags, when bookmarked."""

    @dataclass
    class Opened(Message):
        bookmark: Bookmark

    def __init__(self) -> None:
        super().__init__(id="bookmark-list")
        self.items: list[Bookmark] = []
        self.empty_text = "No bookmarks yet: press b on a paper (or e, #) to keep it here."
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
        muted, marker = self.part_style("line-list--muted"), self.part_style("line-list--marker")
        room = max(0, width - 12 - 2 - 18)
        mine = f" {self.glyphs.note}" if bookmark.note is not None else ""
        mine += "".join(f" #{tag}" for tag in bookmark.tags)
        tags = Content(mine).truncate(room // 2, ellipsis=True)
        title = fit(Content(bookmark.display_title), room - tags.cell_length)
        return Content.assemble(
            (day, muted),
            "  ",
            (self.glyphs.bookmark if bookmark.starred else " ", marker),
            " ",
            title,
            tags.stylize(self.part_style("line-list--tag")),
            (f"  added {added}", muted),
        )

    def row_selected(self, index: int) -> None:
        self.post_message(self.Opened(self.items[index]))
