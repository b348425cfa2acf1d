"""The paperdeck Textual app: loads the archive in the background and hosts the screens.

The app composes: it owns the archive (cache, store, loader), the user's data and the
search, hands them to the screens (:class:`~tui.screens.services.ReaderServices`), and
owns the parts that do the rest, each given what it needs: the screens' requests
(:mod:`.requests`), the search path (:mod:`.search_path`), continuity across runs and
signals (:mod:`.continuity`), syncing (:mod:`.syncing`) and background jobs (:mod:`.jobs`).
Its message handlers and actions hand each message or key to the part it is for.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from contextlib import suppress
from datetime import UTC, date, datetime
from pathlib import Path
from typing import ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import BindingType
from textual.driver import Driver
from textual.events import DeliveryComplete
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.signal import Signal

from parsers import is_web_link
from tui.app.bindings import APP_BINDINGS
from tui.app.continuity import Continuity, browser_mode_driver
from tui.app.jobs import Jobs
from tui.app.messages import (
    JobFailed,
    LoaderReport,
    SaveFailed,
    SaveRecovered,
    SyncFinished,
    SyncReport,
    UserStateSaved,
)
from tui.app.palette import help_sections, palette_commands
from tui.app.requests import ScreenRequests, refuse_link
from tui.app.search_path import SearchPath
from tui.app.syncing import ArchiveSync, NewDays, last_synced, new_days_line
from tui.app.trail import BackTrail
from tui.archive.cache import ArchiveCache, CacheUnusable, wants_persistent_cache
from tui.archive.cache.reading import arxiv_papers
from tui.archive.identity import archive_key
from tui.archive.loading import ArchiveLoader, CacheFailed, DaysRead, LoadFinished
from tui.archive.store import ArchiveStore
from tui.screens.help import HelpScreen, key_rows
from tui.screens.reader.screen import DayShown, DayWanted, ReaderScreen
from tui.screens.requests import (
    CopyRequested,
    OpenBookmarkRequested,
    OpenLinkRequested,
    OpenPaperRequested,
    OpenPdfRequested,
    ResultsRequested,
    ReturnRequested,
    SearchRequested,
)
from tui.screens.services import ReaderServices
from tui.search.service import ArchiveSearch
from tui.settings.config import load_config
from tui.settings.default_archive import default_paths
from tui.settings.locations import Locations
from tui.settings.reader_settings import ReaderSettings
from tui.startup import release_collection
from tui.terminal.glyphs import Glyphs
from tui.terminal.shutdown import ShutdownGuard
from tui.userdata.marking import Marking
from tui.userdata.user_state import UserState
from tui.widgets.literal import literal

POSITION_SAVE_SECONDS = 2.0
WATCH_SECONDS = 60.0  # the archive's files are checked again this often
STOP_SECONDS = 1.0  # how long a quit waits for background jobs before it goes on without them
QUITS = ("app.quit", "app.quit_now")
ANSWERED_FIRST = (events.Key, events.MouseDown, events.MouseScrollDown, events.MouseScrollUp)
"""What the user does that the reader answers before it reads on."""
DEMO_NOTE = (
    "Five days of made-up papers that ship with paperdeck, to try it on. To read your own "
    "digests, run: paperdeck PATH… (files or folders). To fetch the Hugging Face daily "
    "papers, run: paperdeck sync (then paperdeck opens them)."
)


def open_cache(
    paths: list[str], locations: Locations, persistent: bool = True
) -> tuple[ArchiveCache, str | None]:
    """The archive's cache; a temporary one, and why, when the cache directory fails."""
    if persistent and wants_persistent_cache(paths):
        try:
            return ArchiveCache(paths, locations.cache), None
        except CacheUnusable as exc:
            return ArchiveCache(paths, None), f"{exc}. Reading without it."
    return ArchiveCache(paths, None), None


