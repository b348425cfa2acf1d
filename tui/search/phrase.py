"""Quoted phrases that hold punctuation (``"R&B"``, ``"C++"``, ``"GPT-4o"``): matched as typed.

A phrase of plain words matches those words in a row, whatever separates them in the text
(``"kv cache"`` finds "KV-cache"). Once a quoted phrase holds punctuation, the punctuation
counts: ``"R&B"`` finds "R&B" but not "R. B". Both sides are normalised the same way
(:func:`tui.archive.text.normalize`); the phrase starts at the start of a word (when it
starts with a letter or digit) and its end, like any search word, may be the start of a
longer word ("C++" finds "C++17"). A space in the phrase matches any run of separators
between two words, and optional white space next to punctuation (``"R & B"`` finds "R&B").
"""

from __future__ import annotations

import re
from functools import lru_cache

_PUNCTUATION = re.compile(r"[^\w\s]")
_WORD_CHAR = re.compile(r"\w")


def literal_of(normal: str) -> str:
    """The phrase to match as typed ("" when it holds no punctuation: words suffice)."""
    if not _PUNCTUATION.search(normal):
        return ""
    return " ".join(normal.split())


def ends_in_word(literal: str) -> bool:
    """Whether the phrase ends in a word (which may then be the start of a longer one)."""
    return bool(literal) and bool(_WORD_CHAR.match(literal[-1]))


@lru_cache(maxsize=256)
def phrase_pattern(literal: str) -> re.Pattern[str]:
    """The regular expression that finds ``literal`` in normalised text."""
    parts: list[str] = ["(?<!\\w)"] if _WORD_CHAR.match(literal[:1]) else []
    for index, char in enumerate(literal):
        if char != " ":
            parts.append(re.escape(char))
            continue
        before, after = literal[index - 1], literal[index + 1]
        between_words = _WORD_CHAR.match(before) and _WORD_CHAR.match(after)
        parts.append(r"\W+" if between_words else r"\s*")
    return re.compile("".join(parts))


def literal_found(literal: str, text: str) -> bool:
    """Whether normalised ``text`` holds the phrase ``literal``."""
    return phrase_pattern(literal).search(text) is not None
