"""Loading a large archive: every key works from the first screen, cold and warm."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Label

from tests.benchmarks.archive import generate_archive
from tests.screens.helpers import wait_loaded, write_digest
from tests.waiting import DEADLINE, wait_until
from tui.app import PaperdeckApp
from tui.archive.cache import ArchiveCache
from tui.archive.loading import ArchiveLoader
from tui.screens.authors import AuthorPicker
from tui.screens.search import SearchScreen
from tui.screens.trends import TrendsScreen
from tui.settings.reader_settings import ReaderSettings
from tui.terminal.textual_compat import notifications

NEWEST = date(2025, 7, 17)
WIDE = (120, 40)


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("big")
    generate_archive(root, days=400, papers=12, newest=NEWEST)
    return root


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Files after the first screen's stay unread until the test sets the event."""
    release = threading.Event()
    read = ArchiveLoader._read

    def waiting(loader: ArchiveLoader, *args: Any, **kwargs: Any) -> None:
        release.wait(DEADLINE)
        read(loader, *args, **kwargs)

    monkeypatch.setattr(ArchiveLoader, "_read", waiting)
    yield release
    release.set()


async def _first_screen(app: PaperdeckApp, pilot: Pilot[None]) -> None:
    await wait_until(pilot, lambda: app.reader.state.shown_first, "the first screen")


@pytest.mark.parametrize("warm", [False, True])
async def test_brackets_right_after_the_first_screen_land(big: Path, warm: bool) -> None:
    if warm:
        app = PaperdeckApp([str(big)])
        async with app.run_test(size=WIDE) as pilot:
            await wait_loaded(pilot, timeout=180)
    app = PaperdeckApp([str(big)])
    async with app.run_test(size=WIDE) as pilot:
        await _first_screen(app, pilot)
        assert app.reader.day == NEWEST
        await pilot.press("left_square_bracket", "left_square_bracket")
        wanted = NEWEST - timedelta(days=2)
        assert app.reader.day == wanted
        papers = app.reader.paper_list  # its files are read next, if they were not yet
        await wait_until(pilot, lambda: bool(papers.entries), "the day's papers")
        assert len(app.reader.paper_list.entries) == 12
        assert app.reader.paper_list.border_title.startswith(f"{wanted} ·")
        assert "oldest" not in " ".join(str(n.message) for n in notifications(app))
        await wait_loaded(pilot, timeout=180)
        assert app.reader.day == wanted  # the rest of the load did not move the reader


async def test_search_typed_while_indexing_runs_when_it_can(big: Path) -> None:
    app = PaperdeckApp([str(big)])
    async with app.run_test(size=WIDE) as pilot:
        await _first_screen(app, pilot)
        await pilot.press("slash", *"scaling")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await wait_loaded(pilot, timeout=180)

        def complete() -> bool:
            shown = screen.results.search_query
            return not screen._partial and shown is not None and shown.text == "scaling"

        await wait_until(pilot, complete, "the results over the whole archive")
        status = str(screen.query_one("#search-status").render())
        assert "indexing" not in status
        assert screen.results.hits
        assert all("scaling" in hit.entry.paper.title.lower() or not hit.in_title
                   for hit in screen.results.hits)  # fmt: skip


def _notes(app: PaperdeckApp) -> str:
    return " ".join(str(n.message) for n in notifications(app))


def _said(app: PaperdeckApp) -> list[str]:
    """Every notification ``app`` shows from now on (a note may expire before it is read)."""
    said: list[str] = []
    notify = app.notify

    def recording(message: str, **options: Any) -> None:
        said.append(message)
        notify(message, **options)

    app.notify = recording  # type: ignore[method-assign]
    return said


async def test_the_newest_day_says_so_while_older_days_are_read(
    big: Path, held: threading.Event
) -> None:
    """Every file still to read names an older day: nothing newer can come."""
    app = PaperdeckApp([str(big)], settings=ReaderSettings(cache=False, restore=False))
    said = _said(app)
    async with app.run_test(size=WIDE) as pilot:
        await _first_screen(app, pilot)
        assert not app.store.unknown_days  # the files are checked, the older days unread
        assert not app.store.complete
        await pilot.press("right_square_bracket")
        assert app.reader.day == NEWEST
        await wait_until(
            pilot, lambda: any("This is the newest day." in m for m in said), "the note"
        )
        assert not any("still being read" in m for m in said)
        held.set()
        await wait_loaded(pilot, timeout=180)


