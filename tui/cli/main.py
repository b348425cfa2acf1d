"""Entry point: ``paperdeck [PATH…]`` opens the reader; the commands serve scripts.

A command is a click command in its own module, registered by one line of ``COMMANDS``;
it is imported only when it runs (or ``--help`` or completion lists it).
"""

from __future__ import annotations

import sys

import click

from tui.cli.arguments import PROG
from tui.cli.command_line import DEFAULT, LazyGroup, run
from tui.startup import hold_collection, release_collection

COMMANDS = {
    "sync": "tui.cli.sync_command:sync",
    "sources": "tui.cli.sources_command:sources",
    "dump": "tui.cli.digest_commands:dump",
    "check": "tui.cli.digest_commands:check",
    "search": "tui.cli.search_command:search",
    "top": "tui.cli.period_commands:top",
    "author": "tui.cli.period_commands:author",
    "related": "tui.cli.related_command:related",
    "brief": "tui.cli.brief_command:brief",
    "pdf": "tui.cli.pdf_command:pdf",
    "bookmarks": "tui.cli.bookmark_commands:bookmarks",
    "note": "tui.cli.note_commands:note",
    "tag": "tui.cli.note_commands:tag",
    "tags": "tui.cli.note_commands:tags",
    "lists": "tui.cli.list_commands:lists",
    "list": "tui.cli.list_commands:list_",
    "config": "tui.cli.config_command:config",
    "cache": "tui.cli.cache_command:cache",
    "serve": "tui.cli.serve_command:serve",
    "completion": "tui.cli.completion_command:completion",
}
"""Every command: its name → "module:attribute" of its click command."""

READER = "tui.cli.launch:reader"
"""The default command: ``paperdeck [PATH…]``, the reader."""


@click.group(PROG, cls=LazyGroup, lazy=COMMANDS, default=READER)
@click.version_option(
    package_name="paperdeck",
    prog_name=PROG,
    message="%(prog)s %(version)s",
    help="print the version and exit",
)
def paperdeck() -> None:
    """Read daily paper digests in the terminal.

    PATH…: digest files or directories, read recursively (default: your digests and
    synced sources, else a demo archive)."""
    if click.get_current_context().invoked_subcommand != DEFAULT:
        release_collection()  # only the reader's start is worth holding the collector for


def main(argv: list[str] | None = None) -> int:
    """Run ``paperdeck`` with ``argv`` (default: the command line); returns the exit code."""
    hold_collection()  # until the reader's first screen, or until another command starts
    try:
        return run(paperdeck, sys.argv[1:] if argv is None else argv)
    finally:
        release_collection()
