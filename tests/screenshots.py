"""Write the README's screenshots of the real app on the demo archive.

    uv run python -m tests.screenshots

Each view is an SVG in ``screenshots/``; look at them with e.g.
``rsvg-convert -o /tmp/main.png screenshots/main.svg``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot

from tests.benchmarks.archive import isolated_user_dirs
from tests.screens.helpers import DEMO, seed_annotations, seed_bookmarks, wait_loaded
from tui.app import PaperdeckApp
from tui.settings.reader_settings import ReaderSettings

OUT = Path(__file__).resolve().parents[1] / "screenshots"

Steps = Callable[[Pilot[None]], Awaitable[None]]


async def _nothing(pilot: Pilot[None]) -> None:
    return None


async def _detail(pilot: Pilot[None]) -> None:
    await pilot.press("j", "j", "enter")


async def _help(pilot: Pilot[None]) -> None:
    await pilot.press("question_mark")


async def _bookmarks(pilot: Pilot[None]) -> None:
    await pilot.press("B")


async def _notes(pilot: Pilot[None]) -> None:
    await pilot.press("j", "enter", "G")


async def _search(pilot: Pilot[None]) -> None:
    await pilot.press("slash", *"모델")
    await pilot.pause(1.0)


VIEWS: list[tuple[str, tuple[int, int], Steps]] = [
    ("main", (120, 40), _nothing),
    ("detail", (120, 40), _detail),
    ("help", (120, 40), _help),
    ("narrow-80x24", (80, 24), _nothing),
    ("bookmarks", (100, 24), _bookmarks),
    ("search", (100, 24), _search),
    ("ascii-80x24", (80, 24), _nothing),
]


async def shoot(name: str, size: tuple[int, int], steps: Steps) -> Path:
    settings = ReaderSettings(ascii=name.startswith("ascii"), animations=False)
    app = PaperdeckApp([DEMO], settings=settings)
    async with app.run_test(size=size) as pilot:
        await wait_loaded(pilot)
        await steps(pilot)
        await pilot.pause(0.2)
        path = OUT / f"{name}.svg"
        app.save_screenshot(filename=path.name, path=str(OUT))
    return path


async def main() -> None:
    OUT.mkdir(exist_ok=True)
    with isolated_user_dirs():  # never the real user's bookmarks and state
        seed_bookmarks()
        for name, size, steps in VIEWS:
            print(await shoot(name, size, steps))
        seed_annotations()  # last: the other views show no notes or tags
        print(await shoot("notes", (120, 40), _notes))


if __name__ == "__main__":
    asyncio.run(main())
