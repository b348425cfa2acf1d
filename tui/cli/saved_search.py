"""``paperdeck search --saved NAME``: the query of a search saved in the reader (ctrl+s)."""

from __future__ import annotations

from tui.cli.arguments import fail
from tui.settings.locations import Locations
from tui.userdata.searches import saved_search
from tui.userdata.state_file import StateFileError


def saved_query(locations: Locations, name: str) -> str:
    """The query saved under ``name``; an unknown name is a one-line error (exit code 2)."""
    try:
        query = saved_search(locations.data, name)
    except StateFileError as exc:
        fail(str(exc))
    if query is None:
        fail(f"no saved search named {name!r} (save one in the reader: / then ctrl+s)")
    return query
