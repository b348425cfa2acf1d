"""Start-up and day-switch benchmark for the reader.

    uv run python -m tests.benchmarks.startup [--runs 7]

Time to first screen: each run starts a fresh Python process that runs the app headless and
exits as soon as the newest day's papers are on screen; the baseline is a bare Textual app
started the same way, measured in the same run. Archives: 1 year (250 days) and 10 years
(3,650 days) of 30 papers a day. Goals: ≤ 1.3× and ≤ 1.5× the bare app.

Day switch: on an archive of 60-paper days, the time from pressing ``[`` until the new
day is shown and the screen refreshed, minus the cost of pressing an unbound key.
Goal: ≤ 30 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.archive import generate_archive, isolated_user_dirs


def first_screen_seconds(*args: str) -> float:
    """Seconds from starting the child process until it says its first screen is up."""
    read_end, write_end = os.pipe()
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.benchmarks.first_screen", str(write_end), *args],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        line = pipe.readline()
    elapsed = time.perf_counter() - start
    child.wait()
    if line != b"ready\n":
        raise RuntimeError(f"the app never showed its first screen ({args})")
    return elapsed


def startup(archives: dict[str, Path], runs: int) -> None:
    first_screen_seconds("bare")  # warm the OS caches for both
    for archive in archives.values():
        first_screen_seconds("paperdeck", str(archive))
    timings: dict[str, list[float]] = {"bare": []}
    for _ in range(runs):  # interleaved, so that noise hits every case alike
        timings["bare"].append(first_screen_seconds("bare"))
        for name, archive in archives.items():
            timings.setdefault(name, []).append(first_screen_seconds("paperdeck", str(archive)))
    bare = statistics.median(timings["bare"])
    print(f"bare Textual app, first screen:  {bare * 1000:7.0f} ms (median of {runs})")
    for name in archives:
        median = statistics.median(timings[name])
        print(f"paperdeck, {name:<20} {median * 1000:7.0f} ms = {median / bare:.2f}x the bare app")


async def day_switch(archive: Path, switches: int) -> None:
    """Median time to switch day: the work done on ``[`` plus drawing the next frame."""
    from textual.screen import Screen

    from tests.screens.helpers import wait_loaded
    from tui.app import PaperdeckApp

    frame_times: list[float] = []
    draw = Screen._compositor_refresh

    def timed_draw(screen: Screen[object]) -> None:
        start = time.perf_counter()
        draw(screen)
        frame_times.append(time.perf_counter() - start)

    Screen._compositor_refresh = timed_draw  # type: ignore[method-assign]
    app = PaperdeckApp([str(archive)])
    costs = []
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot, timeout=120)
        screen = app.reader
        for _ in range(switches):
            await pilot.pause()
            frame_times.clear()
            before = screen.day
            start = time.perf_counter()
            screen.action_older_day()  # what the "[" binding runs
            work = time.perf_counter() - start
            for _ in range(100):  # until the new day is drawn
                await pilot.pause(0.01)
                if frame_times:
                    break
            await pilot.pause(0.05)  # and any frame that follows at once
            assert screen.day != before and frame_times
            costs.append(work + sum(frame_times))
        papers = len(screen.paper_list.papers)
    Screen._compositor_refresh = draw  # type: ignore[method-assign]
    print(f"day switch, {papers}-paper days:      {statistics.median(costs) * 1000:7.1f} ms "
          f"(median of {switches}: the key's work plus drawing the frame, 120x40)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--switches", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="paperdeck-startup-") as tmp, isolated_user_dirs():
        root = Path(tmp)
        print("generating archives ...", flush=True)
        archives = {"1 year (250 days):": root / "1y", "10 years (3650 days):": root / "10y"}
        generate_archive(archives["1 year (250 days):"], days=250, papers=30)
        generate_archive(archives["10 years (3650 days):"], days=3650, papers=30)
        generate_archive(root / "60", days=60, papers=60)
        startup(archives, args.runs)
        asyncio.run(day_switch(root / "60", args.switches))


if __name__ == "__main__":
    main()
