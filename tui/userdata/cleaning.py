"""The reader's own words as they are kept: a note's text and tag names, cleaned.

A note is plain text: line ends become ``\\n``, terminal control characters go (a note is
drawn in the terminal), trailing spaces and blank lines at the ends go; a note of nothing
but spaces is no note. A tag is one word (see :func:`tui.archive.text.clean_tag`). A
reading list's name is a line of text (see :func:`list_name_problem`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from parsers.decoding import strip_controls
from tui.archive.text import clean_tag

MAX_NOTE_CHARS = 1_000_000
"""The longest note read from a command's standard input (a note is never cut)."""

_SEPARATORS = re.compile(r"[\s,]+")

MAX_LIST_NAME_CHARS = 60
RESERVED_LIST_NAMES = frozenset({"add", "remove"})
"""Words ``paperdeck list`` takes as its subcommands, so no list is named so."""


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


def clean_list_name(name: str) -> str:
    """``name`` as a reading list is named: control characters gone, spaces collapsed."""
    return " ".join(strip_controls(name).split())


def list_name_problem(name: str) -> str | None:
    """Why ``name`` (cleaned) cannot name a reading list; None when it can.

    A name is kept as typed (case too); ``,`` and ``;`` separate names in exports, a
    leading ``-`` would read as an option, and ``add`` and ``remove`` are commands."""
    if not name:
        return "a list needs a name"
    if len(name) > MAX_LIST_NAME_CHARS:
        return f"a list's name has at most {MAX_LIST_NAME_CHARS} characters"
    if "," in name or ";" in name:
        return "a list's name holds no ',' or ';'"
    if name.startswith("-"):
        return "a list's name does not start with '-'"
    if name.lower() in RESERVED_LIST_NAMES:
        return f"{name!r} is a command of 'paperdeck list', not a list's name"
    return None


def clean_list_names(names: Iterable[str]) -> list[str]:
    """Each usable list name cleaned, each once, sorted (case-blind, then as typed)."""
    cleaned = {clean_list_name(name) for name in names}
    return sorted((n for n in cleaned if list_name_problem(n) is None), key=_list_order)


def _list_order(name: str) -> tuple[str, str]:
    return (name.casefold(), name)


def parse_tags(text: str) -> list[str]:
    """The tags typed in ``text``, separated by spaces or commas, in the order typed."""
    seen = dict.fromkeys(tag for tag in map(clean_tag, _SEPARATORS.split(text)) if tag)
    return list(seen)


__all__ = [
    "clean_list_name",
    "clean_list_names",
    "clean_note",
    "clean_tag",
    "clean_tags",
    "list_name_problem",
    "parse_tags",
]
