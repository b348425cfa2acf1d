"""Starting the reader from the command line: which paths to open, then the app."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from parsers import discover
from tui.cli.arguments import fail
from tui.cli.output import safe
from tui.locations import Locations

if TYPE_CHECKING:
    from tui.app import PaperdeckApp

DEMO_ARCHIVE = Path(__file__).parent / "demo"


def default_paths(locations: Locations) -> list[str]:
    """The user's digest directory when it holds digests, else the demo archive."""
    if locations.data.is_dir() and discover([str(locations.data)])[0]:
        return [str(locations.data)]
    return [str(DEMO_ARCHIVE)]


def build_app(
    paths: list[str], start_date: date | None = None, data_dir: str | None = None
) -> PaperdeckApp:
    """The app for these arguments; a bad argument exits with a one-line error (code 2)."""
    for path in paths:
        if not os.path.lexists(path):
            fail(f"no such file or directory: {safe(path)!r}")
    if data_dir is not None and os.path.exists(data_dir) and not os.path.isdir(data_dir):
        fail(f"--data-dir is not a directory: {safe(data_dir)!r}")
    locations = Locations.resolve(data_dir)
    from tui.app import PaperdeckApp

    return PaperdeckApp(paths or default_paths(locations), start_date=start_date)


def run_reader(
    paths: list[str], start_date: date | None = None, data_dir: str | None = None
) -> int:
    """Open the reader; returns the exit code."""
    app = build_app(paths, start_date, data_dir)
    app.run()
    return app.return_code or 0
