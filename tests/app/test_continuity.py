"""Where you were is restored at the next start, also after a dropped connection (SIGHUP)."""

from __future__ import annotations

import json
import os
import signal
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.screens.helpers import wait_loaded, write_digest
from tests.tmux import TmuxSession, process_alive, wait_until
from tests.waiting import DEADLINE
from tests.waiting import wait_until as wait_in_app
from tui.archive.identity import archive_key
from tui.cli.launch import build_app
from tui.settings.locations import Locations


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    bullets = [(f"Paper {n}", 10 - n) for n in range(6)]
    write_digest(root / "2025/07/15.md", "2025-07-15", bullets)
    write_digest(root / "2025/07/16.md", "2025-07-16", bullets)
    write_digest(root / "2025/07/17.md", "2025-07-17", bullets)
    long = root / "2025/07/14.md"
    items = "".join(f"- 긴 요약 {n}\n" for n in range(120))
    long.write_text(
        "## Daily Papers (2025-07-14)\n\n### [Long one](https://arxiv.org/abs/2507.14001)\n\n"
        f"Vote: 3\n\n{items}\n### [Other](https://arxiv.org/abs/2507.14002)\n\nVote: 9\n",
        encoding="utf-8",
    )
    return root


async def test_position_order_and_scroll_are_restored(archive: Path) -> None:
    app = build_app([str(archive)])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press(*["left_square_bracket"] * 3, "s", "j")  # 07-14, by title, "Other"
        await pilot.press("k")  # "Long one"
        await pilot.press("space", "space")
        scroll = app.reader.detail.scroll_y
        assert scroll > 0
        await pilot.press("q")
    again = build_app([str(archive)])
    async with again.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        screen = again.reader
        await wait_in_app(pilot, lambda: screen.detail.scroll_y == scroll, "the scroll restored")
        assert screen.day == date(2025, 7, 14)
        assert screen.state.order.value == "title"
        assert screen.detail.paper.title == "Long one"  # type: ignore[union-attr]
        assert screen.detail.scroll_y == scroll


async def test_a_start_date_overrides_the_restored_day(archive: Path) -> None:
    app = build_app([str(archive)])
    async with app.run_test() as pilot:
        await wait_loaded(pilot)
        await pilot.press("left_square_bracket")
    dated = build_app([str(archive)], start_date=date(2025, 7, 15))
    async with dated.run_test() as pilot:
        await wait_loaded(pilot)
        assert dated.reader.day == date(2025, 7, 15)


@pytest.mark.system
def test_sighup_saves_the_position(archive: Path, tmp_path: Path) -> None:
    session = TmuxSession(tmp_path, width=100, height=30)
    env = {name: os.environ[name] for name in os.environ if name.startswith("PAPERDECK_")}
    session.start(f"{sys.executable} -m tui {archive}", env, then_shell=True)
    try:
        assert session.wait_for("2025-07-17", DEADLINE), session.screen()  # the first screen
        pid = session.command_pid()
        session.press("[", "[")
        assert session.wait_for("2025-07-15", DEADLINE), session.screen()
        session.press("j")  # the second paper: its arXiv id shows in the detail pane
        assert session.wait_for("2507.15002", DEADLINE), session.screen()
        os.kill(pid, signal.SIGHUP)
        assert wait_until(lambda: not process_alive(pid), DEADLINE)
        assert session.wait_for("EXIT=", DEADLINE)
        exit_line = next(line for line in session.screen().splitlines() if "EXIT=" in line)
    finally:
        session.close()
    session_file = json.loads((Locations.resolve().state / "session.json").read_text())
    position = session_file["positions"][archive_key([str(archive)])]
    assert position["day"] == "2025-07-15"
    assert position["paper"] == "2507.15002"  # the second paper by votes
    assert exit_line.strip() != "EXIT=0"  # the process ended because of the hangup
