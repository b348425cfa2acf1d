"""The paperdeck Textual app: loads the archive in the background and hosts the screens."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.worker import get_current_worker

from parsers import FileResult, Problem, SourceFile
from tui.commands import PaperdeckCommands
from tui.keys_help import key_rows
from tui.loading import parse_batches, plan_load
from tui.screens.main import MainScreen
from tui.store import ArchiveStore
from tui.widgets.date_sidebar import DateSidebar
from tui.widgets.detail_pane import DetailPane
from tui.widgets.paper_list import PaperList


class PaperdeckApp(App[None]):
    """Reads the digests under ``paths``; opens on ``start_date`` or the newest day."""

    CSS_PATH = Path(__file__).parent / "app.tcss"
    TITLE = "paperdeck"
    COMMANDS = App.COMMANDS | {PaperdeckCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, id="app.commands"),
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

    def __init__(self, paths: list[str], start_date: date | None = None) -> None:
        super().__init__()
        self.paths = paths
        self.start_date = start_date
        self.store = ArchiveStore()
        self.main_screen = MainScreen(self.store)
        self.loaded = False  # every file has been read
        self._first_screen = threading.Event()  # the background load waits for it

    def on_mount(self) -> None:
        # The newest day is read before the first frame, so that the first frame shows it;
        # everything else is read in the background once that frame is up.
        plan = plan_load(self.paths)
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

    def on_paperdeck_app_files_parsed(self, message: FilesParsed) -> None:
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
        if self.store.newest_day is not None or not self.store.is_empty():
            self.main_screen.show_day(self.store.days()[0])

    def command_oldest_day(self) -> None:
        dated = [day for day in self.store.days() if day is not None]
        if dated:
            self.main_screen.show_day(dated[-1])

    def command_problems(self) -> None:
        self.main_screen.action_show_problems()

    def command_toggle_sidebar(self) -> None:
        self.main_screen.action_toggle_sidebar()
