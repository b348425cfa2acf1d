"""``paperdeck pdf ID --download``: a paper's arXiv PDF into the PDF folder, whole or not at all.

The PDF comes through the sync's HTTP client (a deadline, a minimum rate, redirects to
http(s) addresses only, retries) into ``ID.pdf.part`` beside its final name. A download
cut short keeps its part, and the next try (or run) asks only for the rest (``Range``); a
server that answers with the whole file instead starts the part again. Once whole, and
only if it is a PDF (it starts with ``%PDF-``), the part is fsynced and renamed to
``ID.pdf``: a reader of the folder never sees half a PDF under that name. A PDF larger
than the cap is refused, by its announced size before a byte is written or as soon as its
body passes the cap. One download of a PDF at a time: a second one says so and ends.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Mapping
from contextlib import suppress
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

from tui.archive.links import pdf_file_name
from tui.fileio.locking import FileLock
from tui.fileio.writing import fsync_directory
from tui.sync.http_client import HttpClient, HttpPolicy, RetryableError
from tui.sync.progress import Cancelled, SyncError

DEFAULT_PDF_BASE = "https://arxiv.org/pdf/"
"""Where arXiv serves a paper's PDF: this address, then the id."""
PDF_MAGIC = b"%PDF-"
PART_SUFFIX = ".part"
PDF_POLICY = HttpPolicy(deadline=900.0, min_interval=0.0)
"""A PDF may be tens of MiB: 15 minutes for one answer, at the sync's minimum rate."""
_NO_LINK = getattr(os, "O_NOFOLLOW", 0)  # a link planted as the part is never written through
_CONTENT_RANGE = re.compile(r"bytes\s+(\d+)-(\d+)/(\d+|\*)")


def pdf_address(base: str, arxiv_id: str) -> str:
    """The address of ``arxiv_id``'s PDF under ``base`` (``https://arxiv.org/pdf/``)."""
    return f"{base.rstrip('/')}/{arxiv_id}"


@dataclass(frozen=True)
class Downloaded:
    """A PDF on disk: where, how large, and whether this run fetched it."""

    path: Path
    size: int
    fetched: bool


def download_pdf(
    arxiv_id: str,
    folder: Path,
    *,
    base: str = DEFAULT_PDF_BASE,
    max_bytes: int = 100 * 2**20,
    policy: HttpPolicy = PDF_POLICY,
    cancelled: Cancelled = lambda: False,
    waiting: Callable[[str], None] = lambda message: None,
) -> Downloaded:
    """``folder/ID.pdf``, fetched unless it is there; :class:`SyncError` says why not."""
    target = folder / pdf_file_name(arxiv_id)
    if target.is_file():
        return Downloaded(target, target.stat().st_size, fetched=False)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        lock = FileLock.take(folder / f".{target.name}.lock", exclusive=True, wait=0)
    except OSError as exc:
        raise SyncError(f"cannot write to {folder}: {exc.strerror or exc}") from None
    if lock is None:
        raise SyncError(f"another paperdeck is downloading {target.name}")
    try:
        part = PartFile(target.with_name(target.name + PART_SUFFIX), max_bytes)
        client = HttpClient(policy, cancelled, waiting)
        client.download(pdf_address(base, arxiv_id), part, max_bytes)
        size = part.finish(target)
    finally:
        lock.remove()
    return Downloaded(target, size, fetched=True)


def _mib(size: int) -> str:
    return f"{size / 2**20:.0f} MiB" if size >= 2**20 else f"{size} bytes"


class PartFile:
    """``ID.pdf.part``: what has arrived so far, appended to try after try."""

    def __init__(self, path: Path, limit: int) -> None:
        self.path = path
        self.limit = limit
        self._fd: int | None = None
        self._written = 0
        self._total: int | None = None  # the size the server announced

    def size(self) -> int:
        """Bytes the part holds (0 when there is none)."""
        try:
            info = os.lstat(self.path)
        except FileNotFoundError:
            return 0
        except OSError as exc:
            raise SyncError(f"cannot read {self.path}: {exc.strerror or exc}") from None
        if not stat.S_ISREG(info.st_mode):
            raise SyncError(f"{self.path} is not a regular file; not used")
        return info.st_size

    def request_headers(self) -> Mapping[str, str]:
        size = self.size()
        return {"Accept": "application/pdf", **({"Range": f"bytes={size}-"} if size else {})}

    def begin(self, status: int, headers: Message) -> None:
        have = self.size()
        if status == 206:
            start, total = _content_range(headers.get("Content-Range", ""))
            if start != have:
                self.restart()
                raise RetryableError("the server went on from another place than asked")
        else:  # the whole file: the server ignored the range, or none was asked
            start, total = 0, _number(headers.get("Content-Length"))
        if total is not None and total > self.limit:
            raise SyncError(f"the PDF is {_mib(total)}, more than the {_mib(self.limit)} cap")
        self._open(truncate=start == 0)
        self._written, self._total = start, total

    def write(self, chunk: bytes) -> None:
        self._written += len(chunk)
        if self._written > self.limit:
            self.close()
            with suppress(OSError):  # a part over the cap can never become a PDF worth keeping
                self.path.unlink()
            raise SyncError(f"the PDF is larger than the {_mib(self.limit)} cap")
        assert self._fd is not None
        try:
            view = memoryview(chunk)
            while view:
                view = view[os.write(self._fd, view) :]
        except OSError as exc:
            raise SyncError(f"cannot write {self.path}: {exc.strerror or exc}") from None

    def check_whole(self) -> None:
        if self._total is not None and self._written < self._total:
            raise RetryableError(f"the answer ended after {self._written} of {self._total} bytes")

    def restart(self) -> None:
        self._open(truncate=True)
        self.close()

    def close(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            with suppress(OSError):
                os.fsync(fd)
            os.close(fd)

    def finish(self, target: Path) -> int:
        """Rename the whole part to ``target`` if it is a PDF; its size."""
        try:
            fd = os.open(self.path, os.O_RDONLY | _NO_LINK)
            try:
                head = os.read(fd, len(PDF_MAGIC))
                size = os.fstat(fd).st_size
            finally:
                os.close(fd)
            if head != PDF_MAGIC:
                self.path.unlink()
                raise SyncError("the answer is not a PDF; nothing saved")
            os.replace(self.path, target)
        except OSError as exc:
            raise SyncError(f"cannot save {target}: {exc.strerror or exc}") from None
        fsync_directory(target.parent)
        return size

    def _open(self, truncate: bool) -> None:
        self.close()
        flags = (
            os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        )
        try:
            fd = os.open(self.path, flags | (os.O_TRUNC if truncate else os.O_APPEND), 0o644)
        except OSError as exc:
            raise SyncError(f"cannot write {self.path}: {exc.strerror or exc}") from None
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise SyncError(f"{self.path} is not a regular file; not used")
        self._fd = fd


def _content_range(value: str) -> tuple[int, int | None]:
    """The first byte and the total of ``bytes FIRST-LAST/TOTAL``; (-1, None) if malformed."""
    match = _CONTENT_RANGE.fullmatch(value.strip())
    if match is None:
        return -1, None
    total = match.group(3)
    return int(match.group(1)), None if total == "*" else int(total)


def _number(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(value) if value.isascii() and value.isdigit() else None
