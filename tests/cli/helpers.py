"""Running the ``paperdeck`` command in-process, as a script would."""

from __future__ import annotations

import pytest

from tui.cli import main


def run(capfd: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``paperdeck ARGV…``."""
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out = capfd.readouterr()
    return code, out.out, out.err
