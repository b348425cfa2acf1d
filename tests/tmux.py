"""A real terminal for tests: tmux sessions on a private server, read and driven by key."""

from __future__ import annotations

import subprocess
import time
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path

from tests.system import require_program


def require_tmux() -> str:
    """The tmux program; skips the test where it is missing (a failure under CI)."""
    return require_program("tmux", "tmux")


def process_alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie waiting to be reaped counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False
    return state not in ("Z", "X")


def wait_until(predicate: Callable[[], bool], timeout: float, step: float = 0.05) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


class TmuxSession:
    """One session on a tmux server of its own (socket under ``tmp``), so tests never meet."""

    def __init__(self, tmp: Path, width: int = 100, height: int = 30) -> None:
        self.tmux = require_tmux()
        self.socket = str(tmp / f"tmux-{uuid.uuid4().hex[:8]}")
        self.config = tmp / f"{Path(self.socket).name}.conf"
        self.config.write_text("set -g remain-on-exit on\nset -g set-clipboard on\n")
        self.name = "t"
        self.width, self.height = width, height

    def _run(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(
            [self.tmux, "-S", self.socket, *args], capture_output=True, text=True, check=False
        )
        if check and result.returncode != 0:
            raise RuntimeError(f"tmux {args[0]}: {result.stderr.strip()}")
        return result.stdout

    def start(
        self, command: str, env: Mapping[str, str] | None = None, *, then_shell: bool = False
    ) -> None:
        """Run ``command`` (a shell line) in a new session; the pane stays after it exits.

        With ``then_shell`` a shell stays in the pane after the command, printing
        ``EXIT=<code>``, so the terminal can be inspected as the command left it.
        """
        exports = " ".join(f"{k}={_quote(v)}" for k, v in (env or {}).items())
        line = f"env -u COLUMNS -u LINES {exports} TERM=xterm-256color {command}"
        line = f"{line}; echo EXIT=$?; exec sleep 3600" if then_shell else f"exec {line}"
        self._run("-f", str(self.config), "new-session", "-d", "-s", self.name,
                  "-x", str(self.width), "-y", str(self.height), line)  # fmt: skip

    def display(self, fmt: str) -> str:
        return self._run("display-message", "-p", "-t", self.name, fmt).strip()

    @property
    def pane_pid(self) -> int:
        return int(self.display("#{pane_pid}"))

    def command_pid(self) -> int:
        """The command's process: the pane's own, or its child when a shell stays after it."""
        pid = self.pane_pid
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        return int(children[0]) if children else pid

    def screen(self) -> str:
        return self._run("capture-pane", "-p", "-t", self.name)

    def wait_for(self, text: str, timeout: float = 15.0) -> bool:
        return wait_until(lambda: text in self.screen(), timeout)

    def press(self, *keys: str) -> None:
        for key in keys:
            self._run("send-keys", "-t", self.name, key)

    def buffer(self) -> str | None:
        """The newest paste buffer (what an OSC 52 copy put there), or None."""
        if not self._run("list-buffers", check=False).strip():
            return None
        return self._run("show-buffer")

    def kill_session(self) -> None:
        """Close the terminal: the program in it gets SIGHUP, as on a dropped connection."""
        self._run("kill-session", "-t", self.name, check=False)

    def close(self) -> None:
        self._run("kill-server", check=False)


def _quote(value: str) -> str:
    return "'" + value.replace("'", "'\\''") + "'"
