"""Editing text in the user's own editor: ``$VISUAL``, ``$EDITOR``, else the system's.

The text goes into a file in a private temp directory (``mkdtemp``: readable by the user
alone, a fresh random name), the editor runs on it, and the file is read back (a regular
file, at most :data:`MAX_EDITED_BYTES`) and removed with its directory. The caller stops
drawing while the editor runs (``App.suspend`` in the reader) and checks first that
external programs are allowed (:func:`tui.terminal.environment.external_programs_allowed`).
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from tui.fileio import UnusableFile, read_bytes, write_atomic

MAX_EDITED_BYTES = 4 * 2**20
DEFAULT_EDITORS = ("editor", "nano", "vi")
"""Tried in order when neither ``$VISUAL`` nor ``$EDITOR`` is set (``editor``: Debian's
choice of the system's editor)."""

Runner = Callable[[list[str]], int]


def chosen_editor(env: Mapping[str, str]) -> str | None:
    """The editor the user chose in the environment (``$VISUAL``, then ``$EDITOR``)."""
    for name in ("VISUAL", "EDITOR"):
        value = env.get(name, "").strip()
        if value:
            return value
    return None


def editor_command(
    env: Mapping[str, str], which: Callable[[str], str | None] = shutil.which
) -> list[str] | None:
    """The command that edits a file (the file's path goes last); None if there is none."""
    chosen = chosen_editor(env)
    if chosen is not None:
        try:
            return shlex.split(chosen) or None
        except ValueError:  # an unbalanced quote: run it as one program name
            return [chosen]
    for name in DEFAULT_EDITORS:
        found = which(name)
        if found:
            return [found]
    return None


@dataclass(frozen=True)
class Edited:
    """What came back from the editor: the text, or why there is none."""

    text: str | None
    problem: str | None = None


def _run(command: list[str]) -> int:
    return subprocess.run(command, check=False).returncode


def edit_in_editor(text: str, command: list[str], name: str = "note", run: Runner = _run) -> Edited:
    """Let the user edit ``text`` with ``command``; the text saved, or why not."""
    program = Path(command[0]).name
    directory = Path(tempfile.mkdtemp(prefix="paperdeck-"))
    try:
        path = directory / (re.sub(r"[^\w.-]", "_", name)[:60] + ".md")
        ending = "\n" if text and not text.endswith("\n") else ""  # a text file ends lines
        write_atomic(path, (text + ending).encode("utf-8"))
        try:
            status = run([*command, str(path)])
        except OSError as exc:
            return Edited(None, f"cannot run the editor {program}: {exc.strerror or exc}")
        if status != 0:
            return Edited(None, f"the editor {program} exited with status {status}")
        try:
            data = read_bytes(path, MAX_EDITED_BYTES)
        except FileNotFoundError:
            return Edited(None, f"the editor {program} left no file")
        except UnusableFile as exc:
            return Edited(None, f"the edited file cannot be used: {exc.reason}")
        try:
            return Edited(data.decode("utf-8"))
        except UnicodeDecodeError:
            return Edited(None, "the edited file is not UTF-8 text")
    finally:
        shutil.rmtree(directory, ignore_errors=True)
