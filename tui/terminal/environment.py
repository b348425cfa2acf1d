"""What the machine the user sits at can do: SSH, the browser mode or local; a terminal.

Pure functions of the environment (and platform), so that every decision is testable.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass

WEB_DRIVER = "textual.drivers.web_driver"
"""The Textual driver textual-serve names in ``TEXTUAL_DRIVER`` for ``paperdeck serve``."""


def in_ssh_session(env: Mapping[str, str]) -> bool:
    """True when this process runs in an SSH session (the user sits elsewhere)."""
    return any(env.get(name) for name in ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY"))


def in_browser_mode(env: Mapping[str, str]) -> bool:
    """True when this reader draws into a web page (``paperdeck serve``), not a terminal."""
    return env.get("TEXTUAL_DRIVER", "").startswith(WEB_DRIVER)


def remote_session(env: Mapping[str, str]) -> str | None:
    """Why the person at the keys may be someone this machine gives nothing else, or None.

    An SSH login may be one that sshd's ``ForceCommand`` limits to this reader. sshd tells
    such a session apart only when the client asked for a command of its own (then it sets
    ``SSH_ORIGINAL_COMMAND``); a plain ``ssh -t host`` looks the same as any SSH login. So
    every SSH session counts, and so does the browser mode, whose visitors have no account
    here at all.
    """
    if env.get("SSH_ORIGINAL_COMMAND") is not None:
        return "this is a forced-command SSH session"
    if in_ssh_session(env):
        return "this is an SSH session"
    if in_browser_mode(env):
        return "this is the browser mode"
    return None


def external_programs_allowed(env: Mapping[str, str], config_allows: bool) -> bool:
    """May the reader start a program the environment names (``$EDITOR``, ``$BROWSER``)?

    Always in a local session; in an SSH session or the browser mode only when
    ``allow_external_programs = true`` is set in config.toml: on a shared box an editor or
    a text browser would hand out a shell to someone given only the reader.
    """
    return config_allows or remote_session(env) is None


def terminal_problem(stdin_is_tty: bool, stdout_is_tty: bool, env: Mapping[str, str]) -> str | None:
    """Why the reader cannot start here (no terminal to draw on and read keys from), or None.

    The browser mode draws through textual-serve's pipes, so it needs no terminal.
    """
    if in_browser_mode(env) or (stdin_is_tty and stdout_is_tty):
        return None
    hint = "log in with 'ssh -t HOST'" if in_ssh_session(env) else "run it in a terminal"
    return (
        f"the reader needs a terminal (standard input and output are not one): {hint}; "
        "for scripts see 'paperdeck --help'"
    )


@dataclass(frozen=True)
class LinkAction:
    """What ``o`` and ``p`` do with a link here: open a browser, or copy the link."""

    open_browser: bool
    reason: str


def link_action(
    env: Mapping[str, str], platform: str = sys.platform, allow_external_programs: bool = False
) -> LinkAction:
    """Open a browser only where one shows up in front of the user; else copy.

    In the browser mode the page itself opens the link in a new tab (no program starts
    here). In an SSH session no program is started unless config.toml allows it (see
    :func:`external_programs_allowed`); then ``$BROWSER`` is used, and without it the link
    is copied (a graphical browser would open on the remote machine). Locally ``$BROWSER``
    wins; macOS and Windows always have a browser; other systems need a display.
    """
    if in_browser_mode(env):
        return LinkAction(True, "the browser mode opens it in a new tab")
    if not external_programs_allowed(env, allow_external_programs):
        reason = remote_session(env)
        return LinkAction(
            False, f"{reason}: no programs are started (allow_external_programs in config.toml)"
        )
    if env.get("BROWSER"):
        return LinkAction(True, "$BROWSER is set")
    if in_ssh_session(env):
        return LinkAction(False, "this is an SSH session, so a browser would open remotely")
    if platform == "darwin" or platform.startswith("win"):
        return LinkAction(True, "a local desktop session")
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return LinkAction(True, "a local session with a display")
    return LinkAction(False, "no display and no $BROWSER on this machine")
