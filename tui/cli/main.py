"""Entry point: ``paperdeck [PATH…]`` opens the reader; subcommands serve scripts."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from tui.cli.arguments import PROG, ArgumentParser, iso_date
from tui.cli.digest_commands import run_check, run_dump

COMMANDS_HELP = """commands (for scripts and pipes):
  paperdeck dump PATH...                 print the parsed digests as JSON
  paperdeck check PATH...                list problems in digest files; exit 1 on errors
  paperdeck bookmarks list               list bookmarks (also: add ID..., remove ID...)
  paperdeck bookmarks export --format md|bibtex|json|csv [-o FILE]
  paperdeck search QUERY [PATH...] [--json]   search every day, best first
  paperdeck config path | check          where config.toml is; check it
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
    return parser


class _RawEpilog(argparse.HelpFormatter):
    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return text


def _paths_parser(name: str, description: str) -> ArgumentParser:
    parser = ArgumentParser(prog=f"{PROG} {name}", description=description)
    parser.add_argument("paths", nargs="+", metavar="PATH", help="digest files or directories")
    return parser


def _dump(argv: list[str]) -> int:
    args = _paths_parser("dump", "Print the parsed digests as JSON.").parse_args(argv)
    return run_dump(args.paths)


def _check(argv: list[str]) -> int:
    description = "List problems found in digest files; exit 1 when any is an error."
    args = _paths_parser("check", description).parse_args(argv)
    return run_check(args.paths)


def _bookmarks(argv: list[str]) -> int:
    from tui.cli.bookmark_commands import run_bookmarks

    return run_bookmarks(argv)


def _search(argv: list[str]) -> int:
    from tui.cli.search_command import run_search

    return run_search(argv)


def _config(argv: list[str]) -> int:
    from tui.cli.config_command import run_config

    return run_config(argv)


def _serve(argv: list[str]) -> int:
    from tui.cli.serve_command import run_serve

    return run_serve(argv)


SUBCOMMANDS: dict[str, Callable[[list[str]], int]] = {
    "config": _config,
    "serve": _serve,
    "dump": _dump,
    "check": _check,
    "bookmarks": _bookmarks,
    "search": _search,
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
    )


def main(argv: list[str] | None = None) -> int:
    """Run ``paperdeck`` with ``argv`` (default: the command line); returns the exit code."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in SUBCOMMANDS:
        return SUBCOMMANDS[argv[0]](argv[1:])
    return _reader(argv)
