"""Acting on the papers of a paper list: the one under the cursor, or every selected one.

A screen with a :class:`~tui.widgets.paper_list.PaperList` (the reader, an author's page,
more like this) owns a :class:`PaperActions` and hands it its keys. ``v`` selects the
paper under the cursor, ``V`` every paper listed; while papers are selected, ``b``, ``#``,
``+``, ``u``, ``c`` and ``C`` act on all of them at once, and ``z`` undoes that as one
step. The screens it opens (tags, list names) are imported when first used.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from textual.binding import Binding, BindingType
from textual.screen import Screen

from tui.archive.entry import Entry
from tui.archive.links import abs_url
from tui.screens.requests import CopyRequested
from tui.screens.selection import Selection
from tui.screens.services import ReaderServices
from tui.userdata.bookmarks import Bookmark
from tui.userdata.marking import Notice
from tui.widgets.paper_list import PaperList, PaperMarks

SELECTION_BINDINGS: list[BindingType] = [
    Binding("v", "paper('toggle_select')", "Select", show=False,
            tooltip="Select / unselect the paper: b # + u c C act on all", id="list.select"),
    Binding("V", "paper('select_all')", "Select all", show=False,
            tooltip="Select every paper listed (again: none)", id="list.select_all"),
    Binding("plus", "paper('add_to_list')", "Add to list", show=False,
            tooltip="Add to a reading list", id="list.add_to"),
]  # fmt: skip
"""The reader's keys for the selection and lists (its other keys are its own)."""

PAPER_BINDINGS: list[BindingType] = [
    *SELECTION_BINDINGS,
    Binding("b", "paper('toggle_bookmark')", "Bookmark", show=False,
            tooltip="Bookmark / unbookmark", id="bookmark.toggle"),
    Binding("u", "paper('toggle_read')", "Read/unread", show=False, id="read.toggle"),
    Binding("number_sign", "paper('edit_tags')", "Edit tags", show=False, id="tags.edit"),
    Binding("c", "paper('copy_link')", "Copy link", show=False, id="link.copy"),
    Binding("C", "paper('copy_citation')", "Copy BibTeX", show=False, id="link.copy_bibtex"),
    Binding("z", "app.undo", "Undo", show=False, id="undo"),
]  # fmt: skip
"""The keys of a screen listing papers besides the reader (ids as the reader's)."""


ACTIONS = frozenset({
    "toggle_select", "select_all", "add_to_list", "toggle_bookmark", "toggle_read",
    "edit_tags", "copy_link", "copy_citation",
})  # fmt: skip
"""What a screen's ``action_paper(name)`` may run: a key above names one."""


