"""The few symbols the reader draws, with ASCII stand-ins for fonts that lack them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Glyphs:
    """Markers used in lists and the detail pane."""

    bullet: str
    votes: str
    bookmark: str
    unread: str
    read: str
    note: str = "✎"
    selected: str = "✓"

    @classmethod
    def pick(cls, ascii_only: bool) -> Glyphs:
        return ASCII if ascii_only else UNICODE


UNICODE = Glyphs(bullet="•", votes="▲", bookmark="★", unread="●", read=" ")
ASCII = Glyphs(bullet="-", votes="^", bookmark="*", unread="+", read=" ", note="=", selected=">")
