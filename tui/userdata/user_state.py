"""Bookmarks, notes, tags and reading state of this session: changed in memory at once,
saved at once.

The reader changes its in-memory copy immediately (the screen never waits for the disk)
and hands the same change to a writer thread, which applies it to the file on disk under
the lock. After each save the in-memory copy becomes the file's state (so changes made by
other paperdeck instances show up) with the changes not yet saved applied on top.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from datetime import date
from pathlib import Path
from typing import Any, Generic

from parsers import Paper
from tui.userdata import annotations as an
from tui.userdata import bookmarks as bm
from tui.userdata import reading as rd
from tui.userdata import searches as sr
from tui.userdata import session as ss
from tui.userdata.bookmarks import Bookmark
from tui.userdata.save_retry import SaveRetry
from tui.userdata.state_file import (
    Change,
    MovedAside,
    State,
    StateFile,
    StateFileError,
    now_utc,
)

Listener = Callable[[], None]
ErrorListener = Callable[[str], None]


class _Tracked(Generic[State]):
    """One file's in-memory state and the changes not yet on disk."""

    def __init__(
        self, file: StateFile[State], keys: Callable[[State], Hashable] | None = None
    ) -> None:
        self.file = file
        self.unreadable: str | None = None  # why the file could not be read at all
        try:
            self.state: State = file.read()
        except StateFileError as exc:
            self.state = file.model()
            self.unreadable = str(exc)
        self.pending: list[tuple[int, Change[State]]] = []
        self.keys = keys  # what the screen shows of this state, to notice outside changes


