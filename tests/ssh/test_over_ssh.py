"""Reading over a real SSH login with the README's ForceCommand: read, mark, copy, drop, resume.

Each test logs in with ``ssh -tt`` from a tmux pane (the user's terminal, which keeps
what OSC 52 copies in its paste buffers) to sshd on 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest

from tests.ssh.accounts import Account
from tests.ssh.conftest import SshBox
from tests.system import describe
from tests.tmux import TmuxSession, wait_until

pytestmark = pytest.mark.system

GONE_WITHIN = 5.0  # seconds from the dropped connection to no process of the user


def text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""


def bookmarked(account: Account) -> set[str]:
    raw = text(account.data / "bookmarks.json")
    return {mark["arxiv_id"] for mark in json.loads(raw)["bookmarks"].values()} if raw else set()


def test_read_mark_copy_then_drop_the_client_and_resume(
    box: SshBox, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    account = box.accounts.create("reader")
    session = box.open_reader(account, tmp_path)
    try:
        assert "2025-07-17 ·" in session.screen()  # the newest day first
        session.press("[", "j")
        assert session.wait_for("2025-07-16 ·") and session.wait_for("Paper 2/3"), session.screen()
        session.press("b")
        assert wait_until(lambda: bookmarked(account) == {"2507.16002"}, 10), session.screen()
        bookmarks = account.data / "bookmarks.json"
        assert bookmarks.stat().st_uid == account.uid  # in the user's own home, as the user
        session.press("c")
        url = "https://arxiv.org/abs/2507.16002"
        assert wait_until(lambda: session.buffer() == url, 10), (session.buffer(), session.screen())
        os.kill(session.pane_pid, signal.SIGKILL)  # the ssh client dies
        ended = account.time_to_end(GONE_WITHIN)
    finally:
        session.close()
    again = box.open_reader(account, tmp_path)
    try:
        screen = again.screen()
        assert "2025-07-16 ·" in screen and "Paper 2/3" in screen, screen
        assert "Day 16 second" in screen
        again.press("q")
        account.time_to_end(GONE_WITHIN)
    finally:
        again.close()
    describe(
        request,
        f"{box.server.version()} sshd on 127.0.0.1:{box.server.port} as {account.name}; "
        f"OSC 52 reached tmux; server side ended {ended:.1f} s after the client was killed",
    )


def test_killing_sshds_session_process_ends_the_reader_and_it_resumes(
    box: SshBox, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    account = box.accounts.create("dropped")
    session = box.open_reader(account, tmp_path)
    try:
        session.press("[", "[")
        assert session.wait_for("2025-07-15 ·"), session.screen()
        sshd = [pid for pid, line in account.processes().items() if line.startswith("sshd:")]
        assert len(sshd) == 1, account.processes()
        os.kill(sshd[0], signal.SIGKILL)
        ended = account.time_to_end(GONE_WITHIN)
    finally:
        session.close()
    again = box.open_reader(account, tmp_path)
    try:
        assert "2025-07-15 ·" in again.screen(), again.screen()
    finally:
        again.close()
    describe(request, f"server side ended {ended:.1f} s after sshd's session process was killed")


def test_two_users_at_once_keep_their_own_bookmarks_and_cannot_write_the_archive(
    box: SshBox, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    archive_before = sorted((p, p.stat().st_mtime_ns) for p in box.archive.rglob("*"))
    alice, bob = box.accounts.create("alice"), box.accounts.create("bob")
    sessions: list[TmuxSession] = []
    try:
        for account in (alice, bob):
            sessions.append(box.open_reader(account, tmp_path))
        sessions[1].press("[")
        assert sessions[1].wait_for("2025-07-16 ·"), sessions[1].screen()
        sessions[0].press("b")
        sessions[1].press("b")
        assert wait_until(lambda: bookmarked(alice) == {"2507.17001"}, 10), sessions[0].screen()
        assert wait_until(lambda: bookmarked(bob) == {"2507.16001"}, 10), sessions[1].screen()
        assert len(alice.readers()) == 1 and len(bob.readers()) == 1
        for session in sessions:
            session.press("q")
        for account in (alice, bob):
            account.time_to_end(GONE_WITHIN)
    finally:
        for session in sessions:
            session.close()
    some_file = next(p for p in box.archive.rglob("*.md"))
    for account in (alice, bob):
        assert not account.can("touch", str(box.archive / "new.md"))
        assert not account.can("sh", "-c", f"echo x >> {some_file}")
    assert not bob.can("cat", str(alice.data / "bookmarks.json"))  # private to each
    assert sorted((p, p.stat().st_mtime_ns) for p in box.archive.rglob("*")) == archive_before
    describe(request, f"{alice.name} and {bob.name} at once on {box.archive}")
