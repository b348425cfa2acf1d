"""The reader's selection as plain Python: toggling one paper, the whole listing, clearing."""

from __future__ import annotations

from datetime import date

from parsers import Paper
from tui.archive.entry import Entry
from tui.screens.selection import Selection


def entry(pid: str, day: date = date(2025, 7, 17)) -> Entry:
    return Entry(day, Paper(title=f"Paper {pid}", arxiv_id=pid), pid)


def test_toggle_one_then_all_then_all_again_clears() -> None:
    selection = Selection()
    a, b, c = entry("2507.00001"), entry("2507.00002"), entry("2507.00003", date(2025, 7, 16))
    assert not selection and selection.label == ""
    assert selection.toggle(c) and selection.ids == [c.pid]  # from another day: kept
    assert selection.toggle(a) and selection.label == "2 selected"
    assert not selection.toggle(a) and selection.ids == [c.pid]
    assert selection.toggle_all([a, b]) and selection.ids == [c.pid, a.pid, b.pid]
    assert [s.date for s in selection.snapshots()] == [c.day, a.day, b.day]
    assert not selection.toggle_all([a, b]) and len(selection) == 0  # each selected: cleared
    assert not selection.toggle_all([])
