"""Reading on: read marks that mean read, the next unread paper, space at a paper's end."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.screens.helpers import list_titles, wait_loaded, wait_search, write_digest
from tui.app import PaperdeckApp
from tui.settings.config import Config
from tui.settings.reader_settings import ReaderSettings
from tui.terminal.textual_compat import notifications
from tui.widgets.detail_pane import DetailPane

WIDE = (120, 40)


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    write_digest(tmp_path / "2025/07/15.md", "2025-07-15", [("Old A", 5), ("Old B", 9)])
    write_digest(tmp_path / "2025/07/16.md", "2025-07-16", [("Mid A", 1)])
    write_digest(
        tmp_path / "2025/07/17.md", "2025-07-17", [("New A", 3), ("New B", 30), ("New C", 7)]
    )
    return tmp_path


def read_titles(app: PaperdeckApp) -> set[str]:
    return {
        entry.paper.title
        for day in app.store.days()
        for entry in app.store.entries(day)
        if app.user_state.is_read(entry.pid)
    }


def shown(app: PaperdeckApp) -> str:
    paper = app.reader.detail.paper
    assert paper is not None
    return paper.title


async def test_moving_through_the_list_and_the_days_marks_nothing(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("left_square_bracket", "left_square_bracket", "j")
        await pilot.press("right_square_bracket", "j", "j", "k")
        assert read_titles(app) == set()
        assert list_titles(app).startswith("2025-07-16 · 1/1 unread")
        await pilot.press("t")  # the sidebar: every day still all unread
        counts = [app.reader.sidebar.row_content(i, 30).plain.split()[-1] for i in (1, 2, 3)]
        assert counts == ["3/3", "1/1", "2/2"]


async def test_search_and_bookmark_jumps_mark_only_the_paper_opened(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash", *"old b")
        await wait_search(pilot, "old b")
        await pilot.press("enter")
        assert shown(app) == "Old B"
        assert read_titles(app) == {"Old B"}  # not "Old A", the top of that day before
        top = app.store.entries(date(2025, 7, 16))[0]
        app.user_state.bookmark(top.pid, top.paper, date(2025, 7, 16))
        await pilot.press("B", "enter")
        assert shown(app) == "Mid A"
        assert read_titles(app) == {"Old B", "Mid A"}


@pytest.mark.parametrize(
    ("mode", "after_tab", "after_bracket", "after_enter"),
    [
        ("shown", {"New B"}, {"New B", "Mid A"}, {"New B", "Mid A"}),
        ("open", set(), set(), {"Mid A"}),
        ("manual", set(), set(), set()),
    ],
)
async def test_mark_read_modes(
    archive: Path, mode: str, after_tab: set[str], after_bracket: set[str], after_enter: set[str]
) -> None:
    settings = ReaderSettings(Config(mark_read=mode))
    app = PaperdeckApp([str(archive)], settings=settings)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("tab")  # into the detail pane, showing New B
        assert isinstance(app.focused, DetailPane)
        assert read_titles(app) == after_tab
        await pilot.press("left_square_bracket")  # the detail pane, focused, shows Mid A
        assert read_titles(app) == after_bracket
        await pilot.press("shift+tab", "enter")  # the list, then open Mid A
        assert read_titles(app) == after_enter


async def test_n_and_N_go_to_the_next_and_previous_unread_across_days(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        assert shown(app) == "New B"  # by votes: New B, New C, New A
        await pilot.press("j", "enter")  # New C is read now
        await pilot.press("N")  # from the paper being read: the one above, New B
        assert shown(app) == "New B" and isinstance(app.focused, DetailPane)
        await pilot.press("u", "shift+tab")  # New B unread again; in the list, on it
        opened = []
        for _ in range(5):
            await pilot.press("n")
            opened.append((app.reader.day, shown(app)))
            assert isinstance(app.focused, DetailPane)
        assert opened == [
            (date(2025, 7, 17), "New B"),  # from the list: the unread paper under the cursor
            (date(2025, 7, 17), "New A"),  # then below it, skipping New C (read)
            (date(2025, 7, 16), "Mid A"),  # then the older days, newest first
            (date(2025, 7, 15), "Old B"),
            (date(2025, 7, 15), "Old A"),
        ]
        await pilot.press("n")  # nothing left: a note, and the reader stays
        assert shown(app) == "Old A"
        assert any("No unread paper after this one" in n.message for n in notifications(app))
        await pilot.press("N")
        assert shown(app) == "Old A"
        assert any("No unread paper before this one" in n.message for n in notifications(app))
        assert read_titles(app) == {"New A", "New B", "New C", "Mid A", "Old A", "Old B"}


async def test_space_at_the_end_of_a_paper_goes_on_to_the_next_unread(tmp_path: Path) -> None:
    bullets = "".join(f"- 긴 요약 문장 {n}번째 항목입니다.\n" for n in range(60))
    day = tmp_path / "2025-07-17.md"
    day.write_text(
        "## Daily Papers (2025-07-17)\n\n### [Long](https://arxiv.org/abs/2507.00001)\n\n"
        f"Vote: 9\n\n{bullets}\n### [Short](https://arxiv.org/abs/2507.00002)\n\nVote: 1\n\n"
        "- short\n",
        encoding="utf-8",
    )
    write_digest(tmp_path / "2025-07-16.md", "2025-07-16", [("Older", 5)])
    app = PaperdeckApp([str(tmp_path)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        detail = app.reader.detail
        await pilot.press("enter")  # open Long
        pages = 0
        while shown(app) == "Long":
            await pilot.press("space")
            pages += 1
            assert pages < 20
        assert pages > 1 and shown(app) == "Short"
        await pilot.press("space")  # Short fits: the next unread, on the older day
        assert (app.reader.day, shown(app)) == (date(2025, 7, 16), "Older")
        assert detail.scroll_y == 0
        assert read_titles(app) == {"Long", "Short", "Older"}


async def test_arriving_from_the_detail_pane_marks_only_the_paper_opened(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("j", "enter", "n")  # New C, then New A below it: the same day
        assert shown(app) == "New A" and isinstance(app.focused, DetailPane)
        assert read_titles(app) == {"New C", "New A"}  # New B, the top, passed over


async def test_arriving_on_another_day_marks_only_the_paper_opened(archive: Path) -> None:
    app = PaperdeckApp([str(archive)], start_date=date(2025, 7, 16))
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter", "N")  # Mid A; then the newer day from its bottom: New A
        assert (app.reader.day, shown(app)) == (date(2025, 7, 17), "New A")
        assert read_titles(app) == {"Mid A", "New A"}  # not New B, that day's top
