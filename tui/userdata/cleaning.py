"""The reader's own words as they are kept: a note's text and tag names, cleaned.

A note is plain text: line ends become ``\\n``, terminal control characters go (a note is
drawn in the terminal), trailing spaces and blank lines at the ends go; a note of nothing
but spaces is no note. A tag is one word (see :func:`tui.archive.text.clean_tag`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from parsers.decoding import strip_controls
from tui.archive.text import clean_tag

MAX_NOTE_CHARS = 1_000_000
"""The longest note read from a command's standard input (a note is never cut)."""

_SEPARATORS = re.compile(r"[\s,]+")


def clean_note(text: str | None) -> str | None:
    """``text`` as a note is kept; None for no note (None, empty, only spaces)."""
    if text is None:
        return None
    text = strip_controls(text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [line.rstrip() for line in text.split("\n")]
    cleaned = "\n".join(lines).strip("\n")
    return cleaned if cleaned.strip() else None


def clean_tags(tags: Iterable[str]) -> list[str]:
    """Each tag cleaned, each once, sorted; the ones with nothing left dropped."""
    return sorted({tag for tag in map(clean_tag, tags) if tag})


def parse_tags(text: str) -> list[str]:
    """The tags typed in ``text``, separated by spaces or commas, in the order typed."""
    seen = dict.fromkeys(tag for tag in map(clean_tag, _SEPARATORS.split(text)) if tag)
    return list(seen)


__all__ = ["clean_note", "clean_tag", "clean_tags", "parse_tags"]
