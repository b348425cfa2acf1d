"""Child process of the start-up benchmarks: start an app in a terminal, report, exit.

    python -m tests.benchmarks.first_screen FD bare
    python -m tests.benchmarks.first_screen FD layout
    python -m tests.benchmarks.first_screen FD first ARCHIVE [--no-cache]
    python -m tests.benchmarks.first_screen FD loaded ARCHIVE [--no-cache]

The parent gives the child a pseudo-terminal (see :func:`run_in_terminal`), so both apps
start as a user starts them: ``paperdeck ARCHIVE`` through the command line (its options,
config.toml, the terminal check) and a plain Textual app with one label (``bare``: the
baseline) with ``App.run``; ``layout`` is a plain Textual app of the reader's shape built
from Textual's own widgets (a list of days, a filter, a list of papers, a pane of text, a
status line, a footer of keys), as full of text as the reader's first screen, and nothing
of paperdeck: what Textual alone costs for such a screen. Writes ``ready <peak RSS in KiB>
<CPU seconds>`` to file descriptor FD, then exits: ``bare`` and ``layout`` once their
first screen is up; ``first`` once the newest day's papers are on screen; ``loaded`` once
every day is navigable and the search index is complete.
"""

from __future__ import annotations

import fcntl
import os
import pty
import resource
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path
from typing import ClassVar

READY_FD = int(sys.argv[1]) if __name__ == "__main__" else -1
ROOT = Path(__file__).resolve().parents[2]
SIZE = (40, 120)  # rows, columns


def ready() -> None:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime
    os.write(READY_FD, f"ready {usage.ru_maxrss} {cpu:.4f}\n".encode())


def report_when(until: str) -> None:
    """Report (and quit) at ``until``, seen in the messages the running app handles.

    The hook is Textual's own (what ``run_test(message_hook=…)`` sets); it is matched on
    the messages' names so that nothing of the reader is imported before it starts."""
    from textual._context import active_app, message_hook

    reported = False  # a message is seen again at each node it bubbles to

    def hook(message: object) -> None:
        nonlocal reported
        if reported:
            return
        name = type(message).__name__
        first_day = name == "DayShown" and getattr(message, "first", False)
        finished = (
            name == "LoaderReport"
            and type(getattr(message, "event", None)).__name__ == "LoadFinished"
        )
        if (until == "first" and first_day) or (until == "loaded" and finished):
            reported = True
            app = active_app.get()
            app.call_after_refresh(ready)
            app.call_after_refresh(app.exit)

    message_hook.set(hook)


def run_paperdeck(archive: str, until: str, no_cache: bool) -> None:
    from tui.cli import main

    report_when(until)
    sys.exit(main([archive, *(["--no-cache"] if no_cache else [])]))


def run_bare() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Label

    class BareApp(App[None]):
        def compose(self) -> ComposeResult:
            yield Label("Hello")

        def on_ready(self) -> None:
            self.call_after_refresh(ready)
            self.call_after_refresh(self.exit)

    BareApp().run()


def run_layout() -> None:
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.containers import Horizontal, Vertical, VerticalScroll
    from textual.widgets import Footer, Input, OptionList, Static

    words = "모델 scaling 학습 데이터 language model 성능 향상 reasoning benchmark".split()

    def text(seed: int, count: int) -> str:
        return " ".join(words[(seed * 7 + i * 3) % len(words)] for i in range(count))

    class LayoutApp(App[None]):
        CSS = """
        #days { width: 16; border: round $accent; }
        #papers { height: 1fr; border: round $accent; }
        #detail { height: 1fr; border: round $accent; }
        #status { height: 1; }
        """
        BINDINGS: ClassVar = [
            Binding(key, name, name)
            for key, name in [
                ("j", "down"), ("k", "up"), ("[", "previous_day"), ("]", "next_day"),
                ("b", "bookmark"), ("slash", "search"), ("o", "open"), ("question_mark", "help"),
                ("q", "quit"),
            ]
        ]  # fmt: skip

        def compose(self) -> ComposeResult:
            with Horizontal():
                yield OptionList(
                    *(f"2025-{1 + i // 28:02}-{1 + i % 28:02}" for i in range(60)), id="days"
                )
                with Vertical():
                    yield Input(placeholder="filter this day")
                    yield OptionList(
                        *(f"{90 - i:>3} ▲ {text(i, 9)}" for i in range(25)), id="papers"
                    )
                    with VerticalScroll(id="detail"):
                        for section in range(4):
                            yield Static(f"[b]Section {section}[/b]", markup=True)
                            for item in range(6):
                                yield Static("• " + text(section * 6 + item, 24))
            yield Static("2025-03-01 · 25 papers", id="status")
            yield Footer()

        def on_ready(self) -> None:
            self.query_one("#papers").focus()
            self.call_after_refresh(ready)
            self.call_after_refresh(self.exit)

    LayoutApp().run()


def run_in_terminal(env: dict[str, str], mode: str, *args: str) -> tuple[float, int, float]:
    """Start this module as a child on a 120×40 pseudo-terminal: its wall seconds until it
    reports, its peak RSS in KiB and its CPU seconds (what it drew is read and dropped)."""
    read_end, write_end = os.pipe()
    main_fd, terminal_fd = pty.openpty()
    fcntl.ioctl(terminal_fd, termios.TIOCSWINSZ, struct.pack("HHHH", *SIZE, 0, 0))
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.benchmarks.first_screen", str(write_end), mode, *args],
        pass_fds=(write_end,), stdin=terminal_fd, stdout=terminal_fd, stderr=terminal_fd,
        start_new_session=True, cwd=ROOT, env={**env, "TERM": "xterm-256color"},
    )  # fmt: skip
    os.close(write_end)
    os.close(terminal_fd)
    drain = threading.Thread(target=_drain, args=(main_fd,), daemon=True)
    drain.start()
    with os.fdopen(read_end, "rb") as pipe:
        line = pipe.readline().split()
    elapsed = time.perf_counter() - start
    child.wait(timeout=60)
    drain.join(timeout=5)
    os.close(main_fd)
    if not line or line[0] != b"ready":
        raise RuntimeError(f"the app never reported ({mode} {args})")
    return elapsed, int(line[1]), float(line[2])


def _drain(fd: int) -> None:
    """Read what the app writes to its terminal until it closes it."""
    try:
        while os.read(fd, 65536):
            pass
    except OSError:  # EIO: the child closed its end
        pass


if __name__ == "__main__":
    if sys.argv[2] == "bare":
        run_bare()
    elif sys.argv[2] == "layout":
        run_layout()
    else:
        run_paperdeck(sys.argv[3], sys.argv[2], "--no-cache" in sys.argv[4:])
