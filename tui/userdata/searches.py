"""Searches: the last queries searched (recalled with ↑/↓ in the search box) and the
searches saved under a name (in the palette, the search screen and ``paperdeck search
--saved NAME``). Kept in the data directory, written atomically like every state file.
"""

from __future__ import annotations

from dataclasses import field
from pathlib import Path

from tui.userdata.state_file import Change, StateFile, VersionedState

SEARCHES_FILE = "searches.json"
MAX_HISTORY = 50
MAX_NAME = 80  # characters of a saved search's name


class Searches(VersionedState):
    """The searches file."""

    history: list[str] = field(default_factory=list)
    """The last queries searched, newest first, each once."""
    saved: dict[str, str] = field(default_factory=dict)
    """Saved searches: the query by its name, in the order they were saved."""


def searches_file(data_dir: Path) -> StateFile[Searches]:
    return StateFile(data_dir / SEARCHES_FILE, Searches)


def clean_name(text: str) -> str:
    """A saved search's name as kept: printable characters, spaces folded, at most 80."""
    printable = "".join(char if char.isprintable() else " " for char in text)
    return " ".join(printable.split())[:MAX_NAME]


def remember_query(text: str) -> Change[Searches]:
    """``text`` becomes the newest query of the history (once: an older copy goes)."""
    text = text.strip()

    def change(state: Searches) -> None:
        if not text:
            return
        state.history = [text, *(q for q in state.history if q != text)][:MAX_HISTORY]

    return change


def save_search(name: str, text: str) -> Change[Searches]:
    """Save ``text`` under ``name`` (replacing a search saved under it)."""

    def change(state: Searches) -> None:
        state.saved.pop(name, None)
        state.saved[name] = text

    return change


def saved_search(data_dir: Path, name: str) -> str | None:
    """The query saved under ``name`` in ``data_dir`` (None: no such saved search)."""
    return searches_file(data_dir).read().saved.get(name)