class UserState:
    """The session's bookmarks and read marks, saved by a background writer."""

    def __init__(
        self,
        data_dir: Path,
        state_dir: Path | None = None,
        on_change: Listener | None = None,
        on_error: ErrorListener | None = None,
        on_recovered: ErrorListener | None = None,
    ) -> None:
        self._bookmarks = _Tracked(bm.bookmarks_file(data_dir), _shown_marks)
        self._reading = _Tracked(rd.reading_file(data_dir), lambda s: frozenset(s.read))
        self._session = _Tracked(ss.session_file(state_dir or data_dir))
        self._searches = _Tracked(sr.searches_file(data_dir))
        self.on_change = on_change
        self.on_error = on_error  # once, when saving starts to fail
        self.on_recovered = on_recovered  # once, when every change is saved again
        self._retry = SaveRetry()
        self._lock = threading.Lock()
        self._wake = threading.Condition(self._lock)
        self._sequence = 0
        self._thread: threading.Thread | None = None
        self._closed = False

    # -- reading the state -----------------------------------------------------------

    @property
    def bookmarks(self) -> dict[str, Bookmark]:
        return self._bookmarks.state.bookmarks

    @property
    def read(self) -> dict[str, date]:
        return self._reading.state.read

    def is_bookmarked(self, pid: str) -> bool:
        kept = self._bookmarks.state.bookmarks.get(pid)
        return kept is not None and kept.starred

    def is_read(self, pid: str) -> bool:
        return pid in self._reading.state.read

    def bookmarked_ids(self) -> list[str]:
        kept = list(self._bookmarks.state.bookmarks.values())  # a copy: other threads may ask
        return [bookmark.id for bookmark in kept if bookmark.starred]

    def note_of(self, pid: str) -> str | None:
        kept = self._bookmarks.state.bookmarks.get(pid)
        return kept.note if kept is not None else None

    def tags_of(self, pid: str) -> list[str]:
        kept = self._bookmarks.state.bookmarks.get(pid)
        return kept.tags if kept is not None else []

    def notes(self) -> list[tuple[str, str]]:
        """Every note, by paper identity."""
        kept = list(self._bookmarks.state.bookmarks.values())
        return [(bookmark.id, bookmark.note) for bookmark in kept if bookmark.note is not None]

    def tagged(self) -> list[tuple[str, list[str]]]:
        """Every tagged paper's tags, by paper identity."""
        kept = list(self._bookmarks.state.bookmarks.values())
        return [(bookmark.id, bookmark.tags) for bookmark in kept if bookmark.tags]

    def tag_counts(self) -> Counter[str]:
        return an.tag_counts(list(self._bookmarks.state.bookmarks.values()))

    def lists_of(self, pid: str) -> list[str]:
        kept = self._bookmarks.state.bookmarks.get(pid)
        return kept.lists if kept is not None else []

    def list_counts(self) -> Counter[str]:
        """Every reading list and how many papers it holds."""
        return an.list_counts(list(self._bookmarks.state.bookmarks.values()))

    def list_papers(self, name: str) -> list[Bookmark]:
        return an.list_papers(list(self._bookmarks.state.bookmarks.values()), name)

    def read_ids(self) -> list[str]:
        return list(self._reading.state.read)

    @property
    def moved_aside(self) -> list[MovedAside]:
        """Files found unreadable at start and moved aside (to tell the user)."""
        return [moved for tracked in self._files for moved in tracked.file.moved]

    @property
    def unreadable(self) -> list[str]:
        """Files that exist but cannot be read (a directory, no permission): what and why."""
        return [t.unreadable for t in self._files if t.unreadable]

    def position(self, key: str) -> ss.Position | None:
        return self._session.state.positions.get(key)

    @property
    def theme(self) -> str | None:
        return self._session.state.theme

    def search_history(self) -> list[str]:
        """The last queries searched, newest first."""
        return list(self._searches.state.history)

    def saved_searches(self) -> dict[str, str]:
        """The saved searches: the query by its name."""
        return dict(self._searches.state.saved)

    # -- changing it -----------------------------------------------------------------

    def bookmark(self, pid: str, paper: Paper, day: date | None) -> None:
        self._change(self._bookmarks, bm.add(Bookmark.of(pid, paper, day, now_utc())))

    def add_bookmark(self, bookmark: Bookmark) -> None:
        self._change(self._bookmarks, bm.add(bookmark))

    def unbookmark(self, pid: str) -> None:
        self._change(self._bookmarks, bm.remove(pid))

    def set_note(
        self, pid: str, text: str | None, base: str | None, snapshot: Bookmark | None
    ) -> None:
        """Save the note of ``pid`` edited from ``base`` (see :mod:`annotations`)."""
        self._change(self._bookmarks, an.set_note(pid, text, base, snapshot, now_utc()))

    def change_tags(
        self, pid: str, add: Iterable[str], remove: Iterable[str], snapshot: Bookmark | None
    ) -> None:
        self._change(self._bookmarks, an.change_tags(pid, add, remove, snapshot))

    def change_lists(
        self, pid: str, add: Iterable[str], remove: Iterable[str], snapshot: Bookmark | None
    ) -> None:
        self._change(self._bookmarks, an.change_lists(pid, add, remove, snapshot))

    def fill_in(self, pid: str, paper: Paper, day: date | None) -> None:
        self._change(self._bookmarks, bm.fill_in(pid, paper, day))

    def mark_read(self, ids: list[str]) -> None:
        new = [pid for pid in ids if pid not in self._reading.state.read]
        if new:
            self._change(self._reading, rd.mark_read(new, date.today()))

    def mark_unread(self, ids: list[str]) -> None:
        old = [pid for pid in ids if pid in self._reading.state.read]
        if old:
            self._change(self._reading, rd.mark_unread(old))

    def restore_reading(self, before: dict[str, date | None]) -> None:
        self._change(self._reading, rd.restore(before))

    def remember_position(self, key: str, position: ss.Position) -> None:
        known = self._session.state.positions.get(key)
        if known is None or known.dump(exclude={"saved_at"}) != position.dump(exclude={"saved_at"}):
            self._change(self._session, ss.remember_position(key, position))

    def remember_theme(self, theme: str) -> None:
        if self._session.state.theme != theme:
            self._change(self._session, ss.remember_theme(theme))

    def remember_query(self, text: str) -> None:
        history = self._searches.state.history
        if text.strip() and (not history or history[0] != text.strip()):
            self._change(self._searches, sr.remember_query(text))

    def save_search(self, name: str, text: str) -> None:
        self._change(self._searches, sr.save_search(name, text))

    def _change(self, tracked: _Tracked[Any], change: Change[Any]) -> None:
        with self._lock:
            change(tracked.state)
            self._sequence += 1
            tracked.pending.append((self._sequence, change))
            self._start_writer()
            self._wake.notify()

    # -- the writer ------------------------------------------------------------------

    def _start_writer(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._write_loop, name="paperdeck-save")
            self._thread.daemon = True
            self._thread.start()

    def _write_loop(self) -> None:
        """Save what is pending; after a failure, wait as :class:`SaveRetry` says before
        trying again, however many changes arrive meanwhile."""
        while True:
            with self._lock:
                while not (self._closed and not self._has_pending()):
                    wait = self._retry.retry_at - time.monotonic()
                    if self._has_pending() and wait <= 0:
                        break
                    self._wake.wait(timeout=wait if self._has_pending() else None)
                if self._closed and not self._has_pending():
                    return
            failures = [error for tracked in self._files if (error := self._save(tracked))]
            self._after_round(failures)

    def _after_round(self, failures: list[str]) -> None:
        with self._lock:
            said = self._retry.record(failures, time.monotonic())
        listener = None if said is None else self.on_error if said.error else self.on_recovered
        if said is not None and listener is not None:
            listener(said.text)

    @property
    def _files(self) -> tuple[_Tracked[Any], ...]:
        return (self._bookmarks, self._reading, self._session, self._searches)

    def _has_pending(self) -> bool:
        return any(tracked.pending for tracked in self._files)

    def _save(self, tracked: _Tracked[Any]) -> str | None:
        """Apply ``tracked``'s pending changes to its file; why it failed, if it did."""
        with self._lock:
            batch = list(tracked.pending)
        if not batch:
            return None
        try:
            saved = tracked.file.apply(change for _, change in batch)
        except Exception as exc:  # the disk said no: keep the changes, try again later
            return f"Could not save {tracked.file.path}: {exc}"
        last = batch[-1][0]
        with self._lock:
            tracked.pending = [(seq, change) for seq, change in tracked.pending if seq > last]
            for _, change in tracked.pending:
                change(saved)
            keys = tracked.keys
            outside = keys is not None and keys(saved) != keys(tracked.state)
            tracked.state = saved
            self._wake.notify_all()
        if outside and self.on_change:
            self.on_change()  # another paperdeck changed what the screen shows
        return None

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until every change made so far is on disk; False on timeout."""
        with self._lock:
            target = self._sequence

            def saved() -> bool:
                return not any(
                    seq <= target for tracked in self._files for seq, _ in tracked.pending
                )

            return self._wake.wait_for(saved, timeout=timeout)

    def close(self, timeout: float = 5.0) -> bool:
        """Save what is pending (trying again now, if saving failed) and stop the writer."""
        with self._lock:
            self._retry.retry_at = 0.0
            self._wake.notify_all()
        done = self.flush(timeout)
        with self._lock:
            self._closed = True
            self._wake.notify_all()
        return done


def _shown_marks(state: bm.Bookmarks) -> Hashable:
    """What the screens show of the bookmarks file: stars, notes, tags and lists by paper."""
    return frozenset(
        (b.id, b.starred, b.note, tuple(b.tags), tuple(b.lists)) for b in state.bookmarks.values()
    )
