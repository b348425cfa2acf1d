"""Text as search sees it: one normal form for the index, the matcher and the highlighter."""

from __future__ import annotations

import re
import unicodedata

from parsers import Paper

_TOKEN = re.compile(r"\w+")


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
