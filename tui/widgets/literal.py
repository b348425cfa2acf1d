"""Text shown as it is: the one way text reaches a title, a label, a notice or the palette.

Textual reads a plain ``str`` given to a border title or subtitle, a ``Label`` or
``Static``, a notification or a palette entry as content markup: ``[/x]`` raises
MarkupError and stops the reader, ``[bold]`` vanishes, ``[@click=app.quit]`` becomes an
action. So every such text, fixed or not (a filter as typed, a title from a digest, a key
from config.toml, a count), goes through :func:`literal`; text styled on purpose is built
with ``Content.assemble`` from literal parts. Rows of the lists are ``Content`` built from
plain text as well, which is literal in the same way.
"""

from __future__ import annotations

from textual.content import Content

from parsers.decoding import strip_controls


def literal(text: str) -> Content:
    """``text`` exactly, never read as markup; terminal control characters removed."""
    return Content(strip_controls(text))


def literal_markup(text: str) -> str:
    """``text`` as markup that reads back as ``text``, for the few places that take only
    markup (the command palette's entries): every bracket escaped."""
    return literal(text).markup
