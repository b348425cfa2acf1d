"""``q`` ends the reader at once and cleanly, whatever its background work is doing.

Each test runs the real reader in tmux (a real pty): quitting while a cold archive is
still being read and indexed, while a sync waits on a server that never answers, and
while a file takes for ever to parse. The process must end with exit code 0 (never a
crash, never a hang) and leave nothing running.
"""

from __future__ import annotations

import socket
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.benchmarks.archive import generate_archive
from tests.tmux import TmuxSession, process_alive, wait_until

pytestmark = pytest.mark.system

# Moments after the first frame, spread over the background load of the archive.
MOMENTS = (0.0, 0.05, 0.1, 0.2, 0.35, 0.5, 0.8, 1.2, 1.7, 2.5)
GONE_WITHIN = 5.0  # seconds: a bound on a failure, not a measure (the target is 2 s)


@pytest.fixture(scope="module")
def years(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("years")
    generate_archive(root, days=730, papers=20)
    return root


def user_env(root: Path, cache: str = "cache") -> dict[str, str]:
    env = {
        name: str(root / name.lower())
        for name in ("PAPERDECK_DATA_DIR", "PAPERDECK_CONFIG_DIR", "PAPERDECK_STATE_DIR")
    }
    env["PAPERDECK_CACHE_DIR"] = str(root / cache)
    return env


def quit_and_wait(session: TmuxSession) -> tuple[bool, str]:
    """Press q; whether the reader ended in time, and how (the shell's EXIT= line)."""
    pid = session.command_pid()
    session.press("q")
    gone = wait_until(lambda: not process_alive(pid), GONE_WITHIN)
    session.wait_for("EXIT=", 5)
    screen = session.screen()
    exit_line = next((line for line in screen.splitlines() if "EXIT=" in line), "no exit")
    return gone, exit_line.strip()


def test_q_while_a_cold_archive_is_read_and_indexed_exits_cleanly(
    tmp_path: Path, years: Path
) -> None:
    outcomes: list[tuple[float, bool, str]] = []
    for number, moment in enumerate(MOMENTS):
        session = TmuxSession(tmp_path)
        try:
            env = user_env(tmp_path, cache=f"cache-{number}")  # cold every time
            session.start(f"{sys.executable} -m tui --no-animation {years}", env, then_shell=True)
            assert session.wait_for("Paper 1/", 60), session.screen()
            wait_until(lambda: False, moment)
            gone, exit_line = quit_and_wait(session)
            outcomes.append((moment, gone, exit_line))
        finally:
            session.close()
    failed = [o for o in outcomes if not o[1] or o[2] != "EXIT=0"]
    assert failed == [], f"quits that did not end cleanly: {failed}"


@pytest.fixture
def silent_server() -> Iterator[str]:
    """An HTTP address that accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/api/daily_papers"
    stop.set()
    thread.join(5)
    for connection in held:
        connection.close()
    server.close()


def test_q_during_a_sync_that_waits_on_a_silent_server_exits_at_once(
    tmp_path: Path, silent_server: str
) -> None:
    env = user_env(tmp_path)
    config = Path(env["PAPERDECK_CONFIG_DIR"]) / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text(f'[[source]]\nkind = "hf"\nurl = "{silent_server}"\n', encoding="utf-8")
    archive = tmp_path / "archive"
    generate_archive(archive, days=3, papers=3)
    session = TmuxSession(tmp_path)
    try:
        session.start(f"{sys.executable} -m tui --no-animation {archive}", env, then_shell=True)
        assert session.wait_for("Paper 1/", 60), session.screen()
        session.press("R")
        assert session.wait_for("Syncing", 30), session.screen()
        gone, exit_line = quit_and_wait(session)
    finally:
        session.close()
    assert gone and exit_line == "EXIT=0"


IN_SQLITE = """
import sys, threading
from pathlib import Path
import tui.archive.cache.writing as writing
from tui.cli import main

marker = Path(sys.argv.pop(1))
real = writing.store_results
LONG = (
    "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 100000000) "
    "SELECT max(inside(x)) FROM n"
)

def inside(x):
    if x == 1:
        marker.touch()
    return x

def store_results(connection, results, index_now):
    if threading.current_thread() is not threading.main_thread():
        connection.create_function("inside", 1, inside)
        connection.execute(LONG).fetchone()  # a statement that runs for a long time
    return real(connection, results, index_now)

writing.store_results = store_results
sys.exit(main(sys.argv[1:]))
"""


def quit_once_inside(tmp_path: Path, script_text: str, archive: Path) -> None:
    """Run the reader through ``script_text`` (which touches its first argument once the
    background work is where the test wants it), then quit: it must end cleanly."""
    script, marker = tmp_path / "reader.py", tmp_path / "inside"
    script.write_text(script_text, encoding="utf-8")
    session = TmuxSession(tmp_path)
    try:
        command = f"{sys.executable} {script} {marker} --no-animation {archive}"
        session.start(command, user_env(tmp_path), then_shell=True)
        assert session.wait_for("Paper 1/", 60), session.screen()
        assert wait_until(marker.exists, 60)
        gone, exit_line = quit_and_wait(session)
    finally:
        session.close()
    assert gone and exit_line == "EXIT=0"


def test_q_while_the_loader_is_inside_a_long_statement_exits_cleanly(
    tmp_path: Path, years: Path
) -> None:
    """The moment that crashed: the cache closed while the loader's statement runs."""
    quit_once_inside(tmp_path, IN_SQLITE, years)


STUCK_PARSE = """
import sys, threading
from pathlib import Path
import parsers.loader

marker = Path(sys.argv.pop(1))
real = parsers.loader.read_file_raw

def read(source):
    if source.path.endswith("stuck.md"):
        marker.touch()
        threading.Event().wait()  # a file that never finishes parsing
    return real(source)

parsers.loader.read_file_raw = read  # before the cache imports it
from tui.cli import main

sys.exit(main(sys.argv[1:]))
"""


def test_q_while_a_file_never_finishes_parsing_exits_at_once(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    generate_archive(archive, days=3, papers=3)
    head = "## Daily Papers (2020-01-01)\n\n### [Stuck](https://arxiv.org/abs/2001.00001)\n\n"
    body = "- A long summary line of a paper that goes on.\n" * 70_000  # 3 MB: read last
    (archive / "stuck.md").write_text(head + body, encoding="utf-8")
    quit_once_inside(tmp_path, STUCK_PARSE, archive)
