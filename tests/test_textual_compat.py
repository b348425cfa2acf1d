"""Each private name of Textual that paperdeck uses (tui/terminal/textual_compat.py) still
exists and does what paperdeck needs: after a Textual upgrade, the failing test names it."""

from __future__ import annotations

import sys
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.drivers.headless_driver import HeadlessDriver
from textual.drivers.linux_driver import LinuxDriver
from textual.screen import Screen
from textual.widgets import Static

from tests.waiting import wait_until
from tui.terminal import textual_compat
from tui.terminal.textual_compat import (
    bindings_of,
    driver_of,
    keymap_of,
    notifications,
    screen_lines,
    terminal_output,
    timed_frames,
    toast_texts,
)

WHERE = "Textual renamed or removed {name}: update {function} in tui/terminal/textual_compat.py"


def gone(name: str, function: str) -> str:
    return WHERE.format(name=name, function=function)


class Pane(Static, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("j", "down", "Down", id="pane.down")]


class Small(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("a", "bell", "Archive", id="small.archive")]

    def compose(self) -> ComposeResult:
        yield Pane("pane")


async def test_driver_of() -> None:
    app = Small()
    assert hasattr(app, "_driver"), gone("App._driver", "driver_of")
    assert driver_of(app) is None  # not running yet
    async with app.run_test():
        driver = driver_of(app)
        assert driver is not None and callable(driver.write), gone("App._driver", "driver_of")


async def test_terminal_output() -> None:
    app = Small()
    output = terminal_output(LinuxDriver(app))
    assert output is sys.__stderr__, gone("LinuxDriver._file", "terminal_output")
    assert terminal_output(HeadlessDriver(app)) is None
    assert terminal_output(None) is None


async def test_bindings_of() -> None:
    app = Small()
    async with app.run_test():
        pane = app.query_one(Pane)
        assert hasattr(pane, "_bindings"), gone("DOMNode._bindings", "bindings_of")
        bindings = bindings_of(pane)
        assert [b.id for b in bindings.key_to_bindings["j"]] == ["pane.down"]
        bindings.key_to_bindings.clear()  # a copy: the node keeps its own
        assert "j" in bindings_of(pane).key_to_bindings


async def test_keymap_of() -> None:
    app = Small()
    async with app.run_test():
        assert hasattr(app, "_keymap"), gone("App._keymap", "keymap_of")
        app.set_keymap({"pane.down": "x", "small.archive": "?"})
        assert keymap_of(app) == {"pane.down": "x", "small.archive": "question_mark"}


async def test_notifications() -> None:
    app = Small()
    async with app.run_test() as pilot:
        assert hasattr(app, "_notifications"), gone("App._notifications", "notifications")
        app.notify("first")
        app.notify("second", title="Two")
        what = gone("App._notifications", "notifications")
        await wait_until(pilot, lambda: len(notifications(app)) == 2, what)
        assert [(n.message, n.title) for n in notifications(app)] == [
            ("first", ""),
            ("second", "Two"),
        ]


async def test_screen_lines() -> None:
    app = Small()
    async with app.run_test(size=(30, 4)):
        lines = screen_lines(app)
        assert len(lines) == 4 and all(line.cell_length == 30 for line in lines)
        assert lines[0].text.startswith("pane")


async def test_toast_texts() -> None:
    app = Small()
    async with app.run_test(notifications=True) as pilot:
        app.notify("[b]shown[/b] as written", markup=False)
        what = gone("textual.widgets._toast.Toast", "toast_texts")
        await wait_until(pilot, lambda: toast_texts(app.screen), what)
        shown = [" ".join(text.split()) for text in toast_texts(app.screen)]
        assert shown == ["[b]shown[/b] as written"]


async def test_timed_frames() -> None:
    draw = Screen._compositor_refresh
    frames: list[float] = []
    app = Small()
    with timed_frames(frames.append):
        async with app.run_test() as pilot:
            app.query_one(Pane).update("changed")
            what = gone("Screen._compositor_refresh", "timed_frames")
            await wait_until(pilot, lambda: frames, what)
    assert all(seconds >= 0 for seconds in frames)
    assert Screen._compositor_refresh is draw  # put back


def test_every_function_has_its_test() -> None:
    functions = {
        name
        for name, value in vars(textual_compat).items()
        if callable(value) and getattr(value, "__module__", "") == textual_compat.__name__
    }
    tested = {name.removeprefix("test_") for name in globals() if name.startswith("test_")}
    assert functions <= tested, functions - tested
