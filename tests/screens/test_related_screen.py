"""L (more like this): the papers most like the selected one; enter opens one in its day."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.screens.helpers import flat_text, wait_loaded, write_moe_archive
from tests.waiting import wait_until
from tui.app import PaperdeckApp
from tui.screens.related import RelatedScreen

WIDE = (120, 40)


async def test_L_lists_the_related_papers_and_enter_opens_one_in_its_day(tmp_path: Path) -> None:
    archive = write_moe_archive(tmp_path / "archive")
    app = PaperdeckApp([str(archive)], start_date=date(2025, 7, 14))
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        reader = app.reader
        row = reader.paper_list.index_of("2507.00001")
        assert row is not None
        reader.paper_list.cursor = row
        await pilot.press("L")
        screen = app.screen
        assert isinstance(screen, RelatedScreen)
        papers = screen.paper_list
        await wait_until(pilot, lambda: bool(papers.entries), "the related papers")
        assert papers.ids == ["2507.00002", "2507.00004"]  # never the paper, nor its copy
        assert "More like Sparse Mixture of Experts Routing" in flat_text(
            screen.query_one("#related-head")
        )
        assert "experts" in flat_text(screen.query_one("#related-terms"))
        shown = flat_text(papers)
        assert "2025-07-15" in shown and "Expert Routing" in shown
        assert app.focused is papers
        await pilot.press("j", "enter")
        assert app.screen is reader
        assert reader.day == date(2025, 7, 15)
        assert reader.paper_list.current_id == "2507.00004"


async def test_escape_goes_back_to_the_reader(tmp_path: Path) -> None:
    archive = write_moe_archive(tmp_path / "archive")
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("L")
        screen = app.screen
        assert isinstance(screen, RelatedScreen)
        await wait_until(pilot, lambda: not screen.workers, "the search for related papers")
        await pilot.press("escape")
        assert app.screen is app.reader
