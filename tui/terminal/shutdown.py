"""Ending the reader when its terminal goes away (SIGHUP) or it is told to stop (SIGTERM).

A shutdown must never wait on a terminal that is gone: Textual's own exit writes to the
terminal, and once nothing reads it those writes can block for ever. So the signal starts a
watchdog thread beside the app's ordinary exit. The watchdog makes sure the user's data is
saved, and if the process is still there at the deadline it restores what it can of the
terminal without blocking and ends the process.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

DEADLINE = 1.8
"""Seconds from the signal to the end of the process, whatever the terminal does."""
SAVE_GRACE = 0.8
"""Seconds the app's ordinary exit has to save before the watchdog saves by itself."""

# Keyboard protocol, mouse reporting, bracketed paste and focus events off, line wrap on,
# the main screen back and the cursor shown: what Textual turns on, undone.
RESTORE_SEQUENCE = (
    "\x1b[<u\x1b[?1000l\x1b[?1003l\x1b[?1015l\x1b[?1006l\x1b[?2004l\x1b[?1004l"
    "\x1b[?7h\x1b[?1049l\x1b[?25h"
)
SIGNALS = tuple(getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name))


@dataclass(frozen=True)
class TerminalModes:
    """What to put back on the terminal: its input settings and the output to write to."""

    input_fd: int | None
    attributes: list[Any] | None
    output_fd: int | None

    def restore(self) -> None:
        """Put the terminal back as well as possible, never blocking on it."""
        if self.input_fd is not None and self.attributes is not None:
            with suppress(Exception):
                import termios

                termios.tcsetattr(self.input_fd, termios.TCSANOW, self.attributes)
        if self.output_fd is not None:
            with suppress(Exception):
                os.set_blocking(self.output_fd, False)
                os.write(self.output_fd, RESTORE_SEQUENCE.encode("ascii"))


class ShutdownGuard:
    """Turns SIGHUP and SIGTERM into a saved, bounded exit.

    ``request_exit(code)`` asks the app for its ordinary exit (from the signal handler, so
    it must only schedule work); ``save(timeout)`` saves the user's data from the watchdog
    thread when the app has not done so in time; ``modes()`` says how to restore the
    terminal.
    """

    def __init__(
        self,
        request_exit: Callable[[int], None],
        save: Callable[[float], object],
        modes: Callable[[], TerminalModes | None] = lambda: None,
        exit_process: Callable[[int], None] = os._exit,
    ) -> None:
        self.request_exit = request_exit
        self.save = save
        self.modes = modes
        self.exit_process = exit_process
        self.saved = threading.Event()  # the app saved on its ordinary way out
        self.signum: int | None = None
        self._watchdog: threading.Thread | None = None

    def install(self) -> None:
        """Handle SIGHUP and SIGTERM from now on (call from the main thread)."""
        for signum in SIGNALS:
            signal.signal(signum, self.handle)

    def handle(self, signum: int, frame: object = None) -> None:
        if self.signum is not None:
            return  # already on the way out: the watchdog has the deadline in hand
        self.signum = signum
        self._watchdog = threading.Thread(target=self._watch, name="paperdeck-shutdown")
        self._watchdog.daemon = True
        self._watchdog.start()
        with suppress(Exception):
            self.request_exit(self.exit_code)

    @property
    def exit_code(self) -> int:
        return 128 + (self.signum or 0)

    def _watch(self) -> None:
        start = time.monotonic()
        if not self.saved.wait(SAVE_GRACE):
            with suppress(Exception):
                self.save(max(0.1, DEADLINE - SAVE_GRACE - 0.3))
        time.sleep(max(0.0, DEADLINE - (time.monotonic() - start)))
        with suppress(Exception):
            modes = self.modes()
            if modes is not None:
                modes.restore()
        self.exit_process(self.exit_code)
