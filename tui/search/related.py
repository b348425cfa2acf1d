"""Related papers: the papers of the archive that share a paper's distinctive words.

No model, no network: the paper's title and summary, normalised and split as the full-text
index holds them (:mod:`tui.archive.text`), give its words, stop words dropped in English
and Korean (and Korean predicates, 제안합니다) and Korean particles cut (모델을 → 모델,
searched as the prefix ``모델*``). A
word's weight is how often the paper uses it (title words twice) times how rare it is in
the archive (its inverse document frequency, read from the index's own vocabulary); the
:data:`TOP_TERMS` heaviest make one full-text query over titles and summaries, ranked by
BM25 (SQLite's ``bm25()``, titles counting twice). Of the :data:`CANDIDATES` best by
text, each author shared with the paper raises the score by half (three count at most);
papers scoring under a fifth of the best are left out. The paper itself and its other
copies (the same identity or arXiv id on other days, or the same title: a copy whose
digest gave no arXiv link) are never among the answers, and a paper listed on several
days is answered once.
"""

from __future__ import annotations

import math
import sqlite3
from collections import Counter
from dataclasses import dataclass

from tui.archive.cache.reading import PaperRow, body, paper_row, papers_by_key
from tui.archive.cache.rows import HEAD_COLUMNS
from tui.archive.keywords import is_hangul, is_keyword, stem
from tui.archive.links import parse_arxiv_id
from tui.archive.text import author_key, normalize, tokens

TOP_TERMS = 12
"""Words of the paper a query holds at most: the cost of a query is bounded by them."""
LOOKUPS = 40
"""Words of the paper (those it uses most) whose rarity is looked up in the index."""
SMALL = 1000
"""Papers an archive may hold before words found in half of them are left out."""
CANDIDATES = 200
"""Papers best by text that shared authors may lift."""
TITLE_WEIGHT = 2
AUTHOR_BOOST = 0.5
MAX_SHARED = 3
MIN_SHARE = 0.2
"""A paper scoring less than this share of the best one is left out: a word or two in
common is not a likeness."""
MAX_WORD_CHARS = 64
VOCABULARY = "temp.related_vocabulary"


class UnknownPaper(LookupError):
    """No paper of the archive has this identity or arXiv id."""


@dataclass(frozen=True)
class RelatedPaper:
    """A paper like the one asked about: its score and the authors both name."""

    row: PaperRow
    score: float
    shared_authors: list[str]


@dataclass(frozen=True)
class Related:
    """The paper asked about (its best-voted copy) and the papers most like it, best first."""

    paper: PaperRow
    papers: list[RelatedPaper]
    terms: list[str]
    """The words searched for (Korean stems end in ``*``)."""


def paper_copies(connection: sqlite3.Connection, ident: str) -> list[PaperRow]:
    """Every copy of the paper named by ``ident`` (an identity, an arXiv id or link), best
    voted first; empty when the archive has none."""
    arxiv_id = parse_arxiv_id(ident) or ident.strip()
    rows = connection.execute(
        f"SELECT {HEAD_COLUMNS} FROM papers WHERE pid = ? OR pid = ? OR arxiv_id = ? ORDER BY id",
        (ident.strip(), arxiv_id, arxiv_id),
    ).fetchall()
    return [paper_row(row) for row in rows]


