"""What the app hands to its screens: the archive, the user's data and how to draw marks.

Screens never import the app. They get these through their constructors, ask the app for
what only it can do with the messages in :mod:`tui.screens.requests`, and hear that marks
changed through ``marks_changed``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from textual.signal import Signal

from tui.archive.cache import CacheClosed
from tui.archive.store import ArchiveStore
from tui.settings.config import MarkRead
from tui.terminal.glyphs import Glyphs
from tui.userdata.marking import Marking
from tui.userdata.user_state import UserState


def so_far(store: ArchiveStore) -> str:
    """What to add to a count of the whole archive while its files are still being read."""
    return "" if store.complete else " · so far: the archive is still being read"


@contextmanager
def reading_in_worker(store: ArchiveStore) -> Iterator[None]:
    """A worker thread's reading of the archive: on a connection of its own, closed by it at
    the end; once the reader is closing, the work simply stops (the rest of the block is
    skipped)."""
    try:
        with store.cache.borrowed():
            yield
    except CacheClosed:
        pass


@dataclass(frozen=True)
class ReaderServices:
    """Shared by every screen of one app."""

    store: ArchiveStore
    """Every day loaded so far."""
    user_state: UserState
    """Bookmarks, read marks and the reading position."""
    marking: Marking
    """Changes to bookmarks and read marks, with undo."""
    glyphs: Glyphs
    """The markers to draw (Unicode or ASCII)."""
    marks_changed: Signal[None]
    """Published when bookmarks or read marks changed (here, by an undo, or elsewhere)."""
    mark_read: MarkRead = "shown"
    """When a paper counts as read: "open", "shown" or "manual" (config.toml)."""
    external_programs: bool = False
    """config.toml lets ``$EDITOR``/``$BROWSER`` run over SSH and in the browser mode too."""
