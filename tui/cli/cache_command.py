"""``paperdeck cache info`` and ``paperdeck cache clear``: the parse cache, for people."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from tui.archive.cache import cache_files
from tui.archive.cache.reading import figures
from tui.archive.cache.schema import remove_unused
from tui.cli.arguments import PROG, ArgumentParser
from tui.cli.launch import usable_locations
from tui.cli.output import safe, write


def _describe(path: str) -> str:
    """One line about a cache file: what it holds, or why it cannot be read."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            counts = figures(connection)
        finally:
            connection.close()
    except sqlite3.Error as exc:
        return f"unreadable ({exc}); it will be rebuilt"
    return f"{counts.files:,} files, {counts.days:,} days, {counts.papers:,} papers"


def run_cache(argv: list[str]) -> int:
    parser = ArgumentParser(
        prog=f"{PROG} cache",
        description="The parse cache: what each digest file parsed to, kept between runs.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("info", help="where the cache is and what it holds")
    commands.add_parser("clear", help="delete it (it is rebuilt as needed)")
    for sub in commands.choices.values():
        sub.error = parser.error  # type: ignore[method-assign]
    args = parser.parse_args(argv)
    folder = usable_locations().cache
    files = cache_files(folder)
    if args.command == "clear":
        removed = sum(remove_unused(path) for path in files)
        plural = "" if removed == 1 else "s"
        line = f"removed {removed} archive cache{plural} from {safe(str(folder))}"
        if in_use := len(files) - removed:
            line += f"; {in_use} in use by a running paperdeck kept"
        write(line + "\n")
        return 0
    lines = [f"cache directory: {safe(str(folder))}"]
    for path in files:
        size = sum(p.stat().st_size for p in path.parent.glob(f"{path.name}*") if p.is_file())
        used = datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        lines.append(f"{path.name}: {size / 2**20:,.1f} MiB, used {used}, {_describe(str(path))}")
    if not files:
        lines.append("empty: the next start reads every digest and fills it")
    write("\n".join(lines) + "\n")
    return 0
