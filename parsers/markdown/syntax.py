"""The shapes of markdown digest lines: patterns and small tests shared by both paths."""

from __future__ import annotations

import re

from parsers.dates import find_date_text

LONG_LINE = 100_000
MAX_FAST_TITLE = 400

META = re.compile(
    r"[*_]*\s*(votes?|upvotes?|likes|authors?|저자|투표|추천)\s*[*_]*\s*[:：]\s*[*_]*\s*(.*)$",
    re.IGNORECASE,
)
# A bullet that opens a section: the heading between any mix of "*" and "_", balanced or
# not, with the colon inside or outside the markers (``***H***:``, ``**H:**``, ``***H*:``,
# ``**H***:``, ``__H__:``, ``*H*:``), then the section's first item.
SECTION_BULLET = re.compile(
    r"[*_]+\s*(?P<heading>[^*_\s][^*\n]{0,79}?)\s*"
    r"(?:[*_]+\s*[:：](?:[*_]+(?=\s|$))?|[:：]\s*[*_]+)\s*(?P<body>.*)$"
)
NUMBERED = re.compile(r"(\d{1,3}[.)])\s+(.*)$")
LINK_LINE = re.compile(r"\[([^\]]*)\]\((\S+?)\)")
IMAGE_LINE = re.compile(r"!\[[^\]]*\]\((\S+?)\)")
_HTML_TAG = re.compile(r"<(video|img|source)\b", re.I)
_HTML_SRC_AT = re.compile(r"""(?=\bsrc\s*=\s*["']([^"']+)["'])""", re.I)
DAY_WORDS = re.compile(r"daily\s*papers|데일리\s*페이퍼", re.IGNORECASE)
# The run of blanks after the hashes is taken whole (``++``): given back one by one, each
# shorter run would scan the rest of the line again for "daily papers".
_SNIFF = re.compile(r"^#{1,6}[ \t]++(?:\[[^\]\n]*\]\(|.*daily\s*papers)", re.MULTILINE | re.I)


def find_markdown_digest(text: str) -> bool:
    """True when ``text`` holds a day header or a paper heading."""
    return _SNIFF.search(text) is not None


def html_source(line: str) -> tuple[str, str] | None:
    """The tag name and ``src`` of the first ``<video``, ``<img`` or ``<source`` tag of
    ``line`` with a quoted ``src`` before the tag's ``>`` (the value may run past it).

    One pass over the line: each tag reuses the next ``>`` and the next ``src`` found for
    the tags before it, where a pattern per tag would scan to the end of the line for each
    (a line of 8,000 unclosed tags took 6 s).
    """
    close = -1  # the first ">" at or after the tag looked at (the line's end if none)
    found: re.Match[str] | None = None  # the first quoted src at or after it
    for tag in _HTML_TAG.finditer(line):
        start = tag.end()
        if close < start:
            close = line.find(">", start)
            close = len(line) if close < 0 else close
        if found is None or found.start() < start:
            found = _HTML_SRC_AT.search(line, start)
            if found is None:
                return None
        if found.start() < close:
            return tag.group(1), found.group(1)
    return None


def split_link(text: str) -> tuple[str, str] | None:
    """Title and URL of ``[Title](url) trailing``; trailing words join the title."""
    close = text.rfind("](")
    if close < 0:
        return None
    title, rest = text[1:close], text[close + 2 :]
    end = rest.find(")")
    url, trailing = (rest, "") if end < 0 else (rest[:end], rest[end + 1 :].strip())
    return (f"{title} {trailing}" if trailing else title), url.strip()


def is_bare_date(text: str) -> bool:
    """True for a heading that is only a date (``## 2025-07-14``, ``### (2025-07-14)``)."""
    match = find_date_text(text)
    return match is not None and len(text.strip("()[] ")) <= len(match.group(0)) + 1
