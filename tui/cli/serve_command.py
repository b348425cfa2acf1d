"""``paperdeck serve``: the reader in a web browser, through textual-serve (an extra).

textual-serve has no login of its own: whoever reaches the port and the websocket gets a
reader. So it listens on this machine only unless told otherwise, warns when told
otherwise, asks for a token and the page's own origin (:mod:`tui.cli.serve_guard`), caps
the readers running at once, and its start page shows the reader's name rather than the
command line behind it.
"""

from __future__ import annotations

import ipaddress
import secrets
import shlex
import sys

import click

from parsers import is_web_link
from tui.cli.arguments import POSITIVE, PROG, fail, paths_argument, require_paths
from tui.cli.command_line import Command
from tui.cli.output import safe
from tui.settings.config import load_config
from tui.settings.locations import Locations

DEFAULT_HOST = "127.0.0.1"
PAGE_TITLE = "paperdeck"


def serve_command(paths: list[str]) -> str:
    """The command each browser session runs: this Python, this paperdeck, these paths."""
    return shlex.join([sys.executable, "-m", "tui", "--no-animation", *paths])


def only_this_machine(host: str) -> bool:
    """True when ``host`` is a loopback address, reachable from this machine alone."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # a host name, or an address of a network interface
        return False


def wide_bind_warning(host: str) -> str:
    return (
        f"{PROG}: warning: listening on {safe(host)}: anyone who can reach it gets a reader, "
        "with no login; put a reverse proxy with authentication in front (see README)"
    )


NO_TOKEN_WARNING = (
    f"{PROG}: warning: --no-token: whoever reaches this server gets a reader; only do this "
    "behind a reverse proxy that authenticates (see README)"
)


def max_sessions(given: int | None) -> int:
    """``--max-sessions``, else ``max_sessions`` in config.toml (its problems said), else 4."""
    if given is not None:
        return given
    loaded = load_config(Locations.resolve().config_file)
    for problem in loaded.problems:
        print(f"{PROG}: warning: {safe(problem)}", file=sys.stderr)
    return loaded.config.max_sessions


@click.command(cls=Command)
@paths_argument
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="address to listen on")
@click.option("--port", type=int, default=8000, show_default=True, help="port")
@click.option(
    "--public-url",
    metavar="URL",
    help="the address browsers use, behind a reverse proxy (e.g. https://papers.example.org)",
)
@click.option(
    "--max-sessions",
    "sessions",
    type=POSITIVE,
    metavar="N",
    help="readers (browser tabs) at once (default: max_sessions in config.toml, else 4)",
)
@click.option("--no-token", is_flag=True,
              help="ask for no token: only behind a reverse proxy that authenticates")  # fmt: skip
def serve(
    paths: tuple[str, ...],
    host: str,
    port: int,
    public_url: str | None,
    sessions: int | None,
    no_token: bool,
) -> int:
    """The reader in web browsers.

    Listens on 127.0.0.1; each browser tab runs its own reader. Needs the serve extra.
    PATH…: default: your digests."""
    require_paths(paths)
    if public_url is not None and not is_web_link(public_url):
        fail(f"--public-url {safe(public_url)!r} is not an http(s) address")
    try:
        import textual_serve.server  # noqa: F401 - the serve extra
    except ImportError:
        fail("paperdeck serve needs textual-serve: uv sync --extra serve (or pip install "
             "'paperdeck[serve]')")  # fmt: skip
    from tui.cli.serve_guard import Guard, GuardedServer

    if not only_this_machine(host):
        print(wide_bind_warning(host), file=sys.stderr)
    if no_token:
        print(NO_TOKEN_WARNING, file=sys.stderr)
    token = None if no_token else secrets.token_urlsafe(32)
    guard = Guard.for_server(
        token,
        host,
        port,
        loopback=only_this_machine(host),
        public_url=public_url,
        max_sessions=max_sessions(sessions),
    )
    server = GuardedServer(
        serve_command(list(paths)),
        guard,
        host=host,
        port=port,
        title=PAGE_TITLE,
        public_url=public_url,
    )
    server.serve()
    return 0
