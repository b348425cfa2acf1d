"""Opening a PDF with the viewer config.toml names (``pdf_viewer``).

The viewer is a command line (``zathura --fork``, ``open -a Preview``); the PDF's path, or
its link, is appended as one argument, and is never one that starts with ``-`` (an
absolute path or an ``https://`` link), so no PDF can pass for an option of the viewer.
The viewer starts in the background, in a session of its own, with its input and output
away from the reader's terminal: a graphical viewer. The caller checks first that external
programs are allowed (:func:`tui.terminal.environment.external_programs_allowed`).
"""

from __future__ import annotations

import shlex
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

Starter = Callable[..., Any]


def viewer_command(configured: str | None) -> list[str] | None:
    """The viewer's command line as words; None when none is configured."""
    if configured is None or not configured.strip():
        return None
    try:
        return shlex.split(configured) or None
    except ValueError:  # an unbalanced quote: run it as one program name
        return [configured.strip()]


def start_viewer(command: list[str], target: str, start: Starter = subprocess.Popen) -> str | None:
    """Start ``command`` on ``target`` (a PDF's absolute path or web link); None once it
    runs, else why not."""
    program = Path(command[0]).name
    if target.startswith("-"):
        return f"{target!r} could pass for an option of {program}; not opened"
    try:
        process = start(
            [*command, target],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError as exc:
        return f"cannot run the PDF viewer {program}: {exc.strerror or exc}"
    waiting = getattr(process, "wait", None)
    if waiting is not None:  # reaped when it ends, so that no zombie stays behind
        threading.Thread(target=waiting, name="paperdeck-pdf-viewer", daemon=True).start()
    return None
