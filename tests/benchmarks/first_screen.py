"""Child process of the start-up benchmarks: start an app headless, report, exit.

    python -m tests.benchmarks.first_screen FD bare
    python -m tests.benchmarks.first_screen FD first ARCHIVE [--no-cache]
    python -m tests.benchmarks.first_screen FD loaded ARCHIVE [--no-cache]

Writes ``ready <peak RSS in KiB> <CPU seconds>`` to file descriptor FD, then exits: ``bare``
(a plain Textual app with one label: the baseline) once its first screen is up; ``first`` once the
newest day's papers are on screen; ``loaded`` once every day is navigable and the search
index is complete.
"""

from __future__ import annotations

import os
import resource
import sys

READY_FD = int(sys.argv[1]) if __name__ == "__main__" else -1


def ready() -> None:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime
    os.write(READY_FD, f"ready {usage.ru_maxrss} {cpu:.4f}\n".encode())


def run_paperdeck(archive: str, until: str, no_cache: bool) -> None:
    from tui.app import PaperdeckApp
    from tui.app.messages import LoaderReport
    from tui.archive.loading import LoadFinished
    from tui.screens.reader.screen import DayShown
    from tui.settings.reader_settings import ReaderSettings

    class BenchmarkApp(PaperdeckApp):
        # Textual runs PaperdeckApp's own handlers as well (each class's in the MRO).
        def on_day_shown(self, message: DayShown) -> None:
            if message.first and until == "first":
                self.call_after_refresh(ready)
                self.call_after_refresh(self.exit)

        def on_loader_report(self, message: LoaderReport) -> None:
            if until == "loaded" and isinstance(message.event, LoadFinished):
                self.call_after_refresh(ready)
                self.call_after_refresh(self.exit)

    settings = ReaderSettings(cache=not no_cache, restore=False)
    BenchmarkApp([archive], settings=settings).run(headless=True, size=(120, 40))


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
        run_paperdeck(sys.argv[3], sys.argv[2], "--no-cache" in sys.argv[4:])
