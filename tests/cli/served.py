"""``paperdeck serve`` as a real process on a free port of 127.0.0.1, and the readers it runs."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest

from tests.ssh.server import free_port

ANNOUNCED = re.compile(r"http://127\.0\.0\.1:\d+/\?token=[A-Za-z0-9_-]+")
CONTROL = re.compile(rb"\x1b(?:\[[0-9;?<>=$ ]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")


def _parent_of(stat: Path) -> int | None:
    """The parent pid in a ``/proc/PID/stat`` file (after the command's closing bracket)."""
    try:
        return int(stat.read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None  # the process ended while the table was read


def children(pid: int) -> list[int]:
    """Every process below ``pid``, from each process's parent in ``/proc/*/stat``.

    (``/proc/PID/task/TID/children`` lists only what that one thread forked, and the
    kernel calls it unreliable while processes come and go.)"""
    below: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        parent = _parent_of(stat)
        if parent is not None:
            below.setdefault(parent, []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        kids = below.get(todo.pop(), [])
        found += kids
        todo += kids
    return found


def is_reader(pid: int) -> bool:
    """True for a paperdeck reader that serve started (``python -m tui --no-animation …``)."""
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return command[:3] == [sys.executable.encode(), b"-m", b"tui"] and b"serve" not in command


def readers_below(pid: int) -> list[int]:
    """The paperdeck readers the server started (one per open browser tab)."""
    return [child for child in children(pid) if is_reader(child)]


def processes_naming(text: str) -> list[str]:
    """``ps`` lines of every process whose command line holds ``text``."""
    listing = subprocess.run(["ps", "-eo", "pid,stat,args"], capture_output=True, text=True)
    return [line for line in listing.stdout.splitlines()[1:] if text in line]


@dataclass
class Served:
    """A running ``paperdeck serve``: its process, port and output."""

    process: subprocess.Popen[bytes]
    port: int
    log: Path

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def announced_url(self) -> str:
        """The address serve printed for the user: the page, with its token."""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and self.process.poll() is None:
            if match := ANNOUNCED.search(self.output()):
                return match.group(0)
            time.sleep(0.05)
        pytest.fail(f"paperdeck serve announced no address: {self.output()[-2000:]}")

    @property
    def token(self) -> str:
        return self.announced_url().split("?token=", 1)[1]

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def _wait_for_port(served: Served) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and served.process.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", served.port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"paperdeck serve did not listen: {served.output()[-2000:]}")


@contextmanager
def serving(archive: Path, log: Path, *options: str) -> Iterator[Served]:
    """``paperdeck serve ARCHIVE`` with ``options``, listening; stopped (and waited) after."""
    port = free_port()
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "tui", "serve", str(archive), "--port", str(port), *options],
            stdin=subprocess.DEVNULL, stdout=output, stderr=output, start_new_session=True,
        )  # fmt: skip
    served = Served(process, port, log)
    try:
        _wait_for_port(served)
        yield served
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                with suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait(10)


def socket_url(served: Served, token: str | None) -> str:
    path = "/ws" if token is None else f"/ws/{token}"
    return f"ws://127.0.0.1:{served.port}{path}?width=100&height=30"


class Tab:
    """A browser tab on serve's websocket: it reads all the while, as a browser does.

    The server pings each websocket every 15 s and drops one that does not answer; aiohttp's
    client answers a ping only while something reads the socket. A tab left unread while
    the test waits on another (a slow start on a busy machine) would lose its reader."""

    def __init__(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        self.socket = socket
        self.seen = b""
        self._reading = asyncio.create_task(self._read())

    @classmethod
    async def open(cls, http: aiohttp.ClientSession, url: str, origin: str) -> Tab:
        return cls(await http.ws_connect(url, origin=origin))

    async def _read(self) -> None:
        async for message in self.socket:  # stops when the socket closes
            if message.type == aiohttp.WSMsgType.BINARY:
                self.seen += message.data

    async def shows(self, text: str, timeout: float = 60) -> bool:
        """True once the reader has drawn ``text`` (escape sequences left out)."""
        deadline = time.monotonic() + timeout
        while text.encode() not in CONTROL.sub(b"", self.seen):
            if self._reading.done() or time.monotonic() > deadline:
                return False
            await asyncio.sleep(0.05)
        return True

    async def send_key(self, key: str) -> None:
        await self.socket.send_json(["stdin", key])

    async def close(self) -> None:
        await self.socket.close()
        await self._reading

    async def __aenter__(self) -> Tab:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.close()


async def eventually(predicate: Callable[[], bool], timeout: float) -> bool:
    """Poll ``predicate`` without holding the event loop, so open tabs go on reading."""
    end = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > end:
            return False
        await asyncio.sleep(0.05)
    return True


async def close_all(tabs: list[Tab]) -> None:
    await asyncio.gather(*(tab.close() for tab in tabs))
