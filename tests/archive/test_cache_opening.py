"""Opening a new cache from many processes at once: one creates it, the others wait, use
it, and nothing any of them wrote is lost."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tui.archive.cache.schema import FORMAT

ROOT = Path(__file__).resolve().parents[2]
PROCESSES = 4
CACHES = 25

OPEN_AND_WRITE = """
import os, sys, time
from pathlib import Path
from tui.archive.cache.schema import open_checked, write_transaction

folder, start, caches = Path(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
while time.time() < start:  # every process opens the first cache at the same moment
    pass
for number in range(caches):
    connection, hold = open_checked(folder / f"{number}.sqlite3")
    with write_transaction(connection):
        connection.execute(
            "INSERT INTO meta (key, value) VALUES (?, 'written')", (f"process {os.getpid()}",)
        )
    connection.close()
    hold.release()
"""


def test_processes_opening_new_caches_at_once_all_keep_their_writes(tmp_path: Path) -> None:
    start = time.time() + 1.5
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", OPEN_AND_WRITE, str(tmp_path), str(start), str(CACHES)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(PROCESSES)
    ]
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
    for number in range(CACHES):
        connection = sqlite3.connect(tmp_path / f"{number}.sqlite3")
        try:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            rows = dict(connection.execute("SELECT key, value FROM meta").fetchall())
        finally:
            connection.close()
        assert rows.pop("format") == FORMAT
        assert sorted(rows) == sorted(f"process {run.pid}" for run in runs), number
