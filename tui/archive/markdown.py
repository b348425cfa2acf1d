"""Digest text in Markdown that stays what it is: text inside a line, a link's text or its
address, never markup of its own (exports and briefs write it)."""

from __future__ import annotations

import re
from urllib.parse import quote

from parsers.decoding import strip_controls

LINE_BREAK = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
_MARKUP = re.compile(r"([\\`*_\[\]<>])")
_URL_UNSAFE = re.compile(r"[()<>\\\s\x00-\x1f\x7f-\x9f]")


def markdown_text(text: str) -> str:
    """``text`` on one line of Markdown, its markup characters escaped (so a title stays
    inside its link's text: ``[`` and ``]`` too)."""
    return _MARKUP.sub(r"\\\1", strip_controls(LINE_BREAK.sub(" ", text)))


def markdown_url(url: str) -> str:
    """``url`` with parentheses, angle brackets, backslashes, spaces and control characters
    percent-encoded: the same address to a browser, and it cannot close the link it is
    written in nor drive a terminal."""
    return _URL_UNSAFE.sub(lambda match: quote(match.group(0), safe=""), url)
