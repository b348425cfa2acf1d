"""Where the reader runs: SSH, a forced command, the browser mode; a terminal or none."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.screens.helpers import DEMO, wait_loaded
from tui.app import PaperdeckApp
from tui.settings.config import Config
from tui.settings.reader_settings import ReaderSettings
from tui.terminal.environment import external_programs_allowed, remote_session, terminal_problem

WEB = {"TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver"}
SSH = {"SSH_CONNECTION": "10.0.0.1 51000 10.0.0.2 22", "SSH_TTY": "/dev/pts/3"}
FORCED = {"SSH_CONNECTION": "10.0.0.1 51000 10.0.0.2 22", "SSH_ORIGINAL_COMMAND": "sh -c id"}


@pytest.mark.parametrize(
    ("env", "why"),
    [
        ({}, None),
        ({"DISPLAY": ":0", "EDITOR": "vim"}, None),
        (SSH, "this is an SSH session"),
        (FORCED, "this is a forced-command SSH session"),
        ({"SSH_ORIGINAL_COMMAND": ""}, "this is a forced-command SSH session"),
        (WEB, "this is the browser mode"),
    ],
)
def test_external_programs_only_locally_unless_config_allows(
    env: dict[str, str], why: str | None
) -> None:
    assert remote_session(env) == why
    assert external_programs_allowed(env, config_allows=False) is (why is None)
    assert external_programs_allowed(env, config_allows=True)


def test_the_reader_needs_a_terminal_except_in_the_browser_mode() -> None:
    assert terminal_problem(True, True, {}) is None
    assert terminal_problem(False, False, WEB) is None
    for stdin, stdout in ((False, True), (True, False), (False, False)):
        problem = terminal_problem(stdin, stdout, {})
        assert problem is not None and "needs a terminal" in problem and "\n" not in problem
    over_ssh = terminal_problem(False, False, FORCED)
    assert over_ssh is not None and "ssh -t" in over_ssh


@pytest.mark.parametrize("stdin", [subprocess.DEVNULL, subprocess.PIPE])
def test_without_a_terminal_the_reader_says_so_and_ends_at_once(seeds: Path, stdin: int) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tui", "--no-animation", str(seeds)],
        stdin=stdin,
        capture_output=True,
        text=True,
        timeout=30,  # before the check the reader waited for ever
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("paperdeck: error: the reader needs a terminal")


@pytest.mark.parametrize(
    ("env", "allow", "offered"),
    [({}, False, True), (SSH, False, False), (FORCED, False, False), (WEB, False, False),
     (SSH, True, True)],
)  # fmt: skip
async def test_the_palette_offers_screenshots_only_where_programs_may_run(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], allow: bool, offered: bool
) -> None:
    """Textual's "Screenshot" writes into the account's ~/Downloads."""
    for name in ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY", "SSH_ORIGINAL_COMMAND"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    app = PaperdeckApp([DEMO], settings=ReaderSettings(Config(allow_external_programs=allow)))
    async with app.run_test() as pilot:
        await wait_loaded(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert "Change theme" in titles
        assert ("Screenshot" in titles) is offered
