"""What the machine the user sits at can do: SSH or local, a browser or not.

Pure functions of the environment (and platform), so that every decision is testable.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass


def in_ssh_session(env: Mapping[str, str]) -> bool:
    """True when this process runs in an SSH session (the user sits elsewhere)."""
    return any(env.get(name) for name in ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY"))


@dataclass(frozen=True)
class LinkAction:
    """What ``o`` and ``p`` do with a link here: open a browser, or copy the link."""

    open_browser: bool
    reason: str


def link_action(env: Mapping[str, str], platform: str = sys.platform) -> LinkAction:
    """Open a browser only where one shows up in front of the user; else copy.

    ``$BROWSER`` is the user's explicit choice and always wins. Over SSH no graphical
    browser can reach the user (it would open on the remote machine). Locally, macOS and
    Windows always have one; other systems need a display (X11 or Wayland).
    """
    if env.get("BROWSER"):
        return LinkAction(True, "$BROWSER is set")
    if in_ssh_session(env):
        return LinkAction(False, "this is an SSH session, so a browser would open remotely")
    if platform == "darwin" or platform.startswith("win"):
        return LinkAction(True, "a local desktop session")
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return LinkAction(True, "a local session with a display")
    return LinkAction(False, "no display and no $BROWSER on this machine")


def external_programs_allowed(env: Mapping[str, str], allowed_by_config: bool = False) -> bool:
    """Whether paperdeck may start a program the environment names (``$VISUAL``,
    ``$EDITOR``, a default editor) for the user.

    Not in a session started by an SSH ``ForceCommand`` for a client's own command (sshd
    then sets ``SSH_ORIGINAL_COMMAND``): a shared reader account must not hand out a shell
    through an editor's shell escape. ``allowed_by_config`` (``allow_external_programs``
    in config.toml) lifts this.
    """
    return allowed_by_config or not env.get("SSH_ORIGINAL_COMMAND")
