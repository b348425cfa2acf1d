"""``paperdeck cache info`` and ``paperdeck cache clear``: the parse cache, for people."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import click

from tui.archive.cache import cache_files
from tui.archive.cache.reading import figures
from tui.archive.cache.schema import remove_unused
from tui.archive.cache.writing import archive_paths
from tui.cli.command_line import Group
from tui.cli.launch import usable_locations
from tui.cli.output import safe, write


def _describe(path: str) -> tuple[str, str]:
    """What a cache file holds (or why it cannot be read), and the archive it is for."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            counts = figures(connection)
            paths = archive_paths(connection)
        finally:
            connection.close()
    except sqlite3.Error as exc:
        return f"unreadable ({exc}); it will be rebuilt", "an archive it cannot name"
    held = f"{counts.files:,} files, {counts.days:,} days, {counts.papers:,} papers"
    if paths is None:  # made before caches kept their paths; named from its next use on
        return held, "an archive not named yet (it is named when next opened)"
    return held, ", ".join(paths)


@click.group(cls=Group)
def cache() -> None:
    """The parse cache: what each digest file parsed to, kept between runs."""


@cache.command()
def info() -> int:
    """Where the cache is, what it holds.

    Each archive's cache file: its size, when it was last used, what it holds, and the
    paths of the archive it is for."""
    folder = usable_locations().cache
    files = cache_files(folder)
    lines = [f"cache directory: {safe(str(folder))}"]
    for path in files:
        size = sum(p.stat().st_size for p in path.parent.glob(f"{path.name}*") if p.is_file())
        used = datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        held, archive = _describe(str(path))
        lines.append(f"{path.name}: {size / 2**20:,.1f} MiB, used {used}, {held}")
        lines.append(safe(f"  for {archive}"))
    if not files:
        lines.append("empty: the next start reads every digest and fills it")
    write("\n".join(lines) + "\n")
    return 0


@cache.command()
def clear() -> int:
    """Delete the caches not in use.

    Each is rebuilt as needed."""
    folder = usable_locations().cache
    files = cache_files(folder)
    removed = sum(remove_unused(path) for path in files)
    plural = "" if removed == 1 else "s"
    line = f"removed {removed} archive cache{plural} from {safe(str(folder))}"
    if in_use := len(files) - removed:
        line += f"; {in_use} in use by a running paperdeck kept"
    write(line + "\n")
    return 0
