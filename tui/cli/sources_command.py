"""``paperdeck sources``: the sources a plain ``paperdeck sync`` syncs, and forgetting one.

    paperdeck sources [--json]                 name, kind, address, last sync, days, papers
    paperdeck sources remove NAME [--delete]   forget a source (its files stay unless --delete)

The work is in :func:`list_sources` and :func:`remove_source`, with plain arguments;
:func:`sources` only reads the command line.
"""

from __future__ import annotations

import json
import shutil
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from tui.cli.arguments import PROG, data_dir_option, fail, json_option
from tui.cli.command_line import Group
from tui.cli.launch import read_config, usable_locations
from tui.cli.output import safe, write
from tui.fileio import WriteRefused
from tui.fileio.locking import LockNotTaken, exclusive_when_free
from tui.settings.locations import Locations
from tui.settings.sources import name_problem
from tui.sync.engine import lock_path
from tui.sync.remembered import earlier_syncs, registry_for
from tui.userdata.state_file import StateFileError
from tui.userdata.synced_sources import RememberedSource

DELETE_LOCK_WAIT = 5.0
"""Seconds ``--delete`` waits for a sync of the source that is running."""


def _configured(locations: Locations) -> dict[str, tuple[str, str]]:
    """The ``[[source]]`` tables of config.toml: name → (kind, address); problems said."""
    loaded = read_config(locations)
    for problem in loaded.problems:
        print(f"{PROG}: warning: {safe(problem)}", file=sys.stderr)
    return {s.source_name: (s.kind, s.address) for s in loaded.config.source}


def _remembered(locations: Locations) -> dict[str, RememberedSource]:
    """The remembered sources, then the folders synced before sources were remembered
    (when, and what they hold, unknown)."""
    registry = registry_for(locations.sources)
    try:
        state = registry.state()
    except StateFileError as exc:
        print(f"{PROG}: error: {safe(str(exc))}", file=sys.stderr)
        raise SystemExit(1) from None
    finally:
        for moved in registry.file.moved:
            print(f"{PROG}: warning: {safe(moved.message())}", file=sys.stderr)
    earlier = earlier_syncs(locations.sources, {*state.sources, *state.forgotten})
    return state.sources | {
        source.source_name: RememberedSource(kind=source.kind, address=source.address)
        for source in earlier
    }


def source_rows(locations: Locations) -> list[dict[str, Any]]:
    """One row per source a plain sync takes: config.toml's first, then the remembered."""
    configured = _configured(locations)
    remembered = _remembered(locations)
    rows = []
    for name in [*configured, *(n for n in remembered if n not in configured)]:
        entry = remembered.get(name)
        if name in configured:
            kind, address = configured[name]
        else:
            assert entry is not None
            kind, address = entry.kind, entry.address
        rows.append(
            {
                "name": name,
                "kind": kind,
                "address": address,
                "last_sync": entry.last_sync.isoformat() if entry and entry.last_sync else None,
                "days": entry.days if entry else None,
                "papers": entry.papers if entry else None,
            }
        )
    return rows


def _when(iso: str | None, folder: Path) -> str:
    if iso is None:
        return "-" if folder.is_dir() else "never"  # synced before sources were remembered
    return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")


def _count(value: int | None) -> str:
    return "-" if value is None else f"{value:,}"


def list_sources(data_dir: str | None = None, as_json: bool = False) -> int:
    """Print every source a plain ``paperdeck sync`` syncs, as a table or as JSON."""
    locations = usable_locations(data_dir)
    rows = source_rows(locations)
    if as_json:
        write(json.dumps({"sources": rows}, ensure_ascii=False, indent=2) + "\n")
        return 0
    if not rows:
        write(
            "No sources yet: paperdeck sync fetches the Hugging Face daily papers, "
            "paperdeck sync --git URL a repository of digests.\n"
        )
        return 0
    table = [("NAME", "KIND", "LAST SYNC", "DAYS", "PAPERS", "ADDRESS")]
    table += [
        (row["name"], row["kind"], _when(row["last_sync"], locations.sources / row["name"]),
         _count(row["days"]),
         _count(row["papers"]), row["address"])
        for row in rows
    ]  # fmt: skip
    widths = [max(len(safe(line[i])) for line in table) for i in range(5)]
    for line in table:
        cells = [safe(cell).rjust(w) if i in (3, 4) else safe(cell).ljust(w)
                 for i, (cell, w) in enumerate(zip(line, widths, strict=False))]  # fmt: skip
        write("  ".join([*cells, safe(line[5])]) + "\n")
    return 0


def remove_source(name: str, data_dir: str | None = None, delete: bool = False) -> int:
    """Forget source ``name``: a plain sync no longer syncs it. Its folder stays (the reader
    still reads it) unless ``delete``. An unknown name is a bad argument (exit code 2)."""
    locations = usable_locations(data_dir)
    remembered = _remembered(locations)
    configured = _configured(locations)
    if name not in remembered:
        if name in configured:
            fail(f"source {name!r} comes from config.toml: remove its [[source]] there")
        known = ", ".join(sorted(remembered)) or "none"
        fail(f"no source named {name!r} (remembered: {known})")
    folder = locations.sources / name
    try:
        if delete:
            _delete(locations.sources, name)
        registry_for(locations.sources).forget(name)
    except (StateFileError, WriteRefused, OSError) as exc:
        print(f"{PROG}: error: {safe(str(exc))}", file=sys.stderr)
        return 1
    except LockNotTaken:
        print(f"{PROG}: error: a sync of {safe(name)} is running; try again once it ends",
              file=sys.stderr)  # fmt: skip
        return 1
    kept = f"deleted {folder}" if delete else f"its files stay in {folder}"
    write(safe(f"{name}: forgotten; {kept}") + "\n")
    if name in configured:
        print(f"{PROG}: note: {safe(name)} is still a [[source]] of config.toml, so the "
              "next sync syncs it again", file=sys.stderr)  # fmt: skip
    return 0


def _delete(root: Path, name: str) -> None:
    """Delete ``root/name`` once no sync of it runs (a link is removed, not followed)."""
    if name_problem(name) is not None:  # a name edited into sources.json by hand
        raise OSError(f"{name!r} is not a source folder name; nothing deleted")

    def waiting() -> None:
        print(f"{PROG}: waiting for the sync of {safe(name)} to end", file=sys.stderr)

    folder = root / name
    with exclusive_when_free(lock_path(root, name), waiting, lambda: False, DELETE_LOCK_WAIT):
        if folder.is_symlink() or folder.is_file():
            folder.unlink()
        elif folder.is_dir():
            shutil.rmtree(folder)


@click.group(cls=Group, invoke_without_command=True)
@json_option
@data_dir_option("where digests live")
@click.pass_context
def sources(ctx: click.Context, as_json: bool, data_dir: str | None) -> int | None:
    """The sources a plain paperdeck sync syncs.

    Those synced before and config.toml's [[source]] tables: name, kind, address, last
    sync, days and papers (also: sources remove NAME [--delete])."""
    if ctx.invoked_subcommand is not None:
        return None
    return list_sources(data_dir, as_json)


@sources.command()
@click.argument("name", metavar="NAME")
@click.option("--delete", is_flag=True, help="also delete its folder under sources/")
@data_dir_option("where digests live")
def remove(name: str, delete: bool, data_dir: str | None) -> int:
    """Forget a source (its files stay).

    A plain paperdeck sync no longer syncs it; its files stay (the reader still reads
    them) unless --delete."""
    return remove_source(name, data_dir, delete)
