"""Every use of a private name of Textual, each behind one small function.

Textual keeps no promise about names that start with ``_``; paperdeck needs a few of them
where Textual has no public way yet. They are used here and nowhere else, so that a
Textual upgrade that renames one breaks this module alone, and
``tests/test_textual_compat.py`` (a test per name) says which name went. Where Textual
offers a public way, paperdeck uses it instead: ``asyncio.get_running_loop()`` for the
app's loop in a signal handler, ``Binding.make_bindings`` to normalise a key list,
``App.return_code`` to see that the app exits.

Written against Textual 8.2.8 (pinned in pyproject.toml).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TextIO

from textual.app import App
from textual.binding import BindingsMap, Keymap
from textual.dom import DOMNode
from textual.screen import Screen

if TYPE_CHECKING:
    from textual.driver import Driver
    from textual.notifications import Notification
    from textual.strip import Strip


def driver_of(app: App[Any]) -> Driver | None:
    """The driver that draws ``app`` (None before it runs and after it ends).

    ``App._driver``: Textual has no public way to write to the terminal itself, which the
    clipboard's tmux/screen passthrough needs, nor to ask how the terminal was set up.
    """
    return app._driver


def terminal_output(driver: Driver | None) -> TextIO | None:
    """The stream a terminal driver writes to; None for drivers without one (web, tests).

    ``LinuxDriver._file``: needed to put the terminal back when the process must end
    without Textual's own clean-up (a hang-up past the deadline).
    """
    return getattr(driver, "_file", None)


def bindings_of(node: DOMNode) -> BindingsMap:
    """A copy of the bindings ``node`` has, before any keymap applies (``DOMNode._bindings``).

    Textual exposes only the bindings active on the focused chain
    (``Screen.active_bindings``); help lists every pane's, focused or not.
    """
    return node._bindings.copy()


def keymap_of(app: App[Any]) -> Keymap:
    """The keymap set with ``App.set_keymap`` (``App._keymap``: Textual has no getter)."""
    return app._keymap


# -- for tests and benchmarks --------------------------------------------------------------


def notifications(app: App[Any]) -> list[Notification]:
    """The notifications ``app`` holds now, oldest first (``App._notifications``)."""
    return list(app._notifications)


def screen_lines(app: App[Any]) -> list[Strip]:
    """What ``app``'s screen shows now, a line each, as styled segments
    (``Screen._compositor``: Textual gives it otherwise only as an SVG screenshot)."""
    return app.screen._compositor.render_strips()


def toast_texts(screen: Screen[Any]) -> list[str]:
    """What each notification shown on ``screen`` reads (``textual.widgets._toast``)."""
    from textual.widgets._toast import Toast

    return [str(toast.render()) for toast in screen.query(Toast)]


@contextmanager
def timed_frames(on_frame: Callable[[float], None]) -> Iterator[None]:
    """Call ``on_frame(seconds)`` after each frame any screen draws, while in the block.

    Wraps ``Screen._compositor_refresh``, where a screen draws its frame.
    """
    draw = Screen._compositor_refresh

    def timed_draw(screen: Screen[Any]) -> None:
        start = time.perf_counter()
        draw(screen)
        on_frame(time.perf_counter() - start)

    Screen._compositor_refresh = timed_draw  # type: ignore[method-assign,assignment]
    try:
        yield
    finally:
        Screen._compositor_refresh = draw  # type: ignore[method-assign]
