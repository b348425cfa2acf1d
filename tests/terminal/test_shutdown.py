"""The shutdown watchdog: a signal leads to a save and an exit within the deadline."""

from __future__ import annotations

import os
import signal
import threading
import time

from tui.terminal.shutdown import DEADLINE, RESTORE_SEQUENCE, ShutdownGuard, TerminalModes


def test_a_stuck_app_is_saved_and_ended_by_the_watchdog() -> None:
    events: list[tuple[str, object]] = []
    ended = threading.Event()

    def exit_process(code: int) -> None:
        events.append(("exit", code))
        ended.set()

    guard = ShutdownGuard(
        request_exit=lambda code: events.append(("request", code)),  # the app never exits
        save=lambda timeout: events.append(("save", timeout)),
        exit_process=exit_process,
    )
    start = time.monotonic()
    guard.handle(signal.SIGHUP)
    guard.handle(signal.SIGTERM)  # a second signal changes nothing
    assert ended.wait(DEADLINE + 2)
    elapsed = time.monotonic() - start
    assert [name for name, _ in events] == ["request", "save", "exit"]
    assert events[0][1] == events[2][1] == 128 + signal.SIGHUP
    assert DEADLINE - 0.1 <= elapsed < DEADLINE + 1.5


def test_an_app_that_saved_is_not_saved_again() -> None:
    saves: list[float] = []
    ended = threading.Event()
    guard = ShutdownGuard(
        request_exit=lambda code: None,
        save=saves.append,
        exit_process=lambda code: ended.set(),
    )
    guard.saved.set()
    guard.handle(signal.SIGTERM)
    assert ended.wait(DEADLINE + 2)
    assert saves == []


def test_terminal_modes_are_restored_without_blocking() -> None:
    read_end, write_end = os.pipe()
    try:
        TerminalModes(input_fd=None, attributes=None, output_fd=write_end).restore()
        written = os.read(read_end, 4096).decode("ascii")
    finally:
        os.close(read_end)
        os.close(write_end)
    assert written == RESTORE_SEQUENCE
    for mode in ("\x1b[?1049l", "\x1b[?25h", "\x1b[?1000l", "\x1b[?1006l"):
        assert mode in written
    full_read, full_write = os.pipe()  # a terminal nobody reads: the write must not block
    try:
        os.set_blocking(full_write, False)
        while True:
            try:
                os.write(full_write, b"x" * 65536)
            except BlockingIOError:
                break
        os.set_blocking(full_write, True)
        TerminalModes(input_fd=None, attributes=None, output_fd=full_write).restore()
    finally:
        os.close(full_read)
        os.close(full_write)
