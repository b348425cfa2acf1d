"""Markdown daily digests: ``## Daily Papers (date)`` days of ``### [Title](url)`` papers.

A file is read block by block (a block runs from one heading to the next). A paper block in
the exact layout the common generator writes takes a fast path of plain string checks
(:mod:`~parsers.markdown.canonical`); any other block goes line by line through a small
state machine (:mod:`~parsers.markdown.reader`, :mod:`~parsers.markdown.body`). Neither path
raises on odd input: what cannot be read cleanly becomes a
:class:`~parsers.models.Problem` and the rest of the file still loads.
"""

from parsers.markdown.reader import parse_markdown_digest, read_markdown_digest
from parsers.markdown.syntax import LONG_LINE, find_markdown_digest

__all__ = ["LONG_LINE", "find_markdown_digest", "parse_markdown_digest", "read_markdown_digest"]
