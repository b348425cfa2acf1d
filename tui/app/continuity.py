"""Continuity: where the reader was, the theme, and a saved exit on SIGHUP or SIGTERM."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.driver import Driver
from textual.theme import Theme

from tui.settings.reader_settings import ReaderSettings
from tui.terminal.environment import in_browser_mode
from tui.terminal.shutdown import ShutdownGuard, TerminalModes
from tui.terminal.textual_compat import driver_of, terminal_output
from tui.userdata.session import Position
from tui.userdata.user_state import UserState


def browser_mode_driver() -> type[Driver] | None:
    """In the browser mode, a driver for which the end of input is a dropped connection
    (serve gone), so that no reader outlives it; None elsewhere (Textual's own)."""
    if in_browser_mode(os.environ):
        from tui.terminal.browser_driver import BrowserModeDriver

        return BrowserModeDriver
    return None


class Continuity:
    """Remembers the position and theme; turns SIGHUP and SIGTERM into a saved exit.

    ``position()`` asks the reader where it is now; ``last_position()`` gives the last one
    seen (from any thread); ``archive_key()`` names the archive open now.
    """

    def __init__(
        self,
        app: App[Any],
        user_state: UserState,
        settings: ReaderSettings,
        position: Callable[[], Position | None],
        last_position: Callable[[], Position | None],
        archive_key: Callable[[], str],
    ) -> None:
        self.app = app
        self.user_state = user_state
        self.settings = settings
        self.position = position
        self.last_position = last_position
        self.archive_key = archive_key
        self.shutdown_guard: ShutdownGuard | None = None  # set where signals are handled

    def save_position(self) -> None:
        """Remember where the reader is (written only when it changed)."""
        position = self.position()
        if position is not None:
            self.user_state.remember_position(self.archive_key(), position)

    def apply_theme(self) -> None:
        """``--theme``, else config.toml's ``theme``, else the one last chosen.

        Each theme chosen afterwards (the palette's "Change theme") is remembered as the
        last chosen; the one the start applies is not a choice and is not.
        """
        app, settings = self.app, self.settings
        for theme in (settings.theme, settings.config.theme, self.user_state.theme):
            if theme in app.available_themes:
                app.theme = theme
                break
        app.theme_changed_signal.subscribe(app, self._theme_changed)

    def _theme_changed(self, theme: Theme) -> None:
        self.user_state.remember_theme(theme.name)
        pinned = self.settings.config.theme
        if pinned is not None and pinned != theme.name:
            self.app.notify(
                f"Theme {theme.name} for now: config.toml's theme = {pinned} "
                "comes back at the next start.",
                timeout=6,
            )

    # -- signals: SIGHUP (a dropped connection) and SIGTERM -----------------------------

    def guard_shutdown(self) -> ShutdownGuard:
        """Handle SIGHUP and SIGTERM for this process: save, then end within the deadline."""
        self.shutdown_guard = ShutdownGuard(
            self._exit_on_signal, self._save_now, self._terminal_modes
        )
        self.shutdown_guard.install()
        return self.shutdown_guard

    def _exit_on_signal(self, code: int) -> None:  # from the signal handler: schedule only
        try:  # a signal handler runs on the main thread, where the app's loop runs
            loop = asyncio.get_running_loop()
        except RuntimeError:  # not running (yet, or any more): the watchdog saves and exits
            return
        loop.call_soon_threadsafe(self._save_and_exit, code)

    def _save_and_exit(self, code: int) -> None:
        self.save_position()
        if self.user_state.close(timeout=1.0) and self.shutdown_guard is not None:
            self.shutdown_guard.saved.set()
        self.app.exit(return_code=code)

    def _save_now(self, timeout: float) -> None:  # from the shutdown watchdog thread
        position = self.last_position()
        if position is not None:
            self.user_state.remember_position(self.archive_key(), position)
        self.user_state.close(timeout=timeout)

    def _terminal_modes(self) -> TerminalModes | None:
        driver = driver_of(self.app)
        attributes = getattr(driver, "attrs_before", None)
        output = terminal_output(driver)
        return TerminalModes(
            getattr(driver, "fileno", None) if attributes is not None else None,
            attributes,
            output.fileno() if output is not None else None,
        )
