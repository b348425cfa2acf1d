"""``paperdeck serve``: the reader in a web browser, through textual-serve (an extra).

textual-serve has no login of its own: whoever reaches the port gets a reader. So it
listens on this machine only unless told otherwise, warns when told otherwise, and its
start page shows the reader's name rather than the command line behind it.
"""

from __future__ import annotations

import ipaddress
import shlex
import sys

from tui.cli.arguments import PROG, ArgumentParser, fail
from tui.cli.digest_commands import require_paths
from tui.cli.output import safe

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


def run_serve(argv: list[str]) -> int:
    parser = ArgumentParser(
        prog=f"{PROG} serve",
        description="Serve the reader to web browsers (each browser tab runs its own reader).",
    )
    parser.add_argument(
        "paths", nargs="*", default=[], metavar="PATH", help="digests (default: yours)"
    )
    parser.add_argument(
        "--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST})"
    )
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument(
        "--public-url",
        metavar="URL",
        help="the address browsers use, behind a reverse proxy (e.g. https://papers.example.org)",
    )
    args = parser.parse_args(argv)
    require_paths(args.paths)
    try:
        from textual_serve.server import Server
    except ImportError:
        fail("paperdeck serve needs textual-serve: uv sync --extra serve (or pip install "
             "'paperdeck[serve]')")  # fmt: skip
    if not only_this_machine(args.host):
        print(wide_bind_warning(args.host), file=sys.stderr)
    server = Server(
        serve_command(args.paths),
        host=args.host,
        port=args.port,
        title=PAGE_TITLE,
        public_url=args.public_url,
    )
    server.serve()
    return 0
