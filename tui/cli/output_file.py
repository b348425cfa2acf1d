"""Writing a command's output to a file: atomically, never over a file without consent."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tui.cli.arguments import fail
from tui.cli.output import safe
from tui.fileio import write_atomic


def _confirm_overwrite(path: Path) -> bool:
    if not sys.stdin.isatty():
        return False
    answer = input(f"{safe(str(path))} exists. Overwrite it? [y/N] ")
    return answer.strip().lower() in {"y", "yes"}


def write_output_file(output: str, text: str, force: bool) -> str:
    """Write ``text`` to the file ``output`` atomically; returns where it went, as said on
    stderr (``FILE``, or ``TARGET (through the link FILE)``).

    An existing file is replaced only with ``force`` or when the user says so in a
    terminal; else, as for a missing directory, one line and exit code 2.
    """
    path = Path(output)
    if path.is_dir():
        fail(f"{safe(str(path))!r} is a directory")
    if not path.parent.is_dir():
        fail(f"no such directory: {safe(str(path.parent))!r}")
    if os.path.lexists(path) and not force and not _confirm_overwrite(path):
        fail(f"{safe(str(path))!r} exists; pass --force to overwrite it")
    written = write_atomic(path, text.encode("utf-8"), private=False)
    through = f" (through the link {path})" if written != path else ""
    return f"{written}{through}"
