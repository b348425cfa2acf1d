"""``#`` in the reader (tags with completion), tags and notes on the bookmarks screen, and
the search language finding them."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.screens.helpers import flat_text, wait_loaded, wait_search, write_digest
from tui.app import PaperdeckApp
from tui.screens.bookmarks import BookmarksScreen
from tui.screens.note_editor import NoteEditor
from tui.screens.search import SearchScreen
from tui.screens.tag_editor import TagEditor
from tui.terminal.textual_compat import notifications
from tui.userdata import annotations as an
from tui.userdata.bookmarks import Bookmark, bookmarks_file
from tui.widgets.tag_input import TagInput, complete_tag

WIDE = (120, 40)
HIGH, LOW = "2507.17002", "2507.17001"  # the newest day: New High (30 votes), New Low (3)


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("VISUAL", "EDITOR", "SSH_ORIGINAL_COMMAND"):
        monkeypatch.delenv(name, raising=False)
    root = tmp_path / "archive"
    write_digest(root / "2025/07/16.md", "2025-07-16", [("Old One", 5)])
    write_digest(root / "2025/07/17.md", "2025-07-17", [("New Low", 3), ("New High", 30)])
    return root


def tag_elsewhere(app: PaperdeckApp, pid: str, *tags: str) -> None:
    """Tags given by another session (already in the file when the app starts)."""
    bare = Bookmark.bare(pid, datetime(2025, 7, 18, tzinfo=UTC))
    bookmarks_file(app.locations.data).apply([an.change_tags(pid, list(tags), [], bare)])


def test_completion_of_the_tag_being_typed() -> None:
    known = ["reinforcement", "rl", "llm", "reading"]  # most used first
    assert complete_tag("rei", known) == "reinforcement"
    assert complete_tag("llm r", known) == "llm reinforcement"
    assert complete_tag("reinforcement r", known) == "reinforcement rl"  # not twice
    assert complete_tag("#RE", known) == "#REinforcement"
    assert complete_tag("rl", known) is None  # complete already
    assert complete_tag("llm ", known) is None and complete_tag("", known) is None
    assert complete_tag("zzz", known) is None


async def test_hash_edits_tags_with_completion_and_z_undoes_a_removal(archive: Path) -> None:
    probe = PaperdeckApp([str(archive)])
    tag_elsewhere(probe, "2507.16001", "reinforcement")
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("number_sign")
        editor = app.screen
        assert isinstance(editor, TagEditor)
        assert "In use: #reinforcement 1" in flat_text(editor.query_one("#tag-known"))
        await pilot.press(*"rei", "tab", *"#To-Read", "enter")
        assert app.screen is app.reader
        assert app.user_state.tags_of(HIGH) == ["reinforcement", "to-read"]
        row = app.reader.paper_list.row_content(0, 100).plain
        assert row.rstrip().endswith("#reinforcement #to-read")
        assert "Tags #reinforcement #to-read" in flat_text(app.reader.detail)
        await pilot.press("number_sign")
        box = app.screen.query_one(TagInput)
        assert box.value == "reinforcement to-read "
        await pilot.press(*"ll", "right")  # → takes the completion too: none known yet
        assert box.value == "reinforcement to-read ll"
        box.value = "to-read"
        await pilot.press("enter")
        assert app.user_state.tags_of(HIGH) == ["to-read"]
        assert any("Removed #reinforcement from New High. Press z" in n.message
                   for n in notifications(app))  # fmt: skip
        await pilot.press("z")
        assert app.user_state.tags_of(HIGH) == ["reinforcement", "to-read"]
        await pilot.press("number_sign", "x", "escape")  # escape: no change
        assert app.user_state.tags_of(HIGH) == ["reinforcement", "to-read"]
        assert app.user_state.flush()
        kept = bookmarks_file(app.locations.data).read().bookmarks[HIGH]
        assert (kept.tags, kept.starred) == (["reinforcement", "to-read"], False)


async def test_noted_and_tagged_papers_are_kept_on_the_bookmarks_screen(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("e", *"why", "escape")  # New High: a note, no star
        await pilot.press("j", "b", "number_sign", *"rl", "enter")  # New Low: starred, tagged
        await pilot.press("B")
        screen = app.screen
        assert isinstance(screen, BookmarksScreen)
        rows = {b.id: screen.bookmark_list.row_content(i, 100).plain
                for i, b in enumerate(screen.bookmark_list.items)}  # fmt: skip
        assert "★ New Low" in rows[LOW] and "#rl" in rows[LOW]
        assert "★" not in rows[HIGH] and "✎" in rows[HIGH]
        assert screen.bookmark_list.border_title == "Bookmarks · 2"
        await pilot.press("f", "r")  # filter by tag: each word starts a tag
        assert [b.id for b in screen.bookmark_list.items] == [LOW]
        assert "Bookmarks · 1 of 2" in (screen.bookmark_list.border_title or "")
        await pilot.press("enter", "escape")  # back to the list, then the filter goes
        assert len(screen.bookmark_list.items) == 2 and app.screen is screen
        screen.bookmark_list.cursor = next(
            i for i, b in enumerate(screen.bookmark_list.items) if b.id == HIGH
        )
        await pilot.press("b")  # star it
        assert app.user_state.is_bookmarked(HIGH)
        await pilot.press("b")  # unstar it: its note keeps it here
        assert not app.user_state.is_bookmarked(HIGH) and HIGH in app.user_state.bookmarks
        await pilot.press("e")
        assert isinstance(app.screen, NoteEditor)
        app.screen.area.select_all()
        await pilot.press("backspace", "escape")
        assert [b.id for b in screen.bookmark_list.items] == [LOW]  # nothing keeps it now
        await pilot.press("z")  # undo the note's removal: the paper is back
        assert app.user_state.note_of(HIGH) == "why"
        assert len(screen.bookmark_list.items) == 2
        await pilot.press("escape")
        assert app.screen is app.reader


async def test_search_and_the_day_filter_find_notes_and_tags(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("j", "e", *"compare with flashattention", "escape")  # New Low
        await pilot.press("number_sign", *"speed", "enter")
        await pilot.press("slash", *"flashatt")
        await wait_search(pilot, "flashatt")
        assert isinstance(app.screen, SearchScreen)
        assert [h.entry.pid for h in app.screen.results.hits] == [LOW]
        for query in ("has:note", "tag:speed", "note:compare new"):
            app.screen.search_input.value = query
            await wait_search(pilot, query)
            assert [h.entry.pid for h in app.screen.results.hits] == [LOW], query
        await pilot.press("escape", "f", *"-has:tag")
        assert [e.paper.title for e in app.reader.paper_list.entries] == ["New High"]
