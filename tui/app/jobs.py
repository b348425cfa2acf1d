"""The reader's background work that may take long: loading, re-checking and syncing.

Each job runs in a daemon thread of its own (not Textual's worker pool, whose threads the
interpreter waits for at exit), reports by posting messages, and ends soon after it is
cancelled. At the end the app cancels every job, closes the cache (which interrupts what
they are running in it; each job closes its own connection) and waits a bounded time for
them. A job still running at the deadline (blocked on a network read, say) is left to end
with the process: it never delays the exit.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

Work = Callable[[Callable[[], bool]], None]
"""A job's body: it gets ``cancelled()`` and checks it between steps."""


@dataclass
class Job:
    """One running piece of background work."""

    group: str
    thread: threading.Thread
    cancel: threading.Event = field(default_factory=threading.Event)

    @property
    def running(self) -> bool:
        return self.thread.is_alive()


class Jobs:
    """Starts, cancels and stops the background jobs; one job per group at a time.

    ``failed(group, error)`` is called from the job's thread when a job that was not
    cancelled raises: it must only hand the error on (post a message).
    """

    def __init__(self, failed: Callable[[str, BaseException], object]) -> None:
        self.failed = failed
        self._jobs: list[Job] = []
        self._guard = threading.Lock()

    def start(self, group: str, work: Work) -> Job:
        """Run ``work`` in the background; a job of the same group still running is cancelled."""
        self.cancel(group)
        cancel = threading.Event()
        thread = threading.Thread(
            target=self._run, args=(group, work, cancel), name=f"paperdeck-{group}", daemon=True
        )
        job = Job(group, thread, cancel)
        with self._guard:
            self._jobs = [j for j in self._jobs if j.running] + [job]
        thread.start()
        return job

    def _run(self, group: str, work: Work, cancel: threading.Event) -> None:
        try:
            work(cancel.is_set)
        except BaseException as exc:  # a job never takes the reader down with it
            if not cancel.is_set():
                self.failed(group, exc)

    def busy(self, *groups: str) -> bool:
        """Whether a job of one of ``groups`` is running."""
        with self._guard:
            return any(job.group in groups and job.running for job in self._jobs)

    def cancel(self, *groups: str) -> None:
        """Ask the jobs of ``groups`` (every job when none is named) to stop."""
        with self._guard:
            for job in self._jobs:
                if not groups or job.group in groups:
                    job.cancel.set()

    def wait(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds for every job to end; True when all have."""
        deadline = time.monotonic() + timeout
        with self._guard:
            jobs = list(self._jobs)
        for job in jobs:
            job.thread.join(max(0.0, deadline - time.monotonic()))
        return not any(job.running for job in jobs)
