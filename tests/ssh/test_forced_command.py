"""A user the README's ForceCommand admits gets the reader and nothing else: no shell, no command.

Without a terminal the reader says it needs one, in one line, and ends at once (it used
to wait for ever, and every such login left a process on the server).
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from tests.ssh.conftest import SshBox
from tests.ssh.test_over_ssh import GONE_WITHIN
from tests.system import describe

pytestmark = pytest.mark.system

NEEDS_TERMINAL = "paperdeck: error: the reader needs a terminal"


def test_commands_never_run_and_without_a_terminal_the_reader_ends_at_once(
    box: SshBox, request: pytest.FixtureRequest
) -> None:
    account = box.accounts.create("noshell")
    (account.home / "VISIBLE-FILE").touch()  # what `ls` would print
    ran = account.home / "COMMAND-RAN"
    slowest = 0.0
    for command in ([], ["ls"], ["sh", "-c", f"id; touch {ran}"], ["--", "sh", "-c", "id"]):
        start = time.monotonic()
        result = subprocess.run(
            box.server.client(account.name, *command, tty=False),
            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        slowest = max(slowest, time.monotonic() - start)
        output = result.stdout + result.stderr
        assert result.returncode == 2, (command, output)
        assert result.stdout == "", command
        assert result.stderr.startswith(NEEDS_TERMINAL) and result.stderr.count("\n") == 1, output
        assert "ssh -t" in result.stderr
        assert "uid=" not in output and "VISIBLE-FILE" not in output and not ran.exists()
        account.time_to_end(GONE_WITHIN)
    describe(request, f"refused without a terminal in at most {slowest:.1f} s per login")


def test_with_a_terminal_the_reader_opens_instead_of_the_command(
    box: SshBox, tmp_path: Path
) -> None:
    account = box.accounts.create("tty")
    ran = account.home / "COMMAND-RAN"
    session = box.open_reader(account, tmp_path, "sh", "-c", f"touch {ran}; id")
    try:
        assert "uid=" not in session.screen() and not ran.exists()
        session.press("q")
        account.time_to_end(GONE_WITHIN)
    finally:
        session.close()
    assert not ran.exists()
