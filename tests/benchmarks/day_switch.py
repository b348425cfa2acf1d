"""Day-switch benchmark for the reader (start-up figures: ``tests.benchmarks.targets``).

    uv run python -m tests.benchmarks.day_switch [--switches 40]

On an archive of 60-paper days, the time from pressing ``[`` until the new day is shown and
the screen refreshed: the key's work plus drawing the frame. Goal: ≤ 30 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from tests.benchmarks.archive import generate_archive, isolated_user_dirs


async def day_switch(archive: Path, switches: int) -> None:
    """Median time to switch day: the work done on ``[`` plus drawing the next frame."""
    from tests.screens.helpers import wait_loaded
    from tui.app import PaperdeckApp
    from tui.terminal.textual_compat import timed_frames

    frame_times: list[float] = []
    with timed_frames(frame_times.append):
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
            papers = len(screen.paper_list.entries)
    print(f"day switch, {papers}-paper days:      {statistics.median(costs) * 1000:7.1f} ms "
          f"(median of {switches}: the key's work plus drawing the frame, 120x40)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--switches", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="paperdeck-days-") as tmp, isolated_user_dirs():
        root = Path(tmp)
        generate_archive(root / "60", days=60, papers=60)
        asyncio.run(day_switch(root / "60", args.switches))


if __name__ == "__main__":
    main()
