"""The footer: draws what Textual's footer draws, follows the bindings, answers the mouse."""

from __future__ import annotations

from typing import ClassVar

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, Footer

from tui.terminal.textual_compat import screen_lines
from tui.widgets.key_footer import KeyFooter

TOGETHER = Binding.Group("Move", compact=True)
APART = Binding.Group("Page", compact=False)


class FooterApp(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "archive", "Archive", tooltip="Archive this one"),
        Binding("f2", "toggle_archive", "Toggle"),
        Binding("f3", "refresh_keys", "Refresh"),
        Binding("x", "hidden", "Hidden", show=False),
        Binding("j", "down", "Down", group=TOGETHER),
        Binding("k", "up", "Up", group=TOGETHER),
        Binding("pageup", "page_up", "Page up", group=APART),
        Binding("pagedown", "page_down", "Page down", group=APART),
        Binding("ctrl+d", "page_down", "Page down", group=APART),  # one action, shown once
        Binding("s", "save", "Save"),
    ]

    def __init__(self, footer: type[Widget] = KeyFooter) -> None:
        super().__init__()
        self.footer = footer
        self.archive_shown = True
        self.done: list[str] = []
        self.rebuilds = 0

    def compose(self) -> ComposeResult:
        yield Button("Go")
        yield self.footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "archive":
            return self.archive_shown
        if action == "save":
            return None  # shown, disabled
        return True

    def action_archive(self) -> None:
        self.done.append("archive")

    def action_save(self) -> None:
        self.done.append("save")

    def action_down(self) -> None:
        self.done.append("down")

    def action_toggle_archive(self) -> None:
        self.archive_shown = not self.archive_shown
        self.action_refresh_keys()

    def action_refresh_keys(self) -> None:
        for _ in range(5):  # as a screen does when focus moves and actions change at once
            self.screen.refresh_bindings()


async def settle(pilot: Pilot[None]) -> None:
    for _ in range(5):
        await pilot.pause()


def shown(app: App[None]) -> list[str]:
    return app.query_one(KeyFooter).keys


