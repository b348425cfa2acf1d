"""Where a search result matched: a short piece of its best field with the match marked.

The best field is the title when every word is in it, else your note (for ``note:`` and
``has:note``), the authors (for ``author:`` terms or a word found there), the first summary
item holding a match (of any source's sections, named with its source when the paper
merges several), or your note. For a title match the line below the title shows the
summary's first match, or its start.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len

from parsers import Paper
from parsers.sources import section_title, several_sources
from tui.search.highlight import match_spans
from tui.search.query import Query


@dataclass(frozen=True)
class Snippet:
    """Text of one field (digest text: data, never markup) and the matches in it."""

    where: str  # "authors", "note", a section heading, or "summary" (plain bullets)
    text: str
    spans: list[tuple[int, int]]


def _line(text: str) -> str:
    return " ".join(text.split())


def find_snippet(paper: Paper, query: Query, note: str | None = None) -> Snippet | None:
    """The first match outside the title: in your note when the query asks for notes
    (``note:``, ``has:note``), else in the authors, the summary, or your note."""
    note_line = _line(note or "")
    if note_line and any(term.shows_note for term in query.include):
        return Snippet("note", note_line, match_spans(note_line, query, "note"))
    authors = ", ".join(_line(name) for name in paper.authors)
    spans = match_spans(authors, query, "author")
    if spans and any(term.field == "author" for term in query.text_terms):
        return Snippet("authors", authors, spans)
    labelled = several_sources(paper.sections)
    items = [(section_title(section, labelled) or "summary", _line(item))
             for section in paper.sections for item in section.items]  # fmt: skip
    for where, item in items:
        found = match_spans(item, query, "body")
        if found:
            return Snippet(where, item, found)
    if spans:
        return Snippet("authors", authors, spans)
    noted = match_spans(note_line, query, "note") if note_line else []
    if noted:  # a plain word found in your note only
        return Snippet("note", note_line, noted)
    if items:  # matched in the title only: the summary's start
        return Snippet(items[0][0], items[0][1], [])
    return None


def window(snippet: Snippet, cells: int) -> tuple[str, list[tuple[int, int]]]:
    """About ``cells`` cells of the snippet's text around its first match, on one line.

    Widths are counted in terminal cells (a Hangul syllable is two), and the text before
    the match takes at most a third of them; cut ends are marked with ``…``.
    """
    text, spans = snippet.text, snippet.spans
    start = spans[0][0] if spans else 0
    lead = start
    while lead > 0 and cell_len(text[lead - 1 : start]) <= cells // 3:
        lead -= 1
    if lead > 0:
        while lead < start and not text[lead - 1].isspace():
            lead += 1  # begin at a word
    prefix = "…" if lead > 0 else ""
    shown = prefix + text[lead:]
    shift = len(prefix) - lead
    return shown, [(a + shift, b + shift) for a, b in spans if a >= lead]
