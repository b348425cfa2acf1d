"""Writing a synced file so that a reader sees the old file or the new one, never half.

The bytes go to a hidden temp file in the same directory, are flushed and fsynced, and
the temp file replaces the target with ``os.replace`` (atomic on POSIX and Windows); the
directory is fsynced so that the rename survives a crash. A failure (full disk, read-only
file system) leaves the target as it was and removes the temp file.
"""

from __future__ import annotations

import os
import secrets
import time
from contextlib import suppress
from pathlib import Path

PARTIAL_SUFFIX = ".partial"
STALE_PARTIAL_SECONDS = 3600


def partial_name(target: Path) -> Path:
    """A hidden temp path beside ``target`` that no digest reader picks up."""
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}{PARTIAL_SUFFIX}")


def write_file_atomically(target: Path, data: bytes) -> None:
    """Replace ``target`` with ``data`` in one step (see the module docstring)."""
    temp = partial_name(target)
    try:
        with open(temp, "xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise
    fsync_directory(target.parent)


def fsync_directory(directory: Path) -> None:
    """Make renames in ``directory`` durable (POSIX); best effort elsewhere."""
    with suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def remove_stale_partials(directory: Path, older_than: float = STALE_PARTIAL_SECONDS) -> None:
    """Temp files a sync killed mid-write left behind (ours alone, never user data)."""
    now = time.time()
    with suppress(OSError):
        for temp in directory.glob(f".*{PARTIAL_SUFFIX}"):
            with suppress(OSError):
                if temp.is_file() and now - temp.stat().st_mtime > older_than:
                    temp.unlink()
