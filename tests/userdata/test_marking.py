"""Marking from the reader: bookmark toggles, read marks, marking a day, undo."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from parsers import Paper
from tui.userdata.marking import Marking
from tui.userdata.user_state import UserState


def test_toggle_bookmark_remove_and_undo(tmp_path: Path) -> None:
    state = UserState(tmp_path)
    marking = Marking(state)
    paper = Paper(title="[bold]T[/]", arxiv_id="2507.00001")
    notice = marking.toggle_bookmark("2507.00001", paper, date(2025, 7, 1))
    assert notice.text == "Bookmarked: [bold]T[/]"
    assert state.is_bookmarked("2507.00001")
    notice = marking.toggle_bookmark("2507.00001", paper, date(2025, 7, 1))
    assert notice.text.startswith("Removed bookmark: [bold]T[/]") and notice.timeout > 10
    assert not state.is_bookmarked("2507.00001")
    assert marking.undo().text == "Undone: bookmark of [bold]T[/]"
    assert state.is_bookmarked("2507.00001")
    assert marking.undo().text == "Nothing to undo."
    assert state.close()


def test_mark_all_read_is_undone_to_what_it_was(tmp_path: Path) -> None:
    state = UserState(tmp_path)
    marking = Marking(state)
    assert marking.mark_read("a") is True
    assert marking.mark_read("a") is False
    notice = marking.mark_all_read(["a", "b", "c"], "2025-07-01")
    assert notice.text == "Marked 2 papers of 2025-07-01 read. Press z to undo."
    assert all(state.is_read(pid) for pid in "abc")
    assert marking.mark_all_read(["a", "b"], "2025-07-01").text.startswith("Every paper")
    marking.undo()
    assert state.is_read("a") and not state.is_read("b") and not state.is_read("c")
    marking.toggle_read("a")
    assert not state.is_read("a")
    assert state.close()
