"""Reading the archive for the app: the first day before the first frame, the rest after.

Runs in a worker thread and reports with messages (:mod:`tui.app.messages`); it never touches
a widget.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date

from textual.message import Message

from tui.app.messages import FilesParsed, LoadFinished
from tui.archive.loading import parse_batches, plan_load

FIRST_SCREEN_POLL = 0.05


class ArchiveLoader:
    """Parses the files under ``paths``, newest day (and ``prefer``) first."""

    def __init__(self, paths: list[str], prefer: date | None, post: Callable[[Message], object]):
        self.paths = paths
        self.prefer = prefer
        self.post = post
        self.first_screen = threading.Event()  # set once the first day is on screen

    def load_first(self) -> None:
        """Parse the files of the day to show first (call before the first frame)."""
        self.plan = plan_load(self.paths, prefer=self.prefer)
        plan = self.plan
        batches = parse_batches(plan.first, len(plan.first) or 1)
        first = [result for batch in batches for result in batch]
        self.post(FilesParsed(first, plan.problems, len(plan.first), plan.total, first=True))

    def load_rest(self, cancelled: Callable[[], bool]) -> None:
        """Parse the other files (newest first), in batches, once the first screen is up."""
        while not self.first_screen.wait(FIRST_SCREEN_POLL):  # let the first screen draw
            if cancelled():
                return
        plan = self.plan
        done = len(plan.first)
        for batch in parse_batches(plan.rest):
            if cancelled():  # the app is closing: stop between batches
                return
            done += len(batch)
            self.post(FilesParsed(batch, [], done, plan.total, first=False))
        self.post(LoadFinished())
