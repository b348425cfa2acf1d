"""Child process of the start-up benchmark: start an app headless, exit at its first screen.

    python -m tests.benchmarks.first_screen FD paperdeck ARCHIVE
    python -m tests.benchmarks.first_screen FD bare

``paperdeck`` writes a line to file descriptor FD once the newest day's papers are on
screen; ``bare``, a plain Textual app with one label, does so once its first screen is up:
the baseline. Both exit afterwards.
"""

from __future__ import annotations

import os
import sys

READY_FD = int(sys.argv[1]) if __name__ == "__main__" else -1


def ready() -> None:
    os.write(READY_FD, b"ready\n")


def run_paperdeck(archive: str) -> None:
    from tui.app import PaperdeckApp
    from tui.screens.reader import DayShown

    class FirstScreenApp(PaperdeckApp):
        def on_day_shown(self, message: DayShown) -> None:
            super().on_day_shown(message)
            if message.first:
                self.call_after_refresh(ready)
                self.call_after_refresh(self.exit)

    FirstScreenApp([archive]).run(headless=True, size=(120, 40))


def run_bare() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Label

    class BareApp(App[None]):
        def compose(self) -> ComposeResult:
            yield Label("Hello")

        def on_ready(self) -> None:
            self.call_after_refresh(ready)
            self.call_after_refresh(self.exit)

    BareApp().run(headless=True, size=(120, 40))


if __name__ == "__main__":
    if sys.argv[2] == "bare":
        run_bare()
    else:
        run_paperdeck(sys.argv[3])
