"""Where the next unread paper is: down this day's list, then day after day.

The reading order is the reader's: the newest day first, each day's papers top to bottom
in the order shown, then the next older day (the undated digest last). Going on walks it
forwards, going back walks it backwards. Days are looked at one by one through the store,
first by their identities alone (a day with nothing unread costs one small query and is
not kept in memory), and only a day with unread papers is read in order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from tui.archive.order import PaperOrder
from tui.archive.store import ArchiveStore


@dataclass(frozen=True)
class Place:
    """A paper of a day."""

    day: date | None
    pid: str


def unread_places(
    store: ArchiveStore,
    day: date | None,
    shown: list[str],
    cursor: int,
    order: PaperOrder,
    unread: Callable[[str], bool],
    forward: bool = True,
) -> Iterator[Place]:
    """Unread papers after (or before) row ``cursor`` of ``shown``, ``day``'s list, in order.

    Days whose files are still being read are passed over.
    """
    here = shown[cursor + 1 :] if forward else list(reversed(shown[:cursor]))
    yield from (Place(day, pid) for pid in here if unread(pid))
    step = store.older_day if forward else store.newer_day
    current = day
    while (move := step(current)).exists:
        current = move.day
        if store.is_loading(current) or not any(map(unread, store.pids(current))):
            continue
        ids = [entry.pid for entry in store.entries(current, order)]
        yield from (
            Place(current, pid) for pid in (ids if forward else reversed(ids)) if unread(pid)
        )
