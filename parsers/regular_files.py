"""Reading a file that may be anything: only regular files are read, never past a size cap.

A path can name a FIFO (opening it would wait for a writer for ever), a device (``/dev/zero``
never ends), a socket or a directory. The kind is checked before the file is opened and
again on the open descriptor (the name may be swapped in between); the open never blocks
(``O_NONBLOCK``) and never makes a terminal the controlling one (``O_NOCTTY``).
"""

from __future__ import annotations

import errno
import os
import stat

_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_CHUNK = 1 << 20


class UnusableFile(Exception):
    """A file that exists but is not read as it is; ``reason`` says why, for a person."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        super().__init__(f"{os.fspath(path)}: {reason}")
        self.path = os.fspath(path)
        self.reason = reason


class NotRegularFile(UnusableFile):
    """A FIFO, a device or a socket where a file was expected."""


class FileTooLarge(UnusableFile):
    """A file larger than the reader's cap for it."""


def file_kind(mode: int) -> str:
    """What a non-regular file is, in words ("a FIFO", "a character device", …)."""
    for test, kind in _KINDS:
        if test(mode):
            return kind
    return "a directory" if stat.S_ISDIR(mode) else "not a file"


def size_text(size: int) -> str:
    """``size`` bytes as ``32 MiB`` or ``512 KiB``."""
    return f"{size / 2**20:g} MiB" if size >= 2**20 else f"{size / 2**10:g} KiB"


def _check(path: str | os.PathLike[str], info: os.stat_result, limit: int) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), os.fspath(path))
    if not stat.S_ISREG(info.st_mode):
        raise NotRegularFile(path, f"not a regular file ({file_kind(info.st_mode)})")
    if info.st_size > limit:
        raise FileTooLarge(path, f"larger than {size_text(limit)}")


def read_regular_file(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the regular file at ``path`` (symbolic links followed).

    Raises :class:`NotRegularFile` for a FIFO, device or socket, :class:`FileTooLarge`
    beyond ``limit`` bytes (also when the file grows while it is read), and ``OSError``
    when it cannot be read at all (missing, a directory, no permission, an I/O error).
    """
    _check(path, os.stat(path), limit)
    fd = os.open(path, _OPEN_FLAGS)
    try:
        _check(path, os.fstat(fd), limit)
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, _CHUNK))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    if left <= 0:
        raise FileTooLarge(path, f"larger than {size_text(limit)}")
    return b"".join(chunks)
