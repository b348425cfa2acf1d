"""How the reader looks: SVG snapshots of the main screens on the demo archive."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.conftest import FIXTURES, TWO_SOURCES
from tests.screens.helpers import (
    DEMO,
    seed_annotations,
    seed_bookmarks,
    wait_loaded,
    wait_search,
)
from tui.app import PaperdeckApp
from tui.screens.note_editor import NoteEditor


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


def _editing_a_note(size: tuple[int, int]):  # type: ignore[no-untyped-def]
    async def edit(pilot: Pilot[None]) -> None:
        await wait_loaded(pilot)
        await pilot.press("j", "e")
        screen = pilot.app.screen
        assert isinstance(screen, NoteEditor)
        screen.area.cursor_blink = False
        await pilot.press("enter", *"- and the OCR numbers")
        await pilot.pause()

    return edit


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_note_being_edited(
    snap_compare, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:  # type: ignore[no-untyped-def]
    for name in ("VISUAL", "EDITOR"):
        monkeypatch.delenv(name, raising=False)
    seed_annotations()
    assert snap_compare(PaperdeckApp([DEMO]), terminal_size=size, run_before=_editing_a_note(size))


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_paper_with_tags_and_a_note(snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    seed_annotations()

    async def show(pilot: Pilot[None]) -> None:
        await wait_loaded(pilot)
        await pilot.press("j", "enter", "G")  # the detail's end: the note under the sections
        await pilot.pause()

    assert snap_compare(PaperdeckApp([DEMO]), terminal_size=size, run_before=show)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_paper_of_two_sources(snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    async def show(pilot: Pilot[None]) -> None:
        await wait_loaded(pilot)
        await pilot.press("enter")  # the paper both sources carry, each section labelled
        if size == (80, 24):
            await pilot.press("pagedown")  # where the digest's sections end, the feed's begin
        await pilot.pause()

    app = PaperdeckApp([str(TWO_SOURCES)])
    assert snap_compare(app, terminal_size=size, run_before=show)


def test_demo_archive_80x24(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """As a new user first sees it: the demo's note, and "demo" leading the list's title."""
    app = PaperdeckApp([DEMO], demo=True)
    assert snap_compare(app, terminal_size=(80, 24), run_before=loaded)


def test_synced_digests_say_when_they_synced_120x40(snap_compare) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime, timedelta

    from tui.cli.launch import build_app
    from tui.settings.locations import Locations
    from tui.userdata.synced_sources import RememberedSource, SourceRegistry

    data = Locations.resolve().data
    shutil.copytree(DEMO, data / "sources" / "team")
    synced = RememberedSource(kind="git", address="https://example.org/team.git", days=5)
    when = datetime.now(UTC) - timedelta(hours=2, minutes=5)
    SourceRegistry(data).synced("team", synced, when)
    assert snap_compare(build_app([]), terminal_size=(120, 40), run_before=loaded)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_related_papers(snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    from tests.waiting import wait_until
    from tui.screens.related import RelatedScreen

    async def related(pilot: Pilot[None]) -> None:
        await wait_loaded(pilot)
        await pilot.press("L")
        screen = pilot.app.screen
        assert isinstance(screen, RelatedScreen)
        await wait_until(pilot, lambda: bool(screen.paper_list.entries), "the related papers")

    assert snap_compare(PaperdeckApp([DEMO]), terminal_size=size, run_before=related)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_detail_on_the_whole_screen(snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    async def full(pilot: Pilot[None]) -> None:
        await wait_loaded(pilot)
        await pilot.press("j", "Z")
        await pilot.pause()

    assert snap_compare(PaperdeckApp([DEMO]), terminal_size=size, run_before=full)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_unread_only(snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    async def hide_read(pilot: Pilot[None]) -> None:
        await wait_loaded(pilot)
        await pilot.press("j", "j", "enter", "escape", "k", "u", "H")  # two read, one kept
        await pilot.pause()

    assert snap_compare(PaperdeckApp([DEMO]), terminal_size=size, run_before=hide_read)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_search_with_saved_searches(snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    from tui.settings.locations import Locations
    from tui.userdata.searches import save_search, searches_file

    searches_file(Locations.resolve().data).apply(
        [save_search("video", "video -survey"), save_search("strong", "모델 votes:>=50")]
    )

    async def search(pilot: Pilot[None]) -> None:
        await wait_loaded(pilot)
        await pilot.press("slash", *"모델")
        await wait_search(pilot, "모델")

    assert snap_compare(PaperdeckApp([DEMO]), terminal_size=size, run_before=search)


def test_saving_a_search(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def save(pilot: Pilot[None]) -> None:
        await wait_loaded(pilot)
        await pilot.press("slash", *"모델", "ctrl+s")
        await pilot.pause()

    assert snap_compare(PaperdeckApp([DEMO]), terminal_size=(80, 24), run_before=save)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_reading_lists(snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    from tests.screens.helpers import seed_lists

    seed_lists()

    async def lists(pilot: Pilot[None]) -> None:
        await wait_loaded(pilot)
        await pilot.press("ctrl+l", "enter")

    assert snap_compare(PaperdeckApp([DEMO]), terminal_size=size, run_before=lists)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_a_selection(snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    async def select(pilot: Pilot[None]) -> None:
        await wait_loaded(pilot)
        await pilot.press("v", "j", "j", "v", "j", "v", "j")

    assert snap_compare(PaperdeckApp([DEMO]), terminal_size=size, run_before=select)
