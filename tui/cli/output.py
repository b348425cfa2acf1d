"""Writing command output: UTF-8 whatever the locale, and quiet when the pipe closes."""

from __future__ import annotations

import os
import sys

from parsers.decoding import strip_controls


def write(text: str) -> None:
    """Write ``text`` to standard output as UTF-8."""
    try:
        sys.stdout.buffer.write(text.encode("utf-8", errors="replace"))
        sys.stdout.flush()
    except BrokenPipeError:  # `paperdeck dump … | head`: the reader has gone, so do we
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise SystemExit(0) from None


def safe(text: str) -> str:
    """``text`` without terminal control characters, for printing paths and messages."""
    return strip_controls(text)
