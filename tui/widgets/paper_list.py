"""Papers, one row each: votes, markers, day and title, and the reader's note marker and tags.

A selected paper (to act on with others at once) is marked between its votes and its
star, and its title is bold."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from textual.content import Content
from textual.events import Resize
from textual.message import Message

from tui.archive.entry import Entry
from tui.terminal.glyphs import UNICODE, Glyphs
from tui.widgets.fitting import fit
from tui.widgets.line_list import LineList
from tui.widgets.literal import literal

VOTES_WIDTH = 4
TITLE_FRAME = 6  # the corners and the spaces around a border title
MARKS_WIDTH = VOTES_WIDTH + 4  # votes, the selection, bookmark and unread markers, a space


@dataclass(frozen=True)
class PaperMarks:
    """How the list learns which papers are bookmarked, unread, noted, tagged, selected
    (by paper id)."""

    bookmarked: Callable[[str], bool] = lambda _id: False
    unread: Callable[[str], bool] = lambda _id: False
    noted: Callable[[str], bool] = lambda _id: False
    tags: Callable[[str], Sequence[str]] = lambda _id: ()
    selected: Callable[[str], bool] = lambda _id: False


class PaperList(LineList):
    """The papers of a day, a week or a month (or an author's), one row each."""

    @dataclass
    class Highlighted(Message):
        """The cursor moved to a paper."""

        entry: Entry

        def can_replace(self, message: Message) -> bool:  # only the latest position matters
            return isinstance(message, type(self))

    @dataclass
    class Opened(Message):
        """The user opened the paper under the cursor (enter)."""

        entry: Entry

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: Sequence[Entry] = []
        self.marks = PaperMarks()
        self.glyphs: Glyphs = UNICODE
        self.label = ""  # the border's name for what is listed: a day, a week, an author
        self.order_label = ""
        self.every_id: list[str] | None = None  # every paper listed, when a filter hides some
        self.hidden_text = "No papers match the filter."  # said when the filter hides them all
        self.notes: list[str] = []  # said after the order in the title (filter, search)
        self.archive_tag = ""  # said first in the title: "demo" while the demo archive shows
        self.selection_label = ""  # said after the label: "3 selected"
        self.loading = False  # files of what is listed are still being read
        self.row_days = False  # each row shows its paper's day (a week, a month, an author)
        self.day_format = "%m-%d"  # how each row's day reads (the year, across years)

    def show(
        self,
        entries: Sequence[Entry],
        cursor: int = 0,
        *,
        label: str,
        order_label: str = "",
        every_id: list[str] | None = None,
        row_days: bool = False,
    ) -> None:
        """Show ``entries`` with the cursor on row ``cursor``, under ``label``.

        ``every_id``: every paper of what is listed when a filter shows only some (the
        title counts what is unread among them, as the date sidebar does). ``row_days``:
        each row shows its paper's day.
        """
        self.entries = entries
        self.label = label
        self.order_label = order_label
        self.every_id = every_id
        self.row_days = row_days
        self.scroll_to(y=0, animate=False, immediate=True)
        self.rows_changed(cursor)
        self.update_titles()

    @property
    def ids(self) -> list[str]:
        return [entry.pid for entry in self.entries]

    def update_titles(self) -> None:
        """The border says what is listed, how much is unread, the order, the notes.

        Notes that do not fit after the rest go to the bottom border, so none is cut.
        """
        ids = self.ids if self.every_id is None else self.every_id
        unread = sum(map(self.marks.unread, ids))
        counts = f"{unread:,}/{len(ids):,} unread"
        parts = [self.archive_tag, self.label, self.selection_label, counts, self.order_label]
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
            else self.hidden_text
            if self.every_id is not None
            else "No papers."
        )

    @property
    def current(self) -> Entry | None:
        """The paper under the cursor."""
        entries = self.entries
        return entries[self.cursor] if 0 <= self.cursor < len(entries) else None

    @property
    def current_id(self) -> str | None:
        """The identity of the paper under the cursor."""
        current = self.current
        return current.pid if current is not None else None

    def index_of(self, pid: str) -> int | None:
        return next((i for i, entry in enumerate(self.entries) if entry.pid == pid), None)

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
        return len(self.entries)

    def row_content(self, index: int, width: int) -> Content:
        entry = self.entries[index]
        paper, pid = entry.paper, entry.pid
        votes = f"{paper.votes:>{VOTES_WIDTH}}" if paper.votes is not None else " " * 3 + "-"
        if len(votes) > VOTES_WIDTH:
            votes = f"{paper.votes // 1000:>{VOTES_WIDTH - 1}}k"  # type: ignore[operator]
        bookmark = self.glyphs.bookmark if self.marks.bookmarked(pid) else " "
        unread = self.glyphs.unread if self.marks.unread(pid) else self.glyphs.read
        muted = self.part_style("line-list--muted")
        marker = self.part_style("line-list--marker")
        day = ""
        if self.row_days:
            day = f"{entry.day:{self.day_format}} " if entry.day else "undated "
        chosen = self.marks.selected(pid)
        title = Content.styled(paper.title, "bold") if chosen else Content(paper.title)
        mine = self._mine(pid, width)
        if mine.cell_length:
            room = width - MARKS_WIDTH - len(day) - mine.cell_length
            title = fit(title, room)
        return Content.assemble(
            (votes, muted),
            (self.glyphs.selected, marker) if chosen else " ",
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
        self.post_message(self.Highlighted(self.entries[index]))

    def row_selected(self, index: int) -> None:
        self.post_message(self.Opened(self.entries[index]))
