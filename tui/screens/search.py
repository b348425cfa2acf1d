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
from textual.widgets.input import Selection
from textual.worker import get_current_worker

from tui.screens.search_memory import Recall, SearchMemory
from tui.screens.search_paging import ResultPaging, Searcher
from tui.search.matching import SearchCancelled, SearchHit, SearchResult
from tui.search.query import Query, QueryError, parse_query
from tui.search.snippets import Snippet
from tui.userdata.searches import MAX_NAME
from tui.widgets.key_footer import KeyFooter
from tui.widgets.literal import literal
from tui.widgets.name_list import NamedFigure, NameList
from tui.widgets.search_results import SearchResults

SnippetSource = Callable[[SearchHit, Query], Snippet | None]
"""Where a result matched outside its title; reads the paper's body (from any thread)."""

DEBOUNCE_SECONDS = 0.15
REFRESH_SECONDS = 1.0
"""While the index is being filled, results shown are searched again at most this often."""
KEPT_IN_RESULTS = {"question_mark", "slash"}
"""Printable keys that keep their meaning in the results (help, and ``/`` back to the box
with its text selected); the others are typed into the box."""
TYPE_TO_SEARCH = "Type to search titles, authors and summaries of every day."
QUERY_HELP = (
    'words  "a phrase"  -exclude  author:kim  votes:>=20  date:2025-01  '
    "date:2025-01-01..2025-03-31  is:bookmarked  is:unread  tag:to-read  has:note  note:idea"
)


def _shortened(query: str, most: int = 40) -> str:
    """A saved query as its row shows it: at most ``most`` cells, controls removed."""
    return literal(query).truncate(most, ellipsis=True).plain


