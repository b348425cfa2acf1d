"""``paperdeck serve`` in a real browser: headless Chromium reads, changes day, bookmarks.

The server is the real command (textual-serve on 127.0.0.1 at a free port), opened at the
address it announces (with its token); the page is read from its xterm.js terminal; keys
reach it as keyboard events.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp
import pytest

from tests.cli.browser import Chromium
from tests.cli.served import readers_below, serving
from tests.screens.helpers import write_digest
from tests.system import describe, require_program
from tests.tmux import wait_until

pytestmark = pytest.mark.system


async def test_the_reader_in_a_browser_changes_day_and_bookmarks(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    chromium = require_program("chromium", "chromium", "/usr/bin/chromium")
    archive = tmp_path / "archive"
    for day in ("2025-07-16", "2025-07-17"):
        write_digest(archive / f"{day}.md", day, [(f"Day {day[-2:]} first", 9)])
    with serving(archive, tmp_path / "serve.log") as served:
        async with aiohttp.ClientSession() as http, http.get(served.announced_url()) as answer:
            page = await answer.text()
        assert "paperdeck" in page
        assert sys.executable not in page and str(archive) not in page  # no command line
        async with Chromium(chromium, tmp_path / "profile") as browser:
            await browser.open(served.announced_url())
            assert await browser.wait_for("2 days", 60), await browser.screen()
            assert "2025-07-17 ·" in await browser.screen()
            assert len(readers_below(served.process.pid)) == 1
            await browser.press("[")
            assert await browser.wait_for("2025-07-16 ·"), await browser.screen()
            await browser.press("b")
            assert await browser.wait_for("Bookmarked: Day 16 first"), await browser.screen()
            bookmarks = Path(os.environ["PAPERDECK_DATA_DIR"]) / "bookmarks.json"
            assert "2507.16001" in json.loads(bookmarks.read_text())["bookmarks"]
            # the page asked no host but the server for anything (fonts included)
            hosts = {urlsplit(url).netloc for url in browser.requested if "://" in url}
            assert hosts == {f"127.0.0.1:{served.port}"}, browser.requested
            assert any(url.endswith(".ttf") for url in browser.requested)
        # the tab is gone with the browser: its reader ends too
        assert wait_until(lambda: not readers_below(served.process.pid), 10)
        assert "warning" not in served.output()  # 127.0.0.1 by default
    describe(request, f"{chromium} on paperdeck serve at 127.0.0.1:{served.port}")


HOSTILE = "javascript:opener.document.title='pwned';document.title='pwned'"


async def test_o_on_a_hostile_link_opens_nothing_in_the_browser(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    chromium = require_program("chromium", "chromium", "/usr/bin/chromium")
    archive = tmp_path / "archive"
    (archive / "2025-07-17.md").parent.mkdir(parents=True)
    (archive / "2025-07-17.md").write_text(
        f"## Daily Papers (2025-07-17)\n\n### [Hostile link]({HOSTILE})\n\n- a summary\n"
    )
    with serving(archive, tmp_path / "serve.log") as served:
        async with Chromium(chromium, tmp_path / "profile") as browser:
            page = served.announced_url()
            await browser.open(page)
            assert await browser.wait_for("Hostile link", 60), await browser.screen()
            tabs = await browser.pages()
            await browser.press("o")
            # The page gets a window.open before the screen that tells of it: once the
            # reader has answered, whatever o opened has been opened.
            answer = await browser.wait_for_any(["This paper has no link.", "Opening the"])
            assert answer is not None, await browser.screen()
            assert await browser.pages() == tabs  # no new tab or window
            assert await browser.evaluate("window.location.href") == page  # no navigation
            assert await browser.evaluate("document.title") != "pwned"  # no script ran
            assert answer == "This paper has no link."  # the reader says why
    describe(request, f"{chromium}: o on a javascript: link")