ALL_KEYS = ["a", "f2", "f3", "j", "k", "pageup", "pagedown", "s", "ctrl+p"]


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> None:
    original = KeyFooter._lay_out

    def lay_out(self: KeyFooter, *args: object) -> object:
        assert isinstance(self.app, FooterApp)
        self.app.rebuilds += 1
        return original(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(KeyFooter, "_lay_out", lay_out)


# -- the same line as Textual's footer -----------------------------------------------------


def footer_cells(app: App[None]) -> list[tuple[str, str]]:
    """The bottom line as cells: each character with its style (a blank with its background)."""
    cells: list[tuple[str, str]] = []
    for text, style, _ in screen_lines(app)[-1]:
        assert style is not None
        for character in text:
            shade = str(style.bgcolor) if character == " " else str(style)
            cells.append((character, shade))
    return cells


async def drawn(
    footer: type[Widget], theme: str, width: int, hovered: str = ""
) -> list[tuple[str, str]]:
    app = FooterApp(footer)
    async with app.run_test(size=(width, 5)) as pilot:
        app.theme = theme
        await settle(pilot)
        if hovered:
            await pilot.hover(footer, offset=(column_of(app, hovered), 0))
            await settle(pilot)
        await pilot.pause(0.1)
        return footer_cells(app)


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light", "nord", "solarized-light"])
@pytest.mark.parametrize("width", [120, 50])
async def test_the_line_is_textuals_footer_cell_for_cell(theme: str, width: int) -> None:
    theirs = await drawn(Footer, theme, width)
    ours = await drawn(KeyFooter, theme, width)
    assert "".join(c for c, _ in theirs).strip()  # Textual's footer drew its keys
    assert ours == theirs


@pytest.mark.parametrize("theme", ["textual-dark", "solarized-light"])
@pytest.mark.parametrize("hovered", ["Archive", "j", "^p"])
async def test_a_hovered_key_is_textuals_hovered_key(theme: str, hovered: str) -> None:
    theirs = await drawn(Footer, theme, 120, hovered)
    assert theirs != await drawn(Footer, theme, 120)  # Textual's footer shows the hover
    assert await drawn(KeyFooter, theme, 120, hovered) == theirs


# -- following the bindings ------------------------------------------------------------


async def test_footer_shows_the_keys_that_apply(counted: None) -> None:
    app = FooterApp()
    async with app.run_test() as pilot:
        await settle(pilot)
        assert shown(app) == ALL_KEYS
        await pilot.press("f2")
        await settle(pilot)
        assert shown(app) == ALL_KEYS[1:]
        await pilot.press("f2")
        await settle(pilot)
        assert shown(app) == ALL_KEYS


async def test_updates_in_a_row_rebuild_once(counted: None) -> None:
    app = FooterApp()
    async with app.run_test() as pilot:
        await settle(pilot)
        before = app.rebuilds
        await pilot.press("f2")  # five updates, one change
        await settle(pilot)
        assert app.rebuilds == before + 1
        assert shown(app) == ALL_KEYS[1:]


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
        assert shown(app) == ALL_KEYS


# -- the mouse -------------------------------------------------------------------------


def column_of(app: App[None], text: str) -> int:
    line = line_of(app)
    assert text in line, line
    return line.index(text)


async def test_a_click_on_a_key_runs_it_and_a_disabled_key_only_rings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = FooterApp()
    bells: list[None] = []
    monkeypatch.setattr(app, "bell", lambda: bells.append(None))
    async with app.run_test(size=(120, 5)) as pilot:
        await settle(pilot)
        await pilot.click(KeyFooter, offset=(column_of(app, "Archive"), 0))
        await pilot.click(KeyFooter, offset=(column_of(app, "j"), 0))  # a key of a group
        await settle(pilot)
        assert app.done == ["archive", "down"]
        await pilot.click(KeyFooter, offset=(column_of(app, "Save"), 0))
        await settle(pilot)
        assert app.done == ["archive", "down"]
        assert len(bells) == 1


async def test_a_hovered_key_shows_its_tooltip_and_is_highlighted() -> None:
    app = FooterApp()
    async with app.run_test(size=(120, 5)) as pilot:
        await settle(pilot)
        footer = app.query_one(KeyFooter)
        column = column_of(app, "Archive")
        before = footer_cells(app)[column]
        await pilot.hover(KeyFooter, offset=(column, 0))
        await settle(pilot)
        assert footer.tooltip == "Archive this one"
        assert footer_cells(app)[column] != before
        await pilot.hover(KeyFooter, offset=(column_of(app, "j"), 0))
        assert footer.tooltip == "Down"  # a key of a group: its description
        await pilot.hover(Button)
        await settle(pilot)
        assert footer.tooltip is None
        assert footer_cells(app)[column] == before


def wheel(app: App[None], *, down: bool) -> None:
    """Turn the mouse wheel over the footer (Textual's pilot has no wheel)."""
    footer = app.query_one(KeyFooter)
    kind = events.MouseScrollDown if down else events.MouseScrollUp
    footer.post_message(kind(footer, 1, 0, 0, 1 if down else -1, 0, False, False, False))


def line_of(app: App[None]) -> str:
    return "".join(character for character, _ in footer_cells(app))


async def test_the_wheel_moves_a_line_wider_than_the_terminal() -> None:
    app = FooterApp()
    async with app.run_test(size=(40, 5)) as pilot:
        await settle(pilot)
        assert "Save" not in line_of(app)
        for _ in range(20):
            wheel(app, down=True)
            await settle(pilot)
        assert "Save" in line_of(app)
        assert line_of(app).endswith("▏^p palette ")  # the palette's key stays in place
        for _ in range(20):
            wheel(app, down=False)
            await settle(pilot)
        assert line_of(app).startswith(" a Archive")
