"""Where the reader was: day, paper, scroll position, order and period per archive, and the theme.

Kept in the platform's state directory and restored at the next start.
"""

from __future__ import annotations

from dataclasses import field
from datetime import date as Date
from pathlib import Path

from tui.fileio.records import Record
from tui.userdata.state_file import Change, StateFile, UtcDateTime, VersionedState, now_utc

SESSION_FILE = "session.json"
MAX_ARCHIVES = 20


class Position(Record):
    """The reading position in one archive."""

    day: Date | None = None
    """The day shown (None for the undated digest)."""
    paper: str | None = None
    """The identity of the paper shown."""
    scroll: int = 0
    """How far the detail pane was scrolled, in lines."""
    order: str = "votes"
    """The paper list's order: votes, title or file."""
    period: str = "day"
    """What the sidebar lists: days, weeks or months (``day`` is the paper's own day)."""
    unread_only: bool = False
    """Read papers are hidden from the list (``H``)."""
    saved_at: UtcDateTime = field(default_factory=now_utc)
    """When this position was saved (the oldest archives are forgotten first)."""


class Session(VersionedState):
    """The session file."""

    theme: str | None = None
    """The theme last chosen in the app."""
    positions: dict[str, Position] = field(default_factory=dict)
    """Reading positions by archive (a hash of the archive's paths)."""


def session_file(state_dir: Path) -> StateFile[Session]:
    return StateFile(state_dir / SESSION_FILE, Session)


def remember_position(key: str, position: Position) -> Change[Session]:
    def change(state: Session) -> None:
        state.positions[key] = position
        if len(state.positions) > MAX_ARCHIVES:
            oldest = sorted(state.positions, key=lambda k: state.positions[k].saved_at)
            for stale in oldest[: len(state.positions) - MAX_ARCHIVES]:
                del state.positions[stale]

    return change


def remember_theme(theme: str) -> Change[Session]:
    def change(state: Session) -> None:
        state.theme = theme

    return change
