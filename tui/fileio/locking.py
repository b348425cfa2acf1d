"""Locks on files, across processes: exclusive for a read-merge-write, shared while in use.

``locked(path)`` holds an exclusive lock for a ``with`` block (the state files). A
:class:`FileLock` is a lock kept open for as long as something is in use (the parse cache
holds a shared one while open, so that no other paperdeck removes it): taken shared or
exclusive, blocking, with a deadline, or not at all when held elsewhere.
:func:`exclusive_when_free` waits for an exclusive lock while saying so, and gives up when
cancelled or after a while (one sync of a source at a time).

A lock file may be removed by whoever holds it exclusively (a cache forgotten with its
lock): a lock taken on a file that is no longer at its path is dropped and taken again on
the file that is, so two holders never lock two different files of one name.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

POLL_SECONDS = 0.05

# flock locks belong to an open file: two opens of one path in one process exclude each
# other like two processes do. ``locked`` also serialises the threads of this process, so
# that a thread never waits on a lock that its own process holds for another thread.
_THREAD_LOCKS: dict[str, threading.Lock] = {}
_GUARD = threading.Lock()


def _thread_lock(path: Path) -> threading.Lock:
    with _GUARD:
        return _THREAD_LOCKS.setdefault(str(path.resolve()), threading.Lock())


class FileLock:
    """A lock on ``path``, held until :meth:`release`."""

    def __init__(self, path: Path, fd: int, exclusive: bool) -> None:
        self.path = path
        self.exclusive = exclusive
        self._fd: int | None = fd

    @classmethod
    def take(cls, path: Path, exclusive: bool, wait: float | None = None) -> FileLock | None:
        """Lock ``path`` (created if missing); None if it stayed held elsewhere ``wait``
        seconds (0: do not wait; None: wait as long as it takes)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        deadline = None if wait is None else time.monotonic() + wait
        while True:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
            try:
                got = _lock(fd, exclusive, deadline)
                if got and _still_at(fd, path):
                    return cls(path, fd, exclusive)
            except BaseException:
                os.close(fd)
                raise
            os.close(fd)  # closing drops the lock, if any
            if not got:
                return None

    @property
    def fd(self) -> int:
        """The locked descriptor (a program started with it inherited holds the lock too)."""
        if self._fd is None:
            raise RuntimeError("the lock was released")
        return self._fd

    def release(self) -> None:
        """Let go of the lock (twice is harmless)."""
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)

    def remove(self) -> None:
        """Delete the lock file, then let go: only while held exclusively."""
        if not self.exclusive:
            raise RuntimeError("a lock file is removed only by its exclusive holder")
        with suppress(FileNotFoundError):
            os.unlink(self.path)
        self.release()

    @property
    def held(self) -> bool:
        return self._fd is not None


def _still_at(fd: int, path: Path) -> bool:
    """Whether the locked file is the one at ``path`` (it was not removed meanwhile)."""
    try:
        here, there = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (created if missing) for the ``with`` block.

    Other paperdeck processes block here until the holder is done, so read-merge-write
    sequences never interleave.
    """
    with _thread_lock(path):
        lock = FileLock.take(path, exclusive=True)
        assert lock is not None  # waited as long as it takes
        try:
            yield
        finally:
            lock.release()


class LockNotTaken(Exception):
    """The lock stayed held elsewhere: the wait was ``cancelled``, or reached its limit of
    ``waited`` seconds."""

    def __init__(self, cancelled: bool, waited: float) -> None:
        super().__init__("cancelled" if cancelled else f"gave up after {waited:g} s")
        self.cancelled = cancelled
        self.waited = waited


@contextmanager
def exclusive_when_free(
    path: Path,
    waiting: Callable[[], object],
    cancelled: Callable[[], bool],
    give_up_after: float | None = None,
    poll: float = 0.2,
) -> Iterator[FileLock]:
    """Hold an exclusive lock on ``path`` for the ``with`` block, waiting while another
    process holds it: ``waiting`` is called once when it does, and the wait ends with
    :class:`LockNotTaken` once ``cancelled()`` or after ``give_up_after`` seconds."""
    start = time.monotonic()
    told = False
    while (lock := FileLock.take(path, exclusive=True, wait=0)) is None:
        if not told:
            waiting()
            told = True
        if cancelled():
            raise LockNotTaken(True, time.monotonic() - start)
        if give_up_after is not None and time.monotonic() - start >= give_up_after:
            raise LockNotTaken(False, give_up_after)
        time.sleep(poll)
    try:
        yield lock
    finally:
        lock.release()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fd: int, exclusive: bool, deadline: float | None) -> bool:
        # Windows has no shared lock here: a shared holder simply does not lock.
        if not exclusive:
            return True
        while True:
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
                return True
            except OSError:
                if deadline is not None and time.monotonic() >= deadline:
                    return False
                time.sleep(POLL_SECONDS)

else:
    import fcntl

    def _lock(fd: int, exclusive: bool, deadline: float | None) -> bool:
        mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        if deadline is None:
            fcntl.flock(fd, mode)
            return True
        while True:
            try:
                fcntl.flock(fd, mode | fcntl.LOCK_NB)
                return True
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    return False
                time.sleep(POLL_SECONDS)
