"""The user's editor: which one, a private temp file, what comes back."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from tui.terminal.external_editor import chosen_editor, edit_in_editor, editor_command


def test_the_editor_chosen() -> None:
    none: dict[str, str] = {}
    assert chosen_editor({"VISUAL": "code -w", "EDITOR": "vi"}) == "code -w"
    assert chosen_editor({"VISUAL": " ", "EDITOR": "vi"}) == "vi"
    assert chosen_editor(none) is None
    assert editor_command({"EDITOR": "emacs -nw '+3'"}) == ["emacs", "-nw", "+3"]
    assert editor_command({"EDITOR": "vi 'unbalanced"}) == ["vi 'unbalanced"]
    found = {"nano": "/usr/bin/nano", "vi": "/usr/bin/vi"}
    assert editor_command(none, found.get) == ["/usr/bin/nano"]  # no `editor`: nano, then vi
    assert editor_command(none, lambda name: None) is None


def script(tmp_path: Path, body: str) -> list[str]:
    path = tmp_path / "editor.sh"
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)
    return [str(path)]


def test_the_text_goes_through_a_private_temp_file_and_comes_back(tmp_path: Path) -> None:
    seen = tmp_path / "seen"
    body = f'ls -ld "$(dirname "$1")" "$1" > {seen}; echo "$1" >> {seen}; printf "새 줄\\n" >> "$1"'
    edited = edit_in_editor("첫 줄", script(tmp_path, body), "note-2507.01234")
    assert edited.text == "첫 줄\n새 줄\n" and edited.problem is None
    directory, file, path = seen.read_text().splitlines()
    assert directory.startswith("drwx------") and file.startswith("-rw-------")
    assert path.endswith("/note-2507.01234.md")
    assert not Path(path).parent.exists()  # removed afterwards


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("exit 1", "exited with status 1"),
        ('rm "$1"', "left no file"),
        ('printf "\\377\\376" > "$1"', "not UTF-8"),
        ('rm "$1"; mkfifo "$1"', "cannot be used: not a regular file (a FIFO)"),
    ],
)
def test_what_goes_wrong_is_said_and_nothing_comes_back(
    tmp_path: Path, body: str, problem: str
) -> None:
    edited = edit_in_editor("text", script(tmp_path, body))
    assert edited.text is None and edited.problem is not None and problem in edited.problem


def test_an_editor_that_cannot_run(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-editor"
    edited = edit_in_editor("text", [str(missing)])
    assert edited.text is None and "cannot run the editor no-such-editor" in (edited.problem or "")
    not_executable = tmp_path / "plain"
    not_executable.write_text("")
    not_executable.chmod(stat.S_IRUSR)
    assert edit_in_editor("text", [str(not_executable)]).text is None
