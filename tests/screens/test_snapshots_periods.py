"""How weeks, author pages, trends and search snippets look, at 80×24 and 120×40."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from tests.conftest import FIXTURES
from tests.screens.helpers import DEMO, wait_coauthors, wait_loaded, wait_search, wait_trends
from tui.app import PaperdeckApp

SIZES = [(80, 24), (120, 40)]
AUTHORS = str(FIXTURES / "authors")


@pytest.mark.parametrize("size", SIZES)
def test_week_view(snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    async def weeks(pilot: Pilot[None]) -> None:
        await wait_loaded(pilot)
        await pilot.press("w")

    assert snap_compare(PaperdeckApp([DEMO]), terminal_size=size, run_before=weeks)


@pytest.mark.parametrize("size", SIZES)
def test_author_page(snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    async def author(pilot: Pilot[None]) -> None:
        await wait_loaded(pilot)
        await pilot.press("A", "enter")
        await wait_coauthors(pilot)

    assert snap_compare(PaperdeckApp([AUTHORS]), terminal_size=size, run_before=author)


@pytest.mark.parametrize("size", SIZES)
def test_trends(snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    async def trends(pilot: Pilot[None]) -> None:
        await wait_loaded(pilot)
        await pilot.press("w", "T")
        await wait_trends(pilot)

    assert snap_compare(PaperdeckApp([AUTHORS]), terminal_size=size, run_before=trends)


@pytest.mark.parametrize("size", SIZES)
def test_search_snippets(snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    async def search(pilot: Pilot[None]) -> None:
        await wait_loaded(pilot)
        await pilot.press("slash", *"모델")
        await wait_search(pilot, "모델")

    assert snap_compare(PaperdeckApp([DEMO]), terminal_size=size, run_before=search)
