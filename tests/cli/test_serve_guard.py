"""Who may drive ``paperdeck serve``, tried with a real websocket client against the real server.

Without the token, with a wrong one or from another site's page there is no reader: no
screen comes back and no key gets in. At most ``--max-sessions`` readers run at once, and
none outlives the server.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import suppress
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp
import pytest
import textual_serve

from tests.cli.served import (
    Served,
    Tab,
    close_all,
    eventually,
    is_reader,
    processes_naming,
    readers_below,
    serving,
    socket_url,
)
from tests.screens.helpers import write_digest
from tests.tmux import wait_until
from tui.cli.serve_command import max_sessions
from tui.cli.serve_guard import PAGE_TEMPLATE, Guard, origin_of, own_fonts

pytestmark = pytest.mark.system


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    write_digest(folder / "2025-07-17.md", "2025-07-17", [("Day 17 first", 9)])
    return folder


@pytest.fixture
def served(archive: Path, tmp_path: Path) -> Iterator[Served]:
    with serving(archive, tmp_path / "serve.log") as running:
        yield running


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    jar = aiohttp.CookieJar(unsafe=True)  # keeps cookies of an address such as 127.0.0.1
    async with aiohttp.ClientSession(cookie_jar=jar) as session:
        yield session


def bookmarks() -> Path:
    return Path(os.environ["PAPERDECK_DATA_DIR"]) / "bookmarks.json"


async def page_status(http: aiohttp.ClientSession, url: str, wanted: int) -> int:
    """The page's status once it is ``wanted`` (or the last one seen, after 30 s)."""
    deadline = time.monotonic() + 30
    while True:
        async with http.get(url) as answer:
            if answer.status == wanted or time.monotonic() > deadline:
                return answer.status
        await asyncio.sleep(0.1)


async def refused(http: aiohttp.ClientSession, url: str, **options: str) -> int:
    """The HTTP status with which the websocket handshake to ``url`` is refused."""
    with pytest.raises(aiohttp.WSServerHandshakeError) as failure:
        await http.ws_connect(url, **options)  # type: ignore[arg-type]
    return failure.value.status


async def test_no_token_a_wrong_token_or_another_site_get_no_reader(
    served: Served, http: aiohttp.ClientSession
) -> None:
    token, origin = served.token, served.origin
    for page in ("/", "/?token=", f"/?token={token[:-1]}", f"/?token={token}x"):
        async with http.get(f"{origin}{page}") as answer:
            assert answer.status == 403, page
            assert "token" in await answer.text() and "ws/" not in await answer.text()
    assert await refused(http, socket_url(served, None), origin=origin) == 403
    assert await refused(http, socket_url(served, "wrong"), origin=origin) == 403
    assert await refused(http, socket_url(served, token[:-1]), origin=origin) == 403
    for foreign in ("http://evil.example", "null", "http://127.0.0.1:1", "https://127.0.0.1"):
        assert await refused(http, socket_url(served, token), origin=foreign) == 403
    assert readers_below(served.process.pid) == []  # no reader was ever started
    assert not bookmarks().exists()  # and no key reached one
    # the right token from the page's own origin: a screen, and keys that count
    async with await Tab.open(http, socket_url(served, token), origin) as tab:
        assert await tab.shows("Day 17 first")
        await tab.send_key("b")
        assert await eventually(bookmarks().exists, 20)
        assert "2507.17001" in json.loads(bookmarks().read_text())["bookmarks"]


async def test_the_page_carries_the_token_to_its_websocket_and_a_cookie(
    served: Served, http: aiohttp.ClientSession
) -> None:
    async with http.get(served.announced_url()) as answer:
        page = await answer.text()
        assert answer.status == 200
        assert answer.headers["Referrer-Policy"] == "no-referrer"
    websocket = f"ws://127.0.0.1:{served.port}/ws/{served.token}"
    assert f'data-session-websocket-url="{websocket}"' in page
    async with http.get(f"{served.origin}/") as again:  # the cookie remembers the token
        assert again.status == 200
    assert "warning" not in served.output()


async def test_the_page_needs_nothing_from_another_host(
    served: Served, http: aiohttp.ClientSession
) -> None:
    async with http.get(served.announced_url()) as answer:
        page = await answer.text()
    addresses = re.findall(r"(?:https?|wss?)://[^\s\"')]+", page)
    assert addresses  # the script, the stylesheet, the font, the websocket
    hosts = {urlsplit(address).netloc for address in addresses if "w3.org" not in address}
    assert hosts == {f"127.0.0.1:{served.port}"}  # (an SVG's xmlns names no place to go)
    font = re.search(r'url\("([^"]+RobotoMono-VariableFont_wght\.ttf)"\)', page)
    assert font is not None, "the font comes from the server"
    async with http.get(font.group(1)) as answer:
        assert answer.status == 200 and len(await answer.read()) > 10_000


def test_textual_serves_page_still_has_the_font_link_replaced() -> None:
    template = Path(textual_serve.__file__).parent / "templates" / PAGE_TEMPLATE
    page = own_fonts(template.read_text(encoding="utf-8"), "/static/")
    assert "fonts.googleapis.com" not in page and "/static/fonts/RobotoMono" in page


