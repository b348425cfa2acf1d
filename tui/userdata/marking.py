"""Marking papers from the reader: bookmarks, notes, tags, reading lists and read marks,
with undo for what removes and for what a batch (several papers at once) does.

Each change goes to :class:`~tui.userdata.user_state.UserState` at once; each answer is the
sentence to tell the user, so that every screen says the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from parsers import Paper
from tui.userdata.bookmarks import Bookmark
from tui.userdata.cleaning import clean_list_name, clean_note, clean_tags, list_name_problem
from tui.userdata.undo import UNDO_SECONDS, UndoStack
from tui.userdata.user_state import UserState


@dataclass(frozen=True)
class Notice:
    """What to tell the user after a change, and for how long."""

    text: str
    timeout: float = 3.0
    warning: bool = False


class Marking:
    """The reader's changes to bookmarks and read marks; removals can be undone."""

    def __init__(self, user_state: UserState, undo: UndoStack | None = None) -> None:
        self.user_state = user_state
        self.undo_stack = undo or UndoStack()

    def toggle_bookmark(self, pid: str, paper: Paper, day: date | None) -> Notice:
        """Bookmark the paper, or remove its bookmark (undoable); a note or tags stay."""
        bookmark = self.user_state.bookmarks.get(pid)
        if bookmark is not None and bookmark.starred:
            return self.remove_bookmark(bookmark)
        self.user_state.bookmark(pid, paper, day)
        return Notice(f"Bookmarked: {paper.title}")

    def remove_bookmark(self, bookmark: Bookmark) -> Notice:
        state = self.user_state
        state.unbookmark(bookmark.id)
        self.undo_stack.push(
            f"bookmark of {bookmark.display_title}", lambda: state.add_bookmark(bookmark)
        )
        return Notice(f"Removed bookmark: {bookmark.display_title}. Press z to undo.", UNDO_SECONDS)

    def star(self, bookmark: Bookmark) -> Notice:
        """Star again a paper kept by its note or tags."""
        self.user_state.add_bookmark(bookmark)
        return Notice(f"Bookmarked: {bookmark.display_title}")

    def save_note(
        self, pid: str, title: str, text: str | None, base: str | None, snapshot: Bookmark | None
    ) -> Notice | None:
        """Save the note edited from ``base``; None when nothing changed. Undoable."""
        text, base = clean_note(text), clean_note(base)
        if text == base:
            return None
        state = self.user_state
        snapshot = self._snapshot(pid, snapshot)
        state.set_note(pid, text, base, snapshot)
        self.undo_stack.push(f"note on {title}", lambda: state.set_note(pid, base, text, snapshot))
        if text is None:
            return Notice(f"Removed the note on {title}. Press z to undo.", UNDO_SECONDS)
        return Notice(f"Saved the note on {title}.")

    def save_tags(
        self, pid: str, title: str, tags: list[str], base: list[str], snapshot: Bookmark | None
    ) -> Notice | None:
        """Give the paper ``tags`` (it had ``base``); None when nothing changed. Undoable."""
        wanted, before = set(clean_tags(tags)), set(clean_tags(base))
        added, removed = sorted(wanted - before), sorted(before - wanted)
        if not added and not removed:
            return None
        state = self.user_state
        snapshot = self._snapshot(pid, snapshot)
        state.change_tags(pid, added, removed, snapshot)
        self.undo_stack.push(
            f"tags of {title}", lambda: state.change_tags(pid, removed, added, snapshot)
        )
        if removed:
            gone = " ".join(f"#{tag}" for tag in removed)
            return Notice(f"Removed {gone} from {title}. Press z to undo.", UNDO_SECONDS)
        return Notice(f"Tagged {title}: {' '.join(f'#{tag}' for tag in added)}")

    def add_to_list(self, name: str, papers: list[tuple[str, Bookmark]]) -> Notice:
        """Put ``papers`` (identity, snapshot) on the reading list ``name``; undoable as one
        step."""
        name = clean_list_name(name)
        problem = list_name_problem(name)
        if problem is not None:
            return Notice(f"No list: {problem}.", warning=True)
        state = self.user_state
        new = [(pid, snap) for pid, snap in papers if name not in state.lists_of(pid)]
        if not new:
            return Notice(f"Already on {name}: {_papers(len(papers))}.")
        for pid, snapshot in new:
            state.change_lists(pid, [name], [], self._snapshot(pid, snapshot))

        def undo() -> None:
            for pid, _ in new:
                state.change_lists(pid, [], [name], None)

        self.undo_stack.push(f"adding {_papers(len(new))} to {name}", undo)
        return Notice(f"Added {_papers(len(new))} to {name}. Press z to undo.", UNDO_SECONDS)

    def remove_from_list(self, name: str, bookmark: Bookmark) -> Notice:
        """Take the paper off the list ``name``; undoable."""
        state = self.user_state
        snapshot = bookmark.copy(deep=True)
        state.change_lists(bookmark.id, [], [name], None)
        self.undo_stack.push(
            f"removal from {name}", lambda: state.change_lists(bookmark.id, [name], [], snapshot)
        )
        return Notice(f"Removed {bookmark.display_title} from {name}. Press z to undo.",
                      UNDO_SECONDS)  # fmt: skip

    # -- a batch: several papers at once, undone as one step ------------------------------

    def toggle_bookmarks(self, papers: list[Bookmark]) -> Notice:
        """Star every paper of ``papers`` (snapshots) when one is not starred, else remove
        every star; undoable as one step."""
        state = self.user_state
        unstarred = [paper for paper in papers if not state.is_bookmarked(paper.id)]
        if unstarred:
            for paper in unstarred:
                state.add_bookmark(paper)

            def unstar() -> None:
                for paper in unstarred:
                    state.unbookmark(paper.id)

            self.undo_stack.push(f"bookmarking {_papers(len(unstarred))}", unstar)
            return Notice(f"Bookmarked {_papers(len(unstarred))}. Press z to undo.", UNDO_SECONDS)
        kept = [state.bookmarks[paper.id].copy(deep=True) for paper in papers]
        for paper in kept:
            state.unbookmark(paper.id)

        def star_again() -> None:
            for paper in kept:
                state.add_bookmark(paper)

        self.undo_stack.push(f"removing {_papers(len(kept))} bookmarks", star_again)
        return Notice(f"Removed {_papers(len(kept))} bookmarks. Press z to undo.", UNDO_SECONDS)

    def toggle_read_many(self, ids: list[str]) -> Notice:
        """Mark every paper read when one is unread, else every one unread; one undo step."""
        state = self.user_state
        before = {pid: state.read.get(pid) for pid in ids}
        unread = [pid for pid, when in before.items() if when is None]
        if unread:
            state.mark_read(unread)
            done = f"Marked {_papers(len(unread))} read"
        else:
            state.mark_unread(ids)
            done = f"Marked {_papers(len(ids))} unread"
        self.undo_stack.push(done[0].lower() + done[1:], lambda: state.restore_reading(before))
        return Notice(f"{done}. Press z to undo.", UNDO_SECONDS)

    def change_tags_many(
        self, papers: list[Bookmark], added: list[str], removed: list[str]
    ) -> Notice | None:
        """Add ``added`` to every paper of ``papers`` and take ``removed`` off; one undo
        step; None when nothing changes."""
        added, removed = clean_tags(added), clean_tags(removed)
        state = self.user_state
        undo = []
        for paper in papers:
            had = set(state.tags_of(paper.id))
            gets, loses = sorted(set(added) - had), sorted(set(removed) & had)
            if gets or loses:
                snapshot = self._snapshot(paper.id, paper)
                state.change_tags(paper.id, gets, loses, snapshot)
                undo.append((paper.id, loses, gets, snapshot))
        if not undo:
            return None

        def restore() -> None:
            for pid, back, away, snapshot in undo:
                state.change_tags(pid, back, away, snapshot)

        self.undo_stack.push(f"tags of {_papers(len(undo))}", restore)
        return Notice(f"Changed the tags of {_papers(len(undo))}. Press z to undo.", UNDO_SECONDS)

    def _snapshot(self, pid: str, given: Bookmark | None) -> Bookmark | None:
        """What keeps the paper again on undo: ``given``, else its kept snapshot now."""
        kept = self.user_state.bookmarks.get(pid)
        return given or (kept.copy(deep=True) if kept is not None else None)

    def toggle_read(self, pid: str) -> None:
        if self.user_state.is_read(pid):
            self.user_state.mark_unread([pid])
        else:
            self.user_state.mark_read([pid])

    def mark_read(self, pid: str) -> bool:
        """Mark one paper read; True when it was unread."""
        if self.user_state.is_read(pid):
            return False
        self.user_state.mark_read([pid])
        return True

    def mark_all_read(self, ids: list[str], label: str, scope: str = "this day") -> Notice:
        """Mark every paper of ``ids`` read (``label`` names them, ``scope`` too); undoable."""
        state = self.user_state
        before = {pid: state.read.get(pid) for pid in ids}
        unread = [pid for pid, when in before.items() if when is None]
        if not unread:
            return Notice(f"Every paper of {scope} is read already.")
        state.mark_read(unread)
        self.undo_stack.push(f"marking {label} read", lambda: state.restore_reading(before))
        return Notice(f"Marked {len(unread)} papers of {label} read. Press z to undo.", 8)

    def undo(self) -> Notice:
        entry = self.undo_stack.pop()
        if entry is None:
            return Notice("Nothing to undo.", 2)
        entry.undo()
        return Notice(f"Undone: {entry.description}")


def _papers(count: int) -> str:
    return f"{count} paper" if count == 1 else f"{count} papers"
