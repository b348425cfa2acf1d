"""``paperdeck related ID [PATH…] [--json] [--top N]``: the papers most like a paper.

Reads the archive's cache like ``paperdeck search``; the ranking is
:func:`tui.search.related.related_papers` (the reader's "more like this" uses it too).
"""

from __future__ import annotations

import json
from typing import Any

from rich.text import Text

from tui.cli.arguments import PROG, ArgumentParser, fail, positive
from tui.cli.cached import NO_CACHE_HELP, fresh_cache
from tui.cli.digest_commands import require_paths
from tui.cli.launch import default_paths, read_config, usable_locations
from tui.cli.output import safe, write
from tui.cli.paper_table import paper_table, table_text
from tui.search.related import Related, RelatedPaper, UnknownPaper, related_papers

DEFAULT_TOP = 10


def related_parser() -> ArgumentParser:
    command = ArgumentParser(
        prog=f"{PROG} related",
        description="The papers most like a paper: its distinctive words, ranked by BM25 "
        "over titles and summaries, shared authors raising the score.",
    )
    command.add_argument("id", metavar="ID", help="arXiv id or link, or the paper's identity")
    command.add_argument(
        "paths", nargs="*", default=[], metavar="PATH", help="digests (default: yours)"
    )
    command.add_argument("--json", action="store_true", help="print JSON")
    command.add_argument(
        "--top", type=positive, default=DEFAULT_TOP, help=f"papers to print ({DEFAULT_TOP})"
    )
    command.add_argument("--data-dir", metavar="DIR", help="where your digests live")
    command.add_argument("--no-cache", action="store_true", help=NO_CACHE_HELP)
    return command


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


def related(
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
    locations = usable_locations(data_dir)
    require_paths(paths)
    paths = paths or default_paths(locations, read_config(locations).config)
    with fresh_cache(paths, locations, no_cache) as (cache, _):
        try:
            found = related_papers(cache.connection(), ident, top)
        except UnknownPaper:
            fail(f"no paper {safe(ident)!r} in the archive (give an arXiv id or link)")
    if as_json:
        write(json.dumps(_document(found), ensure_ascii=False, indent=2) + "\n")
    else:
        write(_table(found))
    return 0


def run_related(argv: list[str]) -> int:
    args = related_parser().parse_args(argv)
    return related(
        args.id,
        args.paths,
        top=args.top,
        as_json=args.json,
        data_dir=args.data_dir,
        no_cache=args.no_cache,
    )
