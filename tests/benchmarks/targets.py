"""The start-up, memory and cache targets, measured in one run and printed as a table.

    uv run python -m tests.benchmarks.targets [--runs 5] [--days 3650]

Generates a 10-year archive (``--days`` days of 15 to 30 papers in the digests' shapes) and a
1-year one, then measures each figure against a baseline taken in the same run (the
machines are noisy, so only ratios are compared with the targets):

- first screen (warm cache and cold, 10 years and 1 year) and "every day navigable and
  search answering" against a bare Textual app started the same way: a fresh process on a
  120×40 terminal of its own each run, interleaved, ``paperdeck ARCHIVE`` through its
  command line (see ``first_screen``); and, for reference, a plain Textual app of the
  reader's shape (``layout``: Textual's own widgets, as full of text, nothing of paperdeck)
  against the same bare app: what any Textual reader of this shape costs;
- peak memory of the reader against twice the archive's bytes plus the bare app's memory;
- ``paperdeck search`` on a warm cache against the same search without a cache;
- the cold parse (every file to plain data, as the cache is filled) against a bare read,
  decode and split of the same files;
- ``paperdeck dump``'s peak memory on 10 years against 1 year;
- keys (``j``/``k`` every 100 ms) while a cold 10-year archive loads: the slowest against
  the 200 ms budget, with the median after the load as the same run's baseline.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from parsers import discover
from parsers.loader import read_file_raw
from tests.benchmarks.archive import generate_archive, isolated_user_dirs
from tests.benchmarks.first_screen import run_in_terminal
from tests.benchmarks.keys_during_load import keys_during_load
from tests.benchmarks.parse import bare_scan

ROOT = Path(__file__).resolve().parents[2]
QUERY = "모델 scaling"


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # start as users do: with compiled bytecode
    for name in ("DATA", "CONFIG", "STATE", "CACHE"):
        env[f"PAPERDECK_{name}_DIR"] = str(home / name.lower())
    return env


def app_run(env: dict[str, str], mode: str, *args: str) -> tuple[float, int]:
    """Seconds until the child app (on a terminal of its own) reports, and its peak RSS in KiB."""
    elapsed, rss, _cpu = run_in_terminal(env, mode, *args)
    return elapsed, rss


def command_run(env: dict[str, str], *argv: str) -> tuple[float, int]:
    """Seconds a ``paperdeck`` command takes, and its peak RSS in KiB."""
    code = (
        "import resource, sys; from tui.cli import main; code = main(sys.argv[1:]); "
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); "
        "sys.exit(code)"
    )
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, *argv], cwd=ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True,
    )  # fmt: skip
    return time.perf_counter() - start, int(done.stderr.strip().splitlines()[-1])


def median_of(runs: int, work: Callable[[], tuple[float, int]]) -> tuple[float, int]:
    results = [work() for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def best(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def cold_parse(files: list[str], sources: list) -> tuple[float, float]:  # type: ignore[type-arg]
    bare_scan(files)  # the page cache holds every file from now on

    def parse() -> None:
        gc.disable()
        try:
            for source in sources:
                read_file_raw(source)
        finally:
            gc.enable()

    return best(3, lambda: bare_scan(files)), best(3, parse)


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str]] = []

    def add(self, what: str, measured: str, ratio: float, goal: float | None) -> None:
        """A row; ``goal`` None for a reference figure with no target of its own."""
        verdict = "" if goal is None else f"<= {goal}x " + ("met" if ratio <= goal else "NOT met")
        self.rows.append((what, measured, f"{ratio:.2f}x", verdict or "(reference)"))

    def print(self) -> None:
        widths = [max(len(row[i]) for row in self.rows) for i in range(4)]
        for row in self.rows:
            print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))


def cold_fill_rows(table: Table, archive: Path, root: Path, scan: float) -> None:
    """The cold fill of ``archive`` in the reader against its goal of 20 s (and against the
    bare scan, printed), each step printed; a search made while it runs: its final count
    against what it showed 20 s after it was made (at most 4x: a quarter shown)."""
    from tests.benchmarks import fill

    first, loaded = fill.app_cold_fill(archive, root / "fill")
    fill.print_fill(first, loaded, scan)
    fill.print_steps(*fill.command_fill(archive, root / "fill-command"))
    table.add(
        "cold fill in the reader (10 years) vs 20 s",
        f"{loaded:,.1f} vs {fill.FILL_GOAL:.0f} s ({loaded / scan:,.0f}x the bare scan)",
        loaded / fill.FILL_GOAL,
        1.0,
    )
    shown, final = fill.search_figures(archive, QUERY)
    table.add(
        "search during the first indexing: final vs shown 20 s after",
        f"{final:,} vs {shown:,} results ({shown / max(final, 1):.2f} shown)",
        final / max(shown, 1),
        4.0,
    )


def measure(root: Path, runs: int, days: int) -> None:
    ten, one = root / "10y", root / "1y"
    print(f"generating {days:,} days and 365 days ...", flush=True)
    generate_archive(ten, days=days, dumps=True)
    generate_archive(one, days=365, dumps=True)
    sources = discover([str(ten)])[0]
    files = [source.path for source in sources]
    size = sum(Path(path).stat().st_size for path in files)
    print(f"10-year archive: {len(files):,} files, {size / 2**20:,.1f} MiB", flush=True)
    warm_env, cold_env = _env(root / "warm"), _env(root / "cold")
    cold_cache = Path(cold_env["PAPERDECK_CACHE_DIR"])

    def cold(mode: str, archive: Path) -> tuple[float, int]:
        shutil.rmtree(cold_cache, ignore_errors=True)
        return app_run(cold_env, mode, str(archive))

    app_run(warm_env, "loaded", str(ten))  # fills the warm cache of both archives
    app_run(warm_env, "loaded", str(one))
    app_run(warm_env, "bare")
    samples: dict[str, list[tuple[float, int]]] = {}
    for _ in range(runs):  # interleaved, so that noise hits every case alike
        for name, work in (
            ("bare", lambda: app_run(warm_env, "bare")),
            ("layout", lambda: app_run(warm_env, "layout")),
            ("warm", lambda: app_run(warm_env, "first", str(ten))),
            ("cold", lambda: cold("first", ten)),
            ("loaded", lambda: app_run(warm_env, "loaded", str(ten))),
            ("year", lambda: app_run(warm_env, "first", str(one))),
            ("cold year", lambda: cold("first", one)),
        ):
            samples.setdefault(name, []).append(work())
    figures = {
        name: (statistics.median(s[0] for s in got), max(s[1] for s in got))
        for name, got in samples.items()
    }
    bare, bare_rss = figures["bare"]
    table = Table()
    for name, what, goal in (
        ("layout", "first screen of Textual's own widgets in the reader's shape", None),
        ("warm", "first screen, warm cache (10 years)", 1.3),
        ("cold", "first screen, cold cache (10 years)", 1.5),
        ("year", "first screen, warm cache (1 year)", 1.3),
        ("cold year", "first screen, cold cache (1 year)", 1.5),
        ("loaded", "every day navigable, search answering, warm", 2.0),
    ):
        seconds = figures[name][0]
        table.add(what, f"{seconds * 1000:,.0f} vs {bare * 1000:,.0f} ms", seconds / bare, goal)
    peak = figures["loaded"][1]
    allowed = 2 * size / 1024 + bare_rss
    table.add(
        "peak RSS, reader loaded (10 years)",
        f"{peak / 1024:,.0f} vs 2x{size / 2**20:,.0f}+{bare_rss / 1024:,.0f} MiB",
        peak / allowed,
        1.0,
    )
    warm_search = median_of(runs, lambda: command_run(warm_env, "search", QUERY, str(ten)))
    cold_search = median_of(
        max(1, runs // 2), lambda: command_run(warm_env, "search", "--no-cache", QUERY, str(ten))
    )
    table.add(
        f"paperdeck search {QUERY!r}, warm vs no cache",
        f"{warm_search[0]:,.2f} vs {cold_search[0]:,.2f} s",
        warm_search[0] / cold_search[0],
        0.1,
    )
    scan, parse = cold_parse(files, sources)
    table.add(
        "cold parse vs read + decode + split", f"{parse:,.2f} vs {scan:,.2f} s", parse / scan, 3.0
    )
    dump_ten = command_run(warm_env, "dump", str(ten))[1]
    dump_one = command_run(warm_env, "dump", str(one))[1]
    table.add(
        "paperdeck dump peak RSS, 10 years vs 1 year",
        f"{dump_ten / 1024:,.0f} vs {dump_one / 1024:,.0f} MiB",
        dump_ten / dump_one,
        1.5,
    )
    during, after = keys_while_loading(ten)
    if during:  # a small archive may load before the first key
        table.add(
            "keys during a cold load: worst (median; median after the load)",
            f"{max(during) * 1000:,.0f} ms ({statistics.median(during) * 1000:,.0f}; "
            f"{statistics.median(after) * 1000:,.0f}) vs a 200 ms budget",
            max(during) / 0.2,
            1.0,
        )
    # Last: it runs a fill and the reader in this process, and a child forked from a large
    # process starts with its peak memory (the dump rows above would measure this one).
    cold_fill_rows(table, ten, root, scan)
    print(f"\nmedians of {runs} runs; bare Textual app: {bare * 1000:,.0f} ms, "
          f"{bare_rss / 1024:,.0f} MiB\n")  # fmt: skip
    table.print()


def keys_while_loading(archive: Path) -> tuple[list[float], list[float]]:
    """Seconds ``j``/``k`` (every 100 ms) wait for their frame while ``archive`` is read
    into an empty cache, and after (see ``keys_during_load``)."""
    with isolated_user_dirs():
        during, after, _ = asyncio.run(keys_during_load(archive, keys=150, after=20))
    return during, after


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--days", type=int, default=3650)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="paperdeck-targets-") as tmp:
        measure(Path(tmp), args.runs, args.days)


if __name__ == "__main__":
    main()
