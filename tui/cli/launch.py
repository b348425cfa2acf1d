"""Starting the reader from the command line: settings, which paths to open, the app."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, TextIO

import click

from tui.cli.arguments import (
    ISO_DATE,
    PROG,
    THEME,
    data_dir_option,
    fail,
    no_cache_option,
    paths_argument,
    require_paths,
)
from tui.cli.command_line import Command
from tui.cli.output import safe
from tui.settings.config import LoadedConfig, load_config
from tui.settings.default_archive import default_paths
from tui.settings.locations import DEMO_ARCHIVE, Locations
from tui.settings.reader_settings import ReaderSettings
from tui.terminal.environment import terminal_problem

if TYPE_CHECKING:
    from tui.app import PaperdeckApp


def usable_locations(data_dir: str | None = None) -> Locations:
    """The directories to use; exits with a one-line error when one is unusable."""
    locations = Locations.resolve(data_dir)
    problem = locations.problem()
    if problem is not None:
        fail(safe(problem))
    return locations


def chosen_archive(paths: Sequence[str], data_dir: str | None) -> tuple[list[str], Locations]:
    """What a command reads (PATH…, else ``default_paths``) and the locations to use; a
    missing path or an unusable directory exits with a one-line error (code 2)."""
    locations = usable_locations(data_dir)
    require_paths(paths)
    return list(paths) or default_paths(locations, read_config(locations).config), locations


def require_terminal() -> None:
    """Exit with a one-line error (code 2) unless the reader has a terminal to run in.

    Without one (``ssh host somecommand``, a pipe, a cron job) the reader could neither
    draw nor read keys, and would wait for ever.
    """
    problem = terminal_problem(is_tty(sys.stdin), is_tty(sys.stdout), os.environ)
    if problem is not None:
        fail(problem)


def is_tty(stream: TextIO | None) -> bool:
    """Whether ``stream`` is a terminal (False for a closed or detached one)."""
    try:
        return stream is not None and stream.isatty()
    except (OSError, ValueError):  # closed or detached
        return False


def read_config(locations: Locations) -> LoadedConfig:
    """``config.toml``, checked against the real themes and, when it remaps keys, the real
    bindings (which imports every screen: only then)."""
    from textual.theme import BUILTIN_THEMES

    loaded = load_config(locations.config_file, set(BUILTIN_THEMES), _binding_ids)
    path = locations.config_file
    if loaded.config.keys:
        from tui.app.keymap import remap_clashes

        loaded.problems += [f"{path}: {clash}" for clash in remap_clashes(loaded.config.keys)]
    missing = [p for p in loaded.config.archive if not os.path.exists(os.path.expanduser(p))]
    if missing:
        loaded.problems.append(f"{path}: archive {', '.join(missing)} does not exist; ignored")
    return loaded


def _binding_ids() -> set[str]:
    from tui.app.keymap import binding_ids

    return binding_ids()


def build_app(
    paths: list[str],
    start_date: date | None = None,
    data_dir: str | None = None,
    *,
    ascii: bool = False,
    no_animation: bool = False,
    no_cache: bool = False,
    theme: str | None = None,
) -> PaperdeckApp:
    """The app for these arguments; a bad argument exits with a one-line error (code 2)."""
    require_paths(paths)
    locations = usable_locations(data_dir)
    loaded = read_config(locations)
    settings = ReaderSettings.combine(
        loaded.config,
        loaded.problems,
        ascii=ascii,
        no_animation=no_animation,
        restore=start_date is None,
        cache=not no_cache,
        default_archive=not paths,  # after a sync in the reader, new digests may be there
        theme=theme,
    )
    from tui.app import PaperdeckApp

    chosen = paths or default_paths(locations, loaded.config)
    return PaperdeckApp(
        chosen,
        start_date=start_date,
        locations=locations,
        settings=settings,
        demo=not paths and chosen == [str(DEMO_ARCHIVE)],
    )


def run_reader(
    paths: list[str],
    start_date: date | None = None,
    data_dir: str | None = None,
    *,
    ascii: bool = False,
    no_animation: bool = False,
    no_cache: bool = False,
    theme: str | None = None,
) -> int:
    """Open the reader; returns the exit code."""
    require_paths(paths)
    usable_locations(data_dir)  # a bad argument or directory is named before the terminal
    require_terminal()
    app = build_app(
        paths,
        start_date,
        data_dir,
        ascii=ascii,
        no_animation=no_animation,
        no_cache=no_cache,
        theme=theme,
    )
    app.guard_shutdown()
    app.run()
    return app.return_code or 0


@click.command(PROG, cls=Command)
@paths_argument
@click.option(
    "--date", "start_date", type=ISO_DATE, metavar="YYYY-MM-DD",
    help="open on this day (or the nearest)",
)  # fmt: skip
@data_dir_option()
@click.option("--ascii", is_flag=True, help="ASCII stand-ins for symbols fonts may lack")
@click.option("--no-animation", is_flag=True, help="no animations (the default over SSH)")
@no_cache_option
@click.option(
    "--theme", type=THEME, metavar="NAME",
    help="this session's colour theme (over config.toml's and the last one chosen)",
)  # fmt: skip
def reader(
    paths: tuple[str, ...],
    start_date: date | None,
    data_dir: str | None,
    ascii: bool,
    no_animation: bool,
    no_cache: bool,
    theme: str | None,
) -> int:
    """Read daily paper digests in the terminal.

    PATH…: digest files or directories, read recursively (default: your digests and
    synced sources, else a demo archive)."""
    return run_reader(
        list(paths),
        start_date=start_date,
        data_dir=data_dir,
        ascii=ascii,
        no_animation=no_animation,
        no_cache=no_cache,
        theme=theme,
    )
