"""Where you were is restored at the next start, also after a dropped connection (SIGHUP)."""

from __future__ import annotations

import fcntl
import json
import os
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from tests.screens.helpers import wait_loaded, write_digest
from tui.archive.identity import archive_key
from tui.cli.launch import build_app
from tui.settings.locations import Locations

ROOT = Path(__file__).resolve().parents[2]


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
        await pilot.pause(0.1)
        screen = again.reader
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


def _drain(fd: int, stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            if not os.read(fd, 65536):
                return
        except OSError:
            return


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX only")
def test_sighup_saves_the_position(archive: Path) -> None:
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color"}
    child = subprocess.Popen(
        [sys.executable, "-m", "tui", str(archive)],
        cwd=ROOT, env=env, stdin=slave, stdout=slave, stderr=slave, start_new_session=True,
    )  # fmt: skip
    os.close(slave)
    stop = threading.Event()
    reader = threading.Thread(target=_drain, args=(master, stop), daemon=True)
    reader.start()
    try:
        time.sleep(3.0)  # start-up
        for key in (b"[", b"[", b"j"):
            os.write(master, key)
            time.sleep(0.4)
        child.send_signal(signal.SIGHUP)
        code = child.wait(timeout=20)
    finally:
        stop.set()
        if child.poll() is None:
            child.kill()
        os.close(master)
    session = json.loads((Locations.resolve().state / "session.json").read_text())
    position = session["positions"][archive_key([str(archive)])]
    assert position["day"] == "2025-07-15"
    assert position["paper"] == "2507.15002"  # the second paper by votes
    assert code != 0  # the process ended because of the hangup
