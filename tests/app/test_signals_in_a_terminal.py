"""A real terminal closing or a SIGTERM, at any moment: the reader saves and goes away.

Each test runs the real ``paperdeck`` in tmux (a real pty) on a year-long archive.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path

import pytest

from tests.benchmarks.archive import generate_archive
from tests.tmux import TmuxSession, process_alive, wait_until

pytestmark = pytest.mark.system

# Moments after the first frame, spread over the background load of the rest of the year.
MOMENTS = (0.0, 0.05, 0.15, 0.3, 0.6, 1.0, 1.5, 2.5)
GONE_WITHIN = 5.0  # seconds; the watchdog's own deadline is 1.8 s


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("year")
    generate_archive(root, days=365, papers=20)
    return root


def reader(archive: Path) -> str:
    return f"{sys.executable} -m tui --no-animation {archive}"


def user_env(root: Path) -> dict[str, str]:
    return {
        name: str(root / name.lower())
        for name in ("PAPERDECK_DATA_DIR", "PAPERDECK_CONFIG_DIR", "PAPERDECK_STATE_DIR")
    }


def test_closing_the_terminal_at_any_moment_leaves_no_reader(tmp_path: Path, year: Path) -> None:
    left: list[float] = []
    for moment in MOMENTS:
        session = TmuxSession(tmp_path)
        try:
            session.start(reader(year), user_env(tmp_path))
            assert session.wait_for("Paper 1/"), session.screen()
            pid = session.pane_pid
            wait_until(lambda: False, moment)
            session.kill_session()
            if not wait_until(lambda pid=pid: not process_alive(pid), GONE_WITHIN):
                left.append(moment)
                os.kill(pid, signal.SIGKILL)
        finally:
            session.close()
    assert left == [], f"readers still running after a hang-up at {left} s"


def test_sigterm_restores_the_terminal_and_saves_the_position(tmp_path: Path, year: Path) -> None:
    session = TmuxSession(tmp_path)
    env = user_env(tmp_path)
    try:
        session.start(reader(year), env, then_shell=True)
        assert session.wait_for("365 days"), session.screen()  # loaded
        session.press("[", "j")
        assert session.wait_for("2025-07-16 ·"), session.screen()
        modes = "#{alternate_on} #{cursor_flag} #{mouse_any_flag} #{mouse_sgr_flag}"
        assert session.display(modes) == "1 0 1 1"  # the reader's own modes are on
        pid = session.command_pid()
        os.kill(pid, signal.SIGTERM)
        assert wait_until(lambda: not process_alive(pid), GONE_WITHIN)
        assert session.wait_for(f"EXIT={128 + signal.SIGTERM}", 5), session.screen()
        assert session.display(modes) == "0 1 0 0"  # main screen, cursor shown, no mouse
    finally:
        session.close()
    state = Path(env["PAPERDECK_STATE_DIR"]) / "session.json"
    (position,) = json.loads(state.read_text(encoding="utf-8"))["positions"].values()
    assert position["day"] == "2025-07-16"
    assert position["paper"] is not None
