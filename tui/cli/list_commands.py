"""``paperdeck lists`` and ``paperdeck list NAME | add NAME ID… | remove NAME ID…``.

Reading lists live in the bookmarks file (each kept paper names the lists it is on), so
they change as the reader changes them: locked, merged, atomic. ``add`` and ``remove`` are
the subcommands of ``list``; any other first word is a list's name, and no list may be
named ``add`` or ``remove``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime

import click

from tui.archive.links import parse_arxiv_id
from tui.cli.arguments import PROG, data_dir_option, fail
from tui.cli.command_line import Command, Group, options_first
from tui.cli.launch import usable_locations
from tui.cli.output import safe, write
from tui.fileio import WriteRefused
from tui.userdata import annotations as an
from tui.userdata.bookmarks import Bookmark, Bookmarks, bookmarks_file
from tui.userdata.cleaning import clean_list_name, list_name_problem
from tui.userdata.state_file import StateFile, StateFileError

SHOW = "show"
"""The hidden subcommand ``list NAME`` runs."""


def _warn_moved(file: StateFile[Bookmarks]) -> None:
    for moved in file.moved:
        print(f"{PROG}: warning: {safe(moved.message())}", file=sys.stderr)


def _name(raw: str) -> str:
    name = clean_list_name(raw)
    problem = list_name_problem(name)
    if problem is not None:
        fail(f"{problem}: {safe(raw)!r}")
    return name


def _papers(file: StateFile[Bookmarks], raw_ids: tuple[str, ...]) -> list[tuple[str, Bookmark]]:
    """Each ID's identity and a snapshot to keep it by: an arXiv id or link (as
    ``bookmarks add`` takes), or the identity of a kept paper; anything else exits 2."""
    kept = file.read().bookmarks
    found = []
    for raw in raw_ids:
        arxiv_id = parse_arxiv_id(raw)
        if arxiv_id is not None:
            found.append((arxiv_id, Bookmark.bare(arxiv_id, datetime.now(UTC))))
        elif raw.strip() in kept:
            found.append((raw.strip(), kept[raw.strip()]))
        else:
            fail(f"not an arXiv id or a kept paper: {safe(raw)!r} (e.g. 2507.01234)")
    return list(dict(found).items())


def _lists(as_json: bool, data_dir: str | None) -> int:
    file = bookmarks_file(usable_locations(data_dir).data)
    counts = an.list_counts(file.read().bookmarks.values())
    _warn_moved(file)
    names = sorted(counts, key=lambda name: (name.casefold(), name))
    if as_json:
        data = [{"name": name, "count": counts[name]} for name in names]
        write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return 0
    width = max((len(name) for name in names), default=0)
    write("".join(safe(f"{name:<{width}}  {counts[name]}") + "\n" for name in names))
    return 0


def _show(file: StateFile[Bookmarks], raw_name: str, as_json: bool) -> int:
    name = _name(raw_name)
    papers = an.list_papers(file.read().bookmarks.values(), name)
    _warn_moved(file)
    if as_json:
        data = {
            "name": name,
            "count": len(papers),
            "papers": [paper.dump(json=True) for paper in papers],
        }
        write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        lines = []
        for paper in papers:
            day = paper.date.isoformat() if paper.date else "undated   "
            lines.append(safe(f"{paper.id:<18}  {day}  {paper.display_title}"))
        write("".join(line + "\n" for line in lines))
    if not papers:
        print(f"{PROG}: no list named {safe(name)!r}", file=sys.stderr)
        return 1
    return 0


def _change(file: StateFile[Bookmarks], raw_name: str, raw_ids: tuple[str, ...], add: bool) -> int:
    name = _name(raw_name)
    papers = _papers(file, raw_ids)
    before = {pid for pid, kept in file.read().bookmarks.items() if name in kept.lists}
    if add:
        changes = [an.change_lists(pid, [name], [], snapshot) for pid, snapshot in papers]
    else:
        changes = [an.change_lists(pid, [], [name], None) for pid, _ in papers]
    file.apply(changes)
    _warn_moved(file)
    ids = [pid for pid, _ in papers]
    if add:
        done = [pid for pid in ids if pid not in before]
        write(safe(f"added {len(done)} to {name}, already on it {len(ids) - len(done)}") + "\n")
        return 0
    missing = [pid for pid in ids if pid not in before]
    for pid in missing:
        print(safe(f"{PROG}: not on {name}: {pid}"), file=sys.stderr)
    write(safe(f"removed {len(ids) - len(missing)} from {name}") + "\n")
    return 1 if missing else 0


def _run(command: Callable[[], int]) -> int:
    try:
        return command()
    except (StateFileError, WriteRefused, OSError) as exc:
        print(f"{PROG}: error: {safe(str(exc))}", file=sys.stderr)
        return 1


@click.command(cls=Command)
@click.option("--json", "as_json", is_flag=True, help="print JSON")
@data_dir_option("where bookmarks live")
def lists(as_json: bool, data_dir: str | None) -> int:
    """Every reading list and how many papers it holds."""
    return _run(lambda: _lists(as_json, data_dir))


class ListGroup(Group):
    """``list add|remove …``, and ``list NAME`` for any other first word."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name, command in self.commands.items() if not command.hidden]

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        words = options_first(args, self.get_params(ctx), ctx)
        if "--" not in words and not ctx.resilient_parsing and not set(words) & {"-h", "--help"}:
            raise click.UsageError("the following arguments are required: NAME", ctx)
        return super().parse_args(ctx, args)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] not in self.list_commands(ctx):
            return SHOW, self.commands[SHOW], args  # the word is the list's name
        return super().resolve_command(ctx, args)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pieces = "NAME [--json] | add NAME ID... | remove NAME ID..."
        formatter.write_usage(ctx.command_path, pieces)


@click.group("list", cls=ListGroup)
@data_dir_option("where bookmarks live ($PAPERDECK_DATA_DIR)")
@click.pass_context
def list_(ctx: click.Context, data_dir: str | None) -> None:
    """Show a reading list, or add papers to it and remove them.

    NAME: the list (no list is named add or remove). ID: an arXiv id or link, or the
    identity bookmarks list shows."""
    ctx.obj = bookmarks_file(usable_locations(data_dir).data)


@list_.command(SHOW, hidden=True)
@click.argument("name", metavar="NAME")
@click.option("--json", "as_json", is_flag=True, help="print JSON")
@click.pass_obj
def show(file: StateFile[Bookmarks], name: str, as_json: bool) -> int:
    """The papers of a list, newest day first."""
    return _run(lambda: _show(file, name, as_json))


@list_.command()
@click.argument("name", metavar="NAME")
@click.argument("ids", nargs=-1, required=True, metavar="ID...")
@click.pass_obj
def add(file: StateFile[Bookmarks], name: str, ids: tuple[str, ...]) -> int:
    """Add papers to a list (made by its first paper)."""
    return _run(lambda: _change(file, name, ids, add=True))


@list_.command()
@click.argument("name", metavar="NAME")
@click.argument("ids", nargs=-1, required=True, metavar="ID...")
@click.pass_obj
def remove(file: StateFile[Bookmarks], name: str, ids: tuple[str, ...]) -> int:
    """Remove papers from a list (a list with none left is gone)."""
    return _run(lambda: _change(file, name, ids, add=False))
