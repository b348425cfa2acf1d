"""``e`` in the reader: the note inline, in the user's editor (``$EDITOR``, ``ctrl+e``), saved as
the editor closes, shown in the list and the detail pane, undone with ``z``."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from tests.screens.helpers import flat_text, wait_loaded, wait_palette, write_digest
from tests.waiting import wait_until
from tui.app import PaperdeckApp
from tui.screens.note_editor import NoteEditor
from tui.terminal.textual_compat import notifications
from tui.userdata.bookmarks import bookmarks_file

WIDE = (120, 40)
TOP = "2507.17002"  # "New High", the first paper of the newest day


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("VISUAL", "EDITOR"):
        monkeypatch.delenv(name, raising=False)
    root = tmp_path / "archive"
    write_digest(root / "2025/07/17.md", "2025-07-17", [("New Low", 3), ("New High", 30)])
    return root


def editor(tmp_path: Path, body: str, name: str = "editor.sh") -> str:
    path = tmp_path / "bin" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)
    return str(path)


def can_suspend(app: PaperdeckApp, monkeypatch: pytest.MonkeyPatch) -> None:
    """A test app has no terminal to give away: suspending it does nothing."""
    monkeypatch.setattr(app, "suspend", contextlib.nullcontext)


def messages(app: PaperdeckApp) -> list[str]:
    return [n.message for n in notifications(app)]


async def test_e_writes_the_note_inline_and_an_empty_note_removes_it(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"read p3", "enter", *"then [bold]x[/]")
        await pilot.press("escape")
        assert app.screen is app.reader
        assert app.user_state.note_of(TOP) == "read p3\nthen [bold]x[/]"
        assert not app.user_state.is_bookmarked(TOP)  # kept, not starred
        assert "✎" in app.reader.paper_list.row_content(0, 60).plain
        detail = flat_text(app.reader.detail)
        assert "✎ Your note (e: edit) read p3 then [bold]x[/]" in detail  # as written
        assert any("Saved the note on New High" in m for m in messages(app))
        await pilot.press("e")
        editor_screen = app.screen
        assert isinstance(editor_screen, NoteEditor)
        assert editor_screen.area.text == "read p3\nthen [bold]x[/]"
        editor_screen.area.select_all()
        await pilot.press("backspace", "escape")
        assert app.user_state.note_of(TOP) is None
        assert "Your note" not in flat_text(app.reader.detail)
        assert any("Removed the note on New High. Press z" in m for m in messages(app))
        await pilot.press("z")
        assert app.user_state.note_of(TOP) == "read p3\nthen [bold]x[/]"
        assert "Your note" in flat_text(app.reader.detail)
        assert app.user_state.flush()
        kept = bookmarks_file(app.locations.data).read().bookmarks[TOP]
        assert (kept.note, kept.starred, kept.title) == (
            "read p3\nthen [bold]x[/]",
            False,
            "New High",
        )


async def test_leaving_the_editor_unchanged_saves_nothing(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("e", "escape")
        assert app.user_state.bookmarks == {} and messages(app) == []
        await pilot.press("z")  # nothing to undo
        assert messages(app) == ["Nothing to undo."]


async def test_ctrl_e_hands_the_text_to_the_users_editor(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_dir = Path(editor(tmp_path, 'echo "from my editor" >> "$1"', "editor")).parent
    monkeypatch.setenv("PATH", f"{bin_dir}:{Path('/usr/bin')}:{Path('/bin')}")  # `editor`
    app = PaperdeckApp([str(archive)])
    can_suspend(app, monkeypatch)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("e", *"typed here")
        await pilot.press("ctrl+e")  # not "end of line": the editor takes the text as it is
        assert app.screen is app.reader
        assert app.user_state.note_of(TOP) == "typed here\nfrom my editor"


async def test_with_editor_set_e_opens_it_directly(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITOR", editor(tmp_path, 'echo "in vim, say" > "$1"'))
    app = PaperdeckApp([str(archive)])
    can_suspend(app, monkeypatch)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("e")
        assert app.screen is app.reader  # no inline editor
        assert app.user_state.note_of(TOP) == "in vim, say"
        monkeypatch.setenv("VISUAL", editor(tmp_path, "exit 1", "quit.sh"))  # :cq
        await pilot.press("e")
        assert app.user_state.note_of(TOP) == "in vim, say"
        assert any("exited with status 1; the note is unchanged" in m for m in messages(app))


async def test_no_editor_runs_in_an_ssh_session(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran = tmp_path / "ran"
    monkeypatch.setenv("EDITOR", editor(tmp_path, f"touch {ran}"))
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.2 50000 10.0.0.1 22")
    app = PaperdeckApp([str(archive)])
    can_suspend(app, monkeypatch)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, NoteEditor)  # inline instead
        await pilot.press("x", "ctrl+e")
        assert isinstance(app.screen, NoteEditor) and not ran.exists()
        assert any("does not run in this SSH session" in m for m in messages(app))
        await pilot.press("escape")
        assert app.user_state.note_of(TOP) == "x"


async def test_where_the_app_cannot_suspend_the_note_is_edited_inline(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITOR", editor(tmp_path, "exit 0"))
    app = PaperdeckApp([str(archive)])  # a test app cannot suspend, as the browser mode
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press("ctrl+e")
        assert any("cannot run here" in m for m in messages(app))


async def test_the_palette_offers_edit_note(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("ctrl+p", *"edit note")
        await wait_palette(pilot, "note")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, NoteEditor), "the note editor")
