"""One HTTP GET in a thread of its own, which another thread can watch and stop.

A socket timeout bounds each read, not an answer: a server sending a byte a second keeps a
read alive for ever, and no read can be interrupted from outside. So the GET runs in a
worker thread while its caller watches it (see :class:`~tui.sync.http_client.HttpClient`);
each socket it opens is kept as a duplicate, and :meth:`BackgroundGet.stop` shuts them
down, which ends any read or TLS handshake on them at once, so the worker ends too.
Only http and https are spoken (no ``ftp:``, ``file:`` or ``data:``, even by redirect),
with the ``*_proxy`` environment variables and the system's certificates.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import suppress
from email.message import Message
from typing import IO, Protocol

MAX_BODY_BYTES = 32 * 1024 * 1024
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024


class RedirectRefused(urllib.error.URLError):
    """A redirect paperdeck does not follow (to another scheme, or one too many)."""


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows at most ``MAX_REDIRECTS`` redirects, each to an http(s) address."""

    max_repeats = max_redirections = MAX_REDIRECTS + 1  # the check below comes first

    def http_error_302(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
    ) -> object:
        location = headers.get("location") or headers.get("uri")
        if location:
            target = urllib.parse.urljoin(req.full_url, location.strip())
            scheme = urllib.parse.urlsplit(target).scheme.lower()
            if scheme not in ("http", "https"):
                raise RedirectRefused(
                    f"HTTP {code}: a redirect to a {scheme}: address; not followed"
                )
            if sum(getattr(req, "redirect_dict", {}).values()) >= MAX_REDIRECTS:
                raise RedirectRefused(
                    f"HTTP {code}: more than {MAX_REDIRECTS} redirects; not followed"
                )
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


class BodySink(Protocol):
    """Where an answer's body goes instead of memory (a download's file)."""

    def begin(self, status: int, headers: Message) -> None:
        """The answer's status and headers are in; raise to refuse the body."""

    def write(self, chunk: bytes) -> None:
        """The next piece of the body; raise to stop."""


_running = threading.local()  # the BackgroundGet a worker thread runs


class _WatchedConnection(http.client.HTTPConnection):
    """A connection whose socket the watching thread can shut down (see :class:`BackgroundGet`)."""

    def connect(self) -> None:
        super().connect()
        request: BackgroundGet | None = getattr(_running, "request", None)
        if request is not None:
            request.watch(self.sock)


class _WatchedTlsConnection(http.client.HTTPSConnection, _WatchedConnection):
    """HTTPS: the plain socket is watched before TLS wraps it, so a stalled handshake ends too."""


class _HttpHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_WatchedConnection, req)


class _HttpsHandler(urllib.request.HTTPSHandler):
    def __init__(self) -> None:
        super().__init__()
        self._tls = ssl.create_default_context()

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_WatchedTlsConnection, req, context=self._tls)


def http_opener() -> urllib.request.OpenerDirector:
    """http and https only (with proxies and redirects), no ftp:, file: or data:."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.UnknownHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
        _Redirects(),
        _HttpHandler(),
        _HttpsHandler(),
    ):
        opener.add_handler(handler)
    return opener


class BackgroundGet:
    """One GET, run by :meth:`run` in a worker thread: its body, or what it raised."""

    def __init__(self, opener: urllib.request.OpenerDirector, request: urllib.request.Request,
                 timeout: float, sink: BodySink | None = None,
                 limit: int = MAX_BODY_BYTES) -> None:  # fmt: skip
        self._opener = opener
        self._request = request
        self._timeout = timeout
        self._sink = sink
        self._limit = limit
        self.done = threading.Event()
        self.body = b""
        self.error: BaseException | None = None
        self.received = 0
        """Bytes of the body so far."""
        self.body_began: float | None = None
        """When the headers were in (``time.monotonic``)."""
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._stopped = False

    def watch(self, sock: socket.socket) -> None:
        """Keep a duplicate of ``sock``: shutting it down wakes any read on the socket."""
        with self._lock:
            if self._stopped:
                raise OSError("request stopped")
            self._sockets.append(sock.dup())

    def stop(self) -> None:
        """End the request: its reads return at once (callable from any thread)."""
        with self._lock:
            self._stopped = True
            for sock in self._sockets:
                with suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            self._sockets.clear()

    def run(self) -> None:
        _running.request = self
        try:
            with self._opener.open(self._request, timeout=self._timeout) as response:
                self.body_began = time.monotonic()
                if self._sink is not None:
                    self._sink.begin(response.status, response.headers)
                chunks = []
                while self.received <= self._limit and not self._stopped:
                    chunk = response.read1(_CHUNK)
                    if not chunk:
                        break
                    if self._sink is not None:
                        self._sink.write(chunk)
                    else:
                        chunks.append(chunk)
                    self.received += len(chunk)
                self.body = b"".join(chunks)
        except BaseException as exc:  # handed to the watching thread
            self.error = exc
        finally:
            self.stop()
            self.done.set()
