"""Finding where search words occur in a title, to highlight them."""

from __future__ import annotations

from tui.search.phrase import phrase_pattern
from tui.search.query import Query, normalize


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


def match_spans(
    text: str, query: Query, fields: tuple[str, ...] = ("any",)
) -> list[tuple[int, int]]:
    """(start, end) in ``text`` of each search word or phrase found at a word start.

    ``fields`` are the kinds of terms looked for: ``any`` (plain words), ``author``.
    """
    mapped = _normal_with_origins(text)
    if mapped is None:
        return []
    normal, origins = mapped
    spans: list[tuple[int, int]] = []
    for term in query.text_terms:
        if term.field not in fields:
            continue
        if term.literal:
            for found in phrase_pattern(term.literal).finditer(normal):
                if found.end() > found.start():
                    spans.append((origins[found.start()], origins[found.end() - 1] + 1))
            continue
        needle = term.phrase
        start = normal.find(needle)
        while start >= 0:
            if start == 0 or not normal[start - 1].isalnum():
                end = start + len(needle)
                spans.append((origins[start], origins[end - 1] + 1))
            start = normal.find(needle, start + 1)
    return sorted(spans)
