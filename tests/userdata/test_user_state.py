"""The session's state: changed at once in memory, saved by the writer thread."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from parsers import Paper
from tui.userdata import bookmarks as bm
from tui.userdata.bookmarks import Bookmark, bookmarks_file
from tui.userdata.reading import reading_file
from tui.userdata.undo import UndoStack
from tui.userdata.user_state import UserState

PAPER = Paper(title="A Paper", arxiv_id="2507.00001", url="https://arxiv.org/abs/2507.00001v2",
              votes=5, authors=["Ann Lee", "Bo Kim"])  # fmt: skip


def test_changes_show_at_once_and_reach_the_disk(tmp_path: Path) -> None:
    state = UserState(tmp_path)
    state.bookmark("2507.00001", PAPER, date(2025, 7, 17))
    state.mark_read(["2507.00001", "t-abc"])
    assert state.is_bookmarked("2507.00001") and state.is_read("t-abc")
    assert state.flush()
    saved = bookmarks_file(tmp_path).read().bookmarks["2507.00001"]
    assert (saved.title, saved.url, saved.votes, saved.date) == (
        "A Paper",
        "https://arxiv.org/abs/2507.00001",
        5,
        date(2025, 7, 17),
    )
    assert set(reading_file(tmp_path).read().read) == {"2507.00001", "t-abc"}
    state.close()


def test_another_instances_changes_are_kept_and_shown(tmp_path: Path) -> None:
    state = UserState(tmp_path)
    other = bookmarks_file(tmp_path)
    other.apply([bm.add(Bookmark.bare("2507.00009", datetime(2025, 1, 1)))])
    state.bookmark("2507.00001", PAPER, None)
    assert state.flush()
    assert set(state.bookmarks) == {"2507.00001", "2507.00009"}
    assert set(other.read().bookmarks) == {"2507.00001", "2507.00009"}
    state.close()


def test_restore_reading_undoes_marking_a_day(tmp_path: Path) -> None:
    state = UserState(tmp_path)
    state.mark_read(["a"])
    before = {pid: state.read.get(pid) for pid in ("a", "b", "c")}
    state.mark_read(["b", "c"])
    state.restore_reading(before)
    assert state.flush()
    assert set(reading_file(tmp_path).read().read) == {"a"}
    state.close()


def test_fill_in_completes_a_bare_bookmark_only(tmp_path: Path) -> None:
    state = UserState(tmp_path)
    state.add_bookmark(Bookmark.bare("2507.00001", datetime(2025, 1, 2)))
    state.fill_in("2507.00001", PAPER, date(2025, 7, 17))
    state.fill_in("2507.00001", replace(PAPER, title="Other"), None)
    assert state.flush()
    kept = bookmarks_file(tmp_path).read().bookmarks["2507.00001"]
    assert (kept.title, kept.bookmarked_at) == ("A Paper", datetime(2025, 1, 2, tzinfo=UTC))
    state.close()


def test_undo_expires() -> None:
    now = [0.0]
    undo = UndoStack(clock=lambda: now[0])
    done: list[str] = []
    undo.push("one", lambda: done.append("one"))
    undo.push("two", lambda: done.append("two"))
    entry = undo.pop()
    assert entry is not None and entry.description == "two"
    now[0] = 100.0
    assert undo.pop() is None
