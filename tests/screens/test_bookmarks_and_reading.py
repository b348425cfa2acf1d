"""Bookmarks and reading state in the reader."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tests.screens.helpers import list_titles, wait_loaded, write_digest
from tui.app import PaperdeckApp
from tui.screens.bookmarks import BookmarksScreen
from tui.terminal.textual_compat import notifications
from tui.userdata import bookmarks as bm
from tui.userdata.bookmarks import Bookmark, bookmarks_file
from tui.userdata.reading import reading_file
from tui.widgets.detail_pane import DetailPane

WIDE = (120, 40)


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    write_digest(root / "2025/07/16.md", "2025-07-16", [("Old One", 5), ("Old Two", 1)])
    write_digest(root / "2025/07/17.md", "2025-07-17", [("New Low", 3), ("New High", 30)])
    return root


def data_dir(app: PaperdeckApp) -> Path:
    return app.locations.data


async def test_b_bookmarks_from_list_and_detail_with_a_marker(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        lst = app.reader.paper_list
        await pilot.press("b")
        assert app.user_state.is_bookmarked("2507.17002")  # New High
        row = lst.row_content(0, 40).plain
        assert "★" in row
        await pilot.press("j", "enter")  # detail pane focused: b still works
        assert isinstance(app.focused, DetailPane)
        await pilot.press("b")
        assert app.user_state.is_bookmarked("2507.17001")
        assert app.reader.sidebar.row_content(1, 20).plain.rstrip().endswith("★2 1/2")  # opened
        assert app.user_state.flush()
        saved = bookmarks_file(data_dir(app)).read().bookmarks
        assert saved["2507.17002"].title == "New High" and saved["2507.17002"].votes == 30
        assert saved["2507.17002"].date == date(2025, 7, 17)
        await pilot.press("b")  # toggles off, with undo
        assert not app.user_state.is_bookmarked("2507.17001")
        await pilot.press("z")
        assert app.user_state.is_bookmarked("2507.17001")


async def test_opening_a_paper_marks_it_read_moving_does_not_and_u_toggles(
    archive: Path,
) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        state = app.reader
        assert not app.user_state.is_read("2507.17002")  # on screen at start, not opened
        assert "2/2 unread" in list_titles(app)
        unread_row = state.paper_list.row_content(1, 40).plain
        assert "●" in unread_row
        await pilot.press("j")
        assert not app.user_state.is_read("2507.17001")  # only moved over it
        await pilot.press("enter")
        assert app.user_state.is_read("2507.17001")
        assert "1/2 unread" in list_titles(app)
        await pilot.press("u")
        assert not app.user_state.is_read("2507.17001")
        await pilot.press("u")
        assert app.user_state.is_read("2507.17001")
        assert app.user_state.flush()
        assert set(reading_file(data_dir(app)).read().read) == {"2507.17001"}


async def test_m_marks_the_day_read_and_z_undoes_it(archive: Path) -> None:
    app = PaperdeckApp([str(archive)], start_date=date(2025, 7, 16))
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        ids = app.store.pids(date(2025, 7, 16))
        await pilot.press("enter")  # one of the two is read
        assert sum(app.user_state.is_read(pid) for pid in ids) == 1
        await pilot.press("m")
        assert all(app.user_state.is_read(pid) for pid in ids)
        sidebar_row = app.reader.sidebar.row_content(app.reader.sidebar.cursor, 20).plain
        assert sidebar_row.endswith("0/2")
        await pilot.press("z")
        assert sum(app.user_state.is_read(pid) for pid in ids) == 1


async def test_bookmarks_screen_sort_jump_remove_undo(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        app.user_state.add_bookmark(
            Bookmark.of(
                "2507.16001",
                app.store.entries(date(2025, 7, 16))[0].paper,
                date(2025, 7, 16),
                datetime(2025, 7, 20, 8, 0),
            )
        )
        await pilot.press("b")  # New High, bookmarked now (newest)
        await pilot.press("B")
        screen = app.screen
        assert isinstance(screen, BookmarksScreen)
        titles = [b.display_title for b in screen.bookmark_list.items]
        assert titles == ["New High", "Old One"]  # by date bookmarked
        await pilot.press("s")
        assert [b.date for b in screen.bookmark_list.items] == [
            date(2025, 7, 17),
            date(2025, 7, 16),
        ]
        assert screen.bookmark_list.border_subtitle == "by paper date"
        await pilot.press("j", "enter")  # jump to Old One in its day, detail focused
        assert app.screen is app.reader
        assert app.reader.day == date(2025, 7, 16)
        assert app.reader.detail.paper.title == "Old One"  # type: ignore[union-attr]
        assert isinstance(app.focused, DetailPane)
        await pilot.press("B", "delete")
        assert len(app.user_state.bookmarks) == 1
        await pilot.press("z")
        assert len(app.user_state.bookmarks) == 2
        assert len(app.screen.bookmark_list.items) == 2  # type: ignore[attr-defined]
        await pilot.press("escape")
        assert app.screen is app.reader


async def test_bare_bookmark_is_filled_in_when_its_digest_loads(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    bookmarks_file(app.locations.data).apply(
        [bm.add(Bookmark.bare("2507.17002", datetime(2025, 7, 1, tzinfo=UTC)))]
    )
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        assert app.user_state.flush()
        kept = bookmarks_file(app.locations.data).read().bookmarks["2507.17002"]
        assert (kept.title, kept.authors, kept.bookmarked_at) == (
            "New High",
            ["Author 2"],
            datetime(2025, 7, 1, tzinfo=UTC),
        )


async def test_unreadable_bookmarks_file_is_moved_aside_and_reported(archive: Path) -> None:
    probe = PaperdeckApp([str(archive)])
    probe.locations.data.mkdir(parents=True, exist_ok=True)
    (probe.locations.data / "bookmarks.json").write_text('{"schema_version": 7, "x": 1')
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        messages = [n.message for n in notifications(app)]
        assert any("moved to" in m and "bookmarks.json.unreadable-" in m for m in messages)
        assert len(list(app.locations.data.glob("bookmarks.json.unreadable-*"))) == 1
