"""``paperdeck config path`` and ``paperdeck config check``."""

from __future__ import annotations

import sys

from tui.cli.arguments import PROG, ArgumentParser
from tui.cli.launch import read_config, usable_locations
from tui.cli.output import safe, write
from tui.settings.sources import SourceConfig


def run_config(argv: list[str]) -> int:
    parser = ArgumentParser(prog=f"{PROG} config", description="The configuration file.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("path", help="print where config.toml is (it may not exist yet)")
    commands.add_parser("check", help="check config.toml; exit 1 when something is wrong")
    for sub in commands.choices.values():
        sub.error = parser.error  # type: ignore[method-assign]
    args = parser.parse_args(argv)
    locations = usable_locations()
    if args.command == "path":
        write(f"{safe(str(locations.config_file))}\n")
        return 0
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
