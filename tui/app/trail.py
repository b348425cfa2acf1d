"""Back where you came from: the screens a paper was opened from, brought back by escape.

Opening a paper from another screen (trends, a keyword's results, an author's page, the
bookmarks) leaves those screens for the reader. They are kept, in order, and ``escape`` on
that paper pushes them back as they were, cursor and all: trends → keyword → paper →
``escape`` shows the keyword's results, ``escape`` again the trends. Only the last trail is
kept; Textual keeps a screen that leaves the stack only while it is installed, so the
trail's screens are installed while they are in it.
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.screen import Screen

from tui.screens.reader.screen import ReaderScreen


class BackTrail:
    """The screens above the reader when a paper was last opened from them."""

    def __init__(self, app: App[Any], reader: ReaderScreen) -> None:
        self.app = app
        self.reader = reader
        self.screens: list[Screen[Any]] = []  # bottom to top
        self._installed: dict[int, str] = {}  # by id(screen): the names it was installed as

    def leave(self, stepping_from: Screen[Any] | None = None) -> bool:
        """Leave every screen above the reader for it, keeping them as the trail; whether
        there is a trail to go back to. With no screen above the reader (a search result
        stepped to from the reader), the trail stays if it ends at ``stepping_from``."""
        app = self.app
        stack = app.screen_stack
        if self.reader not in stack:
            return False
        above = [s for s in stack[stack.index(self.reader) + 1 :] if not s.is_modal]
        if not above:
            kept = bool(self.screens) and self.screens[-1] is stepping_from
            if not kept:
                self._forget([])
            return kept
        for screen in above:
            if not app.is_screen_installed(screen):
                name = f"back-{id(screen)}"
                app.install_screen(screen, name)
                self._installed[id(screen)] = name
        self._forget(above)
        self.screens = above
        while app.screen is not self.reader and len(app.screen_stack) > 1:
            app.pop_screen()
        return True

    def back(self) -> Screen[Any] | None:
        """Push the trail back on top of the reader; the screen now on top (None: none)."""
        app = self.app
        for screen in self.screens:
            if screen not in app.screen_stack:
                app.push_screen(screen)
        return self.screens[-1] if self.screens else None

    def _forget(self, keep: list[Screen[Any]]) -> None:
        """Let go of the trail's screens that are not in ``keep`` (nor on the stack)."""
        for screen in self.screens:
            if screen in keep or screen in self.app.screen_stack:
                continue
            name = self._installed.pop(id(screen), None)
            if name is not None:
                self.app.uninstall_screen(name)
                screen.remove()
        self.screens = [screen for screen in self.screens if screen in keep]
