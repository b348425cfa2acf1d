"""The papers of one day, one row each: votes, markers, title, and the reader's note
marker and tags."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from textual.content import Content
from textual.message import Message

from parsers import Paper
from tui.terminal.glyphs import UNICODE, Glyphs
from tui.widgets.line_list import LineList

VOTES_WIDTH = 4
MARKS_WIDTH = VOTES_WIDTH + 4  # votes, a space, the bookmark and unread markers, a space


@dataclass(frozen=True)
class PaperMarks:
    """How the list learns which papers are bookmarked, unread, noted, tagged (by paper id)."""

    bookmarked: Callable[[str], bool] = lambda _id: False
    unread: Callable[[str], bool] = lambda _id: False
    noted: Callable[[str], bool] = lambda _id: False
    tags: Callable[[str], Sequence[str]] = lambda _id: ()


class PaperList(LineList):
    """The selected day's papers in the chosen order."""

    @dataclass
    class Highlighted(Message):
        """The cursor moved to a paper."""

        paper: Paper
        day: date | None
        pid: str

        def can_replace(self, message: Message) -> bool:  # only the latest position matters
            return isinstance(message, type(self))

    @dataclass
    class Opened(Message):
        """The user opened the paper under the cursor (enter)."""

        paper: Paper
        day: date | None
        pid: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.day: date | None = None
        self.papers: list[Paper] = []
        self.ids: list[str] = []
        self.marks = PaperMarks()
        self.glyphs: Glyphs = UNICODE
        self.order_label = ""
        self.filter_total: int | None = None  # papers of the day when a filter hides some
        self.loading = False  # the day's files are still being read

    def show(
        self,
        day: date | None,
        papers: list[Paper],
        ids: list[str],
        cursor: int = 0,
        *,
        order_label: str = "",
        filter_total: int | None = None,
    ) -> None:
        """Show ``papers`` of ``day`` (identities ``ids``) with the cursor on row ``cursor``.

        ``filter_total`` is how many papers the day has when a filter shows only some.
        """
        self.day = day
        self.papers = papers
        self.ids = ids
        self.order_label = order_label
        self.filter_total = filter_total
        self.scroll_to(y=0, animate=False, immediate=True)
        self.rows_changed(cursor)
        self.update_titles()

    def update_titles(self) -> None:
        """The border says the day, how many papers are unread, the order and the filter."""
        label = f"{self.day:%Y-%m-%d}" if self.day else "Undated"
        count = len(self.papers)
        unread = sum(map(self.marks.unread, self.ids))
        self.border_title = f"{label} · {unread:,}/{count:,} unread · {self.order_label}"
        filtered = self.filter_total is not None
        self.empty_text = (
            "Reading this day…"
            if self.loading
            else "No papers match the filter."
            if filtered
            else "No papers."
        )
        self.border_subtitle = f"filter: {count:,} of {self.filter_total:,}" if filtered else ""

    @property
    def current(self) -> Paper | None:
        return self.papers[self.cursor] if 0 <= self.cursor < len(self.papers) else None

    @property
    def current_id(self) -> str | None:
        """The identity of the paper under the cursor."""
        return self.ids[self.cursor] if 0 <= self.cursor < len(self.ids) else None

    def index_of(self, pid: str) -> int | None:
        try:
            return self.ids.index(pid)
        except ValueError:
            return None

    def restyle(self) -> None:
        super().restyle()
        self.update_titles()

    def restyle_paper(self, pid: str) -> None:
        index = self.index_of(pid)
        if index is not None:
            self.restyle_row(index)
        self.update_titles()

    def row_count(self) -> int:
        return len(self.papers)

    def row_content(self, index: int, width: int) -> Content:
        paper = self.papers[index]
        pid = self.ids[index]
        votes = f"{paper.votes:>{VOTES_WIDTH}}" if paper.votes is not None else " " * 3 + "-"
        if len(votes) > VOTES_WIDTH:
            votes = f"{paper.votes // 1000:>{VOTES_WIDTH - 1}}k"  # type: ignore[operator]
        bookmark = self.glyphs.bookmark if self.marks.bookmarked(pid) else " "
        unread = self.glyphs.unread if self.marks.unread(pid) else self.glyphs.read
        muted = self.part_style("line-list--muted")
        marker = self.part_style("line-list--marker")
        title = Content(paper.title)
        mine = self._mine(pid, width)
        if mine.cell_length:
            title = title.truncate(width - MARKS_WIDTH - mine.cell_length, ellipsis=True, pad=True)
        return Content.assemble(
            (votes, muted), " ", (bookmark, marker), (unread, marker), " ", title, mine
        )

    def _mine(self, pid: str, width: int) -> Content:
        """The note marker and tags at the end of a row (at most a third of it)."""
        text = f" {self.glyphs.note}" if self.marks.noted(pid) else ""
        text += "".join(f" #{tag}" for tag in self.marks.tags(pid))
        room = max(0, (width - MARKS_WIDTH) // 3)
        if not text or room < 3:
            return Content("")
        return Content.styled(text, self.part_style("line-list--tag")).truncate(room, ellipsis=True)

    def cursor_moved(self, index: int) -> None:
        self.post_message(self.Highlighted(self.papers[index], self.day, self.ids[index]))

    def row_selected(self, index: int) -> None:
        self.post_message(self.Opened(self.papers[index], self.day, self.ids[index]))
