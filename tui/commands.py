"""The app's own commands in the command palette (ctrl+p)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from tui.app import PaperdeckApp


class PaperdeckCommands(Provider):
    """Go to date, newest or oldest day, help, problems, the date sidebar."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        app: PaperdeckApp = self.app  # type: ignore[assignment]
        return [
            ("Go to date…", "Jump to a day (the nearest one with papers)", app.command_goto_date),
            ("Newest day", "Show the newest day", app.command_newest_day),
            ("Oldest day", "Show the oldest day", app.command_oldest_day),
            ("Help: keys", "List every key", app.action_help),
            ("Show load problems", "Files and lines that could not be read", app.command_problems),
            ("Toggle date sidebar", "Show or hide the list of days", app.command_toggle_sidebar),
        ]

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
