"""The sources ``paperdeck sync`` has synced: ``sources.json`` in the data directory.

A source synced once (``paperdeck sync --git URL``, a ``[[source]]`` of config.toml, the
daily papers feed) is remembered here with its address, so that a plain ``paperdeck sync``
and ``R`` in the reader sync it again; ``paperdeck sources remove NAME`` forgets it. Each
entry also keeps when it last synced and how many days and papers its folder held then.
Written like every state file: atomically, under a lock (:mod:`tui.userdata.state_file`).
"""

from __future__ import annotations

from dataclasses import field
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from tui.fileio.records import Record
from tui.userdata.state_file import StateFile, UtcDateTime, VersionedState, now_utc

SOURCES_FILE = "sources.json"


class RememberedSource(Record):
    """A source that synced at least once."""

    kind: Literal["git", "hf"]
    """``git``: a repository of Markdown digests; ``hf``: the daily papers API."""
    address: str
    """The repository URL, or the API address."""
    since: date | None = None
    """hf: the first day asked for (None: the last 30 days)."""
    last_sync: UtcDateTime | None = None
    """When it last synced without an error."""
    days: int | None = None
    """Days its folder held after that sync (None: not counted)."""
    papers: int | None = None
    """Papers in those days."""


class SyncedSources(VersionedState):
    """Every remembered source, by its name (its folder under ``sources/``)."""

    CURRENT_VERSION = 1

    sources: dict[str, RememberedSource] = field(default_factory=dict)
    forgotten: list[str] = field(default_factory=list)
    """Names ``paperdeck sources remove`` forgot whose folders stayed: not taken up again
    as folders synced before sources were remembered."""


class SourceRegistry:
    """Reads and changes ``sources.json`` of one data directory."""

    def __init__(self, data_dir: Path) -> None:
        self.file = StateFile(data_dir / SOURCES_FILE, SyncedSources)

    def read(self) -> dict[str, RememberedSource]:
        """The remembered sources, by name, in the order they were first synced."""
        return dict(self.file.read().sources)

    def state(self) -> SyncedSources:
        """Everything the file holds: the remembered sources and the names forgotten."""
        return self.file.read()

    def synced(
        self,
        name: str,
        source: RememberedSource,
        when: datetime | None = None,
    ) -> RememberedSource:
        """Remember that ``name`` synced now (or ``when``); counts left None keep the old."""
        entry = source.copy(last_sync=when or now_utc())

        def change(state: SyncedSources) -> None:
            old = state.sources.get(name)
            if old is not None:
                entry.days = old.days if entry.days is None else entry.days
                entry.papers = old.papers if entry.papers is None else entry.papers
            state.sources[name] = entry
            state.forgotten = [other for other in state.forgotten if other != name]

        self.file.apply([change])
        return entry

    def forget(self, name: str) -> RememberedSource | None:
        """Forget ``name`` (and note it as forgotten); returns what was remembered, or None
        when it was not."""
        forgotten: list[RememberedSource] = []

        def change(state: SyncedSources) -> None:
            if name in state.sources:
                forgotten.append(state.sources.pop(name))
            state.forgotten = [*(n for n in state.forgotten if n != name), name]

        self.file.apply([change])
        return forgotten[0] if forgotten else None