class PaperdeckApp(App[None]):
    """Reads the digests under ``paths``; opens on ``start_date`` or the newest day."""

    CSS_PATH = Path(__file__).parent / "app.tcss"
    TITLE = "paperdeck"
    BINDINGS: ClassVar[list[BindingType]] = APP_BINDINGS

    def __init__(
        self,
        paths: list[str],
        start_date: date | None = None,
        locations: Locations | None = None,
        settings: ReaderSettings | None = None,
        demo: bool = False,
    ) -> None:
        # With NO_COLOR, ANSI mode lets Textual drop colours entirely (not just grey them).
        super().__init__(ansi_color=True if "NO_COLOR" in os.environ else None)
        self.paths = paths
        self.locations = locations or Locations.resolve()
        self.settings = settings or ReaderSettings()
        self.glyphs: Glyphs = Glyphs.pick(self.settings.ascii)
        if not self.settings.animations:
            self.animation_level = "none"
        if self.settings.config.keys:
            self.set_keymap(self.settings.config.keys)
        self.jobs = Jobs(lambda group, exc: self._from_thread(JobFailed(group, exc)))
        self.cache, self.cache_problem = open_cache(paths, self.locations, self.settings.cache)
        self.store = ArchiveStore(self.cache)
        self.user_state = UserState(
            self.locations.data,
            self.locations.state,
            on_change=self._state_saved,
            on_error=self._save_failed,
            on_recovered=self._save_recovered,
        )
        self.marking = Marking(self.user_state)
        self.marks_changed_signal: Signal[None] = Signal(self, "marks-changed")
        self.search_ready_signal: Signal[None] = Signal(self, "search-ready")
        self.search_grew_signal: Signal[None] = Signal(self, "search-grew")
        self.archive_search = ArchiveSearch(self.cache, self.user_state)
        self.services = ReaderServices(
            self.store,
            self.user_state,
            self.marking,
            self.glyphs,
            self.marks_changed_signal,
            self.settings.config.mark_read,
            external_programs=self.settings.config.allow_external_programs,
        )
        self.demo = demo  # the demo archive, opened because the user has none
        self.archive_key = archive_key(paths)
        restored = self.user_state.position(self.archive_key) if self.settings.restore else None
        self.start_date = start_date or (restored.day if restored else None)
        self.reader = ReaderScreen(self.services)
        if restored is not None and start_date is None:
            self.reader.restore_to(restored)
        self.loaded = False  # every file has been read
        self.loader = self._loader(self.start_date)
        self.trail = BackTrail(self, self.reader)
        self.requests = ScreenRequests(
            self, self.reader, self.store, self.settings.config, self.locations.data, self.trail
        )
        self.search_path = SearchPath(
            self,
            self.archive_search,
            self.search_ready_signal,
            self.user_state,
            self.search_grew_signal,
        )
        self.continuity = Continuity(
            self,
            self.user_state,
            self.settings,
            self.reader.position,
            lambda: self.reader.last_position,
            lambda: self.archive_key,
        )
        self.syncing = ArchiveSync(self.jobs, self.locations, self._from_thread)
        self.new_days = NewDays()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Notifications show their text as it is (never as markup): it holds titles, paths,
        what was typed. Every notice of every screen comes here."""
        text, title = literal(message).plain, literal(title).plain
        super().notify(text, title=title, severity=severity, timeout=timeout, markup=False)

    def on_delivery_complete(self, event: DeliveryComplete) -> None:
        """Textual's own notice of a saved screenshot is markup: said here as text instead."""
        if event.name == "screenshot":
            event.prevent_default()
            where = f" to {event.path}" if event.path is not None else ""
            self.notify(f"Saved screenshot{where}", title="Screenshot")

    def on_mount(self) -> None:
        for moved in self.user_state.moved_aside:
            self.notify(moved.message(), title="Unreadable file kept aside", timeout=20)
        for reason in self.user_state.unreadable:
            text = f"{reason}. Starting without it; changes cannot be saved until it is fixed."
            self.notify(text, title="Cannot read your data", severity="error", timeout=30)
        for problem in self.settings.problems:
            self.notify(problem, title="config.toml", severity="warning", timeout=20)
        if self.cache_problem:
            self.notify(self.cache_problem, title="No parse cache", severity="warning", timeout=10)
        if self.demo:
            self.notify(DEMO_NOTE, title="This is the demo archive", timeout=15)
        self.continuity.apply_theme()
        self.set_interval(POSITION_SAVE_SECONDS, self.save_position)
        self.set_interval(WATCH_SECONDS, self._check_archive)
        # The newest day is read before the first frame, so that the first frame shows it;
        # everything else is read in the background once that frame is up.
        self.push_screen(self.reader)
        self.call_after_refresh(self.show_archive_facts)
        self.loader.load_first()
        self.load_in_background()

    def show_archive_facts(self) -> None:
        """The list's title says "demo" while the demo archive shows; reading your synced
        digests, the paper pane says how long ago they synced."""
        synced = ""
        if self.settings.default_archive and not self.demo:
            synced = last_synced(self.locations, datetime.now(UTC))
        self.reader.show_archive_facts("demo" if self.demo else "", synced)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, ANSWERED_FIRST):
            self.loader.make_way()  # the loader waits while the reader answers the user
        await super().on_event(event)

    def _loader(self, prefer: date | None) -> ArchiveLoader:
        cache = self.cache
        return ArchiveLoader(
            self.paths, cache, prefer, lambda event: self._from_thread(LoaderReport(event, cache))
        )

    def _from_thread(self, message: Message) -> None:
        """Post from a background job; once the app has closed there is no one to tell."""
        with suppress(RuntimeError):  # the event loop is closed
            self.post_message(message)

    def load_in_background(self) -> None:
        self.jobs.start("load", self.loader.load_rest)

    def switch_archive(self, paths: list[str], temporary: bool = False) -> None:
        """Open another archive in place (after the first sync, your digests, not the demo);
        ``temporary``: the same archive again, on a cache that lives for this run only."""
        self.jobs.cancel("load", "refresh")
        old, self.paths = self.cache, paths
        if temporary:
            self.cache, self.cache_problem = ArchiveCache(paths, None), None
        else:
            self.cache, self.cache_problem = open_cache(paths, self.locations, self.settings.cache)
        self.store.use(self.cache)
        self.archive_search.cache = self.cache
        self.archive_key = archive_key(paths)
        self.loader = self._loader(None)
        self.loaded = False
        self.reader.start_over()
        self.loader.load_first()
        self.loader.first_screen.set()
        self.load_in_background()
        old.close()  # the old loader, cancelled, closes its own connection as it ends

    def save_position(self) -> None:
        self.continuity.save_position()

    def guard_shutdown(self) -> ShutdownGuard:
        """Handle SIGHUP and SIGTERM: save, then end within the deadline (see continuity)."""
        return self.continuity.guard_shutdown()

    def get_driver_class(self) -> type[Driver]:
        return browser_mode_driver() or super().get_driver_class()

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        """Every way to a browser passes here, and only a web address gets through.

        A browser takes its link as an argument (``--renderer-cmd-prefix=…`` would be an
        option) or, in the browser mode, through the page's ``window.open`` (``javascript:``
        would run in the reader's page).
        """
        if not is_web_link(url):
            refuse_link(self, url, "The link")
            return
        super().open_url(url, new_tab=new_tab)

    async def action_quit(self) -> None:
        self.save_position()  # while the panes are still there to ask
        await super().action_quit()

    def on_unmount(self) -> None:
        self.save_position()
        self.workers.cancel_all()
        self.jobs.cancel()
        self.cache.close()  # interrupts the jobs' work in it; each closes its own connection
        self.user_state.close()
        self.jobs.wait(STOP_SECONDS)

    # -- what the workers and the writer report --------------------------------------

    def on_loader_report(self, message: LoaderReport) -> None:
        if message.cache is not self.cache:
            return  # from the archive before a switch
        match message.event:
            case DaysRead() as read:
                self._days_read(read)
            case LoadFinished() as finished:
                self._load_finished(finished)
            case CacheFailed(reason):
                self.notify(
                    f"{reason}. Reading on with a temporary cache for this run.",
                    title="No parse cache",
                    severity="warning",
                    timeout=10,
                )
                self.switch_archive(self.paths, temporary=True)

    def _days_read(self, read: DaysRead) -> None:
        if read.days is None:
            self.store.reload(read.pending)
        else:
            self.store.days_changed(read.days, read.pending)
        self.store.unknown_days = read.unknown_days
        self.store.problems.extend(read.problems)
        self.reader.archive_changed(read.days, self.start_date)
        self.reader.loading_progress(read.done, read.total)
        if read.days:  # their papers went into the index with them
            self.search_grew_signal.publish(None)
        if read.days is None and self.store.is_empty():
            self.first_screen_drawn()  # nothing to show yet: no reason to wait

    def first_screen_drawn(self) -> None:
        """The reader has started: the loader may go on, and so may the collector."""
        self.loader.first_screen.set()
        release_collection(freeze=True)  # what the start made lives as long as the app

    def on_day_wanted(self, message: DayWanted) -> None:
        self.loader.want(message.day)

    def on_day_shown(self, message: DayShown) -> None:
        if message.first:
            self.call_after_refresh(self.first_screen_drawn)

    def _load_finished(self, finished: LoadFinished) -> None:
        self.loaded = True
        self.store.problems = finished.problems
        self.store.complete = True
        self.archive_search.ready = True
        self.search_ready_signal.publish(None)
        self.reader.loading_finished()
        self.fill_in_bookmarks()
        if count := self.new_days.checked(self.store.days()):
            rows = key_rows(self, self.reader)
            keys = next((row.keys for row in rows if row.binding_id == "unread.newest"), "")
            self.notify(new_days_line(count, keys), title="New days", timeout=10)
        problems = self.store.problems
        if problems and finished.first:
            errors = sum(p.severity == "error" for p in problems)
            self.notify(
                f"{len(problems):,} problems while loading ({errors:,} errors). "
                "Press ! to list them.",
                title="Some files could not be read cleanly",
                severity="error" if errors else "warning",
                timeout=8,
            )

    def on_job_failed(self, message: JobFailed) -> None:
        if message.group == "sync":
            self.reader.show_status("")
        what = {"load": "Reading the archive", "refresh": "Checking the archive", "sync": "Sync"}
        self.notify(
            f"{what.get(message.group, message.group)} stopped: {message.error}",
            title="Something went wrong",
            severity="error",
            timeout=20,
        )

    def _state_saved(self) -> None:  # called by the writer thread
        self.post_message(UserStateSaved())

    def _save_failed(self, text: str) -> None:  # called by the writer thread
        self.post_message(SaveFailed(text))

    def _save_recovered(self, text: str) -> None:  # called by the writer thread
        self.post_message(SaveRecovered(text))

    def on_user_state_saved(self, message: UserStateSaved) -> None:
        self.marks_changed_signal.publish(None)

    def on_save_failed(self, message: SaveFailed) -> None:
        self.notify(message.text, title="Not saved yet", severity="error", timeout=30)

    def on_save_recovered(self, message: SaveRecovered) -> None:
        self.notify(message.text, title="Saved", timeout=5)

    def fill_in_bookmarks(self) -> None:
        """Complete bookmarks made from a bare arXiv id once the archive holds the paper."""
        bare = [b.id for b in self.user_state.bookmarks.values() if not b.complete]
        for row in arxiv_papers(self.cache.connection(), bare) if bare else []:
            self.user_state.fill_in(row.pid, row.paper, row.day)

    # -- what the screens ask --------------------------------------------------------

    def on_copy_requested(self, message: CopyRequested) -> None:
        self.requests.copy(message.text, message.what)

    def on_open_link_requested(self, message: OpenLinkRequested) -> None:
        self.requests.open_link(message.url, message.what)

    def on_open_pdf_requested(self, message: OpenPdfRequested) -> None:
        self.requests.open_pdf(message.arxiv_id)

    def on_open_paper_requested(self, message: OpenPaperRequested) -> None:
        stepping = self.search_path.screen if self.screen is self.reader else None
        self.requests.open_paper(message.day, message.pid, message.note, stepping)

    def on_open_bookmark_requested(self, message: OpenBookmarkRequested) -> None:
        self.requests.open_bookmark(message.bookmark)

    def on_results_requested(self, message: ResultsRequested) -> None:
        self.search_path.show(at_results=True)

    def on_return_requested(self, message: ReturnRequested) -> None:
        top = self.trail.back()
        if top is not None and top is self.search_path.screen:
            self.search_path.show(at_results=True)

    def on_search_requested(self, message: SearchRequested) -> None:
        self.search_path.search_for(message.text)

    # -- syncing and watching the archive ----------------------------------------------

    def _check_archive(self) -> None:
        """The files are checked again (a cron sync or any edit shows up on its own)."""
        self.show_archive_facts()  # "synced 5 min ago" moves on
        if self.loaded and not self.jobs.busy("load", "refresh", "sync"):
            self.refresh_archive()

    def refresh_archive(self) -> None:
        """Check the archive's files again in the background; new days are announced."""
        self.new_days.checking(self.store.days())
        self.jobs.start("refresh", self.loader.refresh)

    def action_sync_archive(self) -> None:
        if not self.syncing.start():
            self.notify("A sync is already running.", timeout=3)
            return
        self.reader.show_status("Syncing…")

    def on_sync_report(self, message: SyncReport) -> None:
        self.reader.show_status(message.text)

    def on_sync_finished(self, message: SyncFinished) -> None:
        self.reader.show_status("")
        self.notify(
            "\n".join(message.lines) or "No sources to sync.",
            title="Synced" if message.ok else "Some sources could not be synced",
            severity="information" if message.ok else "error",
            timeout=8 if message.ok else 20,
        )
        paths = self._default_paths() if self.settings.default_archive else None
        if paths is not None and paths != self.paths:
            self.demo = False
            self.switch_archive(paths)  # the first sync: from the demo to your digests
        elif not self.jobs.busy("load", "refresh"):
            self.refresh_archive()
        self.show_archive_facts()

    def _default_paths(self) -> list[str]:
        """What a reader opened without PATH reads now (a sync may have made it new)."""
        config = load_config(self.locations.config_file).config  # re-read: it may have changed
        return default_paths(self.locations, config)

    # -- actions and the palette -----------------------------------------------------

    def action_search(self) -> None:
        self.search_path.show()

    def action_step_result(self, direction: int) -> None:
        self.search_path.step(direction)

    def action_show_bookmarks(self) -> None:
        from tui.screens.bookmarks import BookmarksScreen  # imported when first shown

        if not isinstance(self.screen, BookmarksScreen):
            self.push_screen(BookmarksScreen(self.services))

    def action_show_lists(self) -> None:
        from tui.screens.lists import ListsScreen  # imported when first shown

        if not isinstance(self.screen, ListsScreen):
            self.push_screen(ListsScreen(self.services))

    def action_undo(self) -> None:
        notice = self.marking.undo()
        self.notify(notice.text, timeout=notice.timeout)
        self.marks_changed_signal.publish(None)

    def action_help(self) -> None:
        self.push_screen(HelpScreen(help_sections(self, self.reader)))

    def action_help_quit(self) -> None:
        active = self.active_bindings.values()
        keys = [self.get_key_display(a.binding) for a in active if a.binding.id in QUITS]
        self.notify(f"Press {' or '.join(keys) or 'ctrl+q'} to quit.", title="Quit?")

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from palette_commands(self, self.reader, screen, super().get_system_commands(screen))
