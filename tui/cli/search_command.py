"""``paperdeck search QUERY [PATH…] [--json]``: the reader's search, for scripts."""

from __future__ import annotations

import json
import sys
from typing import Any

from rich.text import Text

from tui.archive.cache.reading import figures
from tui.archive.entry import Entry
from tui.cli.arguments import PROG, ArgumentParser, fail
from tui.cli.cached import NO_CACHE_HELP, fresh_cache
from tui.cli.digest_commands import require_paths
from tui.cli.launch import default_paths, read_config, usable_locations
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


def parser() -> ArgumentParser:
    command = ArgumentParser(
        prog=f"{PROG} search",
        description="Search every day of an archive, as the reader's / does.",
        epilog="QUERY language: words, \"a phrase\", -word, author:NAME, votes:>=20, "
        "date:2025-01, date:2025-01-01..2025-03-31, is:bookmarked, is:unread, tag:NAME, "
        "has:note, has:tag, note:WORD",
    )  # fmt: skip
    command.add_argument("query", metavar="QUERY", nargs="?", help="what to look for (quote it)")
    command.add_argument(
        "--saved", metavar="NAME", help="run the search saved as NAME (then no QUERY)"
    )
    command.add_argument(
        "paths", nargs="*", default=[], metavar="PATH", help="digests (default: yours)"
    )
    command.add_argument("--json", action="store_true", help="print JSON")
    command.add_argument("--limit", type=int, default=50, help="results to print (0: all)")
    command.add_argument("--data-dir", metavar="DIR", help="where bookmarks live")
    command.add_argument("--no-cache", action="store_true", help=NO_CACHE_HELP)
    return command


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


OPTIONS_WITH_VALUES = {"--limit", "--data-dir", "--saved"}
FLAGS = {"-h", "--help", "--json", "--no-cache"}


def _query_first(argv: list[str]) -> list[str]:
    """Options first, then ``--`` and the rest: so ``-survey`` is query text, not an option."""
    options: list[str] = []
    rest: list[str] = []
    words = iter(argv)
    for word in words:
        name = word.split("=", 1)[0]
        if word in ("-h", "--help", "--json", "--no-cache") or (
            name in OPTIONS_WITH_VALUES and "=" in word
        ):
            options.append(word)
        elif word in OPTIONS_WITH_VALUES:
            options += [word, next(words, "")]
        elif word == "--":
            rest += list(words)
        else:
            rest.append(word)
    return [*options, "--", *rest] if rest else options


def run_search(argv: list[str]) -> int:
    words = _query_first(argv)
    saved = any(word.split("=", 1)[0] == "--saved" for word in words)
    if "--" not in words and not saved and not {"-h", "--help"} & set(words):
        fail("a QUERY is needed, e.g. paperdeck search 'kv cache' (see 'paperdeck search --help')")
    args = parser().parse_args(words)
    if args.saved is not None and args.query is not None:  # with --saved, every word is a PATH
        args.paths, args.query = [args.query, *args.paths], None
    if args.limit < 0:
        fail("--limit must be 0 or more")
    locations = usable_locations(args.data_dir)
    if args.saved is not None:
        args.query = saved_query(locations, args.saved)
    try:
        query = parse_query(args.query)
    except QueryError as exc:
        fail(f"bad query: {safe(str(exc))}")
    require_paths(args.paths)
    paths = args.paths or default_paths(locations, read_config(locations).config)
    with fresh_cache(paths, locations, args.no_cache) as (cache, _):
        connection = cache.connection()
        limit = args.limit or figures(connection).papers or 1
        result = search_cache(connection, query, saved_marks(locations), limit=limit)
    if args.json:
        document = {
            "query": args.query,
            "total": result.total,
            "results": [_hit_json(hit.entry, hit.in_title) for hit in result.hits],
        }
        write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        write(_table(result))
    return 0
