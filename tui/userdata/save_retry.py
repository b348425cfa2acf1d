"""When the writer tries a failed save again, and what it tells the user about it.

A disk that keeps refusing (full, read-only, a directory gone) is said once, with the
promise that changes are kept; the writer then waits 1 s, 2 s, 4 s … up to a minute between
attempts, whatever the user changes meanwhile, and says once more when a save works again.
"""

from __future__ import annotations

from dataclasses import dataclass

RETRY_FIRST = 1.0  # seconds before the first retry; doubled after each failure
RETRY_MOST = 60.0  # the longest wait between two attempts


@dataclass(frozen=True)
class Said:
    """What to tell the user: saving failed (``error``), or works again."""

    error: bool
    text: str


@dataclass
class SaveRetry:
    """The writer's state after its last round of saves."""

    first: float = RETRY_FIRST
    most: float = RETRY_MOST
    delay: float = 0.0  # seconds between the last failure and the next attempt; 0: none
    retry_at: float = 0.0  # time.monotonic() of the next attempt
    failing: bool = False

    def record(self, failures: list[str], now: float) -> Said | None:
        """Note how a round went (why each failed save failed); what to say, if anything."""
        if failures:
            self.delay = min(max(self.delay * 2, self.first), self.most)
            self.retry_at = now + self.delay
        else:
            self.delay = self.retry_at = 0.0
        was_failing, self.failing = self.failing, bool(failures)
        if failures and not was_failing:
            return Said(True, f"{failures[0]}. Your changes are kept and saving is retried.")
        if was_failing and not failures:
            return Said(False, "Saved again: every change is on disk.")
        return None
