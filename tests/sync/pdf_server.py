"""arXiv's PDFs on 127.0.0.1: a body per id, ``Range`` honoured, answers cut on request."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler

from tests.sync.helpers import serving


def a_pdf(size: int) -> bytes:
    """``size`` bytes that start as a PDF does, each position telling where it is."""
    head = b"%PDF-1.7\n"
    body = bytes(n % 251 for n in range(size - len(head)))
    return head + body


@dataclass
class FakeArxiv:
    """``GET /pdf/ID``: the PDF of ``pdfs[ID]`` (else 404), a ``Range: bytes=N-`` answered
    with 206 and the rest; ``cuts`` are byte counts after which the next answers hang up;
    ``ranges`` records each request's ``Range`` header (None without one)."""

    pdfs: dict[str, bytes] = field(default_factory=dict)
    cuts: list[int] = field(default_factory=list)
    ranges: list[str | None] = field(default_factory=list)
    ignore_range: bool = False
    announce_size: bool = True
    redirect: str | None = None
    pace: float = 0.0
    """Seconds between two 4 KiB pieces of a body (0: all at once)."""
    port: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/pdf/"

    @contextmanager
    def running(self) -> Iterator[FakeArxiv]:
        arxiv = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                arxiv.ranges.append(self.headers.get("Range"))
                if arxiv.redirect is not None:
                    self.send_response(302)
                    self.send_header("Location", arxiv.redirect)
                    self.end_headers()
                    return
                body = arxiv.pdfs.get(self.path.removeprefix("/pdf/"))
                if body is None:
                    self.send_error(404)
                    return
                wanted = self.headers.get("Range")
                start = 0
                if wanted and not arxiv.ignore_range:
                    start = int(wanted.removeprefix("bytes=").rstrip("-"))
                    if start >= len(body):
                        self.send_error(416)
                        return
                    self.send_response(206)
                    self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
                else:
                    self.send_response(200)
                if arxiv.announce_size:
                    self.send_header("Content-Length", str(len(body) - start))
                self.end_headers()
                rest = body[start:]
                if arxiv.cuts:
                    rest = rest[: arxiv.cuts.pop(0)]
                    self.close_connection = True
                with suppress(OSError):  # the client gave up
                    step = 4096 if arxiv.pace else len(rest) or 1
                    for start in range(0, len(rest), step):
                        self.wfile.write(rest[start : start + step])
                        self.wfile.flush()
                        time.sleep(arxiv.pace)

            def log_message(self, format: str, *args: object) -> None:
                return None

        with serving(Handler) as self.port:
            yield self
