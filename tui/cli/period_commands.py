"""``paperdeck top`` (a week's or month's papers by votes) and ``paperdeck author NAME``.

Both read the archive's cache like ``paperdeck search`` (only new or changed files are
parsed) and print a table, or JSON with ``--json``.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

from rich.console import Console
from rich.table import Table

from tui.archive.cache.authors import author_page
from tui.archive.cache.reading import PaperRow, range_papers
from tui.archive.periods import Period, parse_month, parse_week
from tui.cli.arguments import PROG, ArgumentParser, fail
from tui.cli.cached import NO_CACHE_HELP, fresh_cache
from tui.cli.digest_commands import require_paths
from tui.cli.launch import default_paths, read_config, usable_locations
from tui.cli.output import safe, write


def _common(command: ArgumentParser) -> None:
    command.add_argument("paths", nargs="*", metavar="PATH", help="digests (default: yours)")
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
    paper = row.paper
    return {
        "date": row.day.isoformat() if row.day else None,
        "votes": paper.votes,
        "title": paper.title,
        "authors": paper.authors,
        "arxiv_id": paper.arxiv_id,
        "url": paper.url,
        "id": row.pid,
    }


def _table(rows: list[PaperRow], footer: list[str]) -> str:
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    for name, justify in (("date", "left"), ("votes", "right"), ("title", "left")):
        table.add_column(name, justify=justify, no_wrap=name != "title", overflow="fold")  # type: ignore[arg-type]
    table.add_column("id", no_wrap=True, style="dim")
    for row in rows:
        votes = str(row.paper.votes) if row.paper.votes is not None else "-"
        day = row.day.isoformat() if row.day else "undated"
        table.add_row(day, votes, safe(row.paper.title), safe(row.pid))
    try:
        width = os.get_terminal_size().columns
    except OSError:
        width = 100
    console = Console(
        file=open(os.devnull, "w"),  # noqa: SIM115 - only recording
        record=True,
        width=max(80, min(160, width)),
        force_terminal=sys.stdout.isatty(),
    )
    console.print(table)
    for line in footer:
        console.print(safe(line), markup=False, highlight=False)
    return console.export_text(styles=sys.stdout.isatty())


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
        page = author_page(cache.connection(), args.name)
    first, last = page.first, page.last
    if args.json:
        document = {
            "author": page.name,
            "count": len(page.rows),
            "first": first.isoformat() if first else None,
            "last": last.isoformat() if last else None,
            "papers": [paper_json(row) for row in page.rows],
            "coauthors": [{"name": c.name, "papers": c.papers} for c in page.coauthors],
        }
        write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return 0
    span = f", {first} – {last}" if first and last and first != last else ""
    span = span or (f", {first}" if first else "")
    count = len(page.rows)
    footer = [f"{page.name}: {count:,} paper{'' if count == 1 else 's'}{span}"]
    if page.coauthors:
        names = ", ".join(f"{c.name} ({c.papers})" for c in page.coauthors[:8])
        footer.append(f"most often with: {names}")
    write(_table(page.rows, footer))
    return 0
