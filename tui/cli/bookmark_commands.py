"""``paperdeck bookmarks list|add|remove|export``."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import UTC, datetime

import click

from tui.archive.links import parse_arxiv_id
from tui.cli.arguments import PROG, data_dir_option, fail
from tui.cli.command_line import Group
from tui.cli.launch import usable_locations
from tui.cli.output import safe, write
from tui.cli.output_file import write_output_file
from tui.fileio import WriteRefused
from tui.userdata import bookmarks as bm
from tui.userdata.bookmarks import Bookmark, Bookmarks, sorted_bookmarks
from tui.userdata.export import FORMATS
from tui.userdata.state_file import StateFile, StateFileError


def _warn_moved(file: StateFile[Bookmarks]) -> None:
    for moved in file.moved:
        print(f"{PROG}: warning: {safe(moved.message())}", file=sys.stderr)


def _list(file: StateFile[Bookmarks], sort: str, as_json: bool) -> int:
    items = sorted_bookmarks(file.read().bookmarks, sort)
    _warn_moved(file)
    if as_json:
        write(FORMATS["json"](items))
        return 0
    lines = []
    for bookmark in items:
        day = bookmark.date.isoformat() if bookmark.date else "undated   "
        added = f"{bookmark.added_local:%Y-%m-%d %H:%M}"
        mine = "".join(f"  #{tag}" for tag in bookmark.tags)
        mine += "  [note]" if bookmark.note is not None else ""
        mine += "".join(f"  [list: {name}]" for name in bookmark.lists)
        mine += "" if bookmark.starred else "  (not starred)"
        lines.append(
            safe(f"{bookmark.id:<18}  {day}  {bookmark.display_title}{mine}  (added {added})")
        )
    lines.append(f"{len(items):,} bookmark{'' if len(items) == 1 else 's'}")
    write("\n".join(lines) + "\n")
    return 0


def _add(file: StateFile[Bookmarks], raw_ids: tuple[str, ...]) -> int:
    ids = []
    for raw in raw_ids:
        arxiv_id = parse_arxiv_id(raw)
        if arxiv_id is None:
            fail(f"not an arXiv id: {safe(raw)!r} (e.g. 2507.01234)")
        ids.append(arxiv_id)
    now = datetime.now(UTC)
    before = {pid for pid, kept in file.read().bookmarks.items() if kept.starred}
    state = file.apply(bm.add(Bookmark.bare(arxiv_id, now)) for arxiv_id in ids)
    _warn_moved(file)
    added = [pid for pid in dict.fromkeys(ids) if pid not in before and pid in state.bookmarks]
    write(f"added {len(added)}, already bookmarked {len(set(ids)) - len(added)}\n")
    return 0


def _remove(file: StateFile[Bookmarks], raw_ids: tuple[str, ...]) -> int:
    ids = [parse_arxiv_id(raw) or raw.strip() for raw in raw_ids]
    before = {pid for pid, kept in file.read().bookmarks.items() if kept.starred}
    file.apply(bm.remove(pid) for pid in ids)
    _warn_moved(file)
    missing = [pid for pid in dict.fromkeys(ids) if pid not in before]
    for pid in missing:
        print(f"{PROG}: not bookmarked: {safe(pid)}", file=sys.stderr)
    write(f"removed {len(set(ids)) - len(missing)}\n")
    return 1 if missing else 0


def _export(
    file: StateFile[Bookmarks], format: str, output: str | None, force: bool, sort: str
) -> int:
    items = sorted_bookmarks(file.read().bookmarks, sort)
    _warn_moved(file)
    text = FORMATS[format](items)
    if output is None:
        write(text)
        return 0
    written = write_output_file(output, text, force)
    noun = "bookmark" if len(items) == 1 else "bookmarks"
    print(safe(f"wrote {len(items)} {noun} to {written}"), file=sys.stderr)
    return 0


def _run(command: Callable[[], int]) -> int:
    try:
        return command()
    except (StateFileError, WriteRefused, OSError) as exc:
        print(f"{PROG}: error: {safe(str(exc))}", file=sys.stderr)
        return 1


@click.group(cls=Group)
@data_dir_option("where bookmarks live ($PAPERDECK_DATA_DIR)")
@click.pass_context
def bookmarks(ctx: click.Context, data_dir: str | None) -> None:
    """List, add, remove and export bookmarks (shared with the reader)."""
    ctx.obj = bm.bookmarks_file(usable_locations(data_dir).data)


SORT = click.Choice(["added", "date"])


@bookmarks.command("list")
@click.option("--sort", type=SORT, default="added", show_default=True,
              help="by when bookmarked or by the paper's day")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="print JSON")
@click.pass_obj
def list_(file: StateFile[Bookmarks], sort: str, as_json: bool) -> int:
    """Every bookmark, newest first."""
    return _run(lambda: _list(file, sort, as_json))


@bookmarks.command()
@click.argument("ids", nargs=-1, required=True, metavar="ID...")
@click.pass_obj
def add(file: StateFile[Bookmarks], ids: tuple[str, ...]) -> int:
    """Bookmark papers by arXiv id or link."""
    return _run(lambda: _add(file, ids))


@bookmarks.command()
@click.argument("ids", nargs=-1, required=True, metavar="ID...")
@click.pass_obj
def remove(file: StateFile[Bookmarks], ids: tuple[str, ...]) -> int:
    """Remove stars (notes and tags stay).

    ID: an arXiv id or link, or the identity bookmarks list shows."""
    return _run(lambda: _remove(file, ids))


@bookmarks.command()
@click.option("--format", "format_", type=click.Choice(sorted(FORMATS)), required=True,
              help="what to write")  # fmt: skip
@click.option("-o", "--output", metavar="FILE", help="write here instead of stdout")
@click.option("--force", is_flag=True, help="overwrite FILE without asking")
@click.option(
    "--sort",
    type=SORT,
    default="date",
    show_default=True,
    help="by the paper's day or by when bookmarked",
)
@click.pass_obj
def export(
    file: StateFile[Bookmarks], format_: str, output: str | None, force: bool, sort: str
) -> int:
    """Write bookmarks: md, bibtex, json, csv."""
    return _run(lambda: _export(file, format_, output, force, sort))
