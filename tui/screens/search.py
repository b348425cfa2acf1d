"""Search across every day: results as you type, best first; enter opens one.

The app keeps one search screen for the whole session: after a result is opened, the keys
for the next and previous result step through the same results, and ``escape`` on the
result comes back here with the cursor on it. Results come a page at a time
(:mod:`tui.screens.search_paging`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.events import Key
from textual.message import Message
from textual.signal import Signal
from textual.timer import Timer
from textual.widgets import Input, Label
from textual.worker import get_current_worker

from tui.screens.search_paging import ResultPaging, Searcher
from tui.search.matching import SearchCancelled, SearchHit, SearchResult
from tui.search.query import Query, QueryError, parse_query
from tui.search.snippets import Snippet
from tui.widgets.key_footer import KeyFooter
from tui.widgets.literal import literal
from tui.widgets.search_results import SearchResults

SnippetSource = Callable[[SearchHit, Query], Snippet | None]
"""Where a result matched outside its title; reads the paper's body (from any thread)."""

DEBOUNCE_SECONDS = 0.15
TYPE_TO_SEARCH = "Type to search titles, authors and summaries of every day."
QUERY_HELP = (
    'words  "a phrase"  -exclude  author:kim  votes:>=20  date:2025-01  '
    "date:2025-01-01..2025-03-31  is:bookmarked  is:unread  tag:to-read  has:note  note:idea"
)


