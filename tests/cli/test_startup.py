"""Start-up: which archive opens, and one-line errors for bad arguments."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import ctrl_c_reaches_it
from tests.screens.helpers import wait_loaded, write_digest
from tui.cli import main
from tui.cli.launch import build_app
from tui.settings.locations import DEMO_ARCHIVE
from tui.terminal.textual_compat import notifications


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["/no/such/dir"], "no such file or directory: '/no/such/dir'"),
        (["--date", "2025-13-01"], "invalid date '2025-13-01'"),
        (["--bogus"], "unrecognized arguments: --bogus"),
        (["--date"], "expected one argument"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], needle: str
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and needle in err and "Traceback" not in err


def test_data_dir_that_is_a_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "f"
    file.write_text("x")
    with pytest.raises(SystemExit) as exit_info:
        build_app([], data_dir=str(file))
    assert exit_info.value.code == 2


async def test_no_path_and_no_digests_opens_the_demo_and_says_so() -> None:
    app = build_app([])
    assert app.paths == [str(DEMO_ARCHIVE)] and app.demo
    assert not build_app([str(DEMO_ARCHIVE)]).demo  # asked for by name: no note
    async with app.run_test() as pilot:
        await wait_loaded(pilot)
        [note] = [n for n in notifications(app) if n.title == "This is the demo archive"]
        assert "paperdeck PATH" in note.message and "paperdeck sync" in note.message


def test_no_path_opens_the_users_digest_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "mine"
    write_digest(data / "digests/2025/07/17.md", "2025-07-17", [("Mine", 1)])
    monkeypatch.setenv("PAPERDECK_DATA_DIR", str(data))
    assert build_app([]).paths == [str(data)]
    other = tmp_path / "other"
    other.mkdir()
    assert build_app([], data_dir=str(other)).paths == [str(DEMO_ARCHIVE)]
    write_digest(other / "x.md", "2025-07-18", [("Other", 1)])
    assert build_app([], data_dir=str(other)).paths == [str(other)]


async def test_start_date_opens_the_nearest_day(tmp_path: Path) -> None:
    write_digest(tmp_path / "2025/07/10.md", "2025-07-10", [("Ten", 1)])
    write_digest(tmp_path / "2025/07/17.md", "2025-07-17", [("Seventeen", 1)])
    app = build_app([str(tmp_path)], start_date=date(2025, 7, 12))
    async with app.run_test() as pilot:
        await wait_loaded(pilot)
        assert app.reader.day == date(2025, 7, 10)


async def test_empty_directory_opens_with_a_message(tmp_path: Path) -> None:
    app = build_app([str(tmp_path)])
    async with app.run_test() as pilot:
        await wait_loaded(pilot)
        assert app.store.is_empty()
        assert app.reader.paper_list.border_title == "No digests"


def test_python_dash_m_tui_help() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tui", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert "usage: paperdeck" in result.stdout and "paperdeck dump [PATH...]" in result.stdout
    assert "paperdeck sync" in result.stdout


def test_a_data_dir_from_the_environment_that_is_a_file_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "f"
    file.write_text("x")
    monkeypatch.setenv("PAPERDECK_DATA_DIR", str(file))
    for argv in ([], ["search", "x"], ["bookmarks", "list"]):
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        assert exit_info.value.code == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "is a file, not a directory" in err


async def test_unreadable_bookmarks_file_is_reported_and_the_app_runs(tmp_path: Path) -> None:
    write_digest(tmp_path / "a/2025/07/17.md", "2025-07-17", [("Paper", 1)])
    from tui.settings.locations import Locations

    (Locations.resolve().data / "bookmarks.json").mkdir(parents=True)  # a directory: unreadable
    app = build_app([str(tmp_path / "a")])
    async with app.run_test() as pilot:
        await wait_loaded(pilot)
        messages = [n.message for n in notifications(app)]
        assert any("cannot read" in m and "bookmarks.json" in m for m in messages)


SLOW_CHECK = """
import sys, time
from pathlib import Path
import parsers.loader

marker = Path(sys.argv.pop(1))
real = parsers.loader.read_file_raw

def read(source):
    marker.touch()  # the command is at work: reading its files
    time.sleep(0.05)
    return real(source)

parsers.loader.read_file_raw = read  # before the cache imports it
from tui.cli import main

sys.exit(main(sys.argv[1:]))
"""


def test_ctrl_c_in_a_command_ends_it_without_a_traceback(tmp_path: Path) -> None:
    import signal

    from tests.benchmarks.archive import generate_archive

    archive, marker, script = tmp_path / "archive", tmp_path / "reading", tmp_path / "check.py"
    generate_archive(archive, days=400, papers=3)  # 20 s of reading at 0.05 s a file
    script.write_text(SLOW_CHECK, encoding="utf-8")
    command = subprocess.Popen(
        [sys.executable, str(script), str(marker), "check", "--no-cache", str(archive)],
        cwd=Path(__file__).resolve().parents[2],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=ctrl_c_reaches_it,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not marker.exists():
        time.sleep(0.01)
    assert marker.exists(), "the command never began reading"
    command.send_signal(signal.SIGINT)
    _, err = command.communicate(timeout=60)
    assert command.returncode == 130, err
    assert "Traceback" not in err
