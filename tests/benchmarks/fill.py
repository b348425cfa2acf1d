"""The cold fill of a ten-year archive, step by step, and a search made while it runs.

    uv run python -m tests.benchmarks.fill [--days 3650] [--archive DIR] [--query TEXT]

Generates a ten-year archive (3,650 days of 15 to 30 papers and the abstract dumps, as
``targets`` does) and measures, each against a baseline of the same run:

- the cold fill in the reader: a fresh process on an empty cache until every file is read
  and every paper indexed, against the goal of 20 s and against a bare read, decode and
  split of the same files; then the same fill as a command (``paperdeck check`` fills the
  cache so) in this process, with the seconds of each step: parsing the files, storing
  their copies and merged rows, the author table, the full-text index, and committing;
- a search made 3 s after the first screen of a cold start: the share of its final results
  the search screen shows 20 s later (goal: at least a quarter), and how it grew.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tests.benchmarks.archive import generate_archive, isolated_user_dirs
from tests.benchmarks.parse import bare_scan

FILL_GOAL = 20.0  # seconds
QUERY = "모델 scaling"
SEARCH_AFTER = 3.0  # seconds after the first screen
SHOWN_AFTER = 20.0  # seconds after the search
SAMPLE = 0.5  # seconds between two looks at the results


@contextmanager
def timed(owner: Any, name: str, into: dict[str, float], step: str) -> Iterator[None]:
    """Add the seconds spent in ``owner.name`` to ``into[step]`` while in the block."""
    real = getattr(owner, name)

    def timing(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            into[step] = into.get(step, 0.0) + time.perf_counter() - start

    setattr(owner, name, timing)
    try:
        yield
    finally:
        setattr(owner, name, real)


def command_fill(archive: Path, cache_dir: Path) -> tuple[float, dict[str, float]]:
    """Fill an empty cache of ``archive`` in this thread; seconds, and seconds by step."""
    import parsers.loader
    from tui.archive.cache import ArchiveCache, schema, writing
    from tui.archive.cache import archive_cache as cache_module
    from tui.archive.loading import update_cache

    shutil.rmtree(cache_dir, ignore_errors=True)
    steps: dict[str, float] = {}
    cache = ArchiveCache([str(archive)], cache_dir)
    real_transaction = schema.write_transaction

    @contextmanager
    def transaction(connection: Any) -> Iterator[None]:
        """The writing module's transactions, their commits timed."""
        inner = real_transaction(connection)
        inner.__enter__()
        try:
            yield
        except BaseException as exc:
            if not inner.__exit__(type(exc), exc, exc.__traceback__):
                raise
            return
        start = time.perf_counter()
        inner.__exit__(None, None, None)
        steps["commits"] = steps.get("commits", 0.0) + time.perf_counter() - start

    writing.write_transaction = transaction  # type: ignore[assignment]
    try:
        with (
            timed(parsers.loader, "read_file_raw", steps, "parse files"),
            timed(writing, "add_authorship", steps, "authors"),
            timed(writing, "add_to_index", steps, "index"),
            timed(cache_module, "index_pending", steps, "index"),
        ):
            start = time.perf_counter()
            update_cache([str(archive)], cache)
            total = time.perf_counter() - start
    finally:
        writing.write_transaction = real_transaction
        cache.close()
    steps["rows (copies, merging, papers)"] = total - sum(steps.values())
    return total, steps


def app_cold_fill(archive: Path, home: Path) -> tuple[float, float]:
    """Seconds to the first screen and to the end of the fill, a fresh reader on an empty
    cache (two runs of the child app, each cold)."""
    from tests.benchmarks.targets import _env, app_run

    env = _env(home)
    cache = Path(env["PAPERDECK_CACHE_DIR"])
    shutil.rmtree(cache, ignore_errors=True)
    first = app_run(env, "first", str(archive))[0]
    shutil.rmtree(cache, ignore_errors=True)
    loaded = app_run(env, "loaded", str(archive))[0]
    return first, loaded


