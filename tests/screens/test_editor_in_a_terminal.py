"""``e`` with ``$EDITOR`` in a real terminal: the reader steps aside, the editor gets the
terminal and the note, and the reader comes back drawing the note it read back."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.screens.helpers import write_digest
from tests.tmux import TmuxSession, process_alive, wait_until
from tui.userdata.bookmarks import bookmarks_file

EDITOR = """#!/bin/sh
# A terminal editor of sorts: shows the file, waits for a line, appends it.
printf 'EDITING %s\\n' "$1"
cat "$1"
IFS= read -r line
printf '%s\\n' "$line" >> "$1"
"""


def test_e_runs_the_editor_in_the_terminal_and_reads_the_note_back(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    write_digest(archive / "2025/07/17.md", "2025-07-17", [("Only Paper", 9)])
    editor = tmp_path / "editor.sh"
    editor.write_text(EDITOR)
    editor.chmod(0o755)
    env = {
        "PAPERDECK_DATA_DIR": str(tmp_path / "data"),
        "PAPERDECK_CONFIG_DIR": str(tmp_path / "config"),
        "PAPERDECK_STATE_DIR": str(tmp_path / "state"),
        "EDITOR": str(editor),
    }
    session = TmuxSession(tmp_path, width=80, height=24)
    try:
        session.start(f"{sys.executable} -m tui --no-animation {archive}", env)
        assert session.wait_for("Paper 1/1"), session.screen()
        pid = session.pane_pid
        session.press("e")
        assert session.wait_for("EDITING "), session.screen()  # the editor has the terminal
        assert "Paper 1/1" not in session.screen()  # and the reader stepped aside
        session.press("typed in my editor", "Enter")
        assert session.wait_for("Your note"), session.screen()  # the reader is back
        assert session.wait_for("typed in my editor"), session.screen()
        session.press("q")
        assert wait_until(lambda: not process_alive(pid), 10)  # saved and gone
    finally:
        session.close()
    note = bookmarks_file(tmp_path / "data").read().bookmarks["2507.17001"].note
    assert note == "typed in my editor"
