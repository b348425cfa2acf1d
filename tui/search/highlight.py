"""Finding where search words occur in a title, to highlight them."""

from __future__ import annotations

from tui.archive.text import normalize
from tui.search.paper_text import Part
from tui.search.query import Query


def _normal_with_origins(text: str) -> tuple[str, list[int]] | None:
    """``text`` normalised, and for each normalised character the index it came from.

    None when characters combine across each other under normalisation (decomposed
    Hangul, say): then positions cannot be mapped back, and nothing is highlighted.
    """
    normal = normalize(text)
    if len(normal) == len(text):
        return normal, list(range(len(text)))
    parts: list[str] = []
    origins: list[int] = []
    for index, char in enumerate(text):
        piece = normalize(char)
        parts.append(piece)
        origins.extend([index] * len(piece))
    if "".join(parts) != normal:
        return None
    return normal, origins


def match_spans(text: str, query: Query, part: Part = "title") -> list[tuple[int, int]]:
    """(start, end) in ``text`` of each search word or phrase found at a word start.

    ``text`` is the ``part`` of a paper (its title, an author list, a summary item, a
    note): the words looked for are those of the terms that look in that part.
    """
    mapped = _normal_with_origins(text)
    if mapped is None:
        return []
    normal, origins = mapped
    spans = [
        (origins[start], origins[end - 1] + 1)
        for term in query.text_terms
        if part in term.parts
        for start, end in term.spans(normal)
    ]
    return sorted(spans)
