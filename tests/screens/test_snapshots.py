"""How the reader looks: SVG snapshots of the main screens on the demo archive."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.conftest import FIXTURES
from tests.screens.helpers import DEMO, seed_bookmarks, wait_loaded, wait_search
from tui.app import PaperdeckApp


async def loaded(pilot: Pilot[None]) -> None:
    await wait_loaded(pilot)


def test_main_screen_120x40(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(PaperdeckApp([DEMO]), terminal_size=(120, 40), run_before=loaded)


def test_main_screen_80x24(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(PaperdeckApp([DEMO]), terminal_size=(80, 24), run_before=loaded)


def test_detail_pane(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def open_detail(pilot: Pilot[None]) -> None:
        await wait_loaded(pilot)
        await pilot.press("j", "j", "enter")

    assert snap_compare(PaperdeckApp([DEMO]), terminal_size=(120, 40), run_before=open_detail)


def test_help_screen(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def open_help(pilot: Pilot[None]) -> None:
        await wait_loaded(pilot)
        await pilot.press("question_mark")

    assert snap_compare(PaperdeckApp([DEMO]), terminal_size=(120, 40), run_before=open_help)


def test_problems_screen(snap_compare, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(FIXTURES)

    async def open_problems(pilot: Pilot[None]) -> None:
        await wait_loaded(pilot)
        await pilot.press("exclamation_mark")

    app = PaperdeckApp([str(Path("bad-archive"))])
    assert snap_compare(app, terminal_size=(120, 30), run_before=open_problems)


def test_bookmarks_screen(snap_compare) -> None:  # type: ignore[no-untyped-def]
    seed_bookmarks()
    app = PaperdeckApp([DEMO])

    async def open_bookmarks(pilot: Pilot[None]) -> None:
        await wait_loaded(pilot)
        await pilot.press("B")

    assert snap_compare(app, terminal_size=(100, 24), run_before=open_bookmarks)


def test_search_screen(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def search(pilot: Pilot[None]) -> None:
        await wait_loaded(pilot)
        await pilot.press("slash", *"모델")
        await wait_search(pilot, "모델")

    assert snap_compare(PaperdeckApp([DEMO]), terminal_size=(100, 24), run_before=search)


def test_ascii_80x24(snap_compare) -> None:  # type: ignore[no-untyped-def]
    from tui.settings.reader_settings import ReaderSettings

    seed_bookmarks()
    app = PaperdeckApp([DEMO], settings=ReaderSettings(ascii=True, animations=False))
    assert snap_compare(app, terminal_size=(80, 24), run_before=loaded)


def test_help_screen_40x12(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """At 40×12 every description shows in full; ids go under them."""

    async def open_help(pilot: Pilot[None]) -> None:
        await wait_loaded(pilot)
        await pilot.press("question_mark")

    assert snap_compare(PaperdeckApp([DEMO]), terminal_size=(40, 12), run_before=open_help)
