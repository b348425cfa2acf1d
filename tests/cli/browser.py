"""Headless Chromium (Debian's ``chromium``) driven over the Chrome DevTools protocol.

A handful of protocol calls (navigate, evaluate, key events) that have been stable for
years, over aiohttp's websocket client: no browser download, no driver to keep in step
with the system's Chromium. The page may reach 127.0.0.1 only.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from contextlib import suppress
from pathlib import Path
from typing import Any

import aiohttp

FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--disable-default-apps", "--no-first-run",
    "--no-default-browser-check", "--mute-audio", "--window-size=1200,800",
    "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",  # no internet, ever
]  # fmt: skip

# textual-serve's page keeps its xterm.js Terminal in a property named `terminal`; catch it
# as it is set, so that the test can read the screen from the terminal's own buffer.
CATCH_TERMINAL = """
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  set(value) {
    Object.defineProperty(this, "terminal", {value, writable: true, configurable: true});
    if (value && value.buffer) { window.__paperdeckTerminal = value; }
  },
});
"""
SCREEN = """(() => {
  const terminal = window.__paperdeckTerminal;
  if (!terminal) { return null; }
  const buffer = terminal.buffer.active, lines = [];
  for (let y = 0; y < terminal.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    lines.push(line ? line.translateToString(true) : "");
  }
  return lines.join("\\n");
})()"""
KEYS = {
    "[": ("BracketLeft", 219), "]": ("BracketRight", 221), "b": ("KeyB", 66), "o": ("KeyO", 79),
}  # fmt: skip


class Chromium:
    """One headless Chromium with a fresh profile under ``profile``, and its first tab."""

    def __init__(self, program: str, profile: Path) -> None:
        self.program, self.profile = program, profile
        self.process: subprocess.Popen[bytes] | None = None
        self.scratch: Path | None = None
        self.http: aiohttp.ClientSession | None = None
        self.tab: aiohttp.ClientWebSocketResponse | None = None
        self.port = 0
        self.sent = 0
        self.requested: list[str] = []
        """Every address the page asked for (documents, scripts, fonts, websockets…)."""

    async def __aenter__(self) -> Chromium:
        self.profile.mkdir(parents=True)
        # Chromium keeps its singleton socket in a folder of TMPDIR: a short one of its own
        # (a socket's path is at most 107 bytes), removed when the browser ends.
        self.scratch = Path(tempfile.mkdtemp(prefix="paperdeck-chromium-"))
        self.process = subprocess.Popen(
            [self.program, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env={**os.environ, "TMPDIR": str(self.scratch)},
            start_new_session=True,  # its helper processes end with it
        )  # fmt: skip
        self.http = aiohttp.ClientSession()
        self.port = await self._devtools_port()
        page = next(iter(await self.pages()))
        self.tab = await self.http.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0)
        return self

    async def pages(self) -> list[dict[str, Any]]:
        """The browser's tabs and windows (DevTools targets of type "page")."""
        assert self.http is not None
        async with self.http.get(f"http://127.0.0.1:{self.port}/json/list") as answer:
            targets = await answer.json()
        return [target for target in targets if target["type"] == "page"]

    async def _devtools_port(self) -> int:
        assert self.process is not None
        active = self.profile / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and self.process.poll() is None:
            if active.exists() and active.read_text().strip():
                return int(active.read_text().split()[0])
            await asyncio.sleep(0.05)
        raise RuntimeError(f"chromium did not start (exit code {self.process.poll()})")

    async def __aexit__(self, *exc_info: object) -> None:
        if self.tab is not None:
            await self.tab.close()
        if self.http is not None:
            await self.http.close()
        if self.process is not None and self.process.poll() is None:
            with suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)

    async def send(self, method: str, **params: Any) -> dict[str, Any]:
        """Call ``method`` in the tab and return its result (events on the way are dropped)."""
        assert self.tab is not None
        self.sent += 1
        await self.tab.send_str(json.dumps({"id": self.sent, "method": method, "params": params}))
        while True:
            message = json.loads(await self.tab.receive_str(timeout=30))
            self._note_request(message)
            if message.get("id") == self.sent:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return dict(message["result"])

    def _note_request(self, event: dict[str, Any]) -> None:
        if event.get("method") == "Network.requestWillBeSent":
            self.requested.append(event["params"]["request"]["url"])
        elif event.get("method") == "Network.webSocketCreated":
            self.requested.append(event["params"]["url"])

    async def open(self, url: str) -> None:
        await self.send("Network.enable")  # from now on, every request is noted
        await self.send("Page.enable")
        await self.send("Page.addScriptToEvaluateOnNewDocument", source=CATCH_TERMINAL)
        await self.send("Page.navigate", url=url)

    async def evaluate(self, expression: str) -> Any:
        answer = await self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in answer:
            raise RuntimeError(f"{expression[:60]}: {answer['exceptionDetails']}")
        return answer["result"].get("value")

    async def screen(self) -> str:
        """The text on the page's terminal, row by row ("" before it exists)."""
        return str(await self.evaluate(SCREEN) or "")

    async def wait_for(self, text: str, timeout: float = 20.0) -> bool:
        return await self.wait_for_any([text], timeout) is not None

    async def wait_for_any(self, texts: list[str], timeout: float = 20.0) -> str | None:
        """The first of ``texts`` to show on the screen, or None if none does in time."""
        deadline = time.monotonic() + timeout
        while True:
            screen = await self.screen()
            shown = next((text for text in texts if text in screen), None)
            if shown is not None or time.monotonic() > deadline:
                return shown
            await asyncio.sleep(0.1)

    async def press(self, key: str) -> None:
        """Type ``key`` into the page as the keyboard would (key down, then up)."""
        await self.evaluate("document.querySelector('.xterm-helper-textarea').focus()")
        code, number = KEYS[key]
        common = {"key": key, "code": code, "windowsVirtualKeyCode": number}
        await self.send("Input.dispatchKeyEvent", type="keyDown", text=key, **common)
        await self.send("Input.dispatchKeyEvent", type="keyUp", **common)
