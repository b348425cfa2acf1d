"""Writing user files atomically, without ever following a link someone else planted.

:func:`write_atomic` writes to a temp file created exclusively (``mkstemp``: ``O_EXCL``, a
random name, so a link planted under a predictable name is never opened) in the target's
directory, flushes and fsyncs it, renames it over the target (``os.replace``) and fsyncs the
directory (best effort). Any failure, an interrupt included, removes the temp file: a
crash or ``kill -9`` leaves the old file or the new one, never half of one.

A target that is a symbolic link is written through on purpose: the file it points to is
replaced atomically and the link stays (a bookmarks file linked into a synced folder keeps
syncing). As the kernel's ``protected_symlinks`` does, a link in a shared sticky directory
(``/tmp``) made by another user is not followed; and a FIFO or device is never overwritten.
"""

from __future__ import annotations

import glob
import os
import re
import stat
import tempfile
import time
from contextlib import suppress
from pathlib import Path

from parsers.regular_files import file_kind

TEMP_SUFFIX = ".tmp"
STALE_TEMP_SECONDS = 3600


class WriteRefused(Exception):
    """A write paperdeck will not do; the message says what and why."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        super().__init__(f"{os.fspath(path)}: {reason}")
        self.path = os.fspath(path)
        self.reason = reason


def write_atomic(path: Path, data: bytes, *, private: bool = True) -> Path:
    """Replace the contents of ``path`` with ``data`` atomically; returns the file written.

    A new file is readable by the user alone when ``private`` (user data), else as the
    umask allows (exports); an existing file keeps its permissions. Raises
    :class:`WriteRefused` (a planted link, not a regular file) or ``OSError``.
    """
    target = write_target(path)
    mode = _mode_for(target, private)
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise
    fsync_directory(target.parent)
    return target


def write_target(path: Path) -> Path:
    """The file a write to ``path`` replaces: ``path``, or the end of its chain of links."""
    if not os.path.islink(path):
        return path
    _refuse_planted_link(path)
    target = Path(os.path.realpath(path))
    if os.path.islink(target):
        raise WriteRefused(path, "a symbolic link that loops; not followed")
    return target


def _refuse_planted_link(link: Path) -> None:
    """Refuse a link another user made in a sticky, world-writable directory (``/tmp``)."""
    if not hasattr(os, "getuid"):
        return
    owner = os.lstat(link).st_uid
    directory = os.stat(link.parent)
    shared = directory.st_mode & stat.S_ISVTX and directory.st_mode & stat.S_IWOTH
    if shared and owner not in (os.getuid(), directory.st_uid):
        raise WriteRefused(
            link, "a symbolic link another user made in a shared directory; not followed"
        )


def _mode_for(target: Path, private: bool) -> int:
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return 0o600 if private else 0o666 & ~_umask()
    if not stat.S_ISREG(info.st_mode):
        raise WriteRefused(target, f"not a regular file ({file_kind(info.st_mode)}); not replaced")
    return stat.S_IMODE(info.st_mode)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def fsync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); not possible everywhere, so best effort."""
    with suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def remove_stale_temps(path: Path, older_than: float = STALE_TEMP_SECONDS) -> None:
    """Remove temp files of ``path`` left by a writer killed mid-write (ours alone)."""
    target = write_target(path)
    name = re.escape(target.name)
    _remove_temps(target.parent, f".{glob.escape(target.name)}.*{TEMP_SUFFIX}", name, older_than)


def remove_stale_temps_in(directory: Path, older_than: float = STALE_TEMP_SECONDS) -> None:
    """Remove the temp files of every file of ``directory`` left by a killed writer."""
    _remove_temps(directory, f".*{TEMP_SUFFIX}", r"[^/]+", older_than)


def _remove_temps(directory: Path, pattern: str, name: str, older_than: float) -> None:
    ours = re.compile(rf"\.{name}\.[a-z0-9_]{{8}}{re.escape(TEMP_SUFFIX)}")
    now = time.time()
    for temp in directory.glob(pattern):
        if not ours.fullmatch(temp.name):
            continue
        with suppress(OSError):
            info = os.lstat(temp)
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > older_than:
                temp.unlink()