class SearchScreen(ResultPaging):
    """Opened with ``/``; ``escape`` returns to where you were."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="search.close"),
        Binding("down", "to_results", "Results", show=False, id="search.results"),
        Binding("ctrl+g", "toggle_grouped", "Group by day", id="search.group"),
    ]

    @dataclass
    class Found(Message):
        """A search finished (results for ``generation``; older ones are dropped)."""

        result: SearchResult
        generation: int
        indexed: bool

    @dataclass
    class SnippetsFound(Message):
        """Snippets of the results drawn, by result number (for the results' ``generation``)."""

        snippets: dict[int, Snippet | None]
        generation: int

    def __init__(
        self,
        search: Searcher,
        ready: Signal[None],
        initial: str = "",
        snippets: SnippetSource | None = None,
    ) -> None:
        super().__init__()
        self.search = search
        self.snippets = snippets  # where each result shown matched (read for rows drawn)
        self.ready = ready  # published once the index holds every paper
        self.initial = initial
        self._partial = False  # the results shown came before the index was complete
        self._timer: Timer | None = None
        self._generation = 0
        self._open_first = False

    @property
    def search_input(self) -> Input:
        return self.query_one("#search-input", Input)

    def compose(self) -> ComposeResult:
        yield Input(value=self.initial, placeholder="Search every day…", id="search-input")
        yield Label(literal(QUERY_HELP), id="search-status")
        yield SearchResults()
        yield KeyFooter()

    def on_mount(self) -> None:
        self.results.border_title = literal("Results")
        self.results.empty_text = TYPE_TO_SEARCH
        self.search_input.focus()
        self.ready.subscribe(self, self._index_complete)
        self.watch(self.results, "cursor", self._cursor_moved, init=False)
        if self.initial:
            self.run_search(self.initial)

    def resume(self, at_results: bool) -> None:
        """Shown again: on the result last opened (``at_results``), else in the box."""
        if at_results and self.opened is not None and self.opened < len(self.results.hits):
            self.results.cursor = self.results.row_of(self.opened)
            self.results.focus()
        else:
            self.search_input.focus()

    def _index_complete(self, _: None) -> None:
        """Every paper is indexed now: results shown from part of it are searched again."""
        if self._partial and self._timer is None:
            self.run_search(self.search_input.value)

    @on(Input.Changed, "#search-input")
    def _typed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        self.workers.cancel_group(self, "search")  # its answer is for text no longer there
        self._open_first = False
        text = event.value
        self._timer = self.set_timer(DEBOUNCE_SECONDS, lambda: self.run_search(text))

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        shown = self.results.search_query
        if self._timer is None and shown is not None and shown.text == event.value:
            if (hit := self.results.current) is not None:
                self.post_message(SearchResults.Opened(hit))
            return
        self._open_first = True  # the results for this text are still coming: open them then
        if self._timer is not None:
            self._timer.stop()
        self.run_search(event.value)

    def on_key(self, event: Key) -> None:
        first = self.results.first_hit_row
        if event.key == "up" and self.results.has_focus and self.results.cursor == first:
            self.search_input.focus()
            event.stop()

    def action_to_results(self) -> None:
        if self.results.hits:
            self.results.focus()

    def action_toggle_grouped(self) -> None:
        """Results under their days (newest first), or all best first."""
        self.results.set_grouped(not self.results.grouped)
        self.results.border_subtitle = literal("grouped by day" if self.results.grouped else "")

    def _status(self, text: str, error: bool = False) -> None:
        label = self.query_one("#search-status", Label)
        label.update(literal(text))
        label.set_class(error, "-error")

    def search_for(self, text: str) -> None:
        """Search for ``text`` now, as if typed into the box."""
        with self.search_input.prevent(Input.Changed):
            self.search_input.value = text
        self.search_input.focus()
        self.run_search(text)

    def run_search(self, text: str) -> None:
        """Parse ``text`` and start a search; a newer search cancels this one."""
        self._timer = None
        try:
            query = parse_query(text)
        except QueryError as exc:
            self._status(str(exc), error=True)
            return
        shown = self.results.search_query
        if shown is None or shown.text != text:
            self.opened = None  # a new search: nothing opened of it yet
        self._step_to = None
        if query.empty:
            self._generation += 1
            self.total = 0
            self.results.empty_text = TYPE_TO_SEARCH
            self.results.show([], query)
            self.results.border_title = literal("Results")
            self._status(QUERY_HELP)
            return
        self._generation += 1
        self._status("Searching…")
        self._search(query, self._generation)

    @work(thread=True, exclusive=True, group="search")
    def _search(self, query: Query, generation: int) -> None:
        worker = get_current_worker()
        try:
            result, indexed = self.search(query, lambda: worker.is_cancelled)
        except SearchCancelled:
            return
        if not worker.is_cancelled:
            self.post_message(self.Found(result, generation, indexed))

    def on_search_results_snippets_wanted(self, message: SearchResults.SnippetsWanted) -> None:
        message.stop()
        if self.snippets is None:
            self.results.add_snippets(dict.fromkeys(message.hits), message.generation)
        else:
            self._fetch_snippets(self.snippets, message)

    @work(thread=True, group="snippets")
    def _fetch_snippets(self, source: SnippetSource, wanted: SearchResults.SnippetsWanted) -> None:
        """Read the snippets off the UI thread (the source reads the papers' bodies)."""
        worker = get_current_worker()
        found: dict[int, Snippet | None] = {}
        for number, hit in wanted.hits.items():
            if worker.is_cancelled:
                return
            found[number] = source(hit, wanted.query)
        self.post_message(self.SnippetsFound(found, wanted.generation))

    def on_search_screen_snippets_found(self, message: SnippetsFound) -> None:
        self.results.add_snippets(message.snippets, message.generation)

    def on_search_screen_found(self, message: Found) -> None:
        if message.generation != self._generation:
            return  # an older query finished after a newer one began
        result = message.result
        so_far = "" if message.indexed else " so far (the index is still being built)"
        self.results.empty_text = f"No paper matches {result.query.text!r}{so_far}."
        self.results.show(result.hits, result.query)
        self.total = len(result.hits) if result.total is None else result.total
        self._loading_more = False
        self._count_title()
        self._partial = not message.indexed
        note = "" if message.indexed else " · indexing… (results so far; they update)"
        self._status(f"best first: title matches, then votes{note}")
        if self._open_first and result.hits:
            self._open_first = False
            self._open(0)
