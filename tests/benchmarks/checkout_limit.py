"""What the checkout limit of a git sync costs: its check against the checkout it guards.

    uv run python -m tests.benchmarks.checkout_limit [--days 3650] [--bomb-mib 288]

Builds a digest repository (one file a day, as ``tests.benchmarks.archive`` writes them,
plus one file of zeros that compresses to almost nothing, as a hostile repository would
carry), fetches it into a bare store as ``paperdeck sync`` does, then times in the same
run ``git ls-tree -r -l`` (the sizes the limit is checked against, read from the
objects' headers) and ``git checkout`` of the same commit into a fresh folder.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import timeit
from collections.abc import Callable
from pathlib import Path

from tests.benchmarks.archive import generate_archive
from tests.sync.helpers import git
from tui.sync.git_command import run_git


def _median(runs: int, work: Callable[[], object]) -> float:
    return statistics.median(timeit.repeat(work, number=1, repeat=runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=3650)
    parser.add_argument("--bomb-mib", type=int, default=288)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="paperdeck-checkout-") as tmp:
        root = Path(tmp)
        work = root / "work"
        generate_archive(work, days=args.days, papers=(3, 12))
        with open(work / "bomb.md", "wb") as bomb:
            for _ in range(args.bomb_mib):
                bomb.write(bytes(2**20))
        git(work, "init", "-q", "-b", "main")
        git(work, "add", "-A")
        git(work, "commit", "-q", "-m", "archive")
        store = root / "store"
        run_git(store, ["init", "--bare", "-q"])
        run_git(store, ["fetch", "-q", "--depth=1", work.as_uri(), "main"])
        commit = run_git(store, ["rev-parse", "FETCH_HEAD"]).strip()
        packed = sum(p.stat().st_size for p in (store / "objects").rglob("*") if p.is_file())

        def listing() -> None:
            run_git(store, ["ls-tree", "-r", "-l", "-z", "--full-tree", commit])

        counter = iter(range(args.runs * 2))

        def checkout() -> None:
            tree = root / f"tree-{next(counter)}"
            tree.mkdir()
            index = root / f"index-{tree.name}"
            run_git(store, ["checkout", "-f", commit, "--", "."], work_tree=tree, index=index)

        listed = _median(args.runs, listing)
        written = _median(args.runs, checkout)
        files = len(list(work.rglob("*.md")))
        print(f"repository: {files} files, {packed / 2**20:.1f} MiB in git, "
              f"{args.bomb_mib} MiB of zeros among them")  # fmt: skip
        print(f"ls-tree -r -l (the limit's check): {listed * 1000:8.1f} ms")
        print(f"checkout (what it guards):         {written * 1000:8.1f} ms")
        print(f"check / checkout:                  {listed / written:8.3f}")


if __name__ == "__main__":
    main()
