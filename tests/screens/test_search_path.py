"""Search as a path: stepping through results from the reader, escape back to them, paging."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from textual.command import CommandList
from textual.geometry import Region

from tests.screens.helpers import (
    list_titles,
    searched,
    wait_loaded,
    wait_palette,
    wait_search,
    write_digest,
)
from tests.waiting import DEADLINE, wait_until
from tui.app import PaperdeckApp
from tui.search.matching import DEFAULT_LIMIT, SearchResult
from tui.terminal.textual_compat import notifications
from tui.widgets.detail_pane import DetailPane

WIDE = (120, 40)


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    write_digest(tmp_path / "2025-07-15.md", "2025-07-15", [("Cache Old", 8), ("Other", 2)])
    write_digest(tmp_path / "2025-07-16.md", "2025-07-16", [("Cache Mid", 50), ("Vision", 9)])
    write_digest(tmp_path / "2025-07-17.md", "2025-07-17", [("Cache New", 30), ("Agents", 3)])
    return tmp_path


def shown(app: PaperdeckApp) -> tuple[date | None, str]:
    paper = app.reader.detail.paper
    assert paper is not None
    return app.reader.day, paper.title


async def test_the_next_and_previous_result_keys_step_through_the_results(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("greater_than_sign")  # no search yet: a note
        assert any("No search yet" in n.message for n in notifications(app))
        await pilot.press("slash", *"cache")
        await wait_search(pilot, "cache")
        await pilot.press("enter")
        assert shown(app) == (date(2025, 7, 16), "Cache Mid")
        assert list_titles(app).endswith("· search 1/3: cache")
        await pilot.press("greater_than_sign")
        assert shown(app) == (date(2025, 7, 17), "Cache New")
        assert list_titles(app).endswith("search 2/3: cache")
        await pilot.press("greater_than_sign", "greater_than_sign")  # the last, then a note
        assert shown(app) == (date(2025, 7, 15), "Cache Old")
        assert any("last result" in n.message for n in notifications(app))
        await pilot.press("less_than_sign")
        assert shown(app) == (date(2025, 7, 17), "Cache New")
        assert isinstance(app.focused, DetailPane)
        await pilot.press("j")  # the cursor is not on the result any more: no note
        await pilot.press("shift+tab", "j")
        assert "search" not in list_titles(app)


async def test_escape_on_a_result_returns_to_the_results_where_they_were(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        screen = await searched(pilot, "cache")
        await pilot.press("down", "down", "enter")  # the second result
        await pilot.press("greater_than_sign")  # the third
        assert shown(app) == (date(2025, 7, 15), "Cache Old")
        await pilot.press("escape")
        assert app.screen is screen  # the same screen, as it was left
        assert screen.results.has_focus and screen.results.hit_at(screen.results.cursor) == 2
        assert screen.search_input.value == "cache"
        await pilot.press("up", "enter")
        assert shown(app) == (date(2025, 7, 17), "Cache New")
        await pilot.press("shift+tab", "j", "escape")  # moved off the result: a pane back
        assert app.screen is app.reader
        await pilot.press("slash")  # / comes back to the box, results kept
        assert app.screen is screen and screen.search_input.has_focus
        assert len(screen.results.hits) == 3


async def test_every_result_is_reachable_past_the_first_page(tmp_path: Path) -> None:
    per_day = 260
    for day in ("2025-07-15", "2025-07-16", "2025-07-17"):
        write_digest(tmp_path / f"{day}.md", day, [(f"Model {day} {n}", n) for n in range(per_day)])
    total = 3 * per_day
    app = PaperdeckApp([str(tmp_path)])
    async with app.run_test(size=WIDE) as pilot:
        screen = await searched(pilot, "model")
        assert len(screen.results.hits) == DEFAULT_LIMIT
        assert screen.results.border_title == f"{total:,} results, {DEFAULT_LIMIT} loaded"
        await pilot.press("down", "G")  # near the end: the next page is read
        await wait_until(pilot, lambda: len(screen.results.hits) == total, "every page")
        assert screen.results.border_title == f"{total:,} results"
        assert len({hit.entry.pid for hit in screen.results.hits}) == total
        await pilot.press("G", "enter")
        assert list_titles(app).endswith(f"search {total}/{total}: model")


async def test_stepping_past_the_loaded_results_reads_the_next_page(tmp_path: Path) -> None:
    write_digest(
        tmp_path / "2025-07-17.md", "2025-07-17", [(f"Model {n}", 1000 - n) for n in range(503)]
    )
    app = PaperdeckApp([str(tmp_path)])
    async with app.run_test(size=WIDE) as pilot:
        screen = await searched(pilot, "model")
        search, release = screen.search, threading.Event()

        def held(*args: object) -> tuple[SearchResult, bool]:
            release.wait(DEADLINE)  # the next page comes once the test has looked
            return search(*args)  # type: ignore[arg-type]

        screen.search = held  # type: ignore[assignment]
        await pilot.press("down", "G", "enter")  # the last result loaded; the next page is coming
        assert shown(app)[1] == "Model 499"
        await pilot.press("greater_than_sign")  # not there yet: it opens when it comes
        assert shown(app)[1] == "Model 499"
        release.set()
        await wait_until(pilot, lambda: shown(app)[1] == "Model 500", "the next page's paper")
        assert list_titles(app).endswith("search 501/503: model")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("book", {"Bookmark / unbookmark", "All bookmarks"}),
        ("search", {"Search", "Next search result", "Previous search result"}),
        ("sort", {"Sort"}),
        ("theme", {"Change theme"}),
        ("unread", {"Next unread paper", "Previous unread paper"}),
    ],
)
async def test_the_palette_offers_the_actions_of_the_keys(
    archive: Path, typed: str, expected: set[str]
) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("ctrl+p", *typed)
        found: set[str] = set()

        def offered() -> bool:
            nonlocal found
            commands = app.screen.query_one(CommandList)
            options = [commands.get_option_at_index(i) for i in range(commands.option_count)]
            found = {str(option.hit.text) for option in options if hasattr(option, "hit")}
            return expected <= found

        await wait_until(pilot, offered, f"the palette offering {sorted(expected)}")
        assert "Theme" not in found


async def test_a_palette_entry_runs_its_action(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("ctrl+p", *"bookmark / unb")
        await wait_palette(pilot, "bookmark")
        await pilot.press("enter")
        await pilot.pause()
        pid = app.reader.paper_list.current_id
        assert pid is not None and app.user_state.is_bookmarked(pid)


async def test_the_result_note_puts_the_position_first_and_cuts_the_query(tmp_path: Path) -> None:
    write_digest(tmp_path / "2025-07-16.md", "2025-07-16", [("KV Cache A", 50), ("Other", 9)])
    write_digest(tmp_path / "2025-07-17.md", "2025-07-17", [("KV-Cache B", 30)])
    query = '"kv cache" date:2025-07-01..2025-07-31 -survey -benchmark -review -old'
    app = PaperdeckApp([str(tmp_path)])
    async with app.run_test(size=(80, 24)) as pilot:
        await searched(pilot, query)
        await pilot.press("down", "down", "enter")
        papers = app.reader.paper_list
        assert papers.border_subtitle == f"search 2/2: {query}"  # the query quoted once
        outer = papers.outer_size
        bottom = papers.render_lines(Region(0, 0, outer.width, outer.height))[-1].text
        assert bottom.startswith("╰")  # the bottom border, as drawn
        assert 'search 2/2: "kv cache" date:2025-07' in bottom
        assert "…" in bottom and "-old" not in bottom  # cut at the end, with an ellipsis