async def test_readers_over_the_cap_are_refused_with_a_message(
    served: Served, http: aiohttp.ClientSession
) -> None:
    url, origin = socket_url(served, served.token), served.origin
    tabs = [await Tab.open(http, url, origin) for _ in range(4)]
    try:
        for tab in tabs:
            assert await tab.shows("Day 17 first")
        assert len(readers_below(served.process.pid)) == 4
        fifth = await http.ws_connect(url, origin=origin)
        closing = await fifth.receive(timeout=30)
        assert closing.type == aiohttp.WSMsgType.CLOSE and closing.data == 1013
        assert "4 readers are open" in closing.extra and "--max-sessions" in closing.extra
        async with http.get(served.announced_url()) as page:
            assert page.status == 503 and "4 readers are open" in await page.text()
        assert len(readers_below(served.process.pid)) == 4
        await tabs.pop().close()  # one tab closes: a reader may start again
        assert await page_status(http, served.announced_url(), 200) == 200
        tabs.append(await Tab.open(http, url, origin))
        assert await tabs[-1].shows("Day 17 first")
        assert await eventually(lambda: len(readers_below(served.process.pid)) == 4, 20)
    finally:
        await close_all(tabs)


async def test_max_sessions_comes_from_the_option_or_config(
    archive: Path, tmp_path: Path, http: aiohttp.ClientSession
) -> None:
    config = Path(os.environ["PAPERDECK_CONFIG_DIR"]) / "config.toml"
    config.write_text("max_sessions = 1\n")
    for options, cap in (((), 1), (("--max-sessions", "2"), 2)):
        with serving(archive, tmp_path / "serve.log", *options) as served:
            url, origin = socket_url(served, served.token), served.origin
            tabs = [await Tab.open(http, url, origin) for _ in range(cap)]
            try:
                for tab in tabs:
                    assert await tab.shows("Day 17 first")
                over = await http.ws_connect(url, origin=origin)
                closing = await over.receive(timeout=30)
                assert closing.data == 1013 and f"{cap} readers are open" in closing.extra
            finally:
                await close_all(tabs)


async def test_no_token_serves_without_one_and_warns(
    archive: Path, tmp_path: Path, http: aiohttp.ClientSession
) -> None:
    with serving(archive, tmp_path / "serve.log", "--no-token") as served:
        assert wait_until(lambda: "--no-token" in served.output(), 20)
        assert "warning" in served.output() and "reverse proxy" in served.output()
        async with http.get(f"{served.origin}/") as answer:
            assert answer.status == 200
        foreign = "http://evil.example"
        assert await refused(http, socket_url(served, None), origin=foreign) == 403
        async with await Tab.open(http, socket_url(served, None), served.origin) as tab:
            assert await tab.shows("Day 17 first")


async def test_readers_end_when_serve_is_killed(
    archive: Path, served: Served, http: aiohttp.ClientSession
) -> None:
    """SIGKILL gives serve no chance to stop its readers: each must see its input end."""
    url, origin = socket_url(served, served.token), served.origin
    tabs = [await Tab.open(http, url, origin) for _ in range(2)]
    readers: list[int] = []
    try:
        for tab in tabs:
            assert await tab.shows("Day 17 first")
        readers = readers_below(served.process.pid)
        assert len(readers) == 2
        served.process.kill()
        served.process.wait(10)
        assert wait_until(lambda: not any(is_reader(pid) for pid in readers), 30), readers
        assert processes_naming(str(archive)) == []  # nothing left behind, shell or reader
    finally:
        await close_all(tabs)
        for pid in readers:  # a reader the bug left running does not outlive the test
            with suppress(ProcessLookupError):
                if is_reader(pid):
                    os.kill(pid, signal.SIGKILL)


def test_allowed_origins_are_the_servers_own_and_the_public_urls() -> None:
    local = Guard.for_server("t", "127.0.0.1", 8000, loopback=True)
    assert local.origins == {
        "http://127.0.0.1:8000", "http://localhost:8000", "http://[::1]:8000",
    }  # fmt: skip
    public = Guard.for_server(
        "t", "127.0.0.1", 8000, loopback=True, public_url="https://Papers.Example.org:443/x"
    )
    wide = Guard.for_server("t", "10.0.0.5", 8000, loopback=False)
    assert wide.origins == {"http://10.0.0.5:8000"}
    assert Guard.for_server("t", "fd00::5", 80, loopback=False).origins == {"http://[fd00::5]"}
    assert "https://papers.example.org" in public.origins
    assert public.origin_ok("https://papers.example.org") and not public.origin_ok("https://x.org")
    assert origin_of("http://example.org:80/") == "http://example.org"
    assert origin_of("http://[::1]:8000/") == "http://[::1]:8000"
    assert local.token_ok("t") and not local.token_ok("T") and not local.token_ok(None)
    assert not local.token_ok("é")  # any text is compared, none raises


def test_a_bad_max_sessions_in_config_is_named_and_the_default_applies(
    capfd: pytest.CaptureFixture[str],
) -> None:
    config = Path(os.environ["PAPERDECK_CONFIG_DIR"]) / "config.toml"
    for text in ("max_sessions = 0\n", 'max_sessions = "2"\n'):
        config.write_text(text)
        assert max_sessions(None) == 4
        warning = capfd.readouterr().err
        assert warning.startswith("paperdeck: warning: ") and "max_sessions" in warning
    assert max_sessions(3) == 3