def related_papers(connection: sqlite3.Connection, ident: str, top: int = 10) -> Related:
    """The ``top`` papers most like the paper named by ``ident``; :class:`UnknownPaper`
    when the archive has no such paper."""
    copies = paper_copies(connection, ident)
    if not copies:
        raise UnknownPaper(ident)
    paper = copies[0]
    sections = body(connection, paper.body)
    text = " ".join(item for section in sections for item in section.items)
    weights = _weighed_terms(connection, paper.paper.title, text, len(copies))
    terms = [term for term, _ in weights[:TOP_TERMS]]
    if not terms or top < 1:
        return Related(paper, [], _shown(terms))
    own = {row.pid for row in copies} | {row.paper.arxiv_id for row in copies} - {None}
    titles = {" ".join(tokens(normalize(row.paper.title))) for row in copies}
    scored = _text_scores(connection, terms, CANDIDATES + len(copies))
    rows = papers_by_key(connection, [key for key, _ in scored])
    theirs = {author_key(name) for name in paper.paper.authors if name.strip()}
    best: dict[str, RelatedPaper] = {}
    for key, text_score in scored:
        row = rows.get(key)
        if row is None or row.pid in own or row.paper.arxiv_id in own:
            continue
        if " ".join(tokens(normalize(row.paper.title))) in titles:  # a copy without its id
            continue
        shared = _shared(row.paper.authors, theirs)
        score = text_score * (1 + AUTHOR_BOOST * min(len(shared), MAX_SHARED))
        kept = best.get(row.pid)
        if kept is None or (score, -row.key) > (kept.score, -kept.row.key):
            best[row.pid] = RelatedPaper(row, score, shared)
    ranked = sorted(best.values(), key=lambda found: (-found.score, found.row.key))
    floor = ranked[0].score * MIN_SHARE if ranked else 0.0
    return Related(paper, [found for found in ranked[:top] if found.score >= floor], _shown(terms))


def _shared(names: list[str], theirs: set[str]) -> list[str]:
    """The names of ``names`` that ``theirs`` holds too, each author once, in order."""
    seen: dict[str, str] = {}
    for name in names:
        key = author_key(name)
        if key in theirs and key not in seen:
            seen[key] = name
    return list(seen.values())


def _shown(terms: list[str]) -> list[str]:
    return [f"{term}*" if is_hangul(term) else term for term in terms]


def _words(title: str, text: str) -> Counter[str]:
    """The paper's keywords and how often it uses them (a title word counts twice)."""
    counts: Counter[str] = Counter()
    for part, weight in ((title, TITLE_WEIGHT), (text, 1)):
        for word in tokens(normalize(part)):
            word = stem(word)
            if len(word) <= MAX_WORD_CHARS and is_keyword(word) and not word.endswith("니다"):
                counts[word] += weight
    return counts


def _weighed_terms(
    connection: sqlite3.Connection, title: str, text: str, copies: int
) -> list[tuple[str, float]]:
    """The paper's words, heaviest first: use in the paper times rarity in the archive.

    A word no other paper has (found in as many papers as the paper has copies) finds
    nothing: it is left out. So is, in an archive of more than :data:`SMALL` papers, one
    found in half of them or more: SQLite's ``bm25()`` gives it a weight of almost zero,
    and it would cost a scan of them. Only the :data:`LOOKUPS` words the paper uses most
    are looked up.
    """
    counts = _words(title, text)
    if not counts:
        return []
    connection.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {VOCABULARY} USING fts5vocab(main, fts, row)"
    )
    total = int(connection.execute("SELECT count(*) FROM papers").fetchone()[0])
    weighed: list[tuple[str, float]] = []
    for word, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:LOOKUPS]:
        found = _document_count(connection, word)
        if found <= copies or (total > SMALL and 2 * found >= total):
            continue
        rarity = math.log(1 + (total - found + 0.5) / (found + 0.5))
        weighed.append((word, count * rarity))
    weighed.sort(key=lambda item: (-item[1], item[0]))
    return weighed


def _document_count(connection: sqlite3.Connection, word: str) -> int:
    """Papers holding ``word`` (a Korean stem: any word it begins; then a paper holding two
    such words counts twice, which only makes the stem look a little commoner)."""
    if is_hangul(word):
        row = connection.execute(
            f"SELECT sum(doc) FROM {VOCABULARY} WHERE term >= ? AND term < ?",
            (word, word + "\U0010ffff"),
        ).fetchone()
    else:
        row = connection.execute(f"SELECT doc FROM {VOCABULARY} WHERE term = ?", (word,)).fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def _text_scores(
    connection: sqlite3.Connection, terms: list[str], limit: int
) -> list[tuple[int, float]]:
    """Row ids and BM25 scores (higher is better) of the papers best matching any term."""
    words = " OR ".join(f'"{term}"*' if is_hangul(term) else f'"{term}"' for term in terms)
    rows = connection.execute(
        "SELECT rowid, bm25(fts, 2.0, 0.0, 1.0) AS score FROM fts WHERE fts MATCH ? "
        "ORDER BY score LIMIT ?",
        (f"{{title body}}: ({words})", limit),
    )
    return [(int(key), -float(score)) for key, score in rows]
