"""Shared fixtures. Every test runs with the user's directories pointed at a temp dir."""

from __future__ import annotations

import os
import signal
from contextlib import suppress
from pathlib import Path

import pytest

from tui.settings.locations import Locations

FIXTURES = Path(__file__).parent / "fixtures"


def ctrl_c_reaches_it() -> None:
    """For ``Popen(preexec_fn=…)``: the child takes SIGINT as a terminal's Ctrl-C, even when
    the tests run where it is ignored (a job started in the background inherits SIG_IGN)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


SEEDS = FIXTURES / "seeds"
TWO_SOURCES = FIXTURES / "two-sources"
"""2025-07-14 in the Korean digest's shape and in the Hugging Face feed, sharing a paper."""


def point_user_dirs(root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point paperdeck's data, config, state and cache dirs (and XDG/HOME) below ``root``.

    A fixture of module or session scope is set up before the autouse fixture below, so one
    that starts paperdeck or writes a cache calls this itself (``pytest.MonkeyPatch.context``).
    """
    for name in ("data", "config", "state", "cache", "home"):
        (root / name).mkdir(exist_ok=True)
    monkeypatch.setenv("PAPERDECK_DATA_DIR", str(root / "data"))
    monkeypatch.setenv("PAPERDECK_CONFIG_DIR", str(root / "config"))
    monkeypatch.setenv("PAPERDECK_STATE_DIR", str(root / "state"))
    monkeypatch.setenv("PAPERDECK_CACHE_DIR", str(root / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(root / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(root / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(root / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(root / "cache"))
    monkeypatch.setenv("HOME", str(root / "home"))
    # The same results whether the tests run in a terminal, over SSH or under textual-serve.
    for name in (
        "SSH_CONNECTION",
        "SSH_CLIENT",
        "SSH_TTY",
        "SSH_ORIGINAL_COMMAND",
        "TEXTUAL_DRIVER",
    ):
        monkeypatch.delenv(name, raising=False)
    return root


REAL_USER_DIRS = Locations.resolve()
"""The directories of whoever runs the tests, resolved before any test moves them."""


_scandir = os.scandir  # the real one: a test may patch ``os.scandir`` while it runs


def _files_in(folders: tuple[Path, ...]) -> dict[str, tuple[int, int]]:
    """Every file below ``folders`` with its modification time and size."""
    found = {}
    pending = [str(folder) for folder in folders]
    while pending:
        with suppress(OSError), _scandir(pending.pop()) as entries:
            for entry in entries:
                with suppress(OSError):
                    if entry.is_dir(follow_symlinks=False):
                        pending.append(entry.path)
                    else:
                        stat = entry.stat(follow_symlinks=False)
                        found[entry.path] = (stat.st_mtime_ns, stat.st_size)
    return found


_REAL_FOLDERS = (
    REAL_USER_DIRS.data, REAL_USER_DIRS.config, REAL_USER_DIRS.state, REAL_USER_DIRS.cache
)  # fmt: skip
_real_files = _files_in(_REAL_FOLDERS)


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Every test runs with the user's directories below a temp dir; one whose setup, body
    or children wrote the real ones fails (and names what was written)."""
    global _real_files
    yield point_user_dirs(tmp_path_factory.mktemp("user"), monkeypatch)
    now = _files_in(_REAL_FOLDERS)
    written = sorted(name for name in now.keys() | _real_files.keys()
                     if now.get(name) != _real_files.get(name))  # fmt: skip
    _real_files = now  # each change is blamed once, on the test during which it happened
    assert written == [], f"the user's own paperdeck files were written: {written}"


@pytest.fixture
def seeds() -> Path:
    return SEEDS


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """List the tests marked ``system`` (real sshd, tmux, Chromium) and how each went."""
    rows = []
    for outcome in ("passed", "failed", "error", "skipped"):
        for report in terminalreporter.stats.get(outcome, []):
            if "system" not in getattr(report, "keywords", {}):
                continue
            ran = "; ".join(str(value) for name, value in report.user_properties if name == "ran")
            if outcome == "skipped":
                ran = str(report.longrepr[-1]) if isinstance(report.longrepr, tuple) else ran
            rows.append(f"{outcome.upper():8} {report.nodeid}" + (f"  ({ran})" if ran else ""))
    if rows:
        terminalreporter.write_sep("-", "tests with real programs (sshd, tmux, Chromium)")
        for row in rows:
            terminalreporter.write_line(row)
