"""Search as a path: one search screen for the session, and stepping through its results.

``/`` opens the search screen in the state it was left in; after a result is opened, the
keys for the next and previous result (``>`` and ``<``, free on every screen) open the
neighbouring results in the reader, and ``escape`` on a result returns to the results.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App
from textual.signal import Signal

from tui.screens.requests import ResultsRequested, SearchRequested
from tui.search.service import ArchiveSearch

if TYPE_CHECKING:
    from tui.screens.search import SearchScreen


class SearchPath(App[None]):
    """Keeps the search screen alive between visits; steps through its results."""

    archive_search: ArchiveSearch
    search_ready_signal: Signal[None]
    search_screen: SearchScreen | None = None

    def _search(self) -> SearchScreen:
        if self.search_screen is None:
            from tui.screens.search import SearchScreen  # made at the first search

            search = self.archive_search
            self.search_screen = SearchScreen(
                search.search, self.search_ready_signal, snippets=search.snippet
            )
            self.install_screen(self.search_screen, name="search")
        return self.search_screen

    def show_search(self, at_results: bool = False) -> None:
        """Bring the search screen up, in the box or (``at_results``) on the result opened."""
        screen = self._search()
        if screen in self.screen_stack:
            while self.screen is not screen:
                self.pop_screen()
        else:
            self.push_screen(screen)
        if screen.is_mounted:
            screen.resume(at_results)

    def action_search(self) -> None:
        self.show_search()

    def on_results_requested(self, message: ResultsRequested) -> None:
        self.show_search(at_results=True)

    def on_search_requested(self, message: SearchRequested) -> None:
        """A search for ``message.text`` from another screen (a keyword of the trends)."""
        while len(self.screen_stack) > 2:  # back to the reader first
            self.pop_screen()
        screen = self._search()
        screen.initial = message.text
        self.show_search()
        if screen.is_mounted:
            screen.search_for(message.text)

    def action_step_result(self, direction: int) -> None:
        """Open the next (1) or previous (-1) search result after the one last opened."""
        if self.search_screen is None:
            self.notify("No search yet: press / to search, enter to open a result.", timeout=3)
            return
        self.search_screen.step(direction)
