"""A polite HTTP GET for the daily papers API: the standard library, retried with backoff.

``urllib`` is enough for one GET a day per request: it honours the ``*_proxy`` environment
variables and verifies certificates with the system's store. Each request names paperdeck
and its version in ``User-Agent``; requests are spaced by at least ``min_interval``; 429,
every 5xx, timeouts and dropped connections are retried with exponential backoff
(``Retry-After`` wins when the server sends a valid one). Redirects are followed to
http(s) addresses only, ``MAX_REDIRECTS`` at most.

Each GET runs in a thread of its own (:mod:`tui.sync.http_request`), watched from the
caller's thread every ``SLICE`` seconds: the answer must be whole within ``deadline``, its
body must keep arriving at ``min_rate``, and a cancel ends it at once.
"""

from __future__ import annotations

import email.utils
import errno
import http.client
import random
import socket
import ssl
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC
from importlib.metadata import PackageNotFoundError, version
from typing import Protocol, TypeVar

from tui.sync.http_request import (
    MAX_BODY_BYTES,
    BackgroundGet,
    BodySink,
    RedirectRefused,
    http_opener,
)
from tui.sync.progress import Cancelled, SyncError, cannot_reach

SLICE = 0.1
"""Seconds between two looks at a running request (cancelled, deadline, rate)."""
_RETRY_4XX = {408, 425, 429}


def retried(status: int) -> bool:
    """Whether an answer with this status is asked again: 408, 425, 429 and every 5xx."""
    return status in _RETRY_4XX or 500 <= status <= 599


def user_agent() -> str:
    try:
        number = version("paperdeck")
    except PackageNotFoundError:
        number = "dev"
    return f"paperdeck/{number} (terminal reader of daily paper digests; paperdeck sync)"


@dataclass(frozen=True)
class HttpPolicy:
    """Timeouts, retries and pacing (tests shrink them to milliseconds)."""

    timeout: float = 20.0
    """Seconds to wait for the connection and for each read."""
    deadline: float = 60.0
    """Seconds one request may take in all: connecting, the headers and the whole body."""
    min_rate: float = 1024.0
    """Bytes per second the body must average over each ``timeout`` once it has begun."""
    attempts: int = 5
    """Tries per request, the first included."""
    backoff: float = 2.0
    """Seconds before the first retry; doubled (with jitter) for each next one."""
    max_backoff: float = 60.0
    max_retry_after: float = 300.0
    """A longer ``Retry-After`` ends the sync of the source instead of waiting."""
    min_interval: float = 0.5
    """Seconds between the starts of two requests."""


FEW_ATTEMPTS = 2  # no connection at all, or a server too slow: one retry is enough
T = TypeVar("T")


class Resumable(BodySink, Protocol):
    """A download into a file that a later try (or run) goes on with."""

    def request_headers(self) -> Mapping[str, str]:
        """The headers of the next try (``Range`` from what the file holds)."""

    def restart(self) -> None:
        """Throw away what the file holds: the server cannot go on from it."""

    def check_whole(self) -> None:
        """Raise :class:`RetryableError` when the answer ended before the size it announced."""

    def close(self) -> None:
        """The try is over (done or not): close the file."""


class RetryableError(Exception):
    """A failure worth trying again; ``wait`` is the server's Retry-After, if any."""

    def __init__(self, message: str, wait: float | None = None, attempts: int = 0) -> None:
        super().__init__(message)
        self.wait = wait
        self.attempts = attempts
        """Tries worth making for this kind of failure (0: the policy's)."""


