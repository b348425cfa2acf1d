"""The footer rebuilds its keys once per change of what it shows, and always shows the truth."""

from __future__ import annotations

from typing import ClassVar

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.pilot import Pilot
from textual.widgets import Button

from tui.terminal.textual_compat import footer_keys
from tui.widgets.key_footer import KeyFooter


class FooterApp(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "archive", "Archive"),
        Binding("f2", "toggle_archive", "Toggle"),
        Binding("f3", "refresh_keys", "Refresh"),
        Binding("x", "hidden", "Hidden", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.archive_shown = True
        self.rebuilds = 0

    def compose(self) -> ComposeResult:
        yield Button("Go")
        yield KeyFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.archive_shown if action == "archive" else True

    def action_archive(self) -> None:
        pass

    def action_hidden(self) -> None:
        pass

    def action_toggle_archive(self) -> None:
        self.archive_shown = not self.archive_shown
        self.action_refresh_keys()

    def action_refresh_keys(self) -> None:
        for _ in range(5):  # as a screen does when focus moves and actions change at once
            self.screen.refresh_bindings()


async def settle(pilot: Pilot[None]) -> None:
    for _ in range(5):
        await pilot.pause()


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> None:
    original = KeyFooter.recompose

    async def recompose(self: KeyFooter) -> None:
        assert isinstance(self.app, FooterApp)
        self.app.rebuilds += 1
        await original(self)

    monkeypatch.setattr(KeyFooter, "recompose", recompose)


async def test_footer_shows_the_keys_that_apply(counted: None) -> None:
    app = FooterApp()
    async with app.run_test() as pilot:
        await settle(pilot)
        assert footer_keys(app) == ["a", "f2", "f3", "ctrl+p"]
        await pilot.press("f2")
        await settle(pilot)
        assert footer_keys(app) == ["f2", "f3", "ctrl+p"]
        await pilot.press("f2")
        await settle(pilot)
        assert footer_keys(app) == ["a", "f2", "f3", "ctrl+p"]


async def test_updates_in_a_row_rebuild_once(counted: None) -> None:
    app = FooterApp()
    async with app.run_test() as pilot:
        await settle(pilot)
        before = app.rebuilds
        await pilot.press("f2")  # five updates, one change
        await settle(pilot)
        assert app.rebuilds == before + 1
        assert footer_keys(app) == ["f2", "f3", "ctrl+p"]


async def test_updates_without_a_change_rebuild_nothing(counted: None) -> None:
    app = FooterApp()
    async with app.run_test() as pilot:
        await settle(pilot)
        before = app.rebuilds
        assert before >= 1
        for _ in range(3):
            await pilot.press("f3")
            await pilot.press("tab")  # focus moves, the keys stay
            await settle(pilot)
        assert app.rebuilds == before
        assert footer_keys(app) == ["a", "f2", "f3", "ctrl+p"]
