"""The reader's state without a screen: what each key decides, in plain Python."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.archive.test_store import store_of
from tests.screens.helpers import write_digest
from tui.archive.order import PaperOrder
from tui.archive.periods import PeriodKind, period_of
from tui.screens.reader.state import MORE_DAYS, Open, ReaderState
from tui.search.marks import SetMarks
from tui.search.query import parse_query
from tui.userdata.session import Position

ROOT = Path(__file__).resolve().parents[2]
D14, D15, D16 = date(2025, 7, 14), date(2025, 7, 15), date(2025, 7, 16)


@pytest.fixture
def state(tmp_path: Path) -> ReaderState:
    write_digest(tmp_path / "2025-07-14.md", "2025-07-14", [("Agents A", 1), ("Models A", 9)])
    write_digest(tmp_path / "2025-07-15.md", "2025-07-15", [("Agents B", 5)])
    write_digest(tmp_path / "2025-07-16.md", "2025-07-16", [("Models C", 3), ("Agents C", 4)])
    store = store_of(tmp_path)
    store.complete = True
    return ReaderState(store, SetMarks())


def titles(state: ReaderState) -> list[str]:
    assert state.listing is not None
    return [entry.paper.title for entry in state.listing.entries]


def test_the_state_needs_no_textual() -> None:
    code = (
        "import sys, tui.screens.reader.state, tui.screens.reader.listing; "
        "print(any(name == 'textual' or name.startswith('textual.') for name in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_the_archive_arriving_opens_the_newest_day_then_days_step(state: ReaderState) -> None:
    assert state.archive_changed(None, None) == Open(D16)
    shown = state.show(state.scope_of(D16), user=False)
    assert shown.first and titles(state) == ["Agents C", "Models C"]  # by votes
    assert not state.navigated
    assert state.step(older=False, cursor=0) == "This is the newest day."
    assert state.step(older=True, cursor=0) == D15
    state.show(D15)
    assert state.navigated and state.step(older=True, cursor=0) == D14
    state.show(D14)
    assert state.step(older=True, cursor=0) == "This is the oldest day."
    state.store.complete = False  # files still to read may bring more days
    assert state.step(older=True, cursor=0) == MORE_DAYS


def test_a_filter_ends_with_its_day_unless_pinned(state: ReaderState) -> None:
    state.show(D16)
    state.set_filter(parse_query("agents"))
    state.show(D16)
    assert titles(state) == ["Agents C"]
    assert state.list_notes(0) == ['filter "agents": 1 of 2']
    shown = state.show(D15)
    assert shown.filter_ended and state.filter is None and titles(state) == ["Agents B"]
    state.set_filter(parse_query("models"))
    state.pinned = True
    shown = state.show(D14)
    assert not shown.filter_ended and titles(state) == ["Models A"]
    assert state.list_notes(0) == ['filter "models" (pinned): 1 of 2']


def test_weeks_keep_the_paper_under_the_cursor_and_step_a_week(state: ReaderState) -> None:
    state.show(D15)
    scope, pid = state.cycle_period(cursor=0)  # type: ignore[misc]
    assert state.period_kind is PeriodKind.WEEK and scope == period_of(D15, PeriodKind.WEEK)
    shown = state.show(scope, pid)
    assert shown.kind_changed and titles(state)[shown.cursor] == "Agents B"
    assert titles(state) == ["Models A", "Agents B", "Agents C", "Models C", "Agents A"]
    assert state.day(shown.cursor) == D15
    assert state.step(older=True, cursor=0) == "This is the oldest week."
    state.order = PaperOrder.FILE
    state.show(scope, pid)
    assert titles(state)[:2] == ["Agents C", "Models C"]  # by day, newest first
    assert state.listing is not None and state.listing.order_label == "by day"


def test_next_unread_goes_down_the_day_then_older_days(state: ReaderState) -> None:
    marks = state.marks
    assert isinstance(marks, SetMarks)
    state.show(D16)
    assert state.listing is not None
    marks.read.update(state.listing.ids)  # the newest day is read
    found = state.next_unread(True, cursor=0, from_list=True)
    assert not isinstance(found, str) and found.day == D15
    marks.read.update(state.store.pids(D15))
    marks.read.update(state.store.pids(D14))
    assert state.next_unread(True, cursor=0, from_list=True) == (
        "No unread paper after this one, here or in older days."
    )


def test_a_saved_position_is_restored_once_its_day_arrives(state: ReaderState) -> None:
    pid = state.store.entries(D15)[0].pid
    state.restore_to(Position(day=D15, paper=pid, scroll=7, order="title", period="week"))
    assert state.order is PaperOrder.TITLE and state.period_kind is PeriodKind.WEEK
    state.show(state.scope_of(D16), user=False)
    assert state.restore_arrived(D16) is None  # not its day
    assert state.restore_arrived(D15) is not None  # D15 is in the week shown
    assert state.restore_arrived(D15) is None  # once
    index = state.listing.index_of(pid) if state.listing else None
    assert index is not None
    position = state.position(index, scroll=7)
    assert position is not None
    assert (position.day, position.paper, position.period) == (D15, pid, "week")


def test_unread_only_lists_the_unread_and_the_paper_kept_and_is_saved(
    state: ReaderState,
) -> None:
    state.archive_changed(None, None)
    state.show(D14)
    assert titles(state) == ["Models A", "Agents A"]
    marks = state.marks
    assert isinstance(marks, SetMarks)
    marks.read.update(entry.pid for entry in state.listing.entries)  # type: ignore[union-attr]
    state.unread_only = True
    state.show(D14)
    assert titles(state) == []
    assert "unread only" in state.list_notes(0)
    kept = state.store.entries(D14)[0].pid
    state.show(D14, keep=kept)  # the paper being read stays
    assert [entry.pid for entry in state.listing.entries] == [kept]  # type: ignore[union-attr]
    state.show(D16)
    assert titles(state) == ["Agents C", "Models C"]  # nothing read there
    position = state.position(0, 0)
    assert position is not None and position.unread_only
    again = ReaderState(state.store, SetMarks())
    again.restore_to(position)
    assert again.unread_only