class RangeNotSatisfiable(Exception):
    """HTTP 416: the file to go on with does not fit what the server has."""


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait by a ``Retry-After`` header; None when absent or malformed."""
    value = (value or "").strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:  # "-0000": UTC, as HTTP dates are
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - time.time())


class HttpClient:
    """GETs with the policy above; ``sleep`` and ``cancelled`` make waits interruptible."""

    def __init__(
        self,
        policy: HttpPolicy,
        cancelled: Cancelled,
        waiting: Callable[[str], None],
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        self.policy = policy
        self.cancelled = cancelled
        self.waiting = waiting
        self._wait = sleep or self._interruptible_sleep
        self._last_start = 0.0
        self._agent = user_agent()
        self._opener = http_opener()

    def get(self, url: str) -> bytes:
        """The body of a 200 answer; :class:`SyncError` after the retries are spent."""
        return self._retrying(lambda: self._get_once(url))

    def download(self, url: str, target: Resumable, limit: int) -> None:
        """Stream ``url``'s body into ``target``, each retry going on where the last one
        stopped (``Range``); :class:`SyncError` after the retries are spent."""

        def once() -> None:
            try:
                self._get_once(url, target.request_headers(), target, limit)
                target.check_whole()
            except RangeNotSatisfiable:
                target.restart()
                raise RetryableError("the server cannot go on from the part downloaded") from None
            finally:
                target.close()

        self._retrying(once)

    def _retrying(self, once: Callable[[], T]) -> T:
        """``once()``, tried again with backoff while it raises :class:`RetryableError`."""
        policy = self.policy
        delay = policy.backoff
        for attempt in range(1, policy.attempts + 1):
            self._pace()
            try:
                return once()
            except RetryableError as exc:
                if attempt >= (exc.attempts or policy.attempts):
                    raise SyncError(f"{exc} (gave up after {attempt} tries)") from None
                wait = exc.wait
                if wait is not None and wait > policy.max_retry_after:
                    raise SyncError(f"{exc}; the API asks to wait {wait:.0f} s") from None
                if wait is None:
                    wait = min(delay * (1 + random.random() / 4), policy.max_backoff)
                    delay *= 2
                self.waiting(f"{exc}; retrying in {wait:.1f} s")
                self._wait(wait)
        raise AssertionError("unreachable")  # pragma: no cover

    def _pace(self) -> None:
        gap = self._last_start + self.policy.min_interval - time.monotonic()
        if gap > 0:
            self._wait(gap)
        self._last_start = time.monotonic()

    def _interruptible_sleep(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            if self.cancelled():
                raise SyncError("cancelled")
            time.sleep(min(left, SLICE))

    def _get_once(
        self,
        url: str,
        headers: Mapping[str, str] | None = None,
        sink: BodySink | None = None,
        limit: int = MAX_BODY_BYTES,
    ) -> bytes:
        sent = {"User-Agent": self._agent, "Accept": "application/json", **(headers or {})}
        request = urllib.request.Request(url, headers=sent)
        running = BackgroundGet(self._opener, request, self.policy.timeout, sink, limit)
        worker = threading.Thread(target=running.run, name="paperdeck-http", daemon=True)
        worker.start()
        try:
            self._watch(running)
        finally:
            running.stop()
            running.done.wait(1.0)  # a sink's last write is over before its file closes
        error = running.error
        if isinstance(error, urllib.error.HTTPError) and error.code == 416 and sink is not None:
            raise RangeNotSatisfiable()
        if error is not None:
            _raise_for(error, urllib.parse.urlsplit(url).hostname or url)
        if running.received > limit:
            raise SyncError(f"the answer is larger than {limit // 2**20} MiB")
        return running.body

    def _watch(self, running: BackgroundGet) -> None:
        """Return once the request is done; raise when cancelled or too slow."""
        policy = self.policy
        start = time.monotonic()
        mark: tuple[float, int] | None = None  # (when, bytes) at the start of a rate window
        while not running.done.wait(SLICE):
            if self.cancelled():
                raise SyncError("cancelled")
            now = time.monotonic()
            if now - start > policy.deadline:
                raise RetryableError(
                    f"no whole answer within {policy.deadline:g} s", attempts=FEW_ATTEMPTS
                )
            if running.body_began is None:
                continue
            mark = mark or (running.body_began, 0)
            if now - mark[0] >= policy.timeout:
                rate = (running.received - mark[1]) / (now - mark[0])
                if rate < policy.min_rate:
                    raise RetryableError(
                        f"the answer arrives too slowly ({rate:.0f} bytes/s)",
                        attempts=FEW_ATTEMPTS,
                    )
                mark = (now, running.received)


# No route at all: trying again a moment later would only make the user wait.
_NO_NETWORK = {errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN}


def _raise_for(error: BaseException, host: str) -> None:
    """The :class:`SyncError` or :class:`RetryableError` for what a request to ``host``
    raised."""
    if isinstance(error, RedirectRefused):
        raise SyncError(str(error.reason)) from None
    if isinstance(error, urllib.error.HTTPError):
        reason = f"HTTP {error.code} {error.reason}".strip()
        if retried(error.code):
            raise RetryableError(reason, _retry_after(error.headers.get("Retry-After"))) from None
        raise SyncError(f"the API answered {reason}") from None
    if isinstance(error, TimeoutError):
        raise RetryableError("no answer in time") from None
    if isinstance(error, urllib.error.URLError):
        if isinstance(error.reason, ssl.SSLCertVerificationError):
            raise SyncError(f"certificate check failed: {error.reason.verify_message}") from None
        if isinstance(error.reason, TimeoutError):
            raise RetryableError("no answer in time") from None
        if isinstance(error.reason, socket.gaierror) or (
            isinstance(error.reason, OSError) and error.reason.errno in _NO_NETWORK
        ):
            raise SyncError(cannot_reach(host)) from None
        raise RetryableError(
            f"cannot connect to {host}: {_reason(error.reason)}", attempts=FEW_ATTEMPTS
        ) from None
    if isinstance(error, OSError | http.client.HTTPException):  # reset or cut mid-answer
        raise RetryableError(f"connection lost: {_reason(error)}") from None
    raise error


def _reason(reason: object) -> str:
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return str(reason) or reason.__class__.__name__
