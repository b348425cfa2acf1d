"""One sync of a source at a time, across processes (cron and an open reader, say).

The lock is an ``flock`` on a hidden file beside the source's folder, taken without
blocking: while another sync holds it, the caller is told and polls until it is free, the
caller is cancelled, or the wait has lasted ``give_up_after`` seconds (a sync stuck
elsewhere must not pile up the cron runs behind it).
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from tui.sync.progress import SyncError

POLL_SECONDS = 0.2
_HELD: set[str] = set()  # locks held by this process (flock does not exclude threads)
_GUARD = threading.Lock()


def lock_path(root: Path, name: str) -> Path:
    return root / f".{name}.lock"


def duration(seconds: float) -> str:
    """``seconds`` as a person reads it: ``10 min``, ``0.5 s``."""
    return f"{seconds / 60:g} min" if seconds >= 60 else f"{seconds:g} s"


@contextmanager
def source_locked(
    path: Path,
    waiting: Callable[[], None],
    cancelled: Callable[[], bool],
    give_up_after: float | None = None,
) -> Iterator[int]:
    """Hold the lock at ``path``; ``waiting`` is called once if another sync has it.

    Yields the locked descriptor: programs the sync starts inherit it (see
    :func:`~tui.sync.git_command.run_git`), so that a ``git`` left running by a sync that
    was killed still holds the lock, and the next sync waits for it to finish.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    key = str(path.resolve())
    told = False
    start = time.monotonic()
    try:
        while not _try_lock(fd, key):
            if not told:
                waiting()
                told = True
            if cancelled():
                raise SyncError("cancelled while another sync of this source was running")
            if give_up_after is not None and time.monotonic() - start >= give_up_after:
                raise SyncError(
                    f"another sync of this source was still running after "
                    f"{duration(give_up_after)}; gave up waiting"
                )
            time.sleep(POLL_SECONDS)
        try:
            yield fd
        finally:
            _unlock(fd, key)
    finally:
        os.close(fd)


def _try_lock(fd: int, key: str) -> bool:
    with _GUARD:
        if key in _HELD:
            return False
        if not _lock_nowait(fd):
            return False
        _HELD.add(key)
        return True


def _unlock(fd: int, key: str) -> None:
    with _GUARD:
        _HELD.discard(key)
        _release(fd)


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock_nowait(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _release(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock_nowait(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _release(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
