"""Briefs: a period's (or the bookmarks') best-voted papers as a Markdown page to share.

Each paper is a numbered heading holding its linked title (the arXiv abstract page, else
the digest's own web link), then its votes, day and first authors, one or two sentences of
its summary and the reader's note, quoted. Digest text is Markdown-escaped where it could
act as markup (a title stays inside its link's text) and control characters are dropped.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from parsers import Section
from parsers.decoding import strip_controls
from tui.archive.cache.reading import PaperRow, body, keys_of_pids, papers_by_key, range_papers
from tui.archive.links import abs_url
from tui.archive.markdown import LINE_BREAK, markdown_text, markdown_url
from tui.archive.periods import Period

DEFAULT_TOP = 10
FIRST_AUTHORS = 3
SENTENCES = 2
MAX_SUMMARY_CHARS = 400
_SENTENCE_END = re.compile(r"(?<=[.!?。])\s+")


@dataclass(frozen=True)
class BriefPaper:
    """A paper as a brief shows it (from the archive, or a bookmark's snapshot)."""

    pid: str
    title: str
    url: str | None
    votes: int | None
    day: date | None
    authors: list[str]
    summary: str = ""
    note: str | None = None


def _ranked(papers: Iterable[BriefPaper]) -> list[BriefPaper]:
    """Most votes first (none: last), ties the newer day first; each paper once."""
    kept: dict[str, BriefPaper] = {}
    for paper in papers:
        if paper.pid not in kept:  # given best first: the first copy is the best
            kept[paper.pid] = paper
    return sorted(
        kept.values(),
        key=lambda p: (p.votes is None, -(p.votes or 0), -(p.day or date.min).toordinal()),
    )


def summary_of(sections: list[Section]) -> str:
    """The first one or two sentences of the paper's first section with text."""
    text = next((item for section in sections for item in section.items if item.strip()), "")
    text = " ".join(strip_controls(LINE_BREAK.sub(" ", text)).split())
    sentences = _SENTENCE_END.split(text)[:SENTENCES]
    short = " ".join(sentences)
    if len(short) > MAX_SUMMARY_CHARS:
        short = short[:MAX_SUMMARY_CHARS].rsplit(" ", 1)[0] + "…"
    return short


def _from_row(
    connection: sqlite3.Connection, row: PaperRow, notes: Mapping[str, str]
) -> BriefPaper:
    paper = row.paper
    return BriefPaper(
        row.pid,
        paper.title,
        abs_url(paper),
        paper.votes,
        row.day,
        list(paper.authors),
        summary_of(body(connection, row.body)),
        notes.get(row.pid),
    )


def period_brief(
    connection: sqlite3.Connection, period: Period, notes: Mapping[str, str], top: int
) -> tuple[list[BriefPaper], int]:
    """The ``top`` best-voted papers of ``period`` and how many it has in all."""
    rows = range_papers(connection, period.start, period.end)  # best first
    seen: dict[str, PaperRow] = {}
    for row in rows:
        seen.setdefault(row.pid, row)
    chosen = list(seen.values())[:top]
    return [_from_row(connection, row, notes) for row in chosen], len(seen)


def kept_brief(
    connection: sqlite3.Connection,
    kept: list[BriefPaper],
    notes: Mapping[str, str],
    top: int,
    period: Period | None = None,
) -> tuple[list[BriefPaper], int]:
    """The ``top`` best-voted of ``kept`` papers (bookmarks' snapshots), within ``period``
    if given, and how many there are in all. A paper the archive holds is shown as the
    archive has it (with its summary); one it lacks, as its snapshot."""
    rows = papers_by_key(connection, sorted(keys_of_pids(connection, [p.pid for p in kept])))
    best: dict[str, PaperRow] = {}
    for key in sorted(rows):  # row ids rank papers: the first of a paper is its best copy
        best.setdefault(rows[key].pid, rows[key])
    papers = []
    for snapshot in kept:
        row = best.get(snapshot.pid)
        paper = _from_row(connection, row, notes) if row is not None else snapshot
        if period is None or paper.day in period:
            papers.append(paper)
    ranked = _ranked(papers)
    return ranked[:top], len(ranked)


def _authors(names: list[str]) -> str:
    shown = ", ".join(names[:FIRST_AUTHORS])
    return f"{shown} et al." if len(names) > FIRST_AUTHORS else shown


def brief_markdown(heading: str, papers: list[BriefPaper], total: int) -> str:
    """The brief: ``heading``, how many of ``total`` papers it holds, then each paper."""
    shown = len(papers)
    noun = "paper" if total == 1 else "papers"
    which = f"{total:,} {noun}" if shown == total else f"The best {shown:,} of {total:,} {noun}"
    lines = [f"# {markdown_text(heading)}", "", f"{which}, most votes first.", ""]
    for number, paper in enumerate(papers, 1):
        title = markdown_text(paper.title)
        link = f"[{title}]({markdown_url(paper.url)})" if paper.url else title
        lines += [f"## {number}. {link}", ""]
        facts = [f"{paper.votes} vote{'' if paper.votes == 1 else 's'}"
                 if paper.votes is not None else "no votes"]  # fmt: skip
        if paper.day is not None:
            facts.append(paper.day.isoformat())
        if paper.authors:
            facts.append(markdown_text(_authors(paper.authors)))
        lines += [" · ".join(facts), ""]
        if paper.summary:
            lines += [markdown_text(paper.summary), ""]
        if paper.note is not None:
            note = [strip_controls(line) for line in LINE_BREAK.split(paper.note)]
            lines += [f"> {line}".rstrip() for line in ["**Note:**", *note]] + [""]
    return "\n".join(lines)
