"""The papers of one day (or week or month), one row each: votes, markers, day and title,
and the reader's note marker and tags."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from rich.cells import cell_len
from textual.content import Content
from textual.events import Resize
from textual.message import Message

from parsers import Paper
from tui.terminal.glyphs import UNICODE, Glyphs
from tui.widgets.fitting import fit
from tui.widgets.line_list import LineList
from tui.widgets.literal import literal

VOTES_WIDTH = 4
TITLE_FRAME = 6  # the corners and the spaces around a border title
MARKS_WIDTH = VOTES_WIDTH + 4  # votes, a space, the bookmark and unread markers, a space


@dataclass(frozen=True)
class PaperMarks:
    """How the list learns which papers are bookmarked, unread, noted, tagged (by paper id)."""

    bookmarked: Callable[[str], bool] = lambda _id: False
    unread: Callable[[str], bool] = lambda _id: False
    noted: Callable[[str], bool] = lambda _id: False
    tags: Callable[[str], Sequence[str]] = lambda _id: ()


class PaperList(LineList):
    """The selected day's (or period's) papers in the chosen order."""

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
        self.papers: Sequence[Paper] = []
        self.ids: list[str] = []
        self.marks = PaperMarks()
        self.glyphs: Glyphs = UNICODE
        self.order_label = ""
        self.day_ids: list[str] | None = None  # the whole day's papers, when a filter hides some
        self.notes: list[str] = []  # said after the order in the title (filter, search)
        self.loading = False  # the day's files are still being read
        self.row_days: list[date | None] | None = None  # each paper's day, in a week or month
        self.label: str | None = None  # the border's name for a week or month
        self.day_format = "%m-%d"  # how each row's day reads (the year, across years)

    def show(
        self,
        day: date | None,
        papers: Sequence[Paper],
        ids: list[str],
        cursor: int = 0,
        *,
        order_label: str = "",
        day_ids: list[str] | None = None,
        days: list[date | None] | None = None,
        label: str | None = None,
    ) -> None:
        """Show ``papers`` of ``day`` (identities ``ids``) with the cursor on row ``cursor``.

        ``day_ids`` are all the day's papers when a filter shows only some: the title
        counts what is unread among them, as the date sidebar does. For a week or month,
        ``days`` holds each paper's day (shown in its row) and ``label`` names the period.
        """
        self.row_days = days
        self.label = label
        self.day = day
        self.papers = papers
        self.ids = ids
        self.order_label = order_label
        self.day_ids = day_ids
        self.scroll_to(y=0, animate=False, immediate=True)
        self.rows_changed(cursor)
        self.update_titles()

    def update_titles(self) -> None:
        """The border says the day, how many of its papers are unread, the order, the notes.

        Notes that do not fit after the rest go to the bottom border, so none is cut.
        """
        label = self.label or (f"{self.day:%Y-%m-%d}" if self.day else "Undated")
        ids = self.ids if self.day_ids is None else self.day_ids
        unread = sum(map(self.marks.unread, ids))
        parts = [label, f"{unread:,}/{len(ids):,} unread", self.order_label]
        title = " · ".join(part for part in [*parts, *self.notes] if part)
        room = self.size.width - TITLE_FRAME
        if not self.notes or self.size.width == 0 or cell_len(title) <= room:
            self.border_title, self.border_subtitle = literal(title), literal("")
        else:
            self.border_title = literal(" · ".join(part for part in parts if part))
            self.border_subtitle = literal(" · ".join(self.notes))
        self.empty_text = (
            "Reading this day…"
            if self.loading
            else "No papers match the filter."
            if self.day_ids is not None
            else "No papers."
        )

    @property
    def current(self) -> Paper | None:
        return self.papers[self.cursor] if 0 <= self.cursor < len(self.papers) else None

    def day_of(self, index: int) -> date | None:
        """The day of the paper on row ``index`` (in a week or month, each row has its own)."""
        days = self.row_days
        if days is None:
            return self.day
        return days[index] if 0 <= index < len(days) else None

    @property
    def current_day(self) -> date | None:
        return self.day_of(self.cursor)

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

    def on_resize(self, event: Resize) -> None:
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
        day = ""
        if self.row_days is not None:
            shown = self.row_days[index]
            day = f"{shown:{self.day_format}} " if shown else "undated "
        title = Content(paper.title)
        mine = self._mine(pid, width)
        if mine.cell_length:
            room = width - MARKS_WIDTH - len(day) - mine.cell_length
            title = fit(title, room)
        return Content.assemble(
            (votes, muted),
            " ",
            (bookmark, marker),
            (unread, marker),
            " ",
            (day, muted),
            title,
            mine,
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
        self.post_message(self.Highlighted(self.papers[index], self.day_of(index), self.ids[index]))

    def row_selected(self, index: int) -> None:
        self.post_message(self.Opened(self.papers[index], self.day_of(index), self.ids[index]))