class PaperActions:
    """What the keys above do on one screen's paper list: a screen binds them with its
    ``action_paper(name)`` calling :meth:`run`."""

    def __init__(
        self, screen: Screen[Any], services: ReaderServices, paper_list: Callable[[], PaperList]
    ) -> None:
        self.screen = screen
        self.services = services
        self.paper_list = paper_list
        self.selection = Selection()

    def marks(self, with_annotations: bool = False) -> PaperMarks:
        """How the list marks bookmarked, unread and selected papers (``with_annotations``:
        noted and tagged ones too)."""
        state = self.services.user_state
        marks = PaperMarks(
            bookmarked=state.is_bookmarked,
            unread=lambda pid: not state.is_read(pid),
            selected=self.selection.__contains__,
        )
        if not with_annotations:
            return marks
        return replace(marks, noted=lambda pid: state.note_of(pid) is not None, tags=state.tags_of)

    def run(self, name: str) -> None:
        """Do the action ``name`` of :data:`ACTIONS`."""
        if name in ACTIONS:
            getattr(self, name)()

    @property
    def current(self) -> Entry | None:
        return self.paper_list().current

    def _tell(self, notice: Notice | None) -> None:
        if notice is not None:
            self.screen.notify(
                notice.text,
                timeout=notice.timeout,
                severity="warning" if notice.warning else "information",
                markup=False,
            )
            self.services.marks_changed.publish(None)

    # -- the selection -------------------------------------------------------------------

    def selection_changed(self) -> None:
        papers = self.paper_list()
        papers.selection_label = self.selection.label
        papers.restyle()

    def toggle_select(self) -> None:
        if (entry := self.current) is not None:
            self.selection.toggle(entry)
            self.selection_changed()

    def select_all(self) -> None:
        """Select every paper listed; when each is selected already, clear the selection."""
        self.selection.toggle_all(self.paper_list().entries)
        self.selection_changed()

    def clear(self) -> bool:
        """Clear the selection; False when there was none."""
        if not self.selection:
            return False
        self.selection.clear()
        self.selection_changed()
        return True

    # -- acting on the selection, else on the paper under the cursor ---------------------

    def _snapshots(self) -> list[Bookmark]:
        if self.selection:
            return self.selection.snapshots()
        entry = self.current
        now = datetime.now(UTC)
        return [] if entry is None else [Bookmark.of(entry.pid, entry.paper, entry.day, now)]

    def toggle_bookmark(self) -> None:
        marking, entry = self.services.marking, self.current
        if self.selection:
            self._tell(marking.toggle_bookmarks(self.selection.snapshots()))
        elif entry is not None:
            self._tell(marking.toggle_bookmark(entry.pid, entry.paper, entry.day))

    def toggle_read(self) -> None:
        if self.selection:
            self._tell(self.services.marking.toggle_read_many(self.selection.ids))
        elif (entry := self.current) is not None:
            self.services.marking.toggle_read(entry.pid)
            self.services.marks_changed.publish(None)

    def edit_tags(self) -> None:
        """Tags of the paper; of a selection, the box starts with the tags they all carry:
        what is typed is added to each, what is deleted taken off each."""
        from tui.screens.annotating import Target, edit_tags

        if not self.selection:
            if (entry := self.current) is not None:
                [snapshot] = self._snapshots()
                target = Target(entry.pid, entry.paper.title, snapshot)
                edit_tags(self.screen, self.services, target)
            return
        state, papers = self.services.user_state, self.selection.snapshots()
        common = sorted(set.intersection(*(set(state.tags_of(p.id)) for p in papers)))

        def save(tags: list[str] | None) -> None:
            if tags is not None:
                added = [tag for tag in tags if tag not in common]
                removed = [tag for tag in common if tag not in tags]
                self._tell(self.services.marking.change_tags_many(papers, added, removed))

        from tui.screens.tag_editor import TagEditor

        editor = TagEditor(self.selection.label, common, state.tag_counts())
        self.screen.app.push_screen(editor, save)

    def add_to_list(self) -> None:
        """Add the paper under the cursor, or the selected ones, to a reading list."""
        papers = self._snapshots()
        if not papers:
            return
        what = self.selection.label or papers[0].display_title

        def add(name: str | None) -> None:
            if name is not None:
                chosen = [(paper.id, paper) for paper in papers]
                self._tell(self.services.marking.add_to_list(name, chosen))

        from tui.screens.list_picker import ListPicker

        counts = self.services.user_state.list_counts()
        self.screen.app.push_screen(ListPicker(what, counts), add)

    def copy_link(self) -> None:
        entries = self.selection.entries if self.selection else [e for e in [self.current] if e]
        urls = [url for entry in entries if (url := abs_url(entry.paper)) is not None]
        if not urls:
            if entries:
                self.screen.notify("No link to copy.", severity="warning", timeout=3)
            return
        what = f"{len(urls)} links" if self.selection else "link"
        self.screen.post_message(CopyRequested("\n".join(urls), what))

    def copy_citation(self) -> None:
        from tui.userdata.export import to_bibtex

        papers = self._snapshots()
        if papers:
            what = f"BibTeX of {self.selection.label}" if self.selection else "BibTeX"
            self.screen.post_message(CopyRequested(to_bibtex(papers), what))
