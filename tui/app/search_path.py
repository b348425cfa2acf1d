"""Search as a path: one search screen for the session, and stepping through its results.

``/`` opens the search screen in the state it was left in; after a result is opened, the
keys for the next and previous result (``>`` and ``<``, free on every screen) open the
neighbouring results in the reader, and ``escape`` on a result returns to the results.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.signal import Signal

from tui.screens.search_memory import SearchMemory
from tui.search.service import ArchiveSearch

if TYPE_CHECKING:
    from tui.screens.search import SearchScreen


class SearchPath:
    """Keeps the search screen alive between visits; steps through its results."""

    def __init__(
        self,
        app: App[Any],
        search: ArchiveSearch,
        ready: Signal[None],
        memory: SearchMemory,
        grew: Signal[None] | None = None,
    ) -> None:
        self.app = app
        self.search = search
        self.memory = memory  # the query history and saved searches
        self.ready = ready  # published once every paper is in the index
        self.grew = grew  # published as papers go into the index while it is filled
        self.screen: SearchScreen | None = None  # made at the first search

    def _screen(self) -> SearchScreen:
        if self.screen is None:
            from tui.screens.search import SearchScreen

            search = self.search
            self.screen = SearchScreen(
                search.search,
                self.ready,
                snippets=search.snippet,
                memory=self.memory,
                grew=self.grew,
            )
            self.app.install_screen(self.screen, name="search")
        return self.screen

    def show(self, at_results: bool = False) -> None:
        """Bring the search screen up, in the box or (``at_results``) on the result opened."""
        app, screen = self.app, self._screen()
        if screen in app.screen_stack:
            while app.screen is not screen:
                app.pop_screen()
        else:
            app.push_screen(screen)
        if screen.is_mounted:
            screen.resume(at_results)

    def search_for(self, text: str) -> None:
        """Search for ``text`` (a keyword of the trends) over the screen it came from, so
        that ``escape`` goes back there."""
        screen = self._screen()
        screen.initial = text
        self.show()
        if screen.is_mounted:
            screen.search_for(text)

    def step(self, direction: int) -> None:
        """Open the next (1) or previous (-1) search result after the one last opened."""
        if self.screen is None:
            self.app.notify("No search yet: press / to search, enter to open a result.", timeout=3)
            return
        self.screen.step(direction)
