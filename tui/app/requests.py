"""What the app does for its screens: the requests of :mod:`tui.screens.requests`.

Copying to the user's clipboard, opening a link where a browser can reach the user, and
going back to the reader on a paper: the screens ask by message, the app hands each to
:class:`ScreenRequests`.
"""

from __future__ import annotations

import os
from datetime import date
from typing import Any

from textual.app import App

from parsers import is_web_link, not_a_web_link
from tui.app.trail import BackTrail
from tui.archive.store import ArchiveStore
from tui.screens.reader.screen import ReaderScreen
from tui.terminal.clipboard import copy_for_user
from tui.terminal.environment import link_action
from tui.userdata.bookmarks import Bookmark


def refuse_link(app: App[Any], url: str, what: str) -> None:
    """Say that ``url`` is not a web address, so it is not opened."""
    app.notify(not_a_web_link(what, url, "not opened"), severity="warning", timeout=6)


class ScreenRequests:
    """Clipboard, browser and going back to the reader: what only the app can do."""

    def __init__(
        self,
        app: App[Any],
        reader: ReaderScreen,
        store: ArchiveStore,
        external_programs: bool,
        trail: BackTrail,
    ) -> None:
        self.app = app
        self.reader = reader
        self.trail = trail  # the screens left for the reader, brought back by escape
        self.store = store
        self.external_programs = external_programs  # config.toml's allow_external_programs

    def copy(self, text: str, what: str, note: str = "") -> None:
        """Put ``text`` on the user's clipboard with OSC 52 (works over SSH)."""
        copy_for_user(self.app, text)
        shown = text if len(text) <= 80 else f"{text[:77]}…"
        self.app.notify(f"Copied {what}: {shown}{note}", timeout=5)

    def open_link(self, url: str, what: str) -> None:
        """Open the link in a browser if one can reach the user, else copy it and say why."""
        if not is_web_link(url):
            refuse_link(self.app, url, f"The {what} link")
            return
        decision = link_action(os.environ, allow_external_programs=self.external_programs)
        if decision.open_browser:
            self.app.open_url(url)
            self.app.notify(f"Opening the {what} in your browser: {url}", timeout=4)
            return
        self.copy(url, f"{what} link", f" (not opened: {decision.reason})")

    def open_bookmark(self, bookmark: Bookmark) -> None:
        """Show a bookmarked paper in its day, detail pane focused."""
        if bookmark.date not in self.store or self.store.find(bookmark.id, bookmark.date) is None:
            where = bookmark.date.isoformat() if bookmark.date else "its day"
            self.app.notify(
                f"{bookmark.display_title} is not in the loaded archive ({where}).",
                severity="warning",
            )
            return
        self.open_paper(bookmark.date, bookmark.id)

    def open_paper(
        self, day: date | None, pid: str, note: str = "", stepping_from: Any = None
    ) -> None:
        """Back to the reader (the screens left kept as the trail back) showing paper
        ``pid`` of ``day``; ``stepping_from``: the search screen, when a result is stepped
        to from the reader (its trail stays)."""
        returns = self.trail.leave(stepping_from)
        self.reader.open_paper(day, pid, note, returns=returns)
