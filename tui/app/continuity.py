"""Continuity: where the reader was, the theme, and a saved exit on SIGHUP or SIGTERM."""

from __future__ import annotations

import asyncio

from textual.app import App
from textual.theme import Theme

from tui.screens.reader import ReaderScreen
from tui.settings.reader_settings import ReaderSettings
from tui.terminal.shutdown import ShutdownGuard, TerminalModes
from tui.terminal.textual_compat import driver_of, terminal_output
from tui.userdata.user_state import UserState


class Continuity(App[None]):
    """Remembers the position and theme; turns SIGHUP and SIGTERM into a saved exit."""

    reader: ReaderScreen
    user_state: UserState
    settings: ReaderSettings
    archive_key: str
    shutdown_guard: ShutdownGuard | None

    def save_position(self) -> None:
        """Remember where the reader is (written only when it changed)."""
        position = self.reader.position()
        if position is not None:
            self.user_state.remember_position(self.archive_key, position)

    def _apply_theme(self) -> None:
        pinned = self.settings.theme
        remembered = self.user_state.theme
        if pinned in self.available_themes:
            self.theme = pinned
        elif remembered in self.available_themes:
            self.theme = remembered
        self.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, theme: Theme) -> None:
        if self.settings.theme is None:  # a theme set in config.toml is not overridden
            self.user_state.remember_theme(theme.name)

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
        self.exit(return_code=code)

    def _save_now(self, timeout: float) -> None:  # from the shutdown watchdog thread
        position = self.reader.last_position
        if position is not None:
            self.user_state.remember_position(self.archive_key, position)
        self.user_state.close(timeout=timeout)

    def _terminal_modes(self) -> TerminalModes | None:
        driver = driver_of(self)
        attributes = getattr(driver, "attrs_before", None)
        output = terminal_output(driver)
        return TerminalModes(
            getattr(driver, "fileno", None) if attributes is not None else None,
            attributes,
            output.fileno() if output is not None else None,
        )
