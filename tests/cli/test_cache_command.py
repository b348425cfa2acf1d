"""``paperdeck cache info`` and ``paperdeck cache clear``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.cli.helpers import run
from tests.screens.helpers import write_digest


def test_cache_info_names_the_archive_each_cache_is_for(
    capfd: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    write_digest(first / "2025-07-14.md", "2025-07-14", [("A", 1)])
    write_digest(second / "2025-07-15.md", "2025-07-15", [("B", 2), ("C", 3)])
    assert run(capfd, "check", str(first))[0] == 0
    assert run(capfd, "check", str(second), str(first))[0] == 0
    code, out, _ = run(capfd, "cache", "info")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("cache directory: ")
    for_lines = [line for line in lines if line.startswith("  for ")]
    assert sorted(for_lines) == sorted(
        [
            f"  for {os.path.realpath(first)}",
            f"  for {os.path.realpath(first)}, {os.path.realpath(second)}",
        ]
    )
    assert "1 files, 1 days, 1 papers" in out and "2 files, 2 days, 3 papers" in out
    assert run(capfd, "cache", "clear") == (
        0,
        f"removed 2 archive caches from {lines[0][17:]}\n",
        "",
    )
