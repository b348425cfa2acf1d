"""``paperdeck brief --day D | --week YYYY-Www | --month YYYY-MM | --bookmarks | --list NAME``:
a Markdown brief of the best-voted papers, to stdout or (``-o FILE``) a file written atomically.

Which papers and how they read is :mod:`tui.search.brief`; this module reads the archive's
cache and the user's notes and bookmarks for it.
"""

from __future__ import annotations

import sys
from datetime import date

import click

from tui.archive.periods import Period, PeriodKind, parse_month, parse_week, period_of
from tui.cli.arguments import (
    ISO_DATE,
    POSITIVE,
    PROG,
    data_dir_option,
    fail,
    no_cache_option,
    paths_argument,
)
from tui.cli.cached import fresh_cache
from tui.cli.command_line import Command
from tui.cli.launch import chosen_archive
from tui.cli.output import safe, write
from tui.cli.output_file import write_output_file
from tui.fileio import WriteRefused
from tui.search.brief import DEFAULT_TOP, BriefPaper, brief_markdown, kept_brief, period_brief
from tui.settings.locations import Locations
from tui.userdata.bookmarks import Bookmark, bookmarks_file
from tui.userdata.cleaning import clean_list_name, list_name_problem
from tui.userdata.state_file import StateFileError


def _period(day: date | None, week: str | None, month: str | None) -> Period | None:
    given = [f"--{name}" for name, value in (("day", day), ("week", week), ("month", month))
             if value is not None]  # fmt: skip
    if len(given) > 1:
        fail(f"argument {given[1]}: not allowed with argument {given[0]}")
    try:
        if week:
            return parse_week(week)
        if month:
            return parse_month(month)
    except ValueError as exc:
        fail(str(exc))
    return period_of(day, PeriodKind.DAY) if day else None


def _scope(period: Period | None) -> str:
    """``week 2025-W29 (2025-07-14 – 2025-07-20)``, ``day 2025-07-14``; "" for none."""
    if period is None:
        return ""
    span = "" if period.kind is PeriodKind.DAY else f" ({period.range_text})"
    return f"{period.kind.value} {period.label}{span}"


def _kept(locations: Locations) -> list[Bookmark]:
    """Every kept paper (starred or with a note or tags); a bad file is said once."""
    file = bookmarks_file(locations.data)
    try:
        kept = list(file.read().bookmarks.values())
    except StateFileError as exc:
        print(f"{PROG}: warning: {safe(str(exc))}; your bookmarks and notes are not read",
              file=sys.stderr)  # fmt: skip
        return []
    for moved in file.moved:
        print(f"{PROG}: warning: {safe(moved.message())}", file=sys.stderr)
    return kept


def _snapshot(bookmark: Bookmark) -> BriefPaper:
    return BriefPaper(
        bookmark.id,
        bookmark.export_title,
        bookmark.url,
        bookmark.votes,
        bookmark.date,
        list(bookmark.authors),
        note=bookmark.note,
    )


@click.command(cls=Command)
@paths_argument
@click.option("--day", type=ISO_DATE, metavar="YYYY-MM-DD", help="a day")
@click.option("--week", metavar="YYYY-Www", help="an ISO week, e.g. 2025-W29")
@click.option("--month", metavar="YYYY-MM", help="a month, e.g. 2025-07")
@click.option("--bookmarks", is_flag=True, help="your bookmarks (of the period, if one is given)")
@click.option("--list", "list_name", metavar="NAME",
              help="the papers of a reading list (of the period, if one is given)")  # fmt: skip
@click.option("--top", type=POSITIVE, default=DEFAULT_TOP, metavar="N",
              help=f"papers in the brief ({DEFAULT_TOP})")  # fmt: skip
@click.option("-o", "--output", metavar="FILE", help="write here instead of stdout")
@click.option("--force", is_flag=True, help="overwrite FILE without asking")
@data_dir_option("where your digests live")
@no_cache_option
def brief(
    paths: tuple[str, ...],
    day: date | None,
    week: str | None,
    month: str | None,
    bookmarks: bool,
    list_name: str | None,
    top: int,
    output: str | None,
    force: bool,
    data_dir: str | None,
    no_cache: bool,
) -> int:
    """A Markdown brief of the best-voted papers.

    Of a day, a week or a month (or your bookmarks, or a reading list): linked titles,
    votes, first authors, a sentence or two of each summary and your notes. Exit code 1
    when it would hold no paper. PATH…: default: your digests."""
    return write_brief(
        list(paths),
        day=day,
        week=week,
        month=month,
        bookmarks=bookmarks,
        list_name=list_name,
        top=top,
        output=output,
        force=force,
        data_dir=data_dir,
        no_cache=no_cache,
    )


def write_brief(
    paths: list[str],
    *,
    day: date | None = None,
    week: str | None = None,
    month: str | None = None,
    bookmarks: bool = False,
    list_name: str | None = None,
    top: int = DEFAULT_TOP,
    output: str | None = None,
    force: bool = False,
    data_dir: str | None = None,
    no_cache: bool = False,
) -> int:
    """Print (or write to ``output``) the brief; exit code 1 when it would hold no paper."""
    period = _period(day, week, month)
    if bookmarks and list_name is not None:
        fail("argument --list: not allowed with argument --bookmarks")
    if list_name is not None:
        list_name = clean_list_name(list_name)
        if (problem := list_name_problem(list_name)) is not None:
            fail(f"argument --list: {problem}")
    if period is None and not bookmarks and list_name is None:
        fail("give one of --day, --week, --month, --bookmarks or --list")
    chosen, locations = chosen_archive(paths, data_dir)
    kept = _kept(locations)
    notes = {b.id: b.note for b in kept if b.note is not None}
    with fresh_cache(chosen, locations, no_cache) as (cache, _):
        connection = cache.connection()
        if bookmarks or list_name is not None:
            chosen_ones = [b for b in kept if (list_name in b.lists if list_name else b.starred)]
            snapshots = [_snapshot(b) for b in chosen_ones]
            papers, total = kept_brief(connection, snapshots, notes, top, period)
        else:
            assert period is not None
            papers, total = period_brief(connection, period, notes, top)
    scope = _scope(period)
    if not papers:
        what = "no bookmarked papers" if bookmarks else "no papers"
        what = f"no papers on the list {list_name!r}" if list_name else what
        print(f"{PROG}: {what}{f' in the {scope}' if scope else ''}", file=sys.stderr)
        return 1
    if bookmarks or list_name:
        kind = f"list {list_name}" if list_name else "bookmarks"
        heading = f"Brief: {kind} of the {scope}" if scope else f"Brief: {kind}"
    else:
        heading = f"Brief: {scope}"
    text = brief_markdown(heading, papers, total)
    if output is None:
        write(text)
        return 0
    try:
        written = write_output_file(output, text, force)
    except (WriteRefused, OSError) as exc:
        print(f"{PROG}: error: {safe(str(exc))}", file=sys.stderr)
        return 1
    noun = "paper" if len(papers) == 1 else "papers"
    print(safe(f"wrote a brief of {len(papers)} {noun} to {written}"), file=sys.stderr)
    return 0
