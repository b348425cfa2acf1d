"""``paperdeck top`` (a week's or month's papers by votes) and ``paperdeck author NAME``.

Both read the archive's cache like ``paperdeck search`` (only new or changed files are
parsed) and print a table, or JSON with ``--json``.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from tui.archive.cache.authors import author_page
from tui.archive.cache.reading import PaperRow, newest_day, range_papers
from tui.archive.periods import Period, PeriodKind, parse_month, parse_week, period_of
from tui.cli.arguments import (
    PROG,
    data_dir_option,
    fail,
    json_option,
    no_cache_option,
    paths_argument,
)
from tui.cli.cached import fresh_cache
from tui.cli.command_line import Command
from tui.cli.launch import chosen_archive
from tui.cli.output import write
from tui.cli.paper_table import add_paper, paper_record, paper_table, table_text


def paper_json(row: PaperRow) -> dict[str, Any]:
    return paper_record(row.day, row.paper, row.pid)


def _table(rows: list[PaperRow], footer: list[str]) -> str:
    table = paper_table()
    for row in rows:
        add_paper(table, row.day, row.paper, row.pid)
    return table_text(table, footer)


def _period(week: str | None, month: str | None) -> Period | None:
    """The period asked for, or None for the newest week with papers."""
    if week is not None and month is not None:
        fail("argument --month: not allowed with argument --week")
    try:
        if week is not None:
            return parse_week(week)
        return parse_month(month) if month is not None else None
    except ValueError as exc:
        fail(str(exc))


def _document(period: Period, rows: list[PaperRow], shown: list[PaperRow]) -> dict[str, Any]:
    return {
        "period": period.label,
        "kind": period.kind.value,
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "total": len(rows),
        "papers": [paper_json(row) for row in shown],
    }


@click.command(cls=Command)
@click.option("--week", metavar="YYYY-Www", help="an ISO week, e.g. 2025-W29")
@click.option("--month", metavar="YYYY-MM", help="a month, e.g. 2025-07")
@click.option(
    "--limit", type=int, metavar="N", default=20, show_default=True, help="papers to print (0: all)"
)
@paths_argument
@json_option
@data_dir_option("where your digests live")
@no_cache_option
def top(
    week: str | None,
    month: str | None,
    limit: int,
    paths: tuple[str, ...],
    as_json: bool,
    data_dir: str | None,
    no_cache: bool,
) -> int:
    """A week's or month's best papers.

    Most votes first (ties: the newer day first); with neither --week nor --month, the
    newest week that has papers. Exit code 1 when the period has none. PATH…: default:
    your digests."""
    period = _period(week, month)
    if limit < 0:
        fail("--limit must be 0 or more")
    chosen, locations = chosen_archive(paths, data_dir)
    with fresh_cache(chosen, locations, no_cache) as (cache, _):
        connection = cache.connection()
        newest = period is None
        if period is None:
            day = newest_day(connection)
            if day is None:
                print(f"{PROG}: no papers with a date in this archive", file=sys.stderr)
                return 1
            period = period_of(day, PeriodKind.WEEK)
        rows = range_papers(connection, period.start, period.end)
    shown = rows[:limit] if limit else rows
    if as_json:
        write(json.dumps(_document(period, rows, shown), ensure_ascii=False, indent=2) + "\n")
        return 0 if rows else 1
    if not rows:
        print(f"{PROG}: no papers in {period.label} ({period.range_text})", file=sys.stderr)
        return 1
    heading = f"{period.label} ({period.range_text}), the newest week with papers\n"
    more = f", the best {len(shown):,} shown" if len(shown) < len(rows) else ""
    footer = f"{period.label} ({period.range_text}): {len(rows):,} papers{more}"
    write((heading if newest else "") + _table(shown, [footer]))
    return 0


@click.command(cls=Command)
@click.argument("name", metavar="NAME")
@paths_argument
@json_option
@data_dir_option("where your digests live")
@no_cache_option
def author(
    name: str, paths: tuple[str, ...], as_json: bool, data_dir: str | None, no_cache: bool
) -> int:
    """Every paper of an author.

    Newest first. NAME: the author's name (quote it); PATH…: default: your digests."""
    if not name.strip():
        fail("NAME is empty")
    chosen, locations = chosen_archive(paths, data_dir)
    with fresh_cache(chosen, locations, no_cache) as (cache, _):
        page = author_page(cache.connection, name)
        rows = page.rows
    first, last = page.first, page.last
    if as_json:
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
