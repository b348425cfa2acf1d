"""The browser mode's driver: Textual's web driver, ending the reader when its input ends.

textual-serve feeds each reader its keys through a pipe and ends a session by asking the
reader to quit. When serve itself dies (``kill -9``) nobody asks: the pipe reaches its end
and Textual's driver merely stops reading, leaving a reader that runs for ever with no one
to see it. Here the end of input is taken for what it is, the connection gone: the reader
sends itself SIGHUP and ends as it does when an SSH connection drops (saved, within two
seconds; see :mod:`tui.terminal.shutdown`).
"""

from __future__ import annotations

import os
import signal

from textual.drivers.web_driver import WebDriver


class BrowserModeDriver(WebDriver):
    """Textual's web driver, whose input reaching its end is a hangup."""

    def run_input_thread(self) -> None:
        super().run_input_thread()
        if not self.exit_event.is_set():  # the input ended, not the app: no one is left
            os.kill(os.getpid(), signal.SIGHUP)
