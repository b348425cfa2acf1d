"""Markdown daily digests: ``## Daily Papers (date)`` days of ``### [Title](url)`` papers.

A block runs from one heading to the next. Paper blocks in the layouts the common
generators write are found in the whole file at once by one pattern
(:data:`~parsers.markdown.canonical.PAPERS`), and read as the careful path would read them;
the other blocks are read one by one: a paper block in the exact layout takes the plain
string checks of :func:`~parsers.markdown.canonical.read_canonical`, and any other block
goes line by line through a small state machine (:mod:`~parsers.markdown.reader`,
:mod:`~parsers.markdown.body`). No path raises on odd input: what cannot be read cleanly
becomes a :class:`~parsers.models.Problem` and the rest of the file still loads.
"""

from parsers.markdown.reader import parse_markdown_digest, read_markdown_digest
from parsers.markdown.syntax import LONG_LINE, find_markdown_digest

__all__ = ["LONG_LINE", "find_markdown_digest", "parse_markdown_digest", "read_markdown_digest"]
