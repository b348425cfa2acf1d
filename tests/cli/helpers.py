"""Running the ``paperdeck`` command in-process, as a script would."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run(capfd: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``paperdeck ARGV…``."""
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out = capfd.readouterr()
    return code, out.out, out.err


def run_process(
    *argv: str, timeout: float = 20.0, memory_bytes: int = 2**30
) -> subprocess.CompletedProcess[str]:
    """``paperdeck ARGV…`` in a child process (this test's environment), killed after
    ``timeout`` seconds and limited to ``memory_bytes`` of address space: a command that
    hangs or eats memory fails its test instead of taking the machine down with it."""

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))

    return subprocess.run(
        [sys.executable, "-m", "tui", *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=limit_memory,
        stdin=subprocess.DEVNULL,
        check=False,
    )
