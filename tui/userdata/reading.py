"""Reading state: which papers have been read, kept across sessions and archives."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import field
from datetime import date
from pathlib import Path

from tui.userdata.state_file import Change, StateFile, VersionedState

READING_FILE = "reading.json"


class Reading(VersionedState):
    """The reading-state file."""

    read: dict[str, date] = field(default_factory=dict)
    """Paper identities read, with the day each was read on."""


def reading_file(data_dir: Path) -> StateFile[Reading]:
    return StateFile(data_dir / READING_FILE, Reading)


def mark_read(ids: Iterable[str], when: date) -> Change[Reading]:
    ids = list(ids)

    def change(state: Reading) -> None:
        for pid in ids:
            state.read.setdefault(pid, when)

    return change


def mark_unread(ids: Iterable[str]) -> Change[Reading]:
    ids = list(ids)

    def change(state: Reading) -> None:
        for pid in ids:
            state.read.pop(pid, None)

    return change


def restore(before: Mapping[str, date | None]) -> Change[Reading]:
    """Put papers back as they were (read on a day, or unread for None): undo."""
    before = dict(before)

    def change(state: Reading) -> None:
        for pid, when in before.items():
            if when is None:
                state.read.pop(pid, None)
            else:
                state.read[pid] = when

    return change
