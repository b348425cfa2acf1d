"""Bookmarks and reading state of this session: changed in memory at once, saved at once.

The reader changes its in-memory copy immediately (the screen never waits for the disk)
and hands the same change to a writer thread, which applies it to the file on disk under
the lock. After each save the in-memory copy becomes the file's state (so changes made by
other paperdeck instances show up) with the changes not yet saved applied on top.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, KeysView
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Generic

from parsers import FileResult, Paper
from tui.userdata import bookmarks as bm
from tui.userdata import reading as rd
from tui.userdata import session as ss
from tui.userdata.bookmarks import Bookmark
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


@dataclass
class _Pending(Generic[State]):
    """Changes handed to the writer for one file, with their sequence numbers."""

    file: StateFile[State]
    changes: list[tuple[int, Change[State]]] = field(default_factory=list)


class _Tracked(Generic[State]):
    """One file's in-memory state and the changes not yet on disk."""

    def __init__(
        self, file: StateFile[State], keys: Callable[[State], KeysView[str]] | None = None
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
    ) -> None:
        self._bookmarks = _Tracked(bm.bookmarks_file(data_dir), lambda s: s.bookmarks.keys())
        self._reading = _Tracked(rd.reading_file(data_dir), lambda s: s.read.keys())
        self._session = _Tracked(ss.session_file(state_dir or data_dir))
        self.on_change = on_change
        self.on_error = on_error
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
        return pid in self._bookmarks.state.bookmarks

    def is_read(self, pid: str) -> bool:
        return pid in self._reading.state.read

    def bookmarked_ids(self) -> list[str]:
        return list(self._bookmarks.state.bookmarks)  # a copy: other threads may ask

    def read_ids(self) -> list[str]:
        return list(self._reading.state.read)

    @property
    def moved_aside(self) -> list[MovedAside]:
        """Files found unreadable at start and moved aside (to tell the user)."""
        return self._bookmarks.file.moved + self._reading.file.moved + self._session.file.moved

    @property
    def unreadable(self) -> list[str]:
        """Files that exist but cannot be read (a directory, no permission): what and why."""
        return [t.unreadable for t in self._files if t.unreadable]

    def position(self, key: str) -> ss.Position | None:
        return self._session.state.positions.get(key)

    @property
    def theme(self) -> str | None:
        return self._session.state.theme

    # -- changing it -----------------------------------------------------------------

    def bookmark(self, pid: str, paper: Paper, day: date | None) -> None:
        self._change(self._bookmarks, bm.add(Bookmark.of(pid, paper, day, now_utc())))

    def add_bookmark(self, bookmark: Bookmark) -> None:
        self._change(self._bookmarks, bm.add(bookmark))

    def unbookmark(self, pid: str) -> None:
        self._change(self._bookmarks, bm.remove(pid))

    def fill_in(self, pid: str, paper: Paper, day: date | None) -> None:
        self._change(self._bookmarks, bm.fill_in(pid, paper, day))

    def fill_in_bookmarks(self, results: Iterable[FileResult]) -> None:
        """Complete bookmarks made from a bare arXiv id once a digest holds the paper."""
        bare = {b.id for b in self.bookmarks.values() if not b.complete}
        if not bare:
            return
        for result in results:
            for digest in result.digests:
                for paper in digest.papers:
                    if paper.arxiv_id in bare:
                        self.fill_in(paper.arxiv_id, paper, digest.date)

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
        if known is None or known.model_dump(exclude={"saved_at"}) != position.model_dump(
            exclude={"saved_at"}
        ):
            self._change(self._session, ss.remember_position(key, position))

    def remember_theme(self, theme: str) -> None:
        if self._session.state.theme != theme:
            self._change(self._session, ss.remember_theme(theme))

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
        while True:
            with self._lock:
                while not self._closed and not self._has_pending():
                    self._wake.wait()
                if self._closed and not self._has_pending():
                    return
            for tracked in self._files:
                self._save(tracked)

    @property
    def _files(self) -> tuple[_Tracked[Any], ...]:
        return (self._bookmarks, self._reading, self._session)

    def _has_pending(self) -> bool:
        return any(tracked.pending for tracked in self._files)

    def _save(self, tracked: _Tracked[Any]) -> None:
        with self._lock:
            batch = list(tracked.pending)
        if not batch:
            return
        try:
            saved = tracked.file.apply(change for _, change in batch)
        except Exception as exc:  # the disk said no: keep the changes and say so
            if self.on_error:
                self.on_error(f"Could not save {tracked.file.path}: {exc}")
            with self._lock:
                self._wake.wait(timeout=2.0)  # then try again
            return
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
        """Save what is pending and stop the writer."""
        done = self.flush(timeout)
        with self._lock:
            self._closed = True
            self._wake.notify_all()
        return done
