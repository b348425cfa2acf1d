"""``paperdeck related ID [PATH…] [--json] [--top N]``: the papers most like a paper.

Reads the archive's cache like ``paperdeck search``; the ranking is
:func:`tui.search.related.related_papers` (the reader's "more like this" uses it too).
"""

from __future__ import annotations

import json
from typing import Any

import click
from rich.text import Text

from tui.cli.arguments import (
    POSITIVE,
    data_dir_option,
    fail,
    json_option,
    no_cache_option,
    paths_argument,
)
from tui.cli.cached import fresh_cache
from tui.cli.command_line import Command
from tui.cli.launch import chosen_archive
from tui.cli.output import safe, write
from tui.cli.paper_table import paper_table, table_text
from tui.search.related import Related, RelatedPaper, UnknownPaper, related_papers

DEFAULT_TOP = 10


def related_json(found: RelatedPaper) -> dict[str, Any]:
    """A related paper in JSON output (these keys are a public contract)."""
    row = found.row
    return {
        "id": row.pid,
        "title": row.paper.title,
        "score": round(found.score, 4),
        "date": row.day.isoformat() if row.day else None,
        "votes": row.paper.votes,
        "shared_authors": found.shared_authors,
    }


def _document(related: Related) -> dict[str, Any]:
    paper = related.paper
    return {
        "id": paper.pid,
        "title": paper.paper.title,
        "date": paper.day.isoformat() if paper.day else None,
        "terms": related.terms,
        "related": [related_json(found) for found in related.papers],
    }


def _table(related: Related) -> str:
    table = paper_table()
    table.add_column("score", justify="right", no_wrap=True)
    for found in related.papers:
        row = found.row
        votes = str(row.paper.votes) if row.paper.votes is not None else "-"
        day = row.day.isoformat() if row.day else "undated"
        title = Text(safe(row.paper.title))
        if found.shared_authors:
            title.append(safe(f" (with {', '.join(found.shared_authors)})"), style="dim")
        table.add_row(day, votes, title, safe(row.pid), f"{found.score:.2f}")
    paper = related.paper
    footer = [f"like {paper.paper.title} ({paper.pid})", f"words: {' '.join(related.terms)}"]
    if not related.papers:
        footer.insert(0, "no related papers")
    return table_text(table, footer)


@click.command(cls=Command)
@click.argument("ident", metavar="ID")
@paths_argument
@json_option
@click.option("--top", type=POSITIVE, default=DEFAULT_TOP, metavar="N",
              help=f"papers to print ({DEFAULT_TOP})")  # fmt: skip
@data_dir_option("where your digests live")
@no_cache_option
def related(
    ident: str,
    paths: tuple[str, ...],
    as_json: bool,
    top: int,
    data_dir: str | None,
    no_cache: bool,
) -> int:
    """The papers most like a paper.

    ID: an arXiv id or link, or the paper's identity. Its distinctive words, ranked by
    BM25 over titles and summaries, shared authors raising the score; never the paper
    itself. Exit code 2 when the archive does not hold it. PATH…: default: your digests."""
    return related_to(
        ident, list(paths), top=top, as_json=as_json, data_dir=data_dir, no_cache=no_cache
    )


def related_to(
    ident: str,
    paths: list[str],
    *,
    top: int = DEFAULT_TOP,
    as_json: bool = False,
    data_dir: str | None = None,
    no_cache: bool = False,
) -> int:
    """Print the ``top`` papers most like ``ident``; exit code 2 when no paper has it."""
    if not ident.strip():
        fail("ID is empty")
    chosen, locations = chosen_archive(paths, data_dir)
    with fresh_cache(chosen, locations, no_cache) as (cache, _):
        try:
            found = related_papers(cache.connection(), ident, top)
        except UnknownPaper:
            fail(f"no paper {safe(ident)!r} in the archive (give an arXiv id or link)")
    if as_json:
        write(json.dumps(_document(found), ensure_ascii=False, indent=2) + "\n")
    else:
        write(_table(found))
    return 0
