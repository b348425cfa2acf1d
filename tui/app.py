"""The paperdeck Textual app: loads the archive in the background and hosts the screens."""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.theme import Theme
from textual.worker import get_current_worker

from parsers import FileResult, Paper, Problem, SourceFile
from tui.bookmarks import Bookmark
from tui.clipboard import passthrough_sequences
from tui.commands import PaperdeckCommands
from tui.environment import link_action
from tui.glyphs import Glyphs
from tui.keys_help import key_rows
from tui.loading import parse_batches, plan_load
from tui.locations import Locations
from tui.query import Query
from tui.reader_settings import ReaderSettings
from tui.screens.bookmarks import BookmarksScreen
from tui.screens.main import MainScreen
from tui.screens.search import SearchScreen
from tui.search_index import (
    Entry,
    IndexBuildCancelled,
    SearchIndex,
    SearchResult,
    linear_search,
)
from tui.session_state import archive_key
from tui.store import ArchiveStore
from tui.undo import UNDO_SECONDS, UndoStack
from tui.user_state import UserState
from tui.widgets.date_sidebar import DateSidebar
from tui.widgets.detail_pane import DetailPane
from tui.widgets.paper_list import PaperList

POSITION_SAVE_SECONDS = 2.0


class PaperdeckApp(App[None]):
    """Reads the digests under ``paths``; opens on ``start_date`` or the newest day."""

    CSS_PATH = Path(__file__).parent / "app.tcss"
    TITLE = "paperdeck"
    COMMANDS = App.COMMANDS | {PaperdeckCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, id="app.commands"),
        Binding(
            "B", "show_bookmarks", "Marks", tooltip="All bookmarks", show=False, id="app.bookmarks"
        ),
        Binding("slash", "search", "Search", id="app.search"),
    ]

    @dataclass
    class FilesParsed(Message):
        """The loader parsed some files (``first`` for the batch before the first screen)."""

        results: list[FileResult]
        problems: list[Problem]
        done: int
        total: int
        first: bool

    @dataclass
    class LoadFinished(Message):
        """The loader has read every file."""

    @dataclass
    class IndexReady(Message):
        """The search index over the whole archive is built."""

        index: SearchIndex

    @dataclass
    class UserStateSaved(Message):
        """Bookmarks or read marks were saved (and may include other instances' changes)."""

    @dataclass
    class SaveFailed(Message):
        """The writer could not save user data; it keeps the changes and retries."""

        text: str

    def __init__(
        self,
        paths: list[str],
        start_date: date | None = None,
        locations: Locations | None = None,
        settings: ReaderSettings | None = None,
    ) -> None:
        # With NO_COLOR, ANSI mode lets Textual drop colours entirely (not just grey them).
        super().__init__(ansi_color=True if "NO_COLOR" in os.environ else None)
        self.paths = paths
        self.locations = locations or Locations.resolve()
        self.settings = settings or ReaderSettings()
        self.glyphs: Glyphs = Glyphs.pick(self.settings.ascii)
        if not self.settings.animations:
            self.animation_level = "none"
        if self.settings.keys:
            self.set_keymap(self.settings.keys)
        self.store = ArchiveStore()
        self.user_state = UserState(
            self.locations.data,
            self.locations.state,
            on_change=self._state_saved,
            on_error=self._save_failed,
        )
        self.archive_key = archive_key(paths)
        restored = self.user_state.position(self.archive_key) if self.settings.restore else None
        self.start_date = start_date or (restored.day if restored else None)
        self.undo = UndoStack()
        self.main_screen = MainScreen(self.store, self.user_state)
        if restored is not None and start_date is None:
            self.main_screen.restore_to(restored)
        self.loaded = False  # every file has been read
        self.search_index: SearchIndex | None = None  # built once everything is loaded
        self.last_search = ""
        self._first_screen = threading.Event()  # the background load waits for it

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Notifications show their text as it is: it often holds titles, paths or config."""
        super().notify(message, title=title, severity=severity, timeout=timeout)

    def on_mount(self) -> None:
        for moved in self.user_state.moved_aside:
            self.notify(moved.message(), title="Unreadable file kept aside", timeout=20)
        for reason in self.user_state.unreadable:
            self.notify(
                f"{reason}. Starting without it; changes cannot be saved until it is fixed.",
                title="Cannot read your data",
                severity="error",
                timeout=30,
            )
        for problem in self.settings.problems:
            self.notify(problem, title="config.toml", severity="warning", timeout=20)
        self._apply_theme()
        self._watch_hangup()
        self.set_interval(POSITION_SAVE_SECONDS, self.save_position)
        # The newest day is read before the first frame, so that the first frame shows it;
        # everything else is read in the background once that frame is up.
        plan = plan_load(self.paths, prefer=self.start_date)
        first = [
            result
            for batch in parse_batches(plan.first, max(1, len(plan.first)))
            for result in batch
        ]
        self.push_screen(self.main_screen)
        self.post_message(
            self.FilesParsed(first, plan.problems, len(plan.first), plan.total, first=True)
        )
        self.load_rest(plan.rest, len(plan.first), plan.total)

    @work(thread=True, exclusive=True, group="load")
    def load_rest(self, sources: list[SourceFile], done: int, total: int) -> None:
        """Parse ``sources`` (newest first) once the first screen is up, posting batches."""
        worker = get_current_worker()
        while not self._first_screen.wait(0.05):  # let the first screen have the CPU
            if worker.is_cancelled:
                return
        for batch in parse_batches(sources):
            if worker.is_cancelled:  # the app is closing: stop between batches
                return
            done += len(batch)
            self.post_message(self.FilesParsed(batch, [], done, total, first=False))
        self.post_message(self.LoadFinished())

    def _state_saved(self) -> None:  # called by the writer thread
        self.post_message(self.UserStateSaved())

    def _save_failed(self, text: str) -> None:  # called by the writer thread
        self.post_message(self.SaveFailed(text))

    async def action_quit(self) -> None:
        self.save_position()  # while the panes are still there to ask
        await super().action_quit()

    def on_unmount(self) -> None:
        self.save_position()
        self.user_state.close()

    # -- links: copy through the terminal, open only where a browser can be seen -------

    def copy_text(self, text: str, what: str, note: str = "") -> None:
        """Put ``text`` on the user's clipboard with OSC 52 (works over SSH)."""
        self.copy_to_clipboard(text)
        driver = self._driver
        if driver is not None:
            for sequence in passthrough_sequences(text, os.environ):
                driver.write(sequence)
        shown = text if len(text) <= 80 else f"{text[:77]}…"
        self.notify(f"Copied {what}: {shown}{note}", timeout=5)

    def open_link(self, url: str, what: str) -> None:
        """Open ``url`` in a browser if one can reach the user, else copy it and say why."""
        decision = link_action(os.environ)
        if decision.open_browser:
            self.open_url(url)
            self.notify(f"Opening the {what} in your browser: {url}", timeout=4)
            return
        self.copy_text(url, f"{what} link", f" (not opened: {decision.reason})")

    # -- continuity ------------------------------------------------------------------

    def save_position(self) -> None:
        """Remember where the reader is (written only when it changed)."""
        position = self.main_screen.position()
        if position is not None:
            self.user_state.remember_position(self.archive_key, position)

    def _apply_theme(self) -> None:
        pinned = self.settings.theme
        remembered = self.user_state.theme
        if pinned in self.available_themes:
            self.theme = pinned
        elif remembered in self.available_themes:
            self.theme = remembered
        self.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, theme: Theme) -> None:
        if self.settings.theme is None:  # a theme set in config.toml is not overridden
            self.user_state.remember_theme(theme.name)

    def _watch_hangup(self) -> None:
        """On SIGHUP (a dropped SSH connection), save everything before going."""
        if not hasattr(signal, "SIGHUP"):
            return
        with suppress(NotImplementedError, RuntimeError, ValueError):
            asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, self._hang_up)

    def _hang_up(self) -> None:
        self.save_position()
        self.user_state.close(timeout=3.0)
        self.exit(return_code=129)

    def on_paperdeck_app_files_parsed(self, message: FilesParsed) -> None:
        self._fill_in_bookmarks(message.results)
        changed = self.store.add(message.results, message.problems)
        self.main_screen.archive_changed(changed, self.start_date)
        self.main_screen.loading_progress(message.done, message.total)
        if message.first and self.store.is_empty():
            self._first_screen.set()  # nothing to show yet: no reason to wait

    def on_main_screen_day_shown(self, message: MainScreen.DayShown) -> None:
        if message.first:
            self.call_after_refresh(self._first_screen.set)

    def on_paperdeck_app_load_finished(self, message: LoadFinished) -> None:
        self.loaded = True
        self.main_screen.loading_finished()
        self.build_search_index(list(self.store.entries))
        problems = self.store.problems
        if problems:
            errors = sum(p.severity == "error" for p in problems)
            self.notify(
                f"{len(problems):,} problems while loading ({errors:,} errors). "
                "Press ! to list them.",
                title="Some files could not be read cleanly",
                severity="error" if errors else "warning",
                timeout=8,
            )

    def on_paperdeck_app_user_state_saved(self, message: UserStateSaved) -> None:
        self.main_screen.marks_changed()

    def on_paperdeck_app_save_failed(self, message: SaveFailed) -> None:
        self.notify(message.text, title="Not saved yet", severity="error", timeout=10)

    # -- search ----------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="index")
    def build_search_index(self, entries: list[Entry]) -> None:
        cancelled = get_current_worker()
        try:
            index = SearchIndex(entries, cancelled=lambda: cancelled.is_cancelled)
        except IndexBuildCancelled:
            return
        self.post_message(self.IndexReady(index))

    def on_paperdeck_app_index_ready(self, message: IndexReady) -> None:
        self.search_index = message.index

    def search(self, query: Query) -> tuple[SearchResult, bool]:
        """Search every loaded paper (call from a worker thread); True when indexed."""
        index = self.search_index
        if index is not None:
            return index.search(query, self.user_state), True
        return linear_search(list(self.store.entries), query, self.user_state), False

    def action_search(self) -> None:
        if not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen(self.last_search))

    # -- bookmarks and reading state -------------------------------------------------

    def _fill_in_bookmarks(self, results: list[FileResult]) -> None:
        """Complete bookmarks made from a bare arXiv id once a digest holds the paper."""
        bare = {b.id for b in self.user_state.bookmarks.values() if not b.complete}
        if not bare:
            return
        for result in results:
            for digest in result.digests:
                for paper in digest.papers:
                    if paper.arxiv_id in bare:
                        self.user_state.fill_in(paper.arxiv_id, paper, digest.date)

    def toggle_bookmark(self, pid: str, paper: Paper, day: date | None) -> None:
        bookmark = self.user_state.bookmarks.get(pid)
        if bookmark is None:
            self.user_state.bookmark(pid, paper, day)
            self.notify(f"Bookmarked: {paper.title}", timeout=3)
        else:
            self.remove_bookmark(bookmark)

    def remove_bookmark(self, bookmark: Bookmark) -> None:
        self.user_state.unbookmark(bookmark.id)
        self.undo.push(
            f"bookmark of {bookmark.display_title}",
            lambda: self.user_state.add_bookmark(bookmark),
        )
        self.notify(
            f"Removed bookmark: {bookmark.display_title}. Press z to undo.",
            timeout=UNDO_SECONDS,
        )
        self.main_screen.marks_changed()

    def action_undo(self) -> None:
        entry = self.undo.pop()
        if entry is None:
            self.notify("Nothing to undo.", timeout=2)
            return
        entry.undo()
        self.notify(f"Undone: {entry.description}", timeout=3)
        self.main_screen.marks_changed()
        if isinstance(self.screen, BookmarksScreen):
            self.screen.refresh_items()

    def action_show_bookmarks(self) -> None:
        if not isinstance(self.screen, BookmarksScreen):
            self.push_screen(BookmarksScreen())

    def open_bookmark(self, bookmark: Bookmark) -> None:
        """Show a bookmarked paper in its day, detail pane focused."""
        if bookmark.date not in self.store or self.store.find(bookmark.id, bookmark.date) is None:
            where = bookmark.date.isoformat() if bookmark.date else "its day"
            self.notify(
                f"{bookmark.display_title} is not in the loaded archive ({where}).",
                severity="warning",
            )
            return
        self.open_paper(bookmark.date, bookmark.id)

    def open_paper(self, day: date | None, pid: str) -> None:
        """Back to the reader (whatever screens are open) showing paper ``pid`` of ``day``."""
        while self.screen is not self.main_screen and len(self.screen_stack) > 1:
            self.pop_screen()
        self.main_screen.open_paper(day, pid)

    # -- actions and palette commands ------------------------------------------------

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        screen = self.main_screen
        sections = [
            ("Anywhere", key_rows(self, self) + key_rows(self, screen)),
            ("Days (sidebar)", key_rows(self, screen.query_one(DateSidebar))),
            ("Papers (list)", key_rows(self, screen.query_one(PaperList))),
            ("Paper (detail)", key_rows(self, screen.query_one(DetailPane))),
        ]
        self.push_screen(HelpScreen(sections))

    def command_goto_date(self) -> None:
        self.main_screen.action_goto_date()

    def command_newest_day(self) -> None:
        if not self.store.is_empty():
            self.main_screen.show_day(self.store.days()[0])

    def command_oldest_day(self) -> None:
        dated = [day for day in self.store.days() if day is not None]
        if dated:
            self.main_screen.show_day(dated[-1])

    def command_problems(self) -> None:
        self.main_screen.action_show_problems()

    def command_toggle_sidebar(self) -> None:
        self.main_screen.action_toggle_sidebar()
