"""Signals from the terminal's side: a hang-up (dropped SSH connection, closed window)."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable
from contextlib import suppress


def on_hangup(callback: Callable[[], None]) -> bool:
    """Call ``callback`` in the running event loop on SIGHUP; False where there is none."""
    if not hasattr(signal, "SIGHUP"):
        return False
    with suppress(NotImplementedError, RuntimeError, ValueError):
        asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, callback)
        return True
    return False
