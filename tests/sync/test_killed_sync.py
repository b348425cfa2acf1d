"""``kill -9`` in the middle of a sync: the reader still loads, and the next sync is fine."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from parsers import discover, load
from tests.conftest import FIXTURES
from tests.sync.helpers import Answer, FakeApi, Upstream, fast_options, git
from tests.waiting import DEADLINE, poll_until
from tui.settings.locations import Locations
from tui.settings.sources import SourceConfig
from tui.sync import SyncOptions, sync_source
from tui.sync.git_source import CURRENT, TREES

DAY14 = (FIXTURES / "hf-daily" / "2025-07-14.json").read_bytes()


def start_sync(*argv: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tui", "sync", *argv],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def kill_when(process: subprocess.Popen[str], ready: Callable[[str], bool]) -> None:
    """SIGKILL ``process`` as soon as a progress line on its stderr satisfies ``ready``."""
    assert process.stderr is not None
    deadline = time.monotonic() + DEADLINE
    for line in process.stderr:
        if ready(line) or time.monotonic() > deadline:
            break
    os.kill(process.pid, signal.SIGKILL)
    process.wait(10)
    assert process.returncode == -signal.SIGKILL


def checking_out(line: str) -> bool:
    return "checking out" in line


def assert_reader_loads(root: Path) -> list[date | None]:
    result = load([str(root)])
    assert result.problems == []
    for source in discover([str(root)])[0]:
        assert ".partial" not in source.path
    return [digest.date for digest in result.digests]


def test_killed_while_fetching_days(tmp_path: Path) -> None:
    with FakeApi().running() as api:
        api.answer("2025-07-14", Answer(body=DAY14))
        api.answer("2025-07-12", Answer(body=b"[]", delay=30))  # hangs: killed while waiting
        process = start_sync("--hf", "--api", api.url, "--since", "2025-07-10",
                             "--until", "2025-07-14")  # fmt: skip

        def waiting_for_the_12th(line: str) -> bool:  # the 13th written, the 12th asked
            if "2025-07-13:" not in line:
                return False
            poll_until(lambda: "2025-07-12" in api.days_asked(), "the request for the 12th")
            return True

        kill_when(process, waiting_for_the_12th)
        root = Locations.resolve().sources
        assert sorted(p.name for p in (root / "hf").iterdir()) == [
            "2025-07-13.json",
            "2025-07-14.json",
        ]
        assert assert_reader_loads(root) == [date(2025, 7, 14)]
        api.seen.clear()
        api.answer("2025-07-12", Answer(body=b"[]"))
        source = SourceConfig(kind="hf", url=api.url, since=date(2025, 7, 10))
        options = fast_options()
        options = SyncOptions(date(2025, 7, 14), options.http, options.today, options.sleep)
        result = sync_source(source, root, options=options)
        assert result.ok, result.message
        assert api.days_asked() == ["2025-07-12", "2025-07-11", "2025-07-10"]  # resumed
        assert assert_reader_loads(root) == [date(2025, 7, 14)]


def test_killed_while_cloning_and_while_updating(tmp_path: Path) -> None:
    upstream = Upstream(tmp_path / "remote")
    for number in range(400):  # enough files that the checkout takes a moment
        path = upstream.work / "paper_logs" / "2024" / f"{number:03d}" / "01.md"
        path.parent.mkdir(parents=True)
        path.write_text(
            f"## Daily Papers (2024-01-01)\n\n### [P{number}](https://arxiv.org/abs/2401.{number:05d})\n"
        )
    upstream.add_day("2025-07-14")
    root = Locations.resolve().sources
    source = SourceConfig(kind="git", url=upstream.url, name="ko")

    kill_when(start_sync("--git", upstream.url, "--name", "ko"), checking_out)
    if (root / "ko").exists():  # the kill came after the folder was renamed in: it is whole
        assert os.path.isdir(root / "ko" / CURRENT)
    assert_reader_loads(root)
    first = sync_source(source, root)
    assert first.ok, first.message
    assert [p.name for p in root.iterdir() if ".partial" in p.name] == []
    assert assert_reader_loads(root) == [date(2024, 1, 1), date(2025, 7, 14)]

    before = os.readlink(root / "ko" / CURRENT)
    upstream.add_day("2025-07-15")
    kill_when(start_sync("--git", upstream.url, "--name", "ko"), checking_out)
    link = os.readlink(root / "ko" / CURRENT)
    assert link in (before, f"{TREES}/{git(upstream.work, 'rev-parse', 'HEAD')}")
    assert assert_reader_loads(root)[-1] in (date(2025, 7, 14), date(2025, 7, 15))
    second = sync_source(source, root)
    assert second.ok, second.message
    assert assert_reader_loads(root) == [date(2024, 1, 1), date(2025, 7, 14), date(2025, 7, 15)]
    assert [p.name for p in (root / "ko" / TREES).iterdir() if p.name.startswith(".")] == []
