"""Text typed into the reader is data: markup typed into any box is shown as typed (in the
box, and where a title, label or notice echoes it), never read as markup, and never stops
the reader. ``[/x]`` closes no tag, ``[bold]`` styles nothing, ``[@click=app.quit]`` quits
nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget

from tests.screens.helpers import wait_loaded
from tests.screens.test_note_keys import archive
from tests.waiting import wait_until
from tui.app import PaperdeckApp
from tui.screens.bookmarks import BookmarksScreen
from tui.screens.date_prompt import DatePrompt
from tui.screens.help import HelpScreen
from tui.screens.note_editor import NoteEditor
from tui.screens.search import SearchScreen
from tui.screens.tag_editor import TagEditor
from tui.search.query import parse_query
from tui.settings.config import Config
from tui.settings.reader_settings import ReaderSettings

WIDE = (160, 40)
MARKUP = ["[/x] survey", "[bold]", "[@click=app.quit]", "[/]"]
__all__ = ["archive"]  # the fixture: two papers on 2025-07-17, no $EDITOR


def box_text(widget: Widget) -> str:
    """What ``widget`` draws in its box on screen, borders and their titles included."""
    strips = widget.render_lines(Region(0, 0, *widget.outer_size))
    return "\n".join(strip.text.rstrip() for strip in strips)


def drawn(app: PaperdeckApp) -> str:
    """Everything the screen on top draws."""
    widgets = [w for w in app.screen.query("*") if w.display and w.outer_size.width]
    return "\n".join(box_text(widget) for widget in widgets)


def notices(app: PaperdeckApp) -> list[str]:
    return [f"{n.title}: {n.message}" for n in app._notifications]


async def type_text(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*text)
    await pilot.pause()


async def test_the_day_filter_shows_typed_markup_as_typed(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        for text in [*MARKUP, "[diffusion]"]:
            await pilot.press("f")
            await type_text(pilot, text)
            title = box_text(app.reader.paper_list).split("\n")[0]
            if parse_query(text).empty:  # "[/]": punctuation alone, no filter
                assert "filter" not in title
            else:
                assert f'filter "{text}": 0 of 2' in title
            await pilot.press("escape")
            assert "filter" not in box_text(app.reader.paper_list)
        await pilot.press("f")
        await type_text(pilot, "is:[/x]")  # a malformed term: said under the box, as typed
        said = box_text(app.reader.query_one("#day-filter"))
        assert "is:[/x]: use is:bookmarked, is:unread or is:read" in said
        await pilot.press("escape")
        assert app.is_running


async def test_the_bookmarks_filter_shows_typed_markup_as_typed(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("b", "B")
        assert isinstance(app.screen, BookmarksScreen)
        for text in MARKUP:
            await pilot.press("f")
            await type_text(pilot, text)
            word = text.split()[0]
            assert f"Bookmarks · 0 of 1 · #{word}…" in drawn(app)
            await pilot.press("escape")
        assert app.is_running and isinstance(app.screen, BookmarksScreen)


async def test_the_search_box_and_the_date_prompt_take_markup_as_text(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        for text in [*MARKUP, "is:[/x]"]:
            await type_text(pilot, text)
            assert text in drawn(app)
            await pilot.press(*["backspace"] * len(text))
        await type_text(pilot, "is:[/x]")
        await wait_until(
            pilot, lambda: "is:[/x]: use is:bookmarked" in drawn(app), "said the error"
        )
        await pilot.press("escape", "d")
        assert isinstance(app.screen, DatePrompt)
        for text in MARKUP:
            await type_text(pilot, text)
            await pilot.press("enter")
            assert f"Not a date: {text!r}. Use YYYY-MM-DD." in " ".join(drawn(app).split())
            await pilot.press(*["backspace"] * len(text))
        await pilot.press("escape")
        assert app.is_running


async def test_notes_and_tags_keep_typed_markup_as_text(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, NoteEditor)
        for text in MARKUP:
            await type_text(pilot, text)
            await pilot.press("enter")
        await pilot.press("escape")
        detail = box_text(app.reader.detail)
        assert all(text in detail for text in MARKUP)
        await pilot.press("number_sign")
        assert isinstance(app.screen, TagEditor)
        await type_text(pilot, " ".join(MARKUP))
        await pilot.press("enter")
        [(_, tags)] = app.user_state.tagged()
        assert tags == sorted(["[/x]", "survey", "[bold]", "[@click=app.quit]", "[/]"])
        assert all(f"#{tag}" in box_text(app.reader.detail) for tag in tags)
        assert app.is_running


async def test_help_and_the_screenshot_notice_show_their_brackets(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert "remap by id in config.toml [keys]" in drawn(app)
        await pilot.press("escape")
        shot = Path("/tmp/shots/paperdeck [bold] 1.svg")
        app.post_message(events.DeliveryComplete(key="k", path=shot, name="screenshot"))
        await pilot.pause()
        assert notices(app)[-1] == f"Screenshot: Saved screenshot to {shot}"


async def test_a_remapped_key_that_looks_like_markup_is_shown_as_written(archive: Path) -> None:
    settings = ReaderSettings(
        Config(keys={"day.older": "[/x],[b]", "app.help": "[@click=app.quit]"})
    )
    app = PaperdeckApp([str(archive)], settings=settings)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, "older")
        assert "[/x]" in drawn(app)
        await pilot.press("escape")
        assert app.is_running


TITLE = "[bold]Bold[/bold] and [/x] [@click=app.quit]quit[/] survey"
AUTHOR = "[red]Ann[/red] Lee"
BODY = "[link=https://x.org]here[/link] [/] [@click=app.bell]ring[/]"


@pytest.fixture
def marked_archive(tmp_path: Path) -> Path:
    path = tmp_path / "archive" / "2025-07-17.md"
    path.parent.mkdir()
    path.write_text(
        "## Daily Papers (2025-07-17)\n\n"
        f"### [{TITLE}](https://arxiv.org/abs/2507.17001)\n\nVote: 7\n\n"
        f"Authors: {AUTHOR}, Bo [/x] Kim\n\n- ***What's New***: {BODY}\n\n"
        "### [Other survey](https://arxiv.org/abs/2507.17002)\n\nVote: 3\n\n"
        f"Authors: {AUTHOR}\n\n- plain\n",
        encoding="utf-8",
    )
    return path.parent


async def test_markup_in_a_digest_is_shown_as_written_everywhere(marked_archive: Path) -> None:
    app = PaperdeckApp([str(marked_archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        assert TITLE in box_text(app.reader.paper_list)
        await pilot.press("enter")  # the detail takes the width
        detail = " ".join(box_text(app.reader.detail).split())
        assert all(text in detail for text in (TITLE, AUTHOR, "Bo [/x] Kim", BODY))
        await pilot.press("escape", "slash")
        await type_text(pilot, "survey")
        await wait_until(pilot, lambda: TITLE in drawn(app), "found the paper")
        await pilot.press("escape", "A")
        assert AUTHOR in drawn(app) and "Bo [/x] Kim" in drawn(app)
        await pilot.press("enter")
        await wait_until(pilot, lambda: f"{AUTHOR} · 2 papers" in drawn(app), "opened the page")
        assert TITLE in drawn(app)
        await pilot.press("escape", "escape", "T")
        await wait_until(pilot, lambda: AUTHOR in drawn(app), "listed the authors")
        await pilot.press("escape", "b", "B")
        assert TITLE in drawn(app) and isinstance(app.screen, BookmarksScreen)
        assert app.is_running
