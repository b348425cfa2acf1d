"""``paperdeck top`` (a week's or month's papers by votes) and ``paperdeck author NAME``.

Both read the archive's cache like ``paperdeck search`` (only new or changed files are
parsed) and print a table, or JSON with ``--json``.
"""

from __future__ import annotations

import json
from typing import Any

from tui.archive.cache.authors import author_page
from tui.archive.cache.reading import PaperRow, range_papers
from tui.archive.periods import Period, parse_month, parse_week
from tui.cli.arguments import PROG, ArgumentParser, fail
from tui.cli.cached import NO_CACHE_HELP, fresh_cache
from tui.cli.digest_commands import require_paths
from tui.cli.launch import default_paths, read_config, usable_locations
from tui.cli.output import write
from tui.cli.paper_table import add_paper, paper_record, paper_table, table_text


def _common(command: ArgumentParser) -> None:
    command.add_argument(
        "paths", nargs="*", default=[], metavar="PATH", help="digests (default: yours)"
    )
    command.add_argument("--json", action="store_true", help="print JSON")
    command.add_argument("--data-dir", metavar="DIR", help="where your digests live")
    command.add_argument("--no-cache", action="store_true", help=NO_CACHE_HELP)


def top_parser() -> ArgumentParser:
    command = ArgumentParser(
        prog=f"{PROG} top", description="A week's or a month's papers, most votes first."
    )
    which = command.add_mutually_exclusive_group(required=True)
    which.add_argument("--week", metavar="YYYY-Www", help="an ISO week, e.g. 2025-W29")
    which.add_argument("--month", metavar="YYYY-MM", help="a month, e.g. 2025-07")
    command.add_argument("--limit", type=int, default=20, help="papers to print (0: all)")
    _common(command)
    return command


def author_parser() -> ArgumentParser:
    command = ArgumentParser(
        prog=f"{PROG} author", description="Every paper of an author, newest first."
    )
    command.add_argument("name", metavar="NAME", help="the author's name (quote it)")
    _common(command)
    return command


def paper_json(row: PaperRow) -> dict[str, Any]:
    return paper_record(row.day, row.paper, row.pid)


def _table(rows: list[PaperRow], footer: list[str]) -> str:
    table = paper_table()
    for row in rows:
        add_paper(table, row.day, row.paper, row.pid)
    return table_text(table, footer)


def _period(args: Any) -> Period:
    try:
        return parse_week(args.week) if args.week else parse_month(args.month)
    except ValueError as exc:
        fail(str(exc))


def run_top(argv: list[str]) -> int:
    args = top_parser().parse_args(argv)
    period = _period(args)
    if args.limit < 0:
        fail("--limit must be 0 or more")
    locations = usable_locations(args.data_dir)
    require_paths(args.paths)
    paths = args.paths or default_paths(locations, read_config(locations).config)
    with fresh_cache(paths, locations, args.no_cache) as (cache, _):
        rows = range_papers(cache.connection(), period.start, period.end)
    shown = rows[: args.limit] if args.limit else rows
    if args.json:
        document = {
            "period": period.label,
            "kind": period.kind.value,
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "total": len(rows),
            "papers": [paper_json(row) for row in shown],
        }
        write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return 0
    more = f", the best {len(shown):,} shown" if len(shown) < len(rows) else ""
    footer = f"{period.label} ({period.range_text}): {len(rows):,} papers{more}"
    write(_table(shown, [footer]))
    return 0


def run_author(argv: list[str]) -> int:
    args = author_parser().parse_args(argv)
    if not args.name.strip():
        fail("NAME is empty")
    locations = usable_locations(args.data_dir)
    require_paths(args.paths)
    paths = args.paths or default_paths(locations, read_config(locations).config)
    with fresh_cache(paths, locations, args.no_cache) as (cache, _):
        page = author_page(cache.connection, args.name)
        rows = page.rows
    first, last = page.first, page.last
    if args.json:
        document = {
            "author": page.name,
            "count": len(rows),
            "first": first.isoformat() if first else None,
            "last": last.isoformat() if last else None,
            "papers": [paper_json(row) for row in rows],
            "coauthors": [{"name": c.name, "papers": c.papers} for c in page.coauthors],
        }
        write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return 0
    span = f", {first} – {last}" if first and last and first != last else ""
    span = span or (f", {first}" if first else "")
    count = len(rows)
    footer = [f"{page.name}: {count:,} paper{'' if count == 1 else 's'}{span}"]
    if page.coauthors:
        names = ", ".join(f"{c.name} ({c.papers})" for c in page.coauthors[:8])
        footer.append(f"most often with: {names}")
    write(_table(rows, footer))
    return 0
