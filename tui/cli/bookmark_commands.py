"""``paperdeck bookmarks list|add|remove|export``."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime

from tui.archive.links import parse_arxiv_id
from tui.cli.arguments import PROG, ArgumentParser, fail
from tui.cli.launch import usable_locations
from tui.cli.output import safe, write
from tui.cli.output_file import write_output_file
from tui.fileio import WriteRefused
from tui.userdata import bookmarks as bm
from tui.userdata.bookmarks import Bookmark, Bookmarks, sorted_bookmarks
from tui.userdata.export import FORMATS
from tui.userdata.state_file import StateFile, StateFileError


def parser() -> ArgumentParser:
    top = ArgumentParser(
        prog=f"{PROG} bookmarks",
        description="List, add, remove and export bookmarks (shared with the reader).",
    )
    top.add_argument("--data-dir", metavar="DIR", help="where bookmarks live ($PAPERDECK_DATA_DIR)")
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    listing = commands.add_parser("list", help="every bookmark, newest first")
    listing.add_argument("--sort", choices=["added", "date"], default="added",
                         help="by when bookmarked (default) or by the paper's day")  # fmt: skip
    listing.add_argument("--json", action="store_true", help="print JSON")
    adding = commands.add_parser("add", help="bookmark papers by arXiv id")
    adding.add_argument("ids", nargs="+", metavar="ID", help="arXiv id (or link)")
    removing = commands.add_parser("remove", help="remove stars (notes and tags stay)")
    removing.add_argument("ids", nargs="+", metavar="ID", help="arXiv id or identity from list")
    export = commands.add_parser("export", help="write bookmarks as md, bibtex, json or csv")
    export.add_argument("--format", choices=sorted(FORMATS), required=True)
    export.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    export.add_argument("--force", action="store_true", help="overwrite FILE without asking")
    export.add_argument("--sort", choices=["added", "date"], default="date")
    for sub in (listing, adding, removing, export):
        sub.error = top.error  # type: ignore[method-assign]
    return top


def _file(args: argparse.Namespace) -> StateFile[Bookmarks]:
    return bm.bookmarks_file(usable_locations(args.data_dir).data)


def _warn_moved(file: StateFile[Bookmarks]) -> None:
    for moved in file.moved:
        print(f"{PROG}: warning: {safe(moved.message())}", file=sys.stderr)


def _list(args: argparse.Namespace, file: StateFile[Bookmarks]) -> int:
    items = sorted_bookmarks(file.read().bookmarks, args.sort)
    _warn_moved(file)
    if args.json:
        write(FORMATS["json"](items))
        return 0
    lines = []
    for bookmark in items:
        day = bookmark.date.isoformat() if bookmark.date else "undated   "
        added = f"{bookmark.added_local:%Y-%m-%d %H:%M}"
        mine = "".join(f"  #{tag}" for tag in bookmark.tags)
        mine += "  [note]" if bookmark.note is not None else ""
        mine += "" if bookmark.starred else "  (not starred)"
        lines.append(
            safe(f"{bookmark.id:<18}  {day}  {bookmark.display_title}{mine}  (added {added})")
        )
    lines.append(f"{len(items):,} bookmark{'' if len(items) == 1 else 's'}")
    write("\n".join(lines) + "\n")
    return 0


def _add(args: argparse.Namespace, file: StateFile[Bookmarks]) -> int:
    ids = []
    for raw in args.ids:
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


def _remove(args: argparse.Namespace, file: StateFile[Bookmarks]) -> int:
    ids = [parse_arxiv_id(raw) or raw.strip() for raw in args.ids]
    before = {pid for pid, kept in file.read().bookmarks.items() if kept.starred}
    file.apply(bm.remove(pid) for pid in ids)
    _warn_moved(file)
    missing = [pid for pid in dict.fromkeys(ids) if pid not in before]
    for pid in missing:
        print(f"{PROG}: not bookmarked: {safe(pid)}", file=sys.stderr)
    write(f"removed {len(set(ids)) - len(missing)}\n")
    return 1 if missing else 0


def _export(args: argparse.Namespace, file: StateFile[Bookmarks]) -> int:
    items = sorted_bookmarks(file.read().bookmarks, args.sort)
    _warn_moved(file)
    text = FORMATS[args.format](items)
    if args.output is None:
        write(text)
        return 0
    written = write_output_file(args.output, text, args.force)
    noun = "bookmark" if len(items) == 1 else "bookmarks"
    print(safe(f"wrote {len(items)} {noun} to {written}"), file=sys.stderr)
    return 0


def run_bookmarks(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    file = _file(args)
    command = {"list": _list, "add": _add, "remove": _remove, "export": _export}[args.command]
    try:
        return command(args, file)
    except (StateFileError, WriteRefused, OSError) as exc:
        print(f"{PROG}: error: {safe(str(exc))}", file=sys.stderr)
        return 1
