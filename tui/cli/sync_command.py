"""``paperdeck sync``: fetch digests from the configured sources, a repository or the API.

    paperdeck sync                                   every source synced before and every
                                                     [[source]] in config.toml
    paperdeck sync --git URL [--name NAME]           one repository of Markdown digests
    paperdeck sync --hf [--since D] [--until D] [--api URL]
    … [--json] [--data-dir DIR]

Exit codes: 0 every source synced, 1 a source failed (the others still synced), 2 a bad
argument.
"""

from __future__ import annotations

import json
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import click

from tui.cli.arguments import ISO_DATE, PROG, data_dir_option, fail, json_option
from tui.cli.command_line import Command, run
from tui.cli.launch import read_config, usable_locations
from tui.cli.output import safe, write
from tui.cli.sync_display import display_for
from tui.settings.sources import SourceConfig, name_from_url, name_problem
from tui.sync import SourceResult, SyncOptions, sources_to_sync, sync_source, synced_folders
from tui.sync.engine import LOCK_WAIT


class Seconds(click.ParamType):
    """A number of seconds, 0 or more."""

    name = "seconds"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> float:
        try:
            seconds = float(value)
        except ValueError:
            seconds = -1.0
        if not 0 <= seconds < float("inf"):
            self.fail(f"{value!r} is not a number of seconds", param, ctx)
        return seconds


def _requested(
    git: str | None,
    name: str | None,
    hf: bool,
    since: date | None,
    until: date | None,
    api: str | None,
) -> list[SourceConfig] | None:
    """The one source the arguments name, or None to sync the configured ones."""
    if git is not None and hf:
        fail("--git and --hf do not go together: sync one, or neither for every source")
    if name is not None and git is None:
        fail("--name goes with --git URL")
    given = {"since": since, "until": until, "api": api}
    hf_only = [flag for flag, value in given.items() if value is not None]
    if hf_only and not hf:
        fail(f"--{hf_only[0]} goes with --hf")
    if since and until and since > until:
        fail(f"--since {since} is after --until {until}")
    if git is not None:
        if not git.strip():
            fail("--git needs a repository URL")
        name = name if name is not None else name_from_url(git)
        if problem := name_problem(name):
            fail(safe(f"--name: {problem}"))
        return [SourceConfig(kind="git", url=git.strip(), name=name)]
    if hf:
        if api is not None and not api.startswith(("http://", "https://")):
            fail(safe(f"--api {api!r} is not an http(s) address"))
        return [SourceConfig(kind="hf", url=api, since=since)]
    return None


def _summary_line(result: SourceResult) -> str:
    return safe(f"{result.name}: {result.message}")


@click.command(cls=Command)
@click.option("--git", metavar="URL", help="sync this git repository of digests")
@click.option(
    "--name", help="with --git: the folder under sources/ (default: the repository's name)"
)
@click.option("--hf", is_flag=True, help="sync the daily papers API")
@click.option("--since", type=ISO_DATE, metavar="YYYY-MM-DD",
              help="with --hf: the first day (default: 30 days ago)")  # fmt: skip
@click.option("--until", type=ISO_DATE, metavar="YYYY-MM-DD",
              help="with --hf: the last day (default: today, UTC)")  # fmt: skip
@click.option("--api", metavar="URL", help="with --hf: the API address")
@click.option(
    "--lock-wait",
    type=Seconds(),
    metavar="SECONDS",
    help=f"how long to wait while another sync of a source runs (default: {LOCK_WAIT:g})",
)
@json_option
@data_dir_option("where digests live")
@click.pass_obj
def sync(
    options: SyncOptions | None,
    git: str | None,
    name: str | None,
    hf: bool,
    since: date | None,
    until: date | None,
    api: str | None,
    lock_wait: float | None,
    as_json: bool,
    data_dir: str | None,
) -> int:
    """Fetch digests from your sources.

    Into the data directory (sources/<name>/): every source synced before and every
    [[source]] of config.toml, or the Hugging Face daily papers of the last 30 days when
    there is none. Exit code 1 when a source failed (the others still synced)."""
    requested = _requested(git, name, hf, since, until, api)
    locations = usable_locations(data_dir)
    if requested is None:
        loaded = read_config(locations)
        sources = sources_to_sync(loaded.config.source, locations.sources, loaded.problems)
        for problem in loaded.problems:
            print(f"{PROG}: warning: {safe(problem)}", file=sys.stderr)
    else:
        sources = requested
    options = replace(options or SyncOptions(), until=until)
    if lock_wait is not None:
        options = replace(options, lock_wait=lock_wait)
    root = locations.sources
    results = []
    with _signals_stop_the_sync() as stopped_by, display_for(sys.stderr) as display:
        for source in sources:
            result = sync_source(source, root, display.report, stopped_by.is_set, options)
            display.finished(result)
            results.append(result)
    if as_json:
        document = {
            "ok": all(result.ok for result in results),
            "sources": [result.to_json() for result in results],
        }
        write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        for result in results:
            if result.ok:
                write(_summary_line(result) + "\n")
            else:
                print(f"{PROG}: sync: {_summary_line(result)}", file=sys.stderr)
    if stopped_by.signal is not None:
        print(f"{PROG}: sync: stopped by {stopped_by.signal.name}", file=sys.stderr)
        return 128 + stopped_by.signal.value
    if requested is None:
        _mention_unconfigured(root, {source.source_name for source in sources})
    return 0 if all(result.ok for result in results) else 1


def run_sync(argv: list[str], options: SyncOptions | None = None) -> int:
    """``paperdeck sync ARGV`` with these options for the engine (tests shorten its waits)."""
    return run(sync, argv, f"{PROG} sync", obj=options)


class _StoppedBy:
    """The signal that asked the sync to stop, if one did."""

    def __init__(self) -> None:
        self.signal: signal.Signals | None = None

    def is_set(self) -> bool:
        return self.signal is not None

    def __call__(self, number: int, frame: object) -> None:
        self.signal = self.signal or signal.Signals(number)


@contextmanager
def _signals_stop_the_sync() -> Iterator[_StoppedBy]:
    """SIGINT, SIGTERM and SIGHUP cancel the sync instead of ending the process at once.

    The engine then ends what it runs within a second (``git`` and the programs git
    started, a request, a wait on a lock) and each source reports how it stopped; the
    command exits with 128 + the signal's number, as a shell reports a killed program.
    """
    stopped_by = _StoppedBy()
    if threading.current_thread() is not threading.main_thread():
        yield stopped_by  # only the main thread may set handlers
        return
    numbers = [signal.SIGINT, signal.SIGTERM]
    numbers += [signal.SIGHUP] if hasattr(signal, "SIGHUP") else []
    previous = {number: signal.signal(number, stopped_by) for number in numbers}
    try:
        yield stopped_by
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _mention_unconfigured(root: Path, synced: set[str]) -> None:
    others = [folder.name for folder in synced_folders(root) if folder.name not in synced]
    if others:
        print(
            f"{PROG}: note: not synced (neither remembered nor in config.toml): "
            f"{', '.join(others)}; "
            "they are still read",
            file=sys.stderr,
        )