async def test_a_file_naming_no_day_may_still_bring_a_newer_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, held: threading.Event
) -> None:
    """A file whose name has no date is read last (when large); until then ] waits for it."""
    monkeypatch.setattr("tui.archive.loading.FIRST_BATCH_BYTES", 1024)
    generate_archive(tmp_path, days=150, papers=12, newest=NEWEST)
    newer = NEWEST + timedelta(days=3)
    later: list[tuple[str, int | None]] = [(f"Later Paper {n}", n) for n in range(1, 21)]
    write_digest(tmp_path / "collected.md", newer.isoformat(), later)  # ~3 KB, no date in its name
    app = PaperdeckApp([str(tmp_path)], settings=ReaderSettings(cache=False, restore=False))
    said = _said(app)
    async with app.run_test(size=WIDE) as pilot:
        await _first_screen(app, pilot)
        assert app.reader.day == NEWEST
        await pilot.press("right_square_bracket")
        await wait_until(
            pilot, lambda: any("More days are still being read" in m for m in said), "the note"
        )
        held.set()
        await wait_loaded(pilot, timeout=180)
        await pilot.press("right_square_bracket")
        assert app.reader.day == newer


async def test_counts_of_the_archive_say_so_far_while_it_is_read(
    big: Path, held: threading.Event
) -> None:

    async def trends_head() -> str:
        await pilot.press("T")
        assert isinstance(app.screen, TrendsScreen)
        head = app.screen.query_one("#trends-head", Label)
        await wait_until(pilot, lambda: "papers" in str(head.render()), "the trends' counts")
        await pilot.press("escape")
        return str(head.render())

    app = PaperdeckApp([str(big)], settings=ReaderSettings(cache=False, restore=False))
    async with app.run_test(size=WIDE) as pilot:
        await _first_screen(app, pilot)
        assert "so far: the archive is still being read" in await trends_head()
        await pilot.press("A")
        assert isinstance(app.screen, AuthorPicker)
        assert "so far" in str(app.screen.query_one("#author-picker").border_subtitle)
        await pilot.press("escape")
        held.set()
        await wait_loaded(pilot, timeout=180)
        assert "so far" not in await trends_head()


class Batches:
    """Each batch of files the cache stores takes a permit, which the test hands out (the
    first screen's batch has one already); ``stored`` counts the batches stored."""

    def __init__(self) -> None:
        self.permits = threading.Semaphore(1)
        self.stored = 0

    def allow(self, count: int) -> None:
        self.permits.release(count)


@pytest.fixture
def batches(monkeypatch: pytest.MonkeyPatch) -> Iterator[Batches]:
    held = Batches()
    parse = ArchiveCache.parse

    def waiting(cache: ArchiveCache, *args: Any, **kwargs: Any) -> Any:
        held.permits.acquire(timeout=DEADLINE)
        try:
            return parse(cache, *args, **kwargs)
        finally:
            held.stored += 1

    monkeypatch.setattr(ArchiveCache, "parse", waiting)
    yield held
    held.allow(10_000)


async def test_a_search_while_the_index_fills_grows_with_it_and_says_so_far(
    big: Path, batches: Batches
) -> None:
    app = PaperdeckApp([str(big)], settings=ReaderSettings(cache=False, restore=False))
    async with app.run_test(size=WIDE) as pilot:
        await _first_screen(app, pilot)
        batches.allow(2)  # two batches of older days, then the load waits
        await wait_until(pilot, lambda: batches.stored == 3, "two batches more")
        await pilot.press("slash", *"scaling")
        screen = app.screen
        assert isinstance(screen, SearchScreen)

        def title() -> str:
            return str(screen.results.border_title)

        await wait_until(pilot, lambda: "so far" in title(), "results of part of the archive")
        first = screen.total
        assert screen._partial and first > 0 and screen.results.hits
        assert "indexing" in str(screen.query_one("#search-status").render())
        batches.allow(3)  # three more: the results grow while the load goes on
        await wait_until(pilot, lambda: screen.total > first, "more results")
        assert "so far" in title() and not app.store.complete
        batches.allow(10_000)
        await wait_loaded(pilot, timeout=180)
        await wait_until(pilot, lambda: not screen._partial, "the results of every day")
        assert "so far" not in title()
        assert screen.total > first
        status = str(screen.query_one("#search-status").render())
        assert "indexing" not in status


@pytest.mark.parametrize("size", [WIDE, (80, 24)])
async def test_the_paper_list_has_the_focus_from_the_start_and_nothing_had_it_before(
    size: tuple[int, int],
) -> None:
    """Focus moving at start restyles the panes and draws the first frame again."""
    from textual import events

    from tests.screens.helpers import DEMO

    focused: list[str] = []

    def hook(message: object) -> None:
        if isinstance(message, events.DescendantFocus):
            focused.append(type(message.widget).__name__)

    app = PaperdeckApp([DEMO])
    async with app.run_test(size=size, message_hook=hook) as pilot:
        await wait_loaded(pilot)
        assert app.reader.paper_list.has_focus
    assert focused and set(focused) == {"PaperList"}, focused
