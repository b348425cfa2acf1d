"""Weeks, months and author pages on a 10-year archive, after it has loaded.

    uv run python -m tests.benchmarks.periods [--days 3650] [--runs 15]

Each figure is the work a key does plus drawing the frame that shows it (120×40), median
of ``--runs``; the baselines, measured in the same run, are a day switch (``[``) and
opening the bookmarks screen (``B``: what any new screen costs Textual). Goal: switching
to the month view and opening an author page each within 100 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tests.benchmarks.archive import generate_archive, isolated_user_dirs


async def measure(archive: Path, runs: int) -> None:
    from textual.pilot import Pilot

    from tests.screens.helpers import wait_loaded
    from tui.app import PaperdeckApp
    from tui.archive.periods import PeriodKind
    from tui.screens.authors import AuthorScreen
    from tui.screens.bookmarks import BookmarksScreen
    from tui.terminal.textual_compat import timed_frames
    from tui.widgets.name_list import NameList

    frames: list[float] = []

    async def timed(
        pilot: Pilot[None], act: Callable[[], object], done: Callable[[], bool], settle: bool = True
    ) -> float:
        """The work ``act`` does plus the frames drawn until ``done`` (and, with ``settle``,
        the frames that follow at once)."""
        await pilot.pause(0.3)  # what came before is drawn and done with
        frames.clear()
        start = time.perf_counter()
        act()
        work = time.perf_counter() - start
        for _ in range(500):  # until the change is drawn
            await pilot.pause(0.005)
            if frames and done():
                break
        drawn = sum(frames)
        if settle:
            await pilot.pause(0.05)  # and any frame that follows at once
            drawn = sum(frames)
        assert done() and frames
        return work + drawn

    async def until(pilot: Pilot[None], done: Callable[[], bool]) -> float:
        start = time.perf_counter()
        while not done():
            await pilot.pause(0.005)
        return time.perf_counter() - start

    with timed_frames(frames.append):
        app = PaperdeckApp([str(archive)])
        costs: dict[str, list[float]] = {
            "day": [], "week": [], "month": [], "bookmarks": [], "author": [], "coauthors": []
        }  # fmt: skip
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_loaded(pilot, timeout=600)
            reader = app.reader
            for _ in range(runs):
                before = reader.day
                costs["day"].append(await timed(
                    pilot, reader.action_older_day, lambda b=before: reader.day != b
                ))  # fmt: skip
                for kind in (PeriodKind.WEEK, PeriodKind.MONTH):
                    costs[kind.value].append(await timed(
                        pilot, reader.action_cycle_period,
                        lambda k=kind: reader.state.period_kind is k,
                    ))  # fmt: skip
                reader.action_cycle_period()  # back to days
                costs["bookmarks"].append(await timed(
                    pilot, app.action_show_bookmarks,
                    lambda: isinstance(app.screen, BookmarksScreen),
                ))  # fmt: skip
                app.pop_screen()
                paper = reader.paper_list.current
                assert paper is not None
                name = paper.paper.authors[0]
                start = time.perf_counter()
                costs["author"].append(await timed(
                    pilot, lambda n=name: reader.open_author(n),
                    lambda: isinstance(app.screen, AuthorScreen), settle=False,
                ))  # fmt: skip
                page = app.screen
                assert isinstance(page, AuthorScreen)
                coauthors = page.query_one("#coauthors", NameList)
                await until(pilot, lambda c=coauthors: bool(c.items))
                costs["coauthors"].append(time.perf_counter() - start)
                count = len(page.page.pids)
                app.pop_screen()
            months = len(reader.store.periods(PeriodKind.MONTH))
            papers = len(reader.store.entries(reader.store.periods(PeriodKind.MONTH)[0].period))
    base = statistics.median(costs["day"])
    print(f"after load, 120x40, median of {runs} (the key's work plus drawing its frame):")
    labels = {
        "day": "day switch ([), baseline",
        "week": "days → weeks (w)",
        "month": f"weeks → months (w), {months} months, {papers} papers in the newest",
        "bookmarks": "bookmarks screen (B): a new screen, for comparison",
        "author": f"author page (A, enter) on screen, last author: {count:,} papers",
        "coauthors": "  its co-authors listed (wall clock from the key, counted in a worker)",
    }
    for key, label in labels.items():
        median = statistics.median(costs[key])
        print(f"  {label:<62} {median * 1000:7.1f} ms = {median / base:4.1f}x the day switch")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=3650)
    parser.add_argument("--papers", type=int, default=30)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--archive", type=Path, help="an archive made before (else a new one)")
    parser.add_argument("--cache", type=Path, help="a cache directory to keep between runs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="paperdeck-periods-") as tmp, isolated_user_dirs():
        if args.cache:
            os.environ["PAPERDECK_CACHE_DIR"] = str(args.cache)
        root = args.archive or Path(tmp) / "archive"
        if args.archive is None:
            print(f"generating {args.days} days × {args.papers} papers ...", flush=True)
            generate_archive(root, days=args.days, papers=args.papers)
        start = time.perf_counter()
        from tui.cli.main import main as paperdeck

        paperdeck(["check", str(root)])  # fills the cache, as a first run of the reader would
        print(f"cache built in {time.perf_counter() - start:.1f} s", flush=True)
        asyncio.run(measure(root, args.runs))


if __name__ == "__main__":
    main()
