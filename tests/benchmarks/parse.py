"""Parser benchmark: full parse against a bare scan and markdown-it-py, in one run.

    uv run python -m tests.benchmarks.parse [--days 3650] [--papers 30] [--archive DIR]

Generates a synthetic markdown archive (unless ``--archive`` names one), reads every file
once so that all runs find it in the page cache, then times, best of ``--repeat`` runs:

- bare scan: read each file, decode UTF-8, split into lines (nothing kept);
- paperdeck: ``parsers.load`` of the whole archive, models and merging included;
- markdown-it-py: tokenising every file (one run; it is slow).

Targets: paperdeck ≤ 3× the bare scan, and ≥ 10× faster than markdown-it-py.
"""

from __future__ import annotations

import argparse
import gc
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from parsers import discover, load
from tests.benchmarks.archive import generate_archive


def _best(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
        del result
    return min(times)


def bare_scan(files: list[str]) -> int:
    lines = 0
    for path in files:
        with open(path, "rb") as handle:
            lines += len(handle.read().decode("utf-8").split("\n"))
    return lines


def markdown_it_tokens(files: list[str]) -> int:
    from markdown_it import MarkdownIt

    parser = MarkdownIt()
    tokens = 0
    for path in files:
        with open(path, encoding="utf-8") as handle:
            tokens += len(parser.parse(handle.read()))
    return tokens


def run(archive: Path, repeat: int, markdown_it_files: int | None) -> None:
    files = [source.path for source in discover([str(archive)])[0]]
    size = sum(Path(path).stat().st_size for path in files)
    lines = bare_scan(files)  # warms the page cache
    result = load([str(archive)])
    papers = sum(len(digest.papers) for digest in result.digests)
    del result
    print(f"archive: {len(files):,} files, {size / 2**20:,.1f} MiB, {lines:,} lines, "
          f"{papers:,} papers")  # fmt: skip
    scan = _best(repeat, lambda: bare_scan(files))
    parse = _best(repeat, lambda: load([str(archive)]))
    sample = files if markdown_it_files is None else files[:markdown_it_files]
    start = time.perf_counter()
    markdown_it_tokens(sample)
    markdown_it = (time.perf_counter() - start) * len(files) / len(sample)
    print(f"bare scan (read + decode + split lines): {scan:7.2f} s")
    print(
        f"paperdeck parse (parsers.load):          {parse:7.2f} s  = {parse / scan:.2f}x the scan"
    )
    note = "" if sample is files else f" (measured on {len(sample)} files, scaled)"
    print(f"markdown-it-py tokenise:                 {markdown_it:7.2f} s{note}")
    print(f"paperdeck is {markdown_it / parse:.1f}x faster than markdown-it-py")
    print(f"targets: parse <= 3x scan: {'met' if parse <= 3 * scan else 'NOT met'}; "
          f">= 10x markdown-it: {'met' if markdown_it >= 10 * parse else 'NOT met'}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=3650)
    parser.add_argument("--papers", type=int, default=30, help="papers a day")
    parser.add_argument("--archive", type=Path, help="use this archive instead of generating")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (best)")
    parser.add_argument(
        "--markdown-it-files", type=int, help="tokenise only this many files and scale"
    )
    args = parser.parse_args()
    if args.archive:
        run(args.archive, args.repeat, args.markdown_it_files)
        return
    with tempfile.TemporaryDirectory(prefix="paperdeck-bench-") as tmp:
        print(f"generating {args.days:,} days x {args.papers} papers ...", flush=True)
        generate_archive(Path(tmp), args.days, args.papers)
        run(Path(tmp), args.repeat, args.markdown_it_files)


if __name__ == "__main__":
    main()
