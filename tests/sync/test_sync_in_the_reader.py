"""``R`` in the open reader: sources synced in a worker, new days shown without a restart."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.pilot import Pilot

from tests.screens.helpers import wait_loaded
from tests.sync.helpers import Upstream
from tests.waiting import wait_until
from tui.app import PaperdeckApp
from tui.cli.launch import build_app
from tui.settings.locations import Locations
from tui.terminal.textual_compat import notifications


def configure(url: str) -> None:
    config = Locations.resolve().config_file
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(f'[[source]]\nkind = "git"\nurl = "{url}"\nname = "team"\n')


def said(app: PaperdeckApp) -> list[str]:
    """Every notification the app holds, as ``title: message``."""
    return [f"{n.title}: {n.message}" for n in notifications(app)]


async def wait_for_day(app: PaperdeckApp, day: date, pilot: Pilot[None]) -> None:
    await wait_until(pilot, lambda: day in app.store.days(), f"{day} in the archive")


async def test_r_syncs_and_the_new_day_appears_keeping_the_reader_where_it_was(
    tmp_path: Path,
) -> None:
    upstream = Upstream(tmp_path)
    upstream.add_day("2025-07-14", ("Old A", "Old B"))
    upstream.add_day("2025-07-15", ("Mid A", "Mid B"))
    configure(upstream.url)
    app = build_app([])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("R")  # the first sync: from an empty archive to the team's digests
        await wait_for_day(app, date(2025, 7, 15), pilot)
        await wait_loaded(pilot)
        await wait_until(pilot, lambda: app.reader.day == date(2025, 7, 15), "the newest day")
        await pilot.press("left_square_bracket", "j")  # 07-14, its second paper
        assert app.reader.day == date(2025, 7, 14)
        chosen = app.reader.paper_list.current_id
        upstream.add_day("2025-07-16", ("New A", "New B"))
        await pilot.press("R")
        await wait_for_day(app, date(2025, 7, 16), pilot)
        status = app.reader.query_one("#status-line")
        await wait_until(pilot, lambda: not status.display, "the end of the sync")
        assert app.reader.day == date(2025, 7, 14)  # the reader stayed where it was
        assert app.reader.paper_list.current_id == chosen
        assert app.reader.sidebar.row_count() >= 4  # the month header and three days
        assert not app.reader.query_one("#status-line").display  # the sync is over


async def test_a_change_made_by_another_process_is_noticed(tmp_path: Path) -> None:
    from tests.screens.helpers import write_digest

    archive = tmp_path / "archive"
    write_digest(archive / "2025-07-14.md", "2025-07-14", [("Old", 1)])
    app = build_app([str(archive)])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        write_digest(archive / "2025-07-15.md", "2025-07-15", [("Added by cron", 1)])
        app._check_archive()  # what the minute timer runs
        await wait_for_day(app, date(2025, 7, 15), pilot)
        assert app.reader.day == date(2025, 7, 14)  # the reader does not jump
        news = "New days: 1 new day: U opens the newest unread paper"
        await wait_until(pilot, lambda: news in said(app), "the new day announced")
        assert app.reader.detail.border_subtitle == ""  # a PATH given: no sync to speak of
