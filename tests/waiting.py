"""Waiting for a condition in tests: poll it until a generous deadline, never sleep a guess.

The deadline bounds a failure, it does not measure anything: on a loaded machine a first
frame can take seconds, so every wait allows a minute before it gives up.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.pilot import Pilot

DEADLINE = 60.0  # seconds


async def wait_until(
    pilot: Pilot[None], condition: Callable[[], bool], what: str, deadline: float = DEADLINE
) -> None:
    """Let the app run until ``condition()`` holds; fail naming ``what`` after ``deadline``."""
    end = time.monotonic() + deadline
    while not condition():
        assert time.monotonic() < end, f"{what}: not within {deadline:.0f} s"
        await pilot.pause(0.02)
    await pilot.pause()  # let what the condition saw be handled (messages it posted)


def poll_until(
    condition: Callable[[], bool], what: str, deadline: float = DEADLINE, step: float = 0.02
) -> None:
    """Poll ``condition()`` from plain code until it holds; fail naming ``what``."""
    end = time.monotonic() + deadline
    while not condition():
        assert time.monotonic() < end, f"{what}: not within {deadline:.0f} s"
        time.sleep(step)
