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
from tests.conftest import FIXTURES
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


async def _full(pilot: Pilot[None]) -> None:
    await pilot.press("j", "Z")


async def _search(pilot: Pilot[None]) -> None:
    await pilot.press("slash", *"모델")
    await pilot.pause(1.0)


async def _weeks(pilot: Pilot[None]) -> None:
    await pilot.press("w")


async def _author(pilot: Pilot[None]) -> None:
    await pilot.press("A", "enter")
    await pilot.pause(1.0)  # the co-authors are counted in the background


async def _trends(pilot: Pilot[None]) -> None:
    await pilot.press("T")  # the whole archive
    await pilot.pause(1.0)


VIEWS: list[tuple[str, tuple[int, int], Steps]] = [
    ("main", (120, 40), _nothing),
    ("detail", (120, 40), _detail),
    ("help", (120, 40), _help),
    ("narrow-80x24", (80, 24), _nothing),
    ("full-80x24", (80, 24), _full),
    ("bookmarks", (100, 24), _bookmarks),
    ("search", (100, 24), _search),
    ("ascii-80x24", (80, 24), _nothing),
    ("weeks", (120, 40), _weeks),
    ("weeks-80x24", (80, 24), _weeks),
    ("author", (120, 40), _author),
    ("author-80x24", (80, 24), _author),
    ("trends", (120, 40), _trends),
    ("trends-80x24", (80, 24), _trends),
    ("search-snippets", (120, 40), _search),
    ("search-snippets-80x24", (80, 24), _search),
]
AUTHOR_VIEWS = {"author", "author-80x24", "trends", "trends-80x24"}
"""Shot on the archive of tests/fixtures/authors, where authors write several papers."""


async def shoot(name: str, size: tuple[int, int], steps: Steps) -> Path:
    settings = ReaderSettings(ascii=name.startswith("ascii"), animations=False)
    archive = str(FIXTURES / "authors") if name in AUTHOR_VIEWS else DEMO
    app = PaperdeckApp([archive], settings=settings)
    async with app.run_test(size=size) as pilot:
        await wait_loaded(pilot)
        await steps(pilot)
        await pilot.pause(0.2)
        path = OUT / f"{name}.svg"
        app.save_screenshot(filename=path.name, path=str(OUT))
    return path


async def main() -> None:
    OUT.mkdir(exist_ok=True)
    shots = [*VIEWS, ("notes", (120, 40), _notes)]
    for name, size, steps in shots:
        # Each view from a fresh start: its own user dirs (never the real user's), so that
        # no view inherits the period or position an earlier one left behind.
        with isolated_user_dirs():
            seed_bookmarks()
            if name == "notes":
                seed_annotations()  # only here: the other views show no notes or tags
            print(await shoot(name, size, steps))


if __name__ == "__main__":
    asyncio.run(main())
