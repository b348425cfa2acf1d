"""``paperdeck dump`` and ``paperdeck check``: the parser's results for scripts.

Both read through the archive's cache (only new or changed files are parsed); ``dump``
writes one day at a time, so its memory does not grow with the archive.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import Any

import click

from parsers import LoadResult, Paper, Problem
from tui.archive.cache.reading import all_days, figures, file_problems
from tui.cli.arguments import data_dir_option, no_cache_option, paths_argument, require_paths
from tui.cli.cached import fresh_cache
from tui.cli.command_line import Command
from tui.cli.launch import chosen_archive
from tui.cli.output import safe, write
from tui.settings.locations import Locations


def _digest(day: date | None, papers: list[Paper]) -> dict[str, Any]:
    return {
        "date": day.isoformat() if day else None,
        "papers": [paper.as_json() for paper in papers],
    }


def dump_document(result: LoadResult) -> dict[str, Any]:
    """The JSON document ``paperdeck dump`` prints (keys are a public contract)."""
    return {
        "digests": [_digest(digest.date, digest.papers) for digest in result.digests],
        "problems": [problem.as_json() for problem in result.problems],
    }


def _indented(value: object, depth: int) -> str:
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + "  " * depth)


def dump_chunks(
    digests: Iterator[tuple[date | None, list[Paper]]], problems: Iterator[Problem]
) -> Iterator[str]:
    """``dump_document`` as JSON text, a digest at a time (the same text, in pieces)."""
    yield '{\n  "digests": ['
    first = True
    for day, papers in digests:
        yield ("\n    " if first else ",\n    ") + _indented(_digest(day, papers), 2)
        first = False
    yield '\n  ],\n  "problems": [' if not first else '],\n  "problems": ['
    first = True
    for problem in problems:
        yield ("\n    " if first else ",\n    ") + _indented(problem.as_json(), 2)
        first = False
    yield "\n  ]\n}\n" if not first else "]\n}\n"


def run_dump(paths: list[str], locations: Locations, no_cache: bool = False) -> int:
    require_paths(paths)
    # One pass over every row: a memory map would gain nothing and hold every page it
    # touched in this process's memory, so the dump reads through plain reads.
    with fresh_cache(paths, locations, no_cache, memory_map=False) as (cache, problems):
        connection = cache.connection()
        all_problems = [*problems, *file_problems(connection)]
        for chunk in dump_chunks(all_days(connection), iter(all_problems)):
            write(chunk)
    return 0


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def run_check(paths: list[str], locations: Locations, no_cache: bool = False) -> int:
    require_paths(paths)
    with fresh_cache(paths, locations, no_cache) as (cache, problems):
        connection = cache.connection()
        found = [*problems, *file_problems(connection)]
        counts = figures(connection)
    lines = [safe(str(problem)) for problem in found]
    errors = sum(problem.severity == "error" for problem in found)
    warnings = len(found) - errors
    lines.append(
        f"{_plural(counts.files_with_papers, 'file')} with digests, "
        f"{_plural(counts.days, 'digest')}, {_plural(counts.papers, 'paper')}: "
        f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}"
    )
    write("\n".join(lines) + "\n")
    return 1 if errors else 0


@click.command(cls=Command)
@paths_argument
@data_dir_option("where your digests live")
@no_cache_option
def dump(paths: tuple[str, ...], data_dir: str | None, no_cache: bool) -> int:
    """Print the parsed digests as JSON.

    PATH…: digest files or directories (default: your digests and synced sources)."""
    chosen, locations = chosen_archive(paths, data_dir)
    return run_dump(chosen, locations, no_cache)


@click.command(cls=Command)
@paths_argument
@data_dir_option("where your digests live")
@no_cache_option
def check(paths: tuple[str, ...], data_dir: str | None, no_cache: bool) -> int:
    """List problems in digest files.

    Exit code 1 when any is an error. PATH…: digest files or directories (default: your
    digests and synced sources)."""
    chosen, locations = chosen_archive(paths, data_dir)
    return run_check(chosen, locations, no_cache)
