"""Planning a load so that the newest day shows first and the rest follows.

No Textual here: the app's loader worker runs the plan and posts what it parses.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from parsers import FileResult, Problem, SourceFile, discover, parse_file
from parsers.loader import paused_gc

FIRST_BATCH_BYTES = 2 * 1024 * 1024
BATCH_FILES = 64


@dataclass
class LoadPlan:
    """Files to read before the first screen, and the rest in the background."""

    first: list[SourceFile] = field(default_factory=list)
    rest: list[SourceFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.first) + len(self.rest)


def _size(source: SourceFile) -> int:
    try:
        return os.path.getsize(source.path)
    except OSError:
        return 0


def plan_load(paths: list[str], prefer: date | None = None) -> LoadPlan:
    """Split the files under ``paths``: the newest day's first, newest to oldest after.

    With ``prefer`` (a day to reopen), that day's files join the first batch too.

    A file whose path names no date (a README, a dump) may hold any day, so such files
    join the first batch while they are small; the rest wait for the background.
    """
    sources, problems = discover(paths)
    dated = sorted(
        (s for s in sources if s.path_date), key=lambda s: s.path_date or date.min, reverse=True
    )
    undated = [s for s in sources if s.path_date is None]
    first: list[SourceFile] = []
    rest: list[SourceFile] = []
    if dated:
        wanted = {dated[0].path_date, prefer}
        first = [s for s in dated if s.path_date in wanted]
        rest = [s for s in dated if s.path_date not in wanted]
    budget = FIRST_BATCH_BYTES
    for source in undated:
        size = _size(source)
        if not first or size <= budget:
            first.append(source)
            budget -= size
        else:
            rest.append(source)
    return LoadPlan(first, rest, problems)


def parse_batches(sources: list[SourceFile], size: int = BATCH_FILES) -> Iterator[list[FileResult]]:
    """Parse ``sources`` in order, ``size`` files at a time."""
    for start in range(0, len(sources), size):
        with paused_gc(freeze=True):
            batch = [parse_file(source) for source in sources[start : start + size]]
        yield batch
