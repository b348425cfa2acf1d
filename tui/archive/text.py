"""Text as search sees it: one normal form for the index, the matcher and the highlighter."""

from __future__ import annotations

import re
import unicodedata

from parsers import Paper
from parsers.decoding import strip_controls

_TOKEN = re.compile(r"\w+")
_TAG_SEPARATORS = re.compile(r"[\s,]+")
_TAG_DROPPED = re.compile(r"[\"']")
MAX_TAG_CHARS = 40


def normalize(text: str) -> str:
    """Text as the search sees it: NFKC (full/half width, composed Hangul), case-folded."""
    if unicodedata.is_normalized("NFKC", text):  # most text: the check is cheaper
        return text.casefold()
    return unicodedata.normalize("NFKC", text).casefold()


def author_key(name: str) -> str:
    """An author's name as pages and counts compare it: normalised, single spaces."""
    return " ".join(normalize(name).split())


def tokens(text: str) -> list[str]:
    """The words of already normalised text."""
    return _TOKEN.findall(text)


def searchable(paper: Paper) -> tuple[str, str, str]:
    """A paper's title, authors and body, normalised: what the full-text index holds."""
    body = " ".join(item for section in paper.sections for item in section.items)
    return searchable_texts(paper.title, paper.authors, body)


def searchable_texts(title: str, authors: list[str], body: str) -> tuple[str, str, str]:
    """``searchable`` of a paper given as its title, author names and body text."""
    return normalize(title), normalize(", ".join(authors)), normalize(body)


def clean_tag(raw: str) -> str | None:
    """A tag as it is kept and searched: one word, ``#`` in front dropped, NFKC and case
    folded (``LLM``, ``#llm`` and ``ｌｌｍ`` are one tag), spaces inside made ``-``, commas
    and quotes dropped, at most :data:`MAX_TAG_CHARS` characters; None if nothing is left."""
    text = normalize(strip_controls(raw)).strip()
    text = _TAG_DROPPED.sub("", text.lstrip("#"))
    text = _TAG_SEPARATORS.sub("-", text).strip("-")
    return text[:MAX_TAG_CHARS] or None