async def search_while_filling(
    archive: Path, query: str
) -> tuple[list[tuple[float, int, bool]], int]:
    """A search typed ``SEARCH_AFTER`` s after the first screen of a cold start: the
    results it shows at each moment (seconds after the search, count, all of the archive?)
    until ``SHOWN_AFTER`` s, and its count once the archive is loaded."""
    from tui.app import PaperdeckApp
    from tui.screens.search import SearchScreen
    from tui.settings.reader_settings import ReaderSettings

    samples: list[tuple[float, int, bool]] = []
    app = PaperdeckApp([str(archive)], settings=ReaderSettings(restore=False))
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.reader.state.shown_first:
            await pilot.pause(0.01)
        await pilot.pause(SEARCH_AFTER)
        await pilot.press("slash")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        screen.search_for(query)
        start = time.perf_counter()
        while (elapsed := time.perf_counter() - start) <= SHOWN_AFTER:
            shown = screen.results.search_query is not None
            samples.append((elapsed, screen.total if shown else 0, not screen._partial))
            await pilot.pause(SAMPLE)
        while not (app.store.complete and not screen._partial):
            await pilot.pause(SAMPLE)
        await pilot.pause(1.0)
        final = screen.total
        done = time.perf_counter() - start
        samples.append((done, final, True))
    return samples, final


def scan_seconds(archive: Path) -> float:
    """A bare read, decode and split of every file of ``archive`` (the page cache warm)."""
    sources = sorted(str(path) for path in archive.rglob("*") if path.is_file())
    bare_scan(sources)  # the page cache holds every file from now on
    start = time.perf_counter()
    bare_scan(sources)
    return time.perf_counter() - start


def print_fill(first: float, loaded: float, scan: float) -> None:
    print(f"\nCold fill in the reader (a fresh process, empty cache): first screen {first:.2f} s, "
          f"every file read and indexed {loaded:.2f} s")  # fmt: skip
    print(f"  vs the goal of {FILL_GOAL:.0f} s: {loaded / FILL_GOAL:.2f}x "
          f"({'met' if loaded <= FILL_GOAL else 'NOT met'}); "
          f"vs a bare read + decode + split ({scan:.2f} s): {loaded / scan:.1f}x")  # fmt: skip


def print_steps(total: float, steps: dict[str, float]) -> None:
    print(f"\nThe same fill as a command, in one thread: {total:.2f} s")
    for step, seconds in sorted(steps.items(), key=lambda item: -item[1]):
        print(f"  {step:<32} {seconds:6.2f} s  {seconds / total:4.0%}")


def search_figures(archive: Path, query: str) -> tuple[int, int]:
    """Run :func:`search_while_filling` (user directories of its own) and print how the
    results grew; the results shown ``SHOWN_AFTER`` s after the search, and the final."""
    with isolated_user_dirs():
        samples, final = asyncio.run(search_while_filling(archive, query))
    at_goal = max((count for at, count, _ in samples if at <= SHOWN_AFTER), default=0)
    share = at_goal / final if final else 1.0
    print(f"\nSearch {query!r} made {SEARCH_AFTER:.0f} s after the first screen of a cold start:")
    print(f"  {SHOWN_AFTER:.0f} s later it shows {at_goal:,} of its final {final:,} results: "
          f"{share:.2f} (goal >= 0.25, {'met' if share >= 0.25 else 'NOT met'})")  # fmt: skip
    growth = [
        f"{at:.0f} s: {count:,}{'' if complete else ' so far'}"
        for at, count, complete in _every_second(samples)
    ]
    print("  as it grew: " + ", ".join(growth), flush=True)
    return at_goal, final


def measure(archive: Path, root: Path, query: str) -> None:
    scan = scan_seconds(archive)
    first, loaded = app_cold_fill(archive, root / "app")
    print_fill(first, loaded, scan)
    print_steps(*command_fill(archive, root / "command"))
    search_figures(archive, query)


def _every_second(
    samples: list[tuple[float, int, bool]],
) -> Iterator[tuple[float, int, bool]]:
    """One sample a whole second (the last of each), and the final one."""
    kept: dict[int, tuple[float, int, bool]] = {}
    for sample in samples[:-1]:
        kept[int(sample[0])] = sample
    yield from kept.values()
    yield samples[-1]


def run(days: int, archive: Path | None, query: str) -> None:
    with tempfile.TemporaryDirectory(prefix="paperdeck-fill-") as tmp:
        root = Path(tmp)
        if archive is None:
            archive = root / "archive"
            print(f"generating {days:,} days ...", flush=True)
            generate_archive(archive, days=days, dumps=True)
        measure(archive, root, query)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=3650)
    parser.add_argument("--archive", type=Path, help="an archive to use instead of a new one")
    parser.add_argument("--query", default=QUERY)
    args = parser.parse_args()
    run(args.days, args.archive, args.query)


if __name__ == "__main__":
    main()
