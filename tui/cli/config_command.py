"""``paperdeck config path`` and ``paperdeck config check``."""

from __future__ import annotations

import sys

from tui.cli.arguments import PROG, ArgumentParser
from tui.cli.launch import read_config, usable_locations
from tui.cli.output import safe, write


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
    return 1 if loaded.problems else 0
