"""``paperdeck serve``: the reader in a web browser, through textual-serve (an extra)."""

from __future__ import annotations

import shlex
import sys

from tui.cli.arguments import PROG, ArgumentParser, fail
from tui.cli.digest_commands import require_paths


def serve_command(paths: list[str]) -> str:
    """The command each browser session runs: this Python, this paperdeck, these paths."""
    return shlex.join([sys.executable, "-m", "tui", "--no-animation", *paths])


def run_serve(argv: list[str]) -> int:
    parser = ArgumentParser(
        prog=f"{PROG} serve",
        description="Serve the reader to web browsers (each browser tab runs its own reader).",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="digests (default: yours)")
    parser.add_argument("--host", default="localhost", help="address to listen on")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    args = parser.parse_args(argv)
    require_paths(args.paths)
    try:
        from textual_serve.server import Server
    except ImportError:
        fail("paperdeck serve needs textual-serve: uv sync --extra serve (or pip install "
             "'paperdeck[serve]')")  # fmt: skip
    Server(serve_command(args.paths), host=args.host, port=args.port).serve()
    return 0
