"""Copying to the clipboard of the terminal the user sits at, through OSC 52.

OSC 52 travels with the terminal's own output, so it reaches the user's clipboard across
SSH. Inside tmux or GNU screen the sequence is also sent wrapped for passthrough, which
works when the multiplexer allows it (tmux: ``set -g set-clipboard on`` or
``allow-passthrough on``).
"""

from __future__ import annotations

import base64
import os
from collections.abc import Mapping
from typing import Any

from textual.app import App

from tui.terminal.textual_compat import driver_of

ESC = "\x1b"
BEL = "\a"


def osc52(text: str) -> str:
    """The OSC 52 sequence setting the clipboard to ``text``."""
    payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return f"{ESC}]52;c;{payload}{BEL}"


def passthrough_sequences(text: str, env: Mapping[str, str]) -> list[str]:
    """The extra, wrapped forms for a terminal multiplexer, if one is in the way."""
    plain = osc52(text)
    if env.get("TMUX"):
        inner = plain.replace(ESC, ESC + ESC)
        return [f"{ESC}Ptmux;{inner}{ESC}\\"]
    if env.get("STY") or env.get("TERM", "").startswith("screen"):
        return [f"{ESC}P{plain}{ESC}\\"]
    return []


def copy_for_user(app: App[Any], text: str) -> None:
    """Put ``text`` on the clipboard of the terminal the user sits at (OSC 52, over SSH too)."""
    app.copy_to_clipboard(text)
    driver = driver_of(app)
    if driver is not None:
        for sequence in passthrough_sequences(text, os.environ):
            driver.write(sequence)
