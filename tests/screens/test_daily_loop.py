"""The daily loop's keys: read papers hidden, the footer by pane, the detail on the whole
screen, escape back where you came from, typing into the search box."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.conftest import FIXTURES
from tests.screens.helpers import wait_loaded, wait_palette, write_digest
from tests.waiting import wait_until
from tui.app import PaperdeckApp
from tui.cli.launch import build_app
from tui.terminal.textual_compat import notifications
from tui.widgets.key_footer import KeyFooter

AUTHORS = str(FIXTURES / "authors")
NARROW = (80, 24)
WIDE = (120, 40)


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    write_digest(root / "2025/07/16.md", "2025-07-16", [("Old A", 5), ("Old B", 9)])
    write_digest(
        root / "2025/07/17.md", "2025-07-17", [("New A", 30), ("New B", 20), ("New C", 10)]
    )
    return root


def footer_keys(app: PaperdeckApp) -> list[str]:
    return app.reader.query_one(KeyFooter).keys


def titles(app: PaperdeckApp) -> list[str]:
    return [e.paper.title for e in app.reader.paper_list.entries]


async def settle(pilot: Pilot[None]) -> None:
    for _ in range(5):
        await pilot.pause()


# -- H: unread only ----------------------------------------------------------------------


async def test_H_hides_the_read_papers_and_the_title_says_so(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter", "escape")  # "New A" is read
        await pilot.press("j")  # the cursor on "New B"
        await pilot.press("H")
        assert titles(app) == ["New B", "New C"]
        assert "unread only" in str(app.reader.paper_list.border_title)
        await pilot.press("left_square_bracket")  # another day: still unread only
        assert titles(app) == ["Old B", "Old A"]
        await pilot.press("enter", "escape", "right_square_bracket")
        assert titles(app) == ["New B", "New C"]
        await pilot.press("H")
        assert titles(app) == ["New A", "New B", "New C"]
        assert "unread only" not in str(app.reader.paper_list.border_title)


async def test_the_paper_being_read_stays_listed_until_the_list_is_made_again(
    archive: Path,
) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("H", "enter")  # "New A" read, still shown
        assert titles(app) == ["New A", "New B", "New C"]
        assert app.reader.detail.paper.title == "New A"  # type: ignore[union-attr]
        await pilot.press("escape", "j", "H", "H")
        assert titles(app) == ["New B", "New C"]


async def test_unread_only_says_why_the_list_is_empty(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("m", "left_square_bracket", "H", "right_square_bracket")
        assert titles(app) == []
        assert "H shows the read ones" in app.reader.paper_list.empty_text


async def test_H_is_in_the_footer_with_the_list_focused_and_in_the_palette(
    archive: Path,
) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await settle(pilot)
        assert "H" in footer_keys(app)
        await pilot.press("ctrl+p")
        await pilot.press(*"unread only")
        await wait_palette(pilot, "Unread only")
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.reader.state.unread_only, "H from the palette")


async def test_unread_only_is_remembered_with_the_position(archive: Path) -> None:
    app = build_app([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("H")
        await pilot.press("q")
    again = build_app([str(archive)])
    async with again.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        assert again.reader.state.unread_only
        assert again.reader.day == date(2025, 7, 17)
        assert "unread only" in str(again.reader.paper_list.border_title)


# -- the footer follows the focused pane -------------------------------------------------


async def test_the_footer_shows_the_keys_of_the_focused_pane_first(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=NARROW) as pilot:
        await wait_loaded(pilot)
        await settle(pilot)
        assert footer_keys(app)[:5] == ["enter", "n", "N", "m", "H"]
        assert "space" not in footer_keys(app)
        await pilot.press("tab")  # the detail
        await wait_until(pilot, lambda: app.reader.detail.has_focus, "the detail focused")
        await settle(pilot)
        assert footer_keys(app)[:3] == ["space", "n", "N"]
        assert {"m", "H", "enter"}.isdisjoint(footer_keys(app))
        await pilot.press("t")  # the days
        await wait_until(pilot, lambda: app.reader.sidebar.has_focus, "the days focused")
        await settle(pilot)
        keys = footer_keys(app)
        assert keys[0] == "enter"
        assert {"n", "N", "m", "H", "space"}.isdisjoint(keys)


async def test_a_remapped_key_moves_in_the_footer_too(archive: Path) -> None:
    from tui.settings.config import Config
    from tui.settings.reader_settings import ReaderSettings

    settings = ReaderSettings(config=Config(keys={"unread.next": "v"}))
    app = PaperdeckApp([str(archive)], settings=settings)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("tab")
        await wait_until(pilot, lambda: app.reader.detail.has_focus, "the detail focused")
        await settle(pilot)
        keys = footer_keys(app)
        assert "v" in keys
        assert "n" not in keys


# -- typing in the search results --------------------------------------------------------


async def test_typing_in_the_results_goes_to_the_search_box(archive: Path) -> None:
    from tests.screens.helpers import wait_search
    from tui.screens.search import SearchScreen

    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash", *"new")
        await wait_search(pilot, "new")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await pilot.press("down", "j")  # j still moves in the results
        assert screen.results.has_focus
        assert screen.results.current.entry.paper.title == "New B"  # type: ignore[union-attr]
        await pilot.press("slash")  # / goes back to the box, its text selected
        assert screen.search_input.has_focus
        assert screen.search_input.selected_text == "new"
        await pilot.press("down")
        assert screen.results.has_focus
        await pilot.press("space", "q", "B")  # q does not quit here, B opens no bookmarks
        assert app.screen is screen
        assert screen.search_input.has_focus
        assert screen.search_input.value == "new qB"
        await wait_search(pilot, "new qB")


# -- escape goes back where you came from ------------------------------------------------


async def test_escape_from_a_keywords_paper_goes_back_through_its_results_to_trends() -> None:
    from tests.screens.helpers import wait_search
    from tui.screens.search import SearchScreen
    from tui.screens.trends import TrendsScreen
    from tui.widgets.name_list import NameList

    app = PaperdeckApp([AUTHORS])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("T")
        trends = app.screen
        assert isinstance(trends, TrendsScreen)
        keywords = trends.query_one("#trend-keywords", NameList)
        await wait_until(pilot, lambda: bool(keywords.items), "the trends counted")
        await pilot.press("j")  # the second keyword
        word = keywords.items[1].name
        await pilot.press("enter")
        search = app.screen
        assert isinstance(search, SearchScreen)
        await wait_search(pilot, word)
        await pilot.press("down", "enter")  # the first result opens in the reader
        assert app.screen is app.reader
        opened = app.reader.detail.paper
        await pilot.press("escape")
        assert app.screen is search
        assert search.results.has_focus
        await pilot.press("escape")
        assert app.screen is trends
        assert keywords.cursor == 1  # as it was left
        await pilot.press("escape")
        assert app.screen is app.reader
        assert app.reader.detail.paper is opened


async def test_escape_from_an_authors_paper_goes_back_to_the_author_page() -> None:
    from tui.screens.authors import AuthorScreen

    app = PaperdeckApp([AUTHORS])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("A", "enter")
        page = app.screen
        assert isinstance(page, AuthorScreen)
        await pilot.press("j", "enter")
        assert app.screen is app.reader
        assert app.reader.detail.has_focus
        await pilot.press("escape")
        assert app.screen is page
        assert page.paper_list.cursor == 1
        await pilot.press("escape")
        assert app.screen is app.reader
        await pilot.press("escape")  # now a pane back, as always
        assert app.screen is app.reader
        assert app.reader.paper_list.has_focus


# -- Z: the paper on the whole screen ----------------------------------------------------


async def test_Z_gives_the_detail_the_whole_screen_and_back(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=NARROW) as pilot:
        await wait_loaded(pilot)
        reader = app.reader
        before = reader.detail.region.height
        await pilot.press("Z")
        await wait_until(pilot, lambda: reader.maximized is reader.detail, "the detail maximized")
        await settle(pilot)
        assert not reader.paper_list.display or reader.paper_list.region.height == 0
        assert reader.detail.has_focus
        assert reader.detail.region.height == 24 - 1  # all but the footer
        assert reader.detail.region.height > before
        await pilot.press("j", "Z")
        await wait_until(pilot, lambda: reader.maximized is None, "the panes back")
        await settle(pilot)
        assert reader.detail.region.height == before
        assert reader.paper_list.has_focus  # where the focus was
        await pilot.press("enter", "Z", "escape")  # escape restores the panes too
        await wait_until(pilot, lambda: reader.maximized is None, "the panes back on escape")
        await settle(pilot)
        assert reader.detail.has_focus
        assert reader.detail.region.height == before


# -- search history and saved searches ---------------------------------------------------


async def test_up_and_down_in_the_search_box_recall_the_queries_searched(
    archive: Path,
) -> None:
    from tests.screens.helpers import wait_search
    from tui.screens.search import SearchScreen

    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash", *"old", "enter")  # enter opens the first result
        await wait_until(pilot, lambda: app.screen is app.reader, "the result opened")
        await pilot.press("slash")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        box = screen.search_input
        await pilot.press(*"new b", "enter")  # the box's text is selected: typing replaces it
        await wait_until(pilot, lambda: app.screen is app.reader, "the result opened")
        assert app.user_state.search_history() == ["new b", "old"]
        await pilot.press("slash", *"ne")
        await pilot.press("up")
        assert box.value == "new b"
        await pilot.press("up")
        assert box.value == "old"
        await wait_search(pilot, "old")  # each recalled query is searched
        await pilot.press("up")  # the oldest: stays
        assert box.value == "old"
        await pilot.press("down", "down")
        assert box.value == "ne"  # back to the text typed
        assert box.has_focus
        await pilot.press("down")  # not recalling: down goes to the results
        await wait_until(pilot, lambda: screen.results.has_focus, "the results focused")
    again = PaperdeckApp([str(archive)])
    async with again.run_test(size=WIDE) as pilot:  # kept across runs
        await wait_loaded(pilot)
        await pilot.press("slash", "up")
        assert again.screen.search_input.value == "new b"  # type: ignore[attr-defined]


async def test_ctrl_s_saves_the_search_under_a_name_shown_in_saved_and_the_palette(
    archive: Path,
) -> None:
    from tests.screens.helpers import wait_search
    from tui.screens.name_prompt import NamePrompt
    from tui.screens.search import SearchScreen

    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=NARROW) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        assert not screen.saved_list.display  # nothing saved yet
        await pilot.press(*"old", "ctrl+s")
        assert isinstance(app.screen, NamePrompt)
        await pilot.press("backspace", "enter")  # no name: said, not saved
        assert isinstance(app.screen, NamePrompt)
        await pilot.press(*"olds", "enter")  # the name's text was selected: replaced
        await wait_until(pilot, lambda: app.screen is screen, "the prompt closed")
        assert app.user_state.saved_searches() == {"olds": "old"}
        assert screen.saved_list.display
        assert [item.name for item in screen.saved_list.items] == ["olds"]
        assert screen.search_input.has_focus  # back from the prompt
        await pilot.press("home", "shift+end", *"new")
        await wait_search(pilot, "new")
        screen.saved_list.focus()
        await pilot.press("enter")  # a saved search runs from the Saved section
        await wait_search(pilot, "old")
        assert screen.search_input.value == "old"
        await pilot.press("escape")
        assert app.screen is app.reader
        await pilot.press("ctrl+p", *"saved search olds")
        await wait_palette(pilot, "Saved search: olds")
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen is screen, "the saved search from the palette")
        await wait_search(pilot, "old")


async def test_saving_an_empty_search_says_so(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash", "ctrl+s")
        await settle(pilot)
        assert app.user_state.saved_searches() == {}
        assert any("Nothing to save" in n.message for n in notifications(app))
