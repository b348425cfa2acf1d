"""Search (/), the day filter (f) and the order (s) in the reader."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from textual.app import App
from textual.signal import Signal

from tests.screens.helpers import list_titles, wait_loaded, wait_search, write_digest
from tests.waiting import wait_until
from tui.app import PaperdeckApp
from tui.screens.search import SearchScreen
from tui.search.matching import SearchCancelled, SearchResult
from tui.search.query import Query, parse_query
from tui.widgets.detail_pane import DetailPane
from tui.widgets.paper_list import PaperList

WIDE = (120, 40)


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    write_digest(
        root / "2025/07/15.md", "2025-07-15", [("Sparse Attention", 8), ("Cache Tricks", 2)]
    )
    write_digest(root / "2025/07/16.md", "2025-07-16", [("Memory Cache", 50), ("Vision", 9)])
    write_digest(root / "2025/07/17.md", "2025-07-17", [("Zebra Models", 3), ("Alpha Agents", 30)])
    return root


async def test_slash_searches_every_day_and_enter_opens_the_paper(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await pilot.press(*"cache")
        await wait_search(pilot, "cache")
        titles = [hit.entry.paper.title for hit in screen.results.hits]
        assert titles == ["Memory Cache", "Cache Tricks"]  # title matches, by votes
        assert screen.results.border_title == "2 results"
        await pilot.press("down", "down", "enter")
        assert app.screen is app.reader
        assert app.reader.day == date(2025, 7, 15)
        assert app.reader.detail.paper.title == "Cache Tricks"  # type: ignore[union-attr]
        assert isinstance(app.focused, DetailPane)
        await pilot.press("slash")  # the last query comes back
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.search_input.value == "cache"


async def test_escape_returns_to_where_you_were(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("left_square_bracket", "j")
        before = (app.reader.day, app.reader.detail.paper)
        await pilot.press("slash", *"vision")
        await wait_search(pilot, "vision")
        await pilot.press("escape")
        assert app.screen is app.reader
        assert (app.reader.day, app.reader.detail.paper) == before


async def test_malformed_term_is_shown_not_raised(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash", *"votes:>>3")
        status = app.screen.query_one("#search-status")
        await wait_until(pilot, lambda: status.has_class("-error"), "the error under the box")
        assert "votes:>>3" in str(status.render())


async def test_too_many_terms_are_named_under_the_box(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        screen.search_input.value = " ".join(f"w{i}" for i in range(2000))  # a paste
        status = screen.query_one("#search-status")
        await wait_until(pilot, lambda: status.has_class("-error"), "the error under the box")
        assert "at most 32 words and filters" in str(status.render())


async def test_a_newer_query_wins_over_an_older_one(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        screen.run_search("cache")
        screen.run_search("alpha")  # before the first one reported
        await wait_search(pilot, "alpha")
        await wait_until(pilot, lambda: not screen.workers, "both searches over")
        assert [h.entry.paper.title for h in screen.results.hits] == ["Alpha Agents"]
        older, _ = app.archive_search.search(parse_query("cache"))
        assert older.hits  # the first query had results of its own
        screen.on_search_screen_found(SearchScreen.Found(older, 1, True))  # arrives late

        assert [h.entry.paper.title for h in screen.results.hits] == ["Alpha Agents"]


async def test_s_cycles_the_order_and_shows_it(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        lst = app.reader.paper_list
        assert [e.paper.title for e in lst.entries] == ["Alpha Agents", "Zebra Models"]
        assert list_titles(app).endswith("· votes")
        await pilot.press("j", "s")  # by title; the paper under the cursor stays
        assert [e.paper.title for e in lst.entries] == ["Alpha Agents", "Zebra Models"]
        assert list_titles(app).endswith("· title")
        assert lst.current.paper.title == "Zebra Models"  # type: ignore[union-attr]
        await pilot.press("s")
        assert [e.paper.title for e in lst.entries] == ["Zebra Models", "Alpha Agents"]
        assert list_titles(app).endswith("· file order")
        await pilot.press("s")
        assert list_titles(app).endswith("· votes")


async def test_f_filters_the_day_and_says_so_in_the_title(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        lst = app.reader.paper_list
        await pilot.press("f", *"votes:>10")
        await pilot.pause()
        assert [e.paper.title for e in lst.entries] == ["Alpha Agents"]
        # the unread count is the day's, as in the sidebar; the filter says what it shows
        assert list_titles(app) == '2025-07-17 · 2/2 unread · votes · filter "votes:>10": 1 of 2'
        borders = f"{lst.border_title} {lst.border_subtitle}"
        assert 'filter "votes:>10": 1 of 2' in borders  # in the top border, or below it
        assert app.reader.sidebar.row_content(1, 20).plain.endswith("2/2")
        await pilot.press("enter")
        assert isinstance(app.focused, PaperList)
        await pilot.press("f", *"votes:>>")  # focusing selects the old filter: typing replaces it
        await pilot.pause()
        assert app.screen.query_one("#day-filter").has_class("-error")
        assert list(lst.entries) == []  # the last good filter was the word "votes"
        await pilot.press("escape")
        assert [e.paper.title for e in lst.entries] == ["Alpha Agents", "Zebra Models"]
        assert not app.screen.query_one("#day-filter").display
        assert list_titles(app) == "2025-07-17 · 2/2 unread · votes"


async def test_escape_in_the_list_clears_the_filter(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        lst = app.reader.paper_list
        await pilot.press("f", *"alpha", "enter")
        assert isinstance(app.focused, PaperList)
        assert [e.paper.title for e in lst.entries] == ["Alpha Agents"]
        assert lst.border_title.endswith('· filter "alpha": 1 of 2')  # 80 columns: room
        await pilot.press("enter", "escape")  # the detail first: back to the list
        assert isinstance(app.focused, PaperList) and app.reader.state.filter is not None
        await pilot.press("escape")
        assert app.reader.state.filter is None
        assert [e.paper.title for e in lst.entries] == ["Alpha Agents", "Zebra Models"]
        assert not app.screen.query_one("#day-filter").display


async def test_the_filter_ends_with_its_day_unless_pinned(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        lst = app.reader.paper_list
        await pilot.press("f", *"votes:>10", "enter", "left_square_bracket")
        assert app.reader.state.filter is None
        assert [e.paper.title for e in lst.entries] == ["Memory Cache", "Vision"]
        await pilot.press("F")  # nothing to pin
        assert not app.reader.state.pinned
        await pilot.press("f", *"votes:>5", "enter", "F")
        assert app.reader.state.pinned
        assert list_titles(app).endswith('filter "votes:>5" (pinned): 2 of 2')
        await pilot.press("left_square_bracket")
        assert [e.paper.title for e in lst.entries] == ["Sparse Attention"]
        await pilot.press("F", "right_square_bracket")  # unpinned: it ends with this day
        assert app.reader.state.filter is None and len(lst.entries) == 2


async def test_enter_before_the_results_arrive_opens_the_best_one(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash", *"vision", "enter")  # no pause: the search is pending
        await wait_until(pilot, lambda: app.screen is app.reader, "back in the reader")
        assert app.reader.detail.paper.title == "Vision"  # type: ignore[union-attr]


async def test_search_opens_a_paper_hidden_by_the_day_filter(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("f", *"zebra", "enter")
        assert [e.paper.title for e in app.reader.paper_list.entries] == ["Zebra Models"]
        await pilot.press("slash", *"alpha")
        await wait_search(pilot, "alpha")
        await pilot.press("enter")
        assert app.reader.detail.paper.title == "Alpha Agents"  # type: ignore[union-attr]
        assert app.reader.state.filter is None


async def test_typing_a_filter_does_not_mark_papers_read(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        zebra = app.store.entries(date(2025, 7, 17))[0].pid
        await pilot.press("f", *"zebra")
        await pilot.pause()
        assert app.reader.detail.paper.title == "Zebra Models"  # type: ignore[union-attr]
        await pilot.press("enter")  # back to the list: still not read
        assert not app.user_state.is_read(zebra)
        await pilot.press("enter")  # opened
        assert app.user_state.is_read(zebra)


class _SlowSearcher:
    """A search that takes until released, or until told it is no longer wanted."""

    def __init__(self) -> None:
        self.started: list[str] = []
        self.abandoned: list[str] = []
        self.release = threading.Event()

    def __call__(
        self, query: Query, cancelled: Callable[[], bool] = lambda: False
    ) -> tuple[SearchResult, bool]:
        self.started.append(query.text)
        while not self.release.wait(0.01):
            if cancelled():
                self.abandoned.append(query.text)
                raise SearchCancelled
        return SearchResult(query, [], 0), True


async def test_a_keystroke_cancels_the_search_in_progress() -> None:
    searcher = _SlowSearcher()

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(SearchScreen(searcher, Signal(self, "search-ready")))

    app = Host()
    try:
        async with app.run_test(size=WIDE) as pilot:
            await pilot.press("a")
            await wait_until(pilot, lambda: bool(searcher.started), "the first search started")
            assert searcher.started == ["a"]
            await pilot.press("b")  # the UI takes keys while "a" is still being searched
            screen = app.screen
            assert isinstance(screen, SearchScreen)
            assert screen.search_input.value == "ab"
            await wait_until(
                pilot,
                lambda: bool(searcher.abandoned) and len(searcher.started) == 2,
                "the first search abandoned for the second",
            )
            assert searcher.abandoned == ["a"] and searcher.started == ["a", "ab"]
            searcher.release.set()
            await wait_search(pilot, "ab")
            assert screen.results.border_title == "0 results"
    finally:
        searcher.release.set()


async def test_a_search_without_results_says_so_and_the_hints_wrap(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        status = screen.query_one("#search-status")
        assert status.region.height >= 2  # every hint shown: wrapped, not cut at 80 columns
        assert screen.results.empty_text.startswith("Type to search")
        await pilot.press(*"zzqx")
        await wait_search(pilot, "zzqx")
        assert screen.results.hits == []
        assert screen.results.empty_text == "No paper matches 'zzqx'."
        await pilot.press(*["backspace"] * 4)
        await wait_until(
            pilot,
            lambda: screen.results.empty_text.startswith("Type to search"),
            "the hint back in an empty box",
        )
