"""``paperdeck search QUERY [PATH…] [--json]``: the reader's search, for scripts."""

from __future__ import annotations

import json
import sys
from typing import Any

import click
from rich.text import Text

from tui.archive.cache.reading import figures
from tui.archive.entry import Entry
from tui.cli.arguments import (
    PROG,
    data_dir_option,
    fail,
    json_option,
    no_cache_option,
    paths_argument,
)
from tui.cli.cached import fresh_cache
from tui.cli.command_line import WordsCommand
from tui.cli.launch import chosen_archive, usable_locations
from tui.cli.output import safe, write
from tui.cli.paper_table import add_paper, paper_record, paper_table, table_text
from tui.cli.saved_search import saved_query
from tui.search.fts import search_cache
from tui.search.highlight import match_spans
from tui.search.marks import SetMarks
from tui.search.matching import SearchResult
from tui.search.query import QueryError, parse_query
from tui.settings.locations import Locations
from tui.userdata.bookmarks import bookmarks_file
from tui.userdata.reading import reading_file
from tui.userdata.state_file import StateFileError


def saved_marks(locations: Locations) -> SetMarks:
    """Bookmarks, notes, tags and read marks as saved on disk."""
    bookmarks, reading = bookmarks_file(locations.data), reading_file(locations.data)
    try:
        kept = bookmarks.read().bookmarks.values()
        marks = SetMarks(
            bookmarked={b.id for b in kept if b.starred},
            read=set(reading.read().read),
            notes_by_id={b.id: b.note for b in kept if b.note is not None},
            tags_by_id={b.id: b.tags for b in kept if b.tags},
        )
    except StateFileError as exc:
        print(f"{PROG}: warning: {safe(str(exc))}; your marks, notes and tags are not searched",
              file=sys.stderr)  # fmt: skip
        return SetMarks()
    for moved in bookmarks.moved + reading.moved:
        print(f"{PROG}: warning: {safe(moved.message())}", file=sys.stderr)
    return marks


def _hit_json(entry: Entry, in_title: bool) -> dict[str, Any]:
    return {**paper_record(entry.day, entry.paper, entry.pid), "in_title": in_title}


def _table(result: SearchResult) -> str:
    table = paper_table()
    for hit in result.hits:
        entry = hit.entry
        title = Text(safe(entry.paper.title))
        if title.plain == entry.paper.title:  # nothing escaped: the spans still fit
            for start, end in match_spans(entry.paper.title, result.query):
                title.stylize("bold yellow", start, end)
        add_paper(table, entry.day, entry.paper, entry.pid, title)
    shown, total = len(result.hits), result.total or 0
    more = f", {shown:,} shown" if shown < total else ""
    return table_text(table, [f"{total:,} result{'' if total == 1 else 's'}{more}"])


QUERY_HELP = (
    'QUERY language: words, "a phrase", -word, author:NAME, votes:>=20, date:2025-01, '
    "date:2025-01-01..2025-03-31, is:bookmarked, is:unread, tag:NAME, has:note, has:tag, "
    "note:WORD"
)


@click.command(cls=WordsCommand, epilog=QUERY_HELP)
@click.argument("query", required=False, metavar="QUERY")
@paths_argument
@click.option("--saved", metavar="NAME", help="run the search saved as NAME (then no QUERY)")
@json_option
@click.option(
    "--limit",
    type=int,
    metavar="N",
    default=50,
    show_default=True,
    help="results to print (0: all)",
)
@data_dir_option("where your digests and bookmarks live")
@no_cache_option
def search(
    query: str | None,
    paths: tuple[str, ...],
    saved: str | None,
    as_json: bool,
    limit: int,
    data_dir: str | None,
    no_cache: bool,
) -> int:
    """Search every day, best first.

    As the reader's / does. QUERY: what to look for (quote it); PATH…: default: your
    digests. With --saved NAME, the search saved under NAME (every word is then a PATH)."""
    if saved is not None:
        if query is not None:
            paths = (query, *paths)
        query = saved_query(usable_locations(data_dir), saved)
    if query is None:
        fail("a QUERY is needed, e.g. paperdeck search 'kv cache' (see 'paperdeck search --help')")
    try:
        parsed = parse_query(query)
    except QueryError as exc:
        fail(f"bad query: {safe(str(exc))}")
    if limit < 0:
        fail("--limit must be 0 or more")
    chosen, locations = chosen_archive(paths, data_dir)
    with fresh_cache(chosen, locations, no_cache) as (cache, _):
        connection = cache.connection()
        limit = limit or figures(connection).papers or 1
        result = search_cache(connection, parsed, saved_marks(locations), limit=limit)
    if as_json:
        document = {
            "query": query,
            "total": result.total,
            "results": [_hit_json(hit.entry, hit.in_title) for hit in result.hits],
        }
        write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        write(_table(result))
    return 0
