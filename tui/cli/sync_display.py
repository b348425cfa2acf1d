"""Showing a sync's progress: Rich bars on a terminal, plain lines anywhere else."""

from __future__ import annotations

import sys
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn
from rich.text import Text

from tui.cli.output import safe
from tui.sync import SourceResult, SyncProgress


class PlainDisplay:
    """One line per stage change or note, on ``stream`` (standard error by default)."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self._stages: dict[str, str] = {}

    def __enter__(self) -> PlainDisplay:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def _line(self, text: str) -> None:
        print(safe(text), file=self.stream, flush=True)

    def report(self, progress: SyncProgress) -> None:
        if progress.note:
            self._line(f"{progress.source}: {progress.note}")
        elif self._stages.get(progress.source) != progress.stage:
            self._stages[progress.source] = progress.stage
            self._line(f"{progress.source}: {progress.stage}")

    def finished(self, result: SourceResult) -> None:
        return None


class RichDisplay:
    """A progress bar per source, with notes printed above the bars."""

    def __init__(self) -> None:
        self.console = Console(stderr=True)
        self.progress = Progress(
            TextColumn("{task.fields[source]}", style="bold"),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[unit]}"),
            console=self.console,
            transient=False,
        )
        self._tasks: dict[str, TaskID] = {}

    def __enter__(self) -> RichDisplay:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def _task(self, source: str) -> TaskID:
        if source not in self._tasks:
            self._tasks[source] = self.progress.add_task("", total=None, source=source, unit="")
        return self._tasks[source]

    def report(self, progress: SyncProgress) -> None:
        task = self._task(progress.source)
        self.progress.update(
            task,
            description=Text(progress.stage).plain,
            completed=progress.done,
            total=progress.total,
            unit=progress.unit,
        )
        if progress.note:
            self.progress.console.print(Text(safe(f"{progress.source}: {progress.note}")))

    def finished(self, result: SourceResult) -> None:
        task = self._task(result.name)
        total = self.progress.tasks[self._tasks[result.name]].total or 1
        state = "done" if result.ok else "failed"
        self.progress.update(task, description=state, completed=total, total=total)


Display = PlainDisplay | RichDisplay


def display_for(stream: TextIO) -> Display:
    """Rich bars when ``stream`` is a terminal, plain lines otherwise."""
    return RichDisplay() if stream.isatty() else PlainDisplay(stream)