class SearchScreen(ResultPaging):
    """Opened with ``/``; ``escape`` returns to where you were."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="search.close"),
        Binding("up", "recall(True)", "Older search", show=False, id="search.older"),
        Binding(
            "down",
            "to_results",
            "Newer search / results",
            show=False,
            tooltip="Newer search (while recalling), else the results",
            id="search.results",
        ),
        Binding("ctrl+g", "toggle_grouped", "Group by day", id="search.group"),
        Binding("ctrl+s", "save_search", "Save", tooltip="Save this search", id="search.save"),
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
        memory: SearchMemory | None = None,
        grew: Signal[None] | None = None,
    ) -> None:
        super().__init__()
        self.search = search
        self.memory = memory  # the history and saved searches (none: nothing is kept)
        self.recall = Recall()
        self._saved: list[str] = []  # the saved queries, as the Saved section lists them
        self.snippets = snippets  # where each result shown matched (read for rows drawn)
        self.ready = ready  # published once the index holds every paper
        self.grew = grew  # published as papers go into the index while it is being filled
        self.initial = initial
        self._timer: Timer | None = None
        self._refresh: Timer | None = None  # results searched again as the index grows
        self._generation = 0
        self._open_first = False

    @property
    def search_input(self) -> Input:
        return self.query_one("#search-input", Input)

    def compose(self) -> ComposeResult:
        # The box selects its text when focused from here (``focus_box``), not when a key
        # typed in the results brings the focus to it.
        yield Input(
            value=self.initial,
            placeholder="Search every day…",
            id="search-input",
            select_on_focus=False,
        )
        yield Label(literal(QUERY_HELP), id="search-status")
        yield SearchResults()
        yield NameList(id="saved-searches")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.results.border_title = literal("Results")
        self.results.empty_text = TYPE_TO_SEARCH
        saved = self.saved_list
        saved.border_title = literal("Saved")
        saved.border_subtitle = literal("enter: search")
        self.show_saved()
        self.focus_box()
        self.ready.subscribe(self, self._index_complete)
        if self.grew is not None:
            self.grew.subscribe(self, self._index_grew)
        self.watch(self.results, "cursor", self._cursor_moved, init=False)
        if self.initial:
            self.run_search(self.initial)

    def resume(self, at_results: bool) -> None:
        """Shown again: on the result last opened (``at_results``), else in the box."""
        if at_results and self.opened is not None and self.opened < len(self.results.hits):
            self.results.cursor = self.results.row_of(self.opened)
            self.results.focus()
        else:
            self.focus_box()

    def _index_complete(self, _: None) -> None:
        """Every paper is indexed now: results shown from part of it are searched again."""
        if self._refresh is not None:
            self._refresh.stop()
            self._refresh = None
        if self._partial and self._timer is None:
            self.run_search(self.search_input.value, again=True)

    def _index_grew(self, _: None) -> None:
        """More papers are in the index: results shown from part of it are searched again,
        at most once every :data:`REFRESH_SECONDS`."""
        if self._partial and self._refresh is None:
            self._refresh = self.set_timer(REFRESH_SECONDS, self._search_again)

    def _search_again(self) -> None:
        self._refresh = None
        if self._partial and self._timer is None:  # not while a new query is being typed
            self.run_search(self.search_input.value, again=True)

    @property
    def saved_list(self) -> NameList:
        return self.query_one("#saved-searches", NameList)

    def show_saved(self) -> None:
        """The saved searches, under the results (hidden while there are none)."""
        saved = self.memory.saved_searches() if self.memory is not None else {}
        self._saved = list(saved.values())  # the queries, row by row
        self.saved_list.show(
            [NamedFigure(literal(name).plain, _shortened(query)) for name, query in saved.items()]
        )
        self.saved_list.display = bool(saved)

    @on(NameList.Opened, "#saved-searches")
    def _saved_opened(self, event: NameList.Opened) -> None:
        row = self.saved_list.cursor
        if 0 <= row < len(self._saved):
            self.search_for(self._saved[row])

    def action_recall(self, older: bool) -> None:
        """↑: the query searched before; ↓: the next one (then what was being typed)."""
        if self.memory is None:
            return
        box = self.search_input
        text = self.recall.step(self.memory.search_history(), box.value, older)
        if text is not None:
            box.value = text
            box.cursor_position = len(text)

    def remember(self) -> None:
        """The query searched goes into the history (on enter, or a result opened)."""
        shown = self.results.search_query
        text = shown.text if shown is not None else self.search_input.value
        if self.memory is not None and text.strip():
            self.memory.remember_query(text)

    def action_save_search(self) -> None:
        text = self.search_input.value.strip()
        if not text:
            self.notify("Nothing to save: type a search first.", timeout=3)
            return
        from tui.screens.name_prompt import NamePrompt

        def save(name: str | None) -> None:
            if name and self.memory is not None:
                replaced = name in self.memory.saved_searches()
                self.memory.save_search(name, text)
                self.show_saved()
                verb = "Replaced" if replaced else "Saved"
                self.notify(f"{verb} the search {name!r}: {text}", timeout=4)

        prompt = NamePrompt("Save this search as", text[:MAX_NAME].strip())
        self.app.push_screen(prompt, save)

    def _open(self, index: int) -> None:
        self.remember()
        super()._open(index)

    @on(Input.Changed, "#search-input")
    def _typed(self, event: Input.Changed) -> None:
        self.recall.typed_over(event.value)
        if self._timer is not None:
            self._timer.stop()
        self.workers.cancel_group(self, "search")  # its answer is for text no longer there
        self._open_first = False
        text = event.value
        self._timer = self.set_timer(DEBOUNCE_SECONDS, lambda: self.run_search(text))

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        if self.memory is not None:
            self.memory.remember_query(event.value)
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
        results = self.results
        if not results.has_focus:
            return
        if event.key == "up" and results.cursor == results.first_hit_row:
            self.focus_box()
            event.stop()
        elif self._types_into_box(event):
            box = self.search_input
            box.focus()
            box.cursor_position = len(box.value)
            box.insert_text_at_cursor(event.character or "")
            event.stop()
            event.prevent_default()

    def focus_box(self) -> None:
        """Focus the search box with its text selected: typing replaces it."""
        box = self.search_input
        box.focus()
        box.selection = Selection(0, len(box.value))

    def _types_into_box(self, event: Key) -> bool:
        """Whether a key pressed in the results is typing: a printable character that
        the results list does not bind (``j``/``k``/``g``/``G`` still move), nor ``?``/``/``."""
        if not event.is_printable or not event.character or event.key in KEPT_IN_RESULTS:
            return False
        bound = self.active_bindings.get(event.key)
        return bound is None or bound.node is not self.results

    def action_to_results(self) -> None:
        if self.recall.browsing:
            self.action_recall(False)
        elif self.results.hits:
            self.results.focus()

    def action_toggle_grouped(self) -> None:
        """Results under their days (newest first), or all best first."""
        self.results.set_grouped(not self.results.grouped)
        self.results.border_subtitle = literal("grouped by day" if self.results.grouped else "")
        if self.results.hits:
            self._order_status()

    def _order_status(self) -> None:
        """Say in what order the results are listed."""
        if self.results.grouped:
            order = "by day, newest first; in a day, title matches, then votes"
        else:
            order = "best first: title matches, then votes"
        note = " · indexing… (results so far; they update)" if self._partial else ""
        self._status(f"{order}{note}")

    def _status(self, text: str, error: bool = False) -> None:
        label = self.query_one("#search-status", Label)
        label.update(literal(text))
        label.set_class(error, "-error")

    def search_for(self, text: str) -> None:
        """Search for ``text`` now, as if typed into the box."""
        with self.search_input.prevent(Input.Changed):
            self.search_input.value = text
        self.recall = Recall()  # a walk through the history ends here
        self.focus_box()
        self.run_search(text)

    def run_search(self, text: str, again: bool = False) -> None:
        """Parse ``text`` and start a search; a newer search cancels this one. ``again``:
        the same search over more of the index (the results shown stay until it answers)."""
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
        if not again:
            self._status("Searching…")
        self._search(query, self._generation)

    def _keep_place(self, current: SearchHit | None, opened: SearchHit | None) -> None:
        """After the same search answered again: the cursor on the paper it was on, and
        the result opened renumbered (None when the new page does not hold them)."""
        pids = {hit.entry.pid: number for number, hit in enumerate(self.results.hits)}
        self.opened = pids.get(opened.entry.pid) if opened is not None else None
        if current is not None and (number := pids.get(current.entry.pid)) is not None:
            self.results.cursor = self.results.row_of(number)

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
        shown = self.results.search_query
        again = shown is not None and shown.text == result.query.text
        current = self.results.current if again else None
        opened = None
        if again and self.opened is not None and self.opened < len(self.results.hits):
            opened = self.results.hits[self.opened]
        self.results.show(result.hits, result.query)
        if again:  # the same search over more papers: stay on the paper the cursor was on
            self._keep_place(current, opened)
        self.total = len(result.hits) if result.total is None else result.total
        self._loading_more = False
        self._partial = not message.indexed
        self._count_title()
        self._order_status()
        if self._open_first and result.hits:
            self._open_first = False
            self._open(0)
