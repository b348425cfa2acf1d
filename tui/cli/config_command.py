"""``paperdeck config path`` and ``paperdeck config check``."""

from __future__ import annotations

import sys

import click

from tui.cli.command_line import Group
from tui.cli.launch import read_config, usable_locations
from tui.cli.output import safe, write
from tui.settings.sources import SourceConfig


@click.group(cls=Group)
def config() -> None:
    """The configuration file, config.toml."""


@config.command()
def path() -> int:
    """Where config.toml is.

    It may not exist yet."""
    write(f"{safe(str(usable_locations().config_file))}\n")
    return 0


@config.command()
def check() -> int:
    """Check config.toml.

    Exit code 1 when something is wrong."""
    locations = usable_locations()
    loaded = read_config(locations)
    for problem in loaded.problems:
        print(safe(problem), file=sys.stderr)
    if not locations.config_file.exists():
        write(f"{safe(str(locations.config_file))} does not exist: defaults apply\n")
    elif not loaded.problems:
        write(f"{safe(str(locations.config_file))} is fine\n")
    write(_sources_text(loaded.config.source))
    return 1 if loaded.problems else 0


def _sources_text(sources: list[SourceConfig]) -> str:
    if not sources:
        return "no [[source]]: paperdeck sync fetches the daily papers of the last 30 days\n"
    lines = [
        safe(
            f"source {source.source_name}: {source.kind} {source.address}"
            + (f" since {source.since}" if source.since else "")
        )
        for source in sources
    ]
    return "\n".join(lines) + "\n"
