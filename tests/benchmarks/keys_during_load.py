"""Keys pressed while a cold archive loads: how long each waits for its answer on screen.

    uv run python -m tests.benchmarks.keys_during_load [--days 3650] [--keys 300] [--after 20]

Generates a ten-year archive (``--days``), starts the reader headless on an empty cache and,
once the first screen is up, presses ``j`` and ``k`` in turn every 100 ms while the rest of
the archive is read and indexed in the background (``--keys`` of them at most, then it waits
for the load to end); then ``--after`` more once it is loaded, as the baseline of the same
run. A key's answer is the frame drawn after its action ran:
the time from the key being posted to the end of that frame. Goal: every key during the
load within 200 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from tests.benchmarks.archive import generate_archive, isolated_user_dirs

GAP = 0.1  # seconds between two keys
NO_ANSWER = 5.0  # a key unanswered this long is reported as such


async def keys_during_load(
    archive: Path, keys: int, after: int
) -> tuple[list[float], list[float], float]:
    """Seconds each key waited, during the load and after it, and the load's length."""
    from textual import events

    from tui.app import PaperdeckApp
    from tui.terminal.textual_compat import timed_frames
    from tui.widgets.line_list import LineList

    actions: list[float] = []  # when a list's cursor action ran
    frames: list[float] = []  # when a frame ended
    moves = (LineList.action_cursor_down, LineList.action_cursor_up)

    def timed(move):  # type: ignore[no-untyped-def]
        def action(self: LineList) -> None:
            move(self)
            actions.append(time.perf_counter())

        return action

    LineList.action_cursor_down, LineList.action_cursor_up = map(timed, moves)  # type: ignore[method-assign]
    during: list[float] = []
    settled: list[float] = []
    try:
        with timed_frames(lambda _: frames.append(time.perf_counter())):
            app = PaperdeckApp([str(archive)])
            async with app.run_test(size=(120, 40)) as pilot:
                while not app.loader.first_screen.is_set():
                    await pilot.pause(0.01)
                app.reader.paper_list.focus()
                start = time.perf_counter()
                load_time = 0.0
                count = 0
                while len(settled) < after:
                    loading = not app.loaded
                    if not loading and not load_time:
                        load_time = time.perf_counter() - start
                    if loading and len(during) >= keys:
                        await pilot.pause(0.1)  # enough keys: let the load end
                        continue
                    sent = time.perf_counter()
                    key = "jk"[count % 2]
                    count += 1
                    app.post_message(events.Key(key, key))
                    waited = await _answer(pilot, sent, actions, frames)
                    (during if loading else settled).append(waited)
                    await asyncio.sleep(max(0.0, GAP - (time.perf_counter() - sent)))
    finally:
        LineList.action_cursor_down, LineList.action_cursor_up = moves  # type: ignore[method-assign]
    return during, settled, load_time


async def _answer(pilot, sent: float, actions: list[float], frames: list[float]) -> float:  # type: ignore[no-untyped-def]
    """Seconds from ``sent`` to the end of the first frame after the key's action."""
    while time.perf_counter() - sent < NO_ANSWER:
        acted = next((t for t in actions if t >= sent), None)
        drawn = next((t for t in frames if acted is not None and t >= acted), None)
        if drawn is not None:
            return drawn - sent
        await asyncio.sleep(0.002)
    return float("inf")


def summary(name: str, waits: list[float]) -> str:
    if not waits:
        return f"{name}: no keys"
    ms = sorted(w * 1000 for w in waits)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    over = sum(w > 200 for w in ms)
    return (
        f"{name}: {len(ms)} keys, median {statistics.median(ms):.1f} ms, 95th {p95:.1f} ms, "
        f"worst {ms[-1]:.1f} ms, {over} over 200 ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=3650)
    parser.add_argument("--keys", type=int, default=300)
    parser.add_argument("--after", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="paperdeck-keys-") as tmp, isolated_user_dirs():
        root = Path(tmp) / "archive"
        print(f"generating {args.days:,} days ...", flush=True)
        generate_archive(root, days=args.days, dumps=True)
        during, settled, load_time = asyncio.run(keys_during_load(root, args.keys, args.after))
    print(f"cold load after the first screen: {load_time:.1f} s")
    print(summary("during the load", during))
    print(summary("after it (baseline)", settled))
    if during and settled:
        ratio = statistics.median(during) / statistics.median(settled)
        print(f"median during / after: {ratio:.2f}x")


if __name__ == "__main__":
    main()
