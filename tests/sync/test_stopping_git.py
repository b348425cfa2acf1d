"""A sync stopped while ``git`` works (a cancel in the reader, a signal to ``paperdeck
sync``) ends git and every program git started, and leaves the lock free."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import suppress
from pathlib import Path

import pytest

from tests.sync.helpers import Upstream
from tui.settings.locations import Locations
from tui.settings.sources import SourceConfig
from tui.sync import SourceResult, SyncOptions, sync_source

# A git whose fetch never ends: it starts a child of its own (as git starts
# git-remote-https or ssh), says who they are, and waits.
SLOW_GIT = """#!/bin/sh
for arg in "$@"; do
  if [ "$arg" = fetch ]; then
    sleep 1000 &
    echo "$$ $!" > "{pids}.partial" && mv "{pids}.partial" "{pids}"
    wait
    exit 1
  fi
done
exec {real} "$@"
"""


def wait_for(condition: Callable[[], bool], seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


def gone(pid: int) -> bool:
    """Whether ``pid`` has ended (a zombie waiting for its parent counts as ended)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return True
    return state in ("Z", "X")


class SlowGit:
    def __init__(self, folder: Path) -> None:
        self.pid_file = folder / "git-pids"
        self.bin = folder / "bin"
        self.bin.mkdir()
        self.real_path = os.environ["PATH"]
        real = shutil.which("git")
        assert real is not None
        script = self.bin / "git"
        script.write_text(SLOW_GIT.format(real=real, pids=self.pid_file))
        script.chmod(0o755)

    def pids(self) -> list[int]:
        """git's and its child's, once the fetch has begun (waits for it)."""
        assert wait_for(self.pid_file.exists, 60), "the fetch never began"
        return [int(pid) for pid in self.pid_file.read_text().split()]

    def kill_leftovers(self) -> None:
        if self.pid_file.exists():
            for pid in self.pids():
                with suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)


@pytest.fixture
def upstream(tmp_path: Path) -> Upstream:
    up = Upstream(tmp_path / "remote")
    up.add_day("2025-07-14")
    return up


@pytest.fixture
def slow_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SlowGit]:
    fake = SlowGit(tmp_path)
    monkeypatch.setenv("PATH", f"{fake.bin}{os.pathsep}{fake.real_path}")
    yield fake
    fake.kill_leftovers()


def test_a_cancel_ends_git_and_what_it_started(
    tmp_path: Path, upstream: Upstream, slow_git: SlowGit
) -> None:
    root = tmp_path / "sources"
    source = SourceConfig(kind="git", url=upstream.url, name="ko")
    cancel = threading.Event()
    results: list[SourceResult] = []
    worker = threading.Thread(
        target=lambda: results.append(sync_source(source, root, cancelled=cancel.is_set)),
        daemon=True,
    )
    worker.start()
    pids = slow_git.pids()
    cancel.set()
    worker.join(10)
    assert not worker.is_alive()
    assert (results[0].ok, results[0].message) == (False, "cancelled")
    assert wait_for(lambda: all(gone(pid) for pid in pids))
    assert [p.name for p in root.iterdir()] == [".ko.lock"]  # no half-made folder


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_a_signal_ends_paperdeck_sync_and_its_git(
    upstream: Upstream, slow_git: SlowGit, monkeypatch: pytest.MonkeyPatch, number: int
) -> None:
    sync = subprocess.Popen(
        [sys.executable, "-m", "tui", "sync", "--git", upstream.url, "--name", "ko"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        pids = slow_git.pids()
        sync.send_signal(number)
        out, err = sync.communicate(timeout=20)
    finally:
        if sync.poll() is None:
            sync.kill()
    name = signal.Signals(number).name
    assert (sync.returncode, out) == (128 + number, "")
    assert "Traceback" not in err
    assert err.splitlines()[-2:] == [
        "paperdeck: sync: ko: cancelled",
        f"paperdeck: sync: stopped by {name}",
    ]
    assert wait_for(lambda: all(gone(pid) for pid in pids))
    monkeypatch.setenv("PATH", slow_git.real_path)  # the lock is free: the next sync runs
    root = Locations.resolve().sources
    source = SourceConfig(kind="git", url=upstream.url, name="ko")
    result = sync_source(source, root, options=SyncOptions(lock_wait=5))
    assert result.ok, result.message
