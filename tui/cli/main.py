"""Entry point: ``paperdeck [PATH…]`` opens the reader; subcommands serve scripts."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from tui.cli.arguments import PROG, ArgumentParser, iso_date
from tui.cli.cached import NO_CACHE_HELP
from tui.cli.digest_commands import run_check, run_dump

COMMANDS_HELP = """commands (for scripts and pipes):
  paperdeck sync [--git URL | --hf]      fetch digests (config.toml's [[source]] tables)
  paperdeck dump [PATH...]               print the parsed digests as JSON
  paperdeck check [PATH...]              list problems in digest files; exit 1 on errors
  paperdeck bookmarks list               list bookmarks (also: add ID..., remove ID...)
  paperdeck bookmarks export --format md|bibtex|json|csv [-o FILE]
  paperdeck note ID [TEXT | --edit | --clear]   show or change the note on a paper
  paperdeck tag ID +TAG|-TAG ...         add or remove tags of a paper
  paperdeck tags                         every tag in use and its count
  paperdeck search QUERY [PATH...] [--json]   search every day, best first
  paperdeck top --week YYYY-Www | --month YYYY-MM [PATH...]   a week's or month's best
  paperdeck author NAME [PATH...] [--json]    every paper of an author, newest first
  paperdeck related ID [PATH...] [--top N]    the papers most like a paper
  paperdeck brief --day D | --week W | --month M | --bookmarks [-o FILE]
                                         a Markdown brief of the best-voted papers
  paperdeck config path | check          where config.toml is; check it
  paperdeck cache info | clear           what the parse cache holds; empty it
  paperdeck serve [PATH...] [--port N]   the reader in web browsers, on 127.0.0.1 (serve extra)
"""


def _reader_parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog=PROG,
        description="Read daily paper digests in the terminal.",
        epilog=COMMANDS_HELP,
        formatter_class=_RawEpilog,
    )
    parser.add_argument(
        "paths",
        nargs="*",
        default=[],  # optional: argparse would list a "*" positional without one as required
        metavar="PATH",
        help="digest files or directories (default: your digest directory, else a demo)",
    )
    parser.add_argument(
        "--date", type=iso_date, metavar="YYYY-MM-DD", help="open on this day (or the nearest)"
    )
    parser.add_argument(
        "--data-dir", metavar="DIR", help="where digests and bookmarks live ($PAPERDECK_DATA_DIR)"
    )
    parser.add_argument(
        "--ascii", action="store_true", help="ASCII stand-ins for symbols fonts may lack"
    )
    parser.add_argument(
        "--no-animation", action="store_true", help="no animations (the default over SSH)"
    )
    parser.add_argument("--no-cache", action="store_true", help=NO_CACHE_HELP)
    return parser


class _RawEpilog(argparse.HelpFormatter):
    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return text


def _paths_parser(name: str, description: str) -> ArgumentParser:
    parser = ArgumentParser(prog=f"{PROG} {name}", description=description)
    parser.add_argument(
        "paths",
        nargs="*",
        default=[],  # optional: argparse would list a "*" positional without one as required
        metavar="PATH",
        help="digest files or directories (default: your digests and synced sources)",
    )
    parser.add_argument("--data-dir", metavar="DIR", help="where digests live")
    parser.add_argument("--no-cache", action="store_true", help=NO_CACHE_HELP)
    return parser


def _default_paths(data_dir: str | None) -> list[str]:
    from tui.cli.launch import default_paths, read_config, usable_locations

    locations = usable_locations(data_dir)
    return default_paths(locations, read_config(locations).config)


def _dump(argv: list[str]) -> int:
    from tui.cli.launch import usable_locations

    args = _paths_parser("dump", "Print the parsed digests as JSON.").parse_args(argv)
    return run_dump(
        args.paths or _default_paths(args.data_dir), usable_locations(args.data_dir), args.no_cache
    )


def _check(argv: list[str]) -> int:
    from tui.cli.launch import usable_locations

    description = "List problems found in digest files; exit 1 when any is an error."
    args = _paths_parser("check", description).parse_args(argv)
    return run_check(
        args.paths or _default_paths(args.data_dir), usable_locations(args.data_dir), args.no_cache
    )


def _bookmarks(argv: list[str]) -> int:
    from tui.cli.bookmark_commands import run_bookmarks

    return run_bookmarks(argv)


def _note(argv: list[str]) -> int:
    from tui.cli.note_commands import run_note

    return run_note(argv)


def _tag(argv: list[str]) -> int:
    from tui.cli.note_commands import run_tag

    return run_tag(argv)


def _tags(argv: list[str]) -> int:
    from tui.cli.note_commands import run_tags

    return run_tags(argv)


def _search(argv: list[str]) -> int:
    from tui.cli.search_command import run_search

    return run_search(argv)


def _top(argv: list[str]) -> int:
    from tui.cli.period_commands import run_top

    return run_top(argv)


def _author(argv: list[str]) -> int:
    from tui.cli.period_commands import run_author

    return run_author(argv)


def _related(argv: list[str]) -> int:
    from tui.cli.related_command import run_related

    return run_related(argv)


def _brief(argv: list[str]) -> int:
    from tui.cli.brief_command import run_brief

    return run_brief(argv)


def _sync(argv: list[str]) -> int:
    from tui.cli.sync_command import run_sync

    return run_sync(argv)


def _config(argv: list[str]) -> int:
    from tui.cli.config_command import run_config

    return run_config(argv)


def _cache(argv: list[str]) -> int:
    from tui.cli.cache_command import run_cache

    return run_cache(argv)


def _serve(argv: list[str]) -> int:
    from tui.cli.serve_command import run_serve

    return run_serve(argv)


SUBCOMMANDS: dict[str, Callable[[list[str]], int]] = {
    "sync": _sync,
    "config": _config,
    "cache": _cache,
    "serve": _serve,
    "dump": _dump,
    "check": _check,
    "bookmarks": _bookmarks,
    "note": _note,
    "tag": _tag,
    "tags": _tags,
    "search": _search,
    "top": _top,
    "author": _author,
    "related": _related,
    "brief": _brief,
}


def _reader(argv: list[str]) -> int:
    args = _reader_parser().parse_args(argv)
    from tui.cli.launch import run_reader

    return run_reader(
        args.paths,
        start_date=args.date,
        data_dir=args.data_dir,
        ascii=args.ascii,
        no_animation=args.no_animation,
        no_cache=args.no_cache,
    )


def main(argv: list[str] | None = None) -> int:
    """Run ``paperdeck`` with ``argv`` (default: the command line); returns the exit code."""
    argv = sys.argv[1:] if argv is None else argv
    try:
        if argv and argv[0] in SUBCOMMANDS:
            return SUBCOMMANDS[argv[0]](argv[1:])
        return _reader(argv)
    except KeyboardInterrupt:  # ctrl+c in a command: stop where it is, without a traceback
        print(file=sys.stderr)
        return 130
