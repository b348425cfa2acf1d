"""``paperdeck serve`` in a real browser: headless Chromium reads, changes day, bookmarks.

The server is the real command (textual-serve on 127.0.0.1 at a free port); the page is
read from its xterm.js terminal; keys reach it as keyboard events.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import pytest

from tests.cli.browser import Chromium
from tests.screens.helpers import write_digest
from tests.ssh.server import free_port
from tests.system import describe, require_program
from tests.tmux import wait_until

pytestmark = pytest.mark.system


def children(pid: int) -> list[int]:
    """Every process below ``pid``."""
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            try:
                kids = [int(k) for k in (task / "children").read_text().split()]
            except OSError:
                continue
            found += kids
            todo += kids
    return found


def readers_below(pid: int) -> list[int]:
    """The paperdeck readers the server started (one per open browser tab)."""
    readers = []
    for child in children(pid):
        try:
            command = Path(f"/proc/{child}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if command[:3] == [sys.executable.encode(), b"-m", b"tui"]:
            readers.append(child)
    return readers


def wait_for_port(port: int, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and server.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"paperdeck serve did not listen: {log.read_text(errors='replace')[-2000:]}")


async def test_the_reader_in_a_browser_changes_day_and_bookmarks(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    chromium = require_program("chromium", "chromium", "/usr/bin/chromium")
    archive = tmp_path / "archive"
    for day in ("2025-07-16", "2025-07-17"):
        write_digest(archive / f"{day}.md", day, [(f"Day {day[-2:]} first", 9)])
    port, log = free_port(), tmp_path / "serve.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "tui", "serve", str(archive), "--port", str(port)],
            stdin=subprocess.DEVNULL, stdout=output, stderr=output, start_new_session=True,
        )  # fmt: skip
    try:
        wait_for_port(port, server, log)
        async with aiohttp.ClientSession() as http, http.get(f"http://127.0.0.1:{port}/") as answer:
            page = await answer.text()
        assert "paperdeck" in page
        assert sys.executable not in page and str(archive) not in page  # no command line
        async with Chromium(chromium, tmp_path / "profile") as browser:
            await browser.open(f"http://127.0.0.1:{port}/")
            assert await browser.wait_for("2 days", 60), await browser.screen()
            assert "2025-07-17 ·" in await browser.screen()
            assert len(readers_below(server.pid)) == 1
            await browser.press("[")
            assert await browser.wait_for("2025-07-16 ·"), await browser.screen()
            await browser.press("b")
            assert await browser.wait_for("Bookmarked: Day 16 first"), await browser.screen()
            bookmarks = Path(os.environ["PAPERDECK_DATA_DIR"]) / "bookmarks.json"
            assert "2507.16001" in json.loads(bookmarks.read_text())["bookmarks"]
        # the tab is gone with the browser: its reader ends too
        assert wait_until(lambda: not readers_below(server.pid), 10), readers_below(server.pid)
        assert "warning" not in log.read_text(errors="replace")  # 127.0.0.1 by default
    finally:
        server.terminate()
        server.wait(10)
    describe(request, f"{chromium} on paperdeck serve at 127.0.0.1:{port}")
