"""What the app does for its screens: the requests of :mod:`tui.screens.requests`."""

from __future__ import annotations

import os
from datetime import date

from textual.app import App

from parsers import is_web_link, not_a_web_link
from tui.archive.store import ArchiveStore
from tui.screens.reader.screen import ReaderScreen
from tui.screens.requests import (
    CopyRequested,
    OpenBookmarkRequested,
    OpenLinkRequested,
    OpenPaperRequested,
)
from tui.settings.reader_settings import ReaderSettings
from tui.terminal.clipboard import copy_for_user
from tui.terminal.environment import link_action


class ScreenRequests(App[None]):
    """Clipboard, browser and going back to the reader: what only the app can do."""

    store: ArchiveStore
    reader: ReaderScreen
    settings: ReaderSettings

    def on_copy_requested(self, message: CopyRequested) -> None:
        self.copy_text(message.text, message.what)

    def copy_text(self, text: str, what: str, note: str = "") -> None:
        """Put ``text`` on the user's clipboard with OSC 52 (works over SSH)."""
        copy_for_user(self, text)
        shown = text if len(text) <= 80 else f"{text[:77]}…"
        self.notify(f"Copied {what}: {shown}{note}", timeout=5)

    def on_open_link_requested(self, message: OpenLinkRequested) -> None:
        """Open the link in a browser if one can reach the user, else copy it and say why."""
        url, what = message.url, message.what
        if not is_web_link(url):
            self.refuse_link(url, f"The {what} link")
            return
        allowed = self.settings.allow_external_programs
        decision = link_action(os.environ, allow_external_programs=allowed)
        if decision.open_browser:
            self.open_url(url)
            self.notify(f"Opening the {what} in your browser: {url}", timeout=4)
            return
        self.copy_text(url, f"{what} link", f" (not opened: {decision.reason})")

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        """Every way to a browser passes here, and only a web address gets through.

        A browser takes its link as an argument (``--renderer-cmd-prefix=…`` would be an
        option) or, in the browser mode, through the page's ``window.open`` (``javascript:``
        would run in the reader's page).
        """
        if not is_web_link(url):
            self.refuse_link(url, "The link")
            return
        super().open_url(url, new_tab=new_tab)

    def refuse_link(self, url: str, what: str) -> None:
        self.notify(not_a_web_link(what, url, "not opened"), severity="warning", timeout=6)

    def on_open_paper_requested(self, message: OpenPaperRequested) -> None:
        self.open_paper(message.day, message.pid, message.note)

    def on_open_bookmark_requested(self, message: OpenBookmarkRequested) -> None:
        """Show a bookmarked paper in its day, detail pane focused."""
        bookmark = message.bookmark
        if bookmark.date not in self.store or self.store.find(bookmark.id, bookmark.date) is None:
            where = bookmark.date.isoformat() if bookmark.date else "its day"
            self.notify(
                f"{bookmark.display_title} is not in the loaded archive ({where}).",
                severity="warning",
            )
            return
        self.open_paper(bookmark.date, bookmark.id)

    def open_paper(self, day: date | None, pid: str, note: str = "") -> None:
        """Back to the reader (whatever screens are open) showing paper ``pid`` of ``day``."""
        while self.screen is not self.reader and len(self.screen_stack) > 1:
            self.pop_screen()
        self.reader.open_paper(day, pid, note)
