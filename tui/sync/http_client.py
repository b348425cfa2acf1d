"""A polite HTTP GET for the daily papers API: the standard library, retried with backoff.

``urllib`` is enough for one GET a day per request: it follows redirects, honours the
``*_proxy`` environment variables and verifies certificates with the system's store. Each
request names paperdeck and its version in ``User-Agent``; requests are spaced by at
least ``min_interval``; 429, 5xx, timeouts and dropped connections are retried with
exponential backoff (``Retry-After`` wins when the server sends one).
"""

from __future__ import annotations

import email.utils
import http.client
import random
import ssl
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version

from tui.sync.progress import Cancelled, SyncError

MAX_BODY_BYTES = 32 * 1024 * 1024
RETRY_STATUSES = {408, 425, 429, 500, 502, 503, 504}


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
    attempts: int = 5
    """Tries per request, the first included."""
    backoff: float = 2.0
    """Seconds before the first retry; doubled (with jitter) for each next one."""
    max_backoff: float = 60.0
    max_retry_after: float = 300.0
    """A longer ``Retry-After`` ends the sync of the source instead of waiting."""
    min_interval: float = 0.5
    """Seconds between the starts of two requests."""


CONNECT_ATTEMPTS = 2  # no connection at all (offline, a wrong host): one retry is enough


class RetryableError(Exception):
    """A failure worth trying again; ``wait`` is the server's Retry-After, if any."""

    def __init__(self, message: str, wait: float | None = None, attempts: int = 0) -> None:
        super().__init__(message)
        self.wait = wait
        self.attempts = attempts
        """Tries worth making for this kind of failure (0: the policy's)."""


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    when = email.utils.parsedate_to_datetime(value) if "," in value else None
    return max(0.0, when.timestamp() - time.time()) if when else None


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

    def get(self, url: str) -> bytes:
        """The body of a 200 answer; :class:`SyncError` after the retries are spent."""
        policy = self.policy
        delay = policy.backoff
        for attempt in range(1, policy.attempts + 1):
            self._pace()
            try:
                return self._get_once(url)
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
            time.sleep(min(left, 0.1))

    def _get_once(self, url: str) -> bytes:
        request = urllib.request.Request(
            url, headers={"User-Agent": self._agent, "Accept": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=self.policy.timeout) as response:
                body: bytes = response.read(MAX_BODY_BYTES + 1)
        except urllib.error.HTTPError as exc:
            reason = f"HTTP {exc.code} {exc.reason}".strip()
            if exc.code in RETRY_STATUSES:
                raise RetryableError(reason, _retry_after(exc.headers.get("Retry-After"))) from None
            raise SyncError(f"the API answered {reason}") from None
        except TimeoutError:
            raise RetryableError("no answer in time") from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, ssl.SSLCertVerificationError):
                raise SyncError(f"certificate check failed: {exc.reason.verify_message}") from None
            if isinstance(exc.reason, TimeoutError):
                raise RetryableError("no answer in time") from None
            reason = _reason(exc.reason)
            raise RetryableError(f"cannot connect: {reason}", attempts=CONNECT_ATTEMPTS) from None
        except (OSError, http.client.HTTPException) as exc:  # reset or cut mid-answer
            raise RetryableError(f"connection lost: {_reason(exc)}") from None
        if len(body) > MAX_BODY_BYTES:
            raise SyncError(f"the answer is larger than {MAX_BODY_BYTES // 2**20} MiB")
        return body


def _reason(reason: object) -> str:
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return str(reason) or reason.__class__.__name__
