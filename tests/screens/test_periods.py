"""w: days → ISO weeks → months; a period's papers by votes; [ ] by period; marks kept."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from textual.widget import Widget

from tests.screens.helpers import flat_text, wait_loaded, wait_search, write_digest
from tui.app import PaperdeckApp
from tui.archive.identity import archive_key
from tui.archive.periods import PeriodKind
from tui.screens.search import SearchScreen
from tui.settings.locations import Locations
from tui.userdata.user_state import UserState

WIDE = (120, 40)


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    write_digest(root / "2025/06/30.md", "2025-06-30", [("June last", 70)])
    write_digest(root / "2025/07/07.md", "2025-07-07", [("Week 28", 4)])
    write_digest(root / "2025/07/14.md", "2025-07-14", [("Mon low", 5), ("Mon tie", 20)])
    write_digest(root / "2025/07/16.md", "2025-07-16", [("Wed top", 60), ("Wed none", None)])
    write_digest(root / "2025/07/17.md", "2025-07-17", [("Thu tie", 20), ("Thu", 3)])
    return root


def rows_text(widget: Widget) -> str:
    """What ``widget`` shows without its border, folded to single spaces."""
    return " ".join(flat_text(widget).replace("│", " ").split())


def titles(app: PaperdeckApp) -> list[str]:
    return [e.paper.title for e in app.reader.paper_list.entries]


async def test_w_cycles_days_weeks_months_and_back(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        reader = app.reader
        await pilot.press("j")  # "Thu": the paper stays selected through the cycle
        await pilot.press("w")
        assert reader.state.period is not None and reader.state.period.label == "2025-W29"
        assert titles(app) == ["Wed top", "Thu tie", "Mon tie", "Mon low", "Thu", "Wed none"]
        assert reader.paper_list.current_id == "2507.17002"
        assert reader.sidebar.border_title == "Weeks"
        sidebar = rows_text(reader.sidebar)
        assert "2025 W29 07-14 6 W28 07-07 1 W27 06-30 1" in sidebar
        listed = rows_text(reader.paper_list)
        assert "60 ● 07-16 Wed top" in listed and "- ● 07-16 Wed none" in listed
        assert "2025-W29 (07-14–07-20) · " in str(reader.paper_list.border_title)
        await pilot.press("w")
        assert reader.state.period is not None and reader.state.period.label == "2025-07"
        assert titles(app)[:2] == ["Wed top", "Thu tie"] and len(titles(app)) == 7
        assert "2025 Jul 01–31 7 Jun 01–30 1" in rows_text(reader.sidebar)
        assert reader.paper_list.current_id == "2507.17002"
        await pilot.press("w")
        assert reader.state.period is None and reader.day == date(2025, 7, 17)
        assert titles(app) == ["Thu tie", "Thu"]
        assert reader.paper_list.current_id == "2507.17002"
        assert reader.sidebar.border_title == "Days"


async def test_brackets_move_by_period_and_the_detail_shows_each_papers_day(
    archive: Path,
) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        reader = app.reader
        await pilot.press("w", "left_square_bracket")
        assert reader.state.period is not None and reader.state.period.label == "2025-W28"
        assert titles(app) == ["Week 28"]
        await pilot.press("left_square_bracket")
        assert reader.state.period.label == "2025-W27"
        assert titles(app) == ["June last"]
        await pilot.press("left_square_bracket")  # the oldest week: stays
        assert reader.state.period.label == "2025-W27"
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert reader.state.period.label == "2025-W29"
        await pilot.press("j")
        assert reader.detail.paper is not None and reader.detail.paper.title == "Thu tie"
        assert "2025-07-17" in flat_text(reader.detail)
        assert reader.detail.paper.sections  # the body is read for a period's paper too
        await pilot.press("shift+tab", "j")  # the sidebar cursor moves by week
        assert reader.state.period.label == "2025-W28"


async def test_marks_filter_and_search_work_in_a_week(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        reader = app.reader
        await pilot.press("w", "b")  # bookmark "Thu tie" (second by votes)
        bookmark = app.user_state.bookmarks["2507.17001"]
        assert bookmark.date == date(2025, 7, 17)
        assert "★" in flat_text(reader.paper_list)
        await pilot.press("m")  # the whole week read
        assert all(app.user_state.is_read(pid) for pid in reader.paper_list.ids)
        assert not app.user_state.is_read("2507.07001")  # another week is untouched
        await pilot.press("f", *"tie")
        await pilot.pause()
        assert titles(app) == ["Thu tie", "Mon tie"]
        borders = f"{reader.paper_list.border_title} {reader.paper_list.border_subtitle}"
        assert 'filter "tie": 2 of 6' in borders
        await pilot.press("enter", "escape")
        await pilot.press("slash", *"june")
        await wait_search(pilot, "june")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("enter")
        assert app.screen is reader
        assert reader.state.period is not None and reader.state.period.label == "2025-W27"
        assert reader.detail.paper is not None and reader.detail.paper.title == "June last"


async def test_the_period_is_remembered_with_the_position(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("w", "w", "j", "j")
        app.save_position()
    state = UserState(Locations.resolve().data, Locations.resolve().state)
    position = state.position(archive_key([str(archive)]))
    state.close()
    assert position is not None
    assert (position.period, position.paper) == ("month", "2507.14001")  # "Mon low"
    assert position.day == date(2025, 7, 14)
    again = PaperdeckApp([str(archive)])
    async with again.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        reader = again.reader
        assert reader.state.period_kind is PeriodKind.MONTH
        assert reader.state.period is not None and reader.state.period.label == "2025-07"
        assert reader.paper_list.current_id == "2507.14001"


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_a_week_across_two_months_fits_its_row(archive: Path, size: tuple[int, int]) -> None:
    many = [(f"Paper {n}", n) for n in range(12)]  # a two-digit count
    write_digest(archive / "2025/07/01.md", "2025-07-01", many)  # type: ignore[arg-type]
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=size) as pilot:
        await wait_loaded(pilot)
        await pilot.press("w")
        sidebar = app.reader.sidebar
        if not sidebar.scrollable_content_region.width:
            await pilot.press("t")  # narrow: the sidebar is shown on demand
        width = sidebar.scrollable_content_region.width
        shown = [sidebar.row_content(i, width).plain for i in range(len(sidebar._rows))]
        crossing = [row for row in shown if "06-30" in row]  # W27: 06-30 to 07-06
        assert crossing, shown
        for row in shown:
            assert len(row) <= width - 1, (row, width)  # never into the border
            if row.startswith(" W"):  # its range (the end, when there is room), a space, its count
                assert re.fullmatch(r" W\d\d \d\d-\d\d(–\d\d(-\d\d)?)? +[\d,]+", row), row


async def test_weeks_are_filed_under_their_iso_year_and_the_footer_counts_the_rows(
    tmp_path: Path,
) -> None:
    root = tmp_path / "archive"
    write_digest(root / "2024/12/23.md", "2024-12-23", [("Christmas week", 3)])
    write_digest(root / "2024/12/25.md", "2024-12-25", [("Christmas day", 4)])
    write_digest(root / "2024/12/30.md", "2024-12-30", [("Week one of 2025", 5)])
    app = PaperdeckApp([str(root)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        sidebar = app.reader.sidebar
        assert sidebar.border_subtitle == "3 days"
        await pilot.press("w")
        # 2024-12-30 begins 2025-W01: filed under 2025, labelled like every other week
        assert "2025 W01 12-30 1 2024 W52 12-23 2" in rows_text(sidebar)
        assert sidebar.border_subtitle == "2 weeks"
        await pilot.press("w")
        assert "2024 Dec 01–31 3" in rows_text(sidebar)
        assert sidebar.border_subtitle == "1 month"
        await pilot.press("w")
        assert sidebar.border_subtitle == "3 days"


async def test_the_sidebar_keeps_the_selected_days_month_header_in_view(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    for month, days in ((5, 31), (6, 30), (7, 31)):
        for day in range(1, days + 1):
            stamp = f"2025-{month:02d}-{day:02d}"
            write_digest(root / f"{stamp}.md", stamp, [(f"Paper {stamp}", day)])
    app = PaperdeckApp([str(root)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        sidebar = app.reader.sidebar
        sidebar.focus()
        await pilot.press("G")  # the oldest day, May 1, at the bottom
        june_header = 1 + 31  # "July 2025" and its 31 days above it
        assert sidebar.scroll_offset.y > june_header  # scrolled past June's header
        for _ in range(30 + 30):  # up through May, then June to its newest day
            await pilot.press("k")
        assert sidebar.current == date(2025, 6, 30) and sidebar.cursor == june_header + 1
        assert sidebar.scroll_offset.y == june_header  # its header shows just above it
        await pilot.press("k")  # July 31: July's header is far above, the day stays in view
        height = sidebar.scrollable_content_region.height
        assert sidebar.scroll_offset.y <= sidebar.cursor < sidebar.scroll_offset.y + height
