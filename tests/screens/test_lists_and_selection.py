"""Reading lists in the reader (``+`` with completion, the Lists screen on ``l``) and the
selection (``v``, ``V``) that bookmark, tags, lists, read marks and copies act on at once."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.screens.helpers import flat_text, wait_loaded, write_digest
from tests.waiting import wait_until
from tui.app import PaperdeckApp
from tui.screens.list_picker import ListPicker, complete_list_name
from tui.screens.lists import ListsScreen
from tui.screens.tag_editor import TagEditor
from tui.terminal.textual_compat import notifications
from tui.userdata import annotations as an
from tui.userdata.bookmarks import Bookmark, bookmarks_file
from tui.widgets.bookmark_list import BookmarkList
from tui.widgets.name_list import NameList

WIDE = (120, 40)
HIGH, LOW = "2507.17002", "2507.17001"  # the newest day: New High (30 votes), New Low (3)
OLD = "2507.16001"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    write_digest(root / "2025/07/16.md", "2025-07-16", [("Old One", 5)])
    write_digest(root / "2025/07/17.md", "2025-07-17", [("New Low", 3), ("New High", 30)])
    return root


def listed_elsewhere(app: PaperdeckApp, name: str, *pids: str) -> None:
    """Papers another session put on a list (in the file when the app starts)."""
    when = datetime(2025, 7, 18, tzinfo=UTC)
    bookmarks_file(app.locations.data).apply(
        an.change_lists(pid, [name], [], Bookmark.bare(pid, when)) for pid in pids
    )


def said(app: PaperdeckApp, text: str) -> bool:
    return any(text in n.message for n in notifications(app))


def test_completion_of_a_list_name() -> None:
    known = ["Reading group", "related work", "later"]  # most used first
    assert complete_list_name("rea", known) == "Reading group"
    assert complete_list_name("REL", known) == "related work"
    assert complete_list_name("Reading group", known) is None  # complete already
    assert complete_list_name("", known) is None and complete_list_name("zzz", known) is None


async def test_plus_adds_the_paper_to_a_list_completing_its_name_and_z_undoes(
    archive: Path,
) -> None:
    listed_elsewhere(PaperdeckApp([str(archive)]), "Reading group", OLD)
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("plus")
        picker = app.screen
        assert isinstance(picker, ListPicker)
        assert "Lists: Reading group (1)" in flat_text(picker.query_one("#list-known"))
        await pilot.press(*"rea", "tab", "enter")
        assert app.screen is app.reader
        assert app.user_state.lists_of(HIGH) == ["Reading group"]
        assert said(app, "Added 1 paper to Reading group. Press z to undo.")
        assert "Lists Reading group" in flat_text(app.reader.detail)
        await pilot.press("z")
        assert app.user_state.lists_of(HIGH) == []
        assert "Lists" not in flat_text(app.reader.detail)
        assert HIGH not in app.user_state.bookmarks  # kept by the list only: gone with it
        assert app.user_state.close()
    kept = bookmarks_file(app.locations.data).read().bookmarks
    assert list(kept) == [OLD] and kept[OLD].lists == ["Reading group"]


async def test_a_name_no_list_can_have_is_refused_in_the_picker(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("plus", *"add", "enter")
        assert isinstance(app.screen, ListPicker)
        assert said(app, "'add' is a command of 'paperdeck list', not a list's name.")
        await pilot.press("escape")
        assert app.screen is app.reader and app.user_state.list_counts() == {}


async def test_l_lists_the_lists_and_enter_opens_a_paper_in_its_day(archive: Path) -> None:
    listed_elsewhere(PaperdeckApp([str(archive)]), "later", LOW)
    listed_elsewhere(PaperdeckApp([str(archive)]), "Reading group", OLD, HIGH)
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("ctrl+l")
        screen = app.screen
        assert isinstance(screen, ListsScreen)
        names = screen.query_one(NameList)
        assert [(i.name, i.figure) for i in names.items] == [("later", "1"), ("Reading group", "2")]
        papers = screen.query_one(BookmarkList)
        assert [b.id for b in papers.items] == [LOW]
        await pilot.press("j")
        await wait_until(pilot, lambda: [b.id for b in papers.items] == [HIGH, OLD], "its papers")
        assert "Reading group" in str(papers.border_title)
        await pilot.press("enter", "j")  # into the papers: Old One, of 2025-07-16
        assert papers.has_focus and papers.current is not None and papers.current.id == OLD
        await pilot.press("delete")
        assert app.user_state.lists_of(OLD) == [] and [b.id for b in papers.items] == [HIGH]
        await pilot.press("z")
        await wait_until(pilot, lambda: len(papers.items) == 2, "the paper back on the list")
        papers.cursor = [b.id for b in papers.items].index(OLD)
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen is app.reader, "the reader")
        assert app.reader.day is not None and app.reader.day.isoformat() == "2025-07-16"
        assert app.reader.paper_list.current_id == OLD


async def test_v_selects_papers_and_b_bookmarks_them_all_undone_as_one_step(
    archive: Path,
) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        reader = app.reader
        await pilot.press("v", "j", "v")
        assert reader.selection.ids == [HIGH, LOW]
        assert "2 selected" in str(reader.paper_list.border_title)
        row = reader.paper_list.row_content(0, 100).plain
        assert row.startswith("  30✓")  # the mark, between the votes and the star
        await pilot.press("b")
        assert app.user_state.bookmarked_ids() == [HIGH, LOW]
        assert said(app, "Bookmarked 2 papers. Press z to undo.")
        await pilot.press("z")
        assert app.user_state.bookmarked_ids() == []
        await pilot.press("v")  # unselects New Low
        assert reader.selection.ids == [HIGH]
        await pilot.press("escape")
        assert not reader.selection and "selected" not in str(reader.paper_list.border_title)
        assert reader.paper_list.row_content(0, 100).plain.startswith("  30 ")


async def test_shift_v_selects_the_day_then_acts_once_and_again_clears(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        reader = app.reader
        await pilot.press("V")
        assert sorted(reader.selection.ids) == [LOW, HIGH]
        await pilot.press("u")
        assert app.user_state.is_read(HIGH) and app.user_state.is_read(LOW)
        await pilot.press("u")  # every one read: every one unread again
        assert not app.user_state.is_read(HIGH) and not app.user_state.is_read(LOW)
        await pilot.press("z")
        assert app.user_state.is_read(HIGH) and app.user_state.is_read(LOW)
        await pilot.press("c")
        assert said(app, "Copied 2 links: https://arxiv.org/abs/2507.17002\n"
                         "https://arxiv.org/abs/2507.17001")  # fmt: skip
        await pilot.press("C")
        assert said(app, "Copied BibTeX of 2 selected")
        await pilot.press("plus", *"duo", "enter")
        assert app.user_state.list_papers("duo")[0].id in (HIGH, LOW)
        assert {b.id for b in app.user_state.list_papers("duo")} == {HIGH, LOW}
        await pilot.press("z")
        assert app.user_state.list_counts() == {}
        await pilot.press("V")
        assert not reader.selection


async def test_hash_on_a_selection_adds_and_removes_tags_on_every_paper(archive: Path) -> None:
    probe = PaperdeckApp([str(archive)])
    when = datetime(2025, 7, 18, tzinfo=UTC)
    bookmarks_file(probe.locations.data).apply(
        an.change_tags(pid, ["shared"], [], Bookmark.bare(pid, when)) for pid in (HIGH, LOW)
    )
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("V", "number_sign")
        editor = app.screen
        assert isinstance(editor, TagEditor)
        assert editor.tags == ["shared"]  # what they all carry
        editor.query_one("#tag-input").value = "new"  # type: ignore[attr-defined]
        await pilot.press("enter")
        assert app.user_state.tags_of(HIGH) == app.user_state.tags_of(LOW) == ["new"]
        await pilot.press("z")
        assert app.user_state.tags_of(HIGH) == app.user_state.tags_of(LOW) == ["shared"]


async def test_an_authors_page_selects_and_acts_on_its_papers_too(archive: Path) -> None:
    from tui.screens.authors import AuthorScreen

    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("j", "A", "enter")  # New Low's author, who wrote Old One too
        await wait_until(pilot, lambda: isinstance(app.screen, AuthorScreen), "the author")
        page = app.screen
        assert isinstance(page, AuthorScreen)
        await pilot.press("V")
        assert sorted(page.actions.selection.ids) == [OLD, LOW]
        assert "2 selected" in str(page.paper_list.border_title)
        await pilot.press("b", "plus", *"both", "enter")
        assert sorted(app.user_state.bookmarked_ids()) == [OLD, LOW]
        assert {b.id for b in app.user_state.list_papers("both")} == {OLD, LOW}
        await pilot.press("z", "z")  # the list, then the bookmarks: each one step
        assert app.user_state.bookmarked_ids() == [] and app.user_state.list_counts() == {}
        await pilot.press("escape")  # clears the selection first
        assert app.screen is page and not page.actions.selection
        await pilot.press("b")  # the paper under the cursor alone
        assert len(app.user_state.bookmarked_ids()) == 1
        await pilot.press("escape")
        assert app.screen is app.reader


def test_the_selection_keys_own_their_ids() -> None:
    """``list.select`` is the selection's (the issue's name); opening a row is ``list.open``."""
    from textual.binding import Binding

    from tui.screens.reader.bindings import READER_BINDINGS
    from tui.widgets.line_list import LineList

    keys = {
        b.id: b.key
        for b in [*READER_BINDINGS, *LineList.BINDINGS]
        if isinstance(b, Binding) and b.id in {"list.select", "list.select_all", "list.add_to",
                                               "list.open"}
    }  # fmt: skip
    assert keys == {"list.select": "v", "list.select_all": "V", "list.add_to": "plus",
                    "list.open": "enter"}  # fmt: skip
