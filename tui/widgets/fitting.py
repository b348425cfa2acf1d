"""Text cut to a width in terminal cells, as the lists show it."""

from __future__ import annotations

from textual.content import Content


def fit(content: Content, width: int) -> Content:
    """``content`` in exactly ``width`` cells.

    Cut, it ends in ``…`` right after the last character that fits, never after a space;
    a wide (Hangul) character that does not fit leaves its cell blank after the ``…``,
    not before it.
    """
    if width <= 0:
        return Content("")
    length = content.cell_length
    if length <= width:
        return content.pad_right(width - length)
    cut = content.truncate(width - 1).rstrip() + "…"
    return cut.pad_right(width - cut.cell_length)
