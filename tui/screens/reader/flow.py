"""Reading on: opening a paper, the next unread one, and the search result being read.

A paper counts as read when it is opened (``enter``, a search result or bookmark opened
on it, ``n``/``N``, ``space`` past its end) and, with ``mark_read = "shown"``, whenever the
detail pane shows it while focused; never by moving through the list or the days.
"""

from __future__ import annotations

from datetime import date

from textual import events, on

from tui.archive.entry import Entry
from tui.archive.unread import Place, unread_places
from tui.screens.reader.explore import ExploreActions
from tui.search.matching import paper_matches


class ReadingFlow(ExploreActions):
    """Opening papers and reading on from one to the next."""

    def open_paper(self, day: date | None, pid: str, note: str = "") -> None:
        """Show the paper ``pid`` of ``day`` with the detail pane focused: it is opened.

        ``note`` (a search result's place, say) is shown in the list's title while the
        paper stays under the cursor.
        """
        self.result_note = (pid, note) if note else None
        self.show_at(day, pid=pid, passing=True)  # in its week or month when they are listed
        if self.day_filter is not None and self.paper_list.index_of(pid) is None:
            self.drop_filter()  # the filter hides the paper asked for
            self.show_at(day, user=False, pid=pid, passing=True)
        index = self.paper_list.index_of(pid)
        if index is not None:
            self.paper_list.cursor = index
        self.detail.focus()
        self.mark_shown_read(opened=True)
        self.update_list_title()

    def on_result(self) -> bool:
        """Whether the paper under the cursor is the search result last opened."""
        note = self.result_note
        return note is not None and note[0] == self.paper_list.current_id

    @on(events.DescendantFocus)
    def _focused(self, event: events.DescendantFocus) -> None:
        if event.widget is self.detail and self.services.mark_read == "shown":
            self.mark_shown_read()  # the detail pane is being read

    # -- the next unread paper -------------------------------------------------------

    def action_next_unread(self, forward: bool = True) -> None:
        """Open the next (or previous) unread paper: this day's list, then other days.

        From the list, ``n`` opens the paper under the cursor first if it is unread.
        """
        state = self.user_state
        paper_list = self.paper_list
        cursor = paper_list.cursor if paper_list.ids else (-1 if forward else 0)
        current = paper_list.current_id
        if forward and current and not self.detail.has_focus and not state.is_read(current):
            cursor -= 1  # browsing the list: the unread paper under the cursor comes first
        places = unread_places(
            self.store,
            self.day,
            paper_list.ids,
            cursor,
            self.order,
            lambda pid: not state.is_read(pid),
            forward,
        )
        place = next((p for p in places if self._kept(p)), None)
        if place is None:
            where = "after this one, here or in older days" if forward else "before this one"
            later = "" if self.store.complete else " (more days are still being read)"
            self.notify(f"No unread paper {where}{later}.", timeout=3)
            return
        self.open_paper(place.day, place.pid)

    def _kept(self, place: Place) -> bool:
        """Whether a pinned filter keeps the paper (this day's list is filtered already)."""
        query = self.day_filter
        if query is None or place.day == self.day:
            return True
        paper = self.store.find(place.pid, place.day)
        if paper is None:
            return False
        entry = Entry(place.day, self.store.full(place.day, paper), place.pid)
        return paper_matches(query, entry, self.user_state)

    def action_read_on(self) -> None:
        """A page down the paper; at its end, it is read and the next unread one opens."""
        detail = self.detail
        if detail.paper is not None and detail.scroll_offset.y < detail.max_scroll_y:
            detail.scroll_page_down(animate=False)
            return
        self.mark_shown_read(opened=True)
        self.action_next_unread()
