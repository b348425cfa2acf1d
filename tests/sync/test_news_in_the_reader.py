"""What the reader says about its archive: "demo" while the demo shows, when the digests
last synced, and how many new days a sync or the minute's re-check brought."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.screens.helpers import list_titles, wait_loaded
from tests.sync.helpers import Upstream, fast_options
from tests.sync.test_sync_in_the_reader import configure, said, wait_for_day
from tests.waiting import wait_until
from tui.cli.launch import build_app
from tui.cli.sync_command import run_sync


async def test_demo_shows_in_the_title_until_a_sync_brings_your_digests(tmp_path: Path) -> None:
    upstream = Upstream(tmp_path)
    upstream.add_day("2025-07-14", ("Team A",))
    app = build_app([])
    assert app.demo
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await wait_until(pilot, lambda: list_titles(app).startswith("demo · "), "demo marker")
        assert app.reader.detail.border_subtitle == ""  # nothing synced yet
        configure(upstream.url)
        await pilot.press("R")
        await wait_for_day(app, date(2025, 7, 14), pilot)
        await wait_until(pilot, lambda: "demo" not in list_titles(app), "the marker gone")
        await wait_until(
            pilot, lambda: app.reader.detail.border_subtitle == "synced just now", "last sync"
        )


async def test_a_sync_with_new_days_says_so_and_u_opens_the_newest_unread_paper(
    tmp_path: Path,
) -> None:
    upstream = Upstream(tmp_path)
    upstream.add_day("2025-07-14", ("Old A", "Old B"))
    assert run_sync(["--git", upstream.url, "--name", "team"], fast_options()) == 0
    app = build_app([])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        assert app.reader.detail.border_subtitle == "synced just now"
        upstream.add_day("2025-07-15", ("New A", "New B"))
        upstream.add_day("2025-07-16", ("Newest A", "Newest B"))
        await pilot.press("left_square_bracket")  # somewhere else than the newest day
        await pilot.press("R")
        await wait_until(
            pilot,
            lambda: "New days: 2 new days: U opens the newest unread paper" in said(app),
            "the news",
        )
        assert app.reader.day == date(2025, 7, 14)  # nothing moves by itself
        await pilot.press("U")
        assert app.reader.day == date(2025, 7, 16)
        assert app.reader.current is not None
        assert app.reader.current.paper.title == "Newest A"
        assert app.reader.detail.has_focus  # opened: it counts as read
        await pilot.press("U")  # the next unread one now
        assert app.reader.current.paper.title == "Newest B"
