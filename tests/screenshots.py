"""Write the README's screenshots of the real app on the demo archive.

    uv run python -m tests.screenshots [NAME…]   # every view, or the views named

Each view is an SVG in ``screenshots/``; look at them with e.g.
``rsvg-convert -o /tmp/main.png screenshots/main.svg``.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot

from tests.benchmarks.archive import isolated_user_dirs
from tests.conftest import FIXTURES, TWO_SOURCES
from tests.screens.helpers import DEMO, seed_annotations, seed_bookmarks, seed_lists, wait_loaded
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


async def _merged(pilot: Pilot[None]) -> None:
    await pilot.press("enter")  # the paper both sources carry


async def _merged_80x24(pilot: Pilot[None]) -> None:
    await pilot.press("enter", "pagedown")  # where the digest's sections end, the feed's begin


async def _related(pilot: Pilot[None]) -> None:
    from tests.waiting import wait_until
    from tui.screens.related import RelatedScreen

    await pilot.press("j", "L")  # more like the second paper
    screen = pilot.app.screen
    assert isinstance(screen, RelatedScreen)
    await wait_until(pilot, lambda: bool(screen.paper_list.entries), "the related papers")


async def _lists(pilot: Pilot[None]) -> None:
    await pilot.press("ctrl+l", "enter")


async def _selection(pilot: Pilot[None]) -> None:
    await pilot.press("v", "j", "j", "v", "j", "v", "j")


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
    ("two-sources", (120, 40), _merged),
    ("two-sources-80x24", (80, 24), _merged_80x24),
    ("related", (120, 40), _related),
    ("related-80x24", (80, 24), _related),
    ("lists", (120, 40), _lists),
    ("lists-80x24", (80, 24), _lists),
    ("selection", (120, 40), _selection),
    ("selection-80x24", (80, 24), _selection),
]
AUTHOR_VIEWS = {"author", "author-80x24", "trends", "trends-80x24"}
"""Shot on the archive of tests/fixtures/authors, where authors write several papers."""
TWO_SOURCE_VIEWS = {"two-sources", "two-sources-80x24"}
"""Shot on tests/fixtures/two-sources: a day in the Korean digest and in the feed."""


async def shoot(name: str, size: tuple[int, int], steps: Steps) -> Path:
    settings = ReaderSettings(ascii=name.startswith("ascii"), animations=False)
    archive = str(FIXTURES / "authors") if name in AUTHOR_VIEWS else DEMO
    archive = str(TWO_SOURCES) if name in TWO_SOURCE_VIEWS else archive
    app = PaperdeckApp([archive], settings=settings)
    async with app.run_test(size=size) as pilot:
        await wait_loaded(pilot)
        await steps(pilot)
        await pilot.pause(0.2)
        path = OUT / f"{name}.svg"
        app.save_screenshot(filename=path.name, path=str(OUT))
    return path


async def main(names: list[str]) -> None:
    OUT.mkdir(exist_ok=True)
    shots = [*VIEWS, ("notes", (120, 40), _notes)]
    for name, size, steps in shots:
        if names and name not in names:
            continue
        # Each view from a fresh start: its own user dirs (never the real user's), so that
        # no view inherits the period or position an earlier one left behind.
        with isolated_user_dirs():
            seed_bookmarks()
            if name == "notes":
                seed_annotations()  # only here: the other views show no notes or tags
            if name.startswith("lists"):
                seed_lists()
            print(await shoot(name, size, steps))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))
