"""A (a paper's authors → an author's page → co-authors) and T (trends → search or page)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widget import Widget

from tests.conftest import FIXTURES
from tests.screens.helpers import (
    DEMO,
    flat_text,
    wait_coauthors,
    wait_loaded,
    wait_search,
    wait_trends,
    write_digest,
)
from tests.waiting import wait_until
from tui.app import PaperdeckApp
from tui.screens.authors import AuthorPicker, AuthorScreen
from tui.screens.search import SearchScreen
from tui.screens.trends import TrendsScreen
from tui.settings.reader_settings import ReaderSettings
from tui.widgets.name_list import NameList
from tui.widgets.trend_line import TrendSparkline

AUTHORS = str(FIXTURES / "authors")
WIDE = (120, 40)


def rows_text(widget: Widget) -> str:
    return " ".join(flat_text(widget).replace("│", " ").split())


async def test_A_lists_the_authors_and_opens_a_page_then_a_coauthors() -> None:
    app = PaperdeckApp([AUTHORS])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        current = app.reader.paper_list.current
        assert current is not None
        paper = current.paper
        await pilot.press("A")
        picker = app.screen
        assert isinstance(picker, AuthorPicker)
        names = picker.query_one(NameList)
        assert [item.name for item in names.items] == paper.authors
        assert all(item.figure.endswith(("paper", "papers")) for item in names.items)
        ann = next(i for i, n in enumerate(paper.authors) if n.casefold() == "ann lee")
        for _ in range(ann):
            await pilot.press("j")
        await pilot.press("enter")
        page = app.screen
        assert isinstance(page, AuthorScreen)
        rows = page.page.rows
        assert len(rows) > 20
        days = [row.day for row in rows]
        assert days == sorted(days, reverse=True)  # type: ignore[type-var]
        head = flat_text(page.query_one("#author-head"))
        assert f"Ann Lee · {len(rows)} papers · {days[-1]} – {days[0]}" in head
        assert f"{days[0]:%Y-%m-%d}" in rows_text(page.paper_list)  # rows show full dates
        coauthors = await wait_coauthors(pilot)
        first = coauthors.items[0]
        await pilot.press("tab")
        assert app.focused is coauthors
        await pilot.press("enter")
        assert isinstance(app.screen, AuthorScreen) and app.screen is not page
        assert app.screen.page.name == first.name
        assert all(
            any(n.casefold() == first.name.casefold() for n in row.paper.authors)
            for row in app.screen.page.rows
        )
        await pilot.press("escape")
        assert app.screen is page
        await pilot.press("tab", "j", "enter")  # the second newest paper, in its day
        assert app.screen is app.reader
        assert app.reader.day == days[1]
        assert app.reader.paper_list.current_id == rows[1].pid


async def test_escape_leaves_the_picker_without_a_page() -> None:
    app = PaperdeckApp([AUTHORS])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("A", "escape")
        assert app.screen is app.reader


async def test_T_shows_the_archive_and_a_keyword_opens_its_search() -> None:
    app = PaperdeckApp([AUTHORS])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("T")
        screen = app.screen
        assert isinstance(screen, TrendsScreen) and screen.period is None
        await wait_trends(pilot)
        head = flat_text(screen.query_one("#trends-head"))
        assert "Trends of the whole archive · 36 papers · one bar per day" in head
        papers = screen.query_one("#trend-papers TrendSparkline", TrendSparkline)
        assert papers.data is not None and sum(papers.data) == 36
        keywords = screen.query_one("#trend-keywords", NameList)
        words = [item.name for item in keywords.items]
        assert "for" not in words and "위한" not in words
        assert screen.query_one("#trend-authors", NameList).items[0].name == "Ann Lee"
        await pilot.press("enter")
        search = app.screen
        assert isinstance(search, SearchScreen)
        assert search.search_input.value == words[0]
        await wait_search(pilot, words[0])
        assert search.results.hits


async def test_T_in_a_week_counts_that_week_and_an_author_opens_their_page() -> None:
    app = PaperdeckApp([AUTHORS])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("w", "T")
        screen = app.screen
        assert isinstance(screen, TrendsScreen)
        assert screen.period is not None and screen.period.label == "2025-W30"
        await wait_trends(pilot)
        assert "2025-W30 (2025-07-21 – 2025-07-27) · 6 papers" in flat_text(
            screen.query_one("#trends-head")
        )
        await pilot.press("enter")  # the top keyword: searched within the week
        assert isinstance(app.screen, SearchScreen)
        value = app.screen.search_input.value
        assert value.endswith(" date:2025-07-21..2025-07-27")
        await pilot.press("escape", "T")
        await wait_trends(pilot)
        authors = app.screen.query_one("#trend-authors", NameList)
        top = authors.items[0].name
        await pilot.press("tab", "enter")
        assert isinstance(app.screen, AuthorScreen) and app.screen.page.name == top


async def test_trends_draw_in_ascii_with_ascii_glyphs() -> None:
    settings = ReaderSettings(ascii=True, animations=False)
    app = PaperdeckApp([DEMO], settings=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("T")
        await wait_trends(pilot)
        spark = app.screen.query_one("#trend-top TrendSparkline", TrendSparkline)
        drawn = flat_text(spark)
        assert drawn.strip() and all(ord(char) < 128 for char in drawn)
        assert "#" in drawn


async def test_a_papers_authors_page_from_the_palette_command_of_trends() -> None:
    app = PaperdeckApp([AUTHORS], start_date=date(2025, 7, 2))
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        app.reader.show_trends(None)
        await pilot.pause()
        assert isinstance(app.screen, TrendsScreen) and app.screen.period is None


async def test_trends_say_what_a_bar_spans_when_it_holds_several_weeks(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    write_digest(root / "2022/01/03.md", "2022-01-03", [("First", 5)])
    write_digest(root / "2024/12/30.md", "2024-12-30", [("Last", 9)])  # 157 weeks in all
    app = PaperdeckApp([str(root)])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("T")
        await wait_trends(pilot)
        screen = app.screen
        spark = screen.query_one("#trend-papers TrendSparkline", TrendSparkline)
        weeks = 157
        per = -(-weeks // spark.size.width)  # whole weeks per bar, as few as fit
        assert per > 1
        assert f"one bar per {per} weeks" in flat_text(screen.query_one("#trends-head"))
        assert isinstance(screen, TrendsScreen) and screen.trend is not None
        assert len(screen.trend.papers) == weeks
        assert spark.data is not None and len(spark.data) == -(-weeks // per)
        assert max(spark.data) == 1 and sum(spark.values) == 2
        await pilot.resize_terminal(120, 40)
        wider = -(-weeks // spark.size.width)
        assert wider < per
        head = screen.query_one("#trends-head")
        await wait_until(
            pilot, lambda: f"one bar per {wider} weeks" in flat_text(head), "the bars renamed"
        )
