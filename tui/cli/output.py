"""Writing command output: UTF-8 whatever the locale, and quiet when the pipe closes."""

from __future__ import annotations

import os
import re
import sys


def write(text: str) -> None:
    """Write ``text`` to standard output as UTF-8."""
    try:
        sys.stdout.buffer.write(text.encode("utf-8", errors="replace"))
        sys.stdout.flush()
    except BrokenPipeError:  # `paperdeck dump … | head`: the reader has gone, so do we
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise SystemExit(0) from None


# C0 and C1 controls, DEL, the Unicode line and paragraph separators and bidirectional
# overrides: each could end a line, drive the terminal or reorder what is shown.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(match: re.Match[str]) -> str:
    char = match.group(0)
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def safe(text: str) -> str:
    """``text`` fit for one line of output: every control character shown escaped.

    A newline in a file name becomes ``\\n`` (so it cannot forge a line of ``check``
    output), an escape character ``\\x1b`` (so it cannot drive the terminal); nothing is
    dropped silently.
    """
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_escaped, text)
