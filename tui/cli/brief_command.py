"""``paperdeck brief --day D | --week YYYY-Www | --month YYYY-MM | --bookmarks``: a Markdown
brief of the best-voted papers, to stdout or (``-o FILE``) a file written atomically.

Which papers and how they read is :mod:`tui.search.brief`; this module reads the archive's
cache and the user's notes and bookmarks for it.
"""

from __future__ import annotations

import sys
from datetime import date

from tui.archive.periods import Period, PeriodKind, parse_month, parse_week, period_of
from tui.cli.arguments import PROG, ArgumentParser, fail, iso_date, positive
from tui.cli.cached import NO_CACHE_HELP, fresh_cache
from tui.cli.digest_commands import require_paths
from tui.cli.launch import default_paths, read_config, usable_locations
from tui.cli.output import safe, write
from tui.cli.output_file import write_output_file
from tui.fileio import WriteRefused
from tui.search.brief import DEFAULT_TOP, BriefPaper, brief_markdown, kept_brief, period_brief
from tui.settings.locations import Locations
from tui.userdata.bookmarks import Bookmark, bookmarks_file
from tui.userdata.state_file import StateFileError


def brief_parser() -> ArgumentParser:
    command = ArgumentParser(
        prog=f"{PROG} brief",
        description="A Markdown brief of a day's, a week's or a month's best-voted papers "
        "(or your bookmarks'): linked titles, votes, first authors, a sentence or two of "
        "each summary and your notes.",
    )
    command.add_argument(
        "paths", nargs="*", default=[], metavar="PATH", help="digests (default: yours)"
    )
    which = command.add_mutually_exclusive_group()
    which.add_argument("--day", type=iso_date, metavar="YYYY-MM-DD", help="a day")
    which.add_argument("--week", metavar="YYYY-Www", help="an ISO week, e.g. 2025-W29")
    which.add_argument("--month", metavar="YYYY-MM", help="a month, e.g. 2025-07")
    command.add_argument(
        "--bookmarks", action="store_true", help="your bookmarks (of the period, if one is given)"
    )
    command.add_argument(
        "--top", type=positive, default=DEFAULT_TOP, help=f"papers in the brief ({DEFAULT_TOP})"
    )
    command.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    command.add_argument("--force", action="store_true", help="overwrite FILE without asking")
    command.add_argument("--data-dir", metavar="DIR", help="where your digests live")
    command.add_argument("--no-cache", action="store_true", help=NO_CACHE_HELP)
    return command


def _period(day: date | None, week: str | None, month: str | None) -> Period | None:
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


def brief(
    paths: list[str],
    *,
    day: date | None = None,
    week: str | None = None,
    month: str | None = None,
    bookmarks: bool = False,
    top: int = DEFAULT_TOP,
    output: str | None = None,
    force: bool = False,
    data_dir: str | None = None,
    no_cache: bool = False,
) -> int:
    """Print (or write to ``output``) the brief; exit code 1 when it would hold no paper."""
    period = _period(day, week, month)
    if period is None and not bookmarks:
        fail("give one of --day, --week, --month or --bookmarks")
    locations = usable_locations(data_dir)
    require_paths(paths)
    paths = paths or default_paths(locations, read_config(locations).config)
    kept = _kept(locations)
    notes = {b.id: b.note for b in kept if b.note is not None}
    with fresh_cache(paths, locations, no_cache) as (cache, _):
        connection = cache.connection()
        if bookmarks:
            starred = [_snapshot(b) for b in kept if b.starred]
            papers, total = kept_brief(connection, starred, notes, top, period)
        else:
            assert period is not None
            papers, total = period_brief(connection, period, notes, top)
    scope = _scope(period)
    if not papers:
        what = "no bookmarked papers" if bookmarks else "no papers"
        print(f"{PROG}: {what}{f' in the {scope}' if scope else ''}", file=sys.stderr)
        return 1
    if bookmarks:
        heading = f"Brief: bookmarks of the {scope}" if scope else "Brief: bookmarks"
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


def run_brief(argv: list[str]) -> int:
    args = brief_parser().parse_args(argv)
    return brief(
        args.paths,
        day=args.day,
        week=args.week,
        month=args.month,
        bookmarks=args.bookmarks,
        top=args.top,
        output=args.output,
        force=args.force,
        data_dir=args.data_dir,
        no_cache=args.no_cache,
    )
