"""The garbage collector waits while the reader starts, and only then (tui.startup)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

import tui.cli.launch
from tests.waiting import wait_until
from tui.app import PaperdeckApp
from tui.cli import main
from tui.cli.main import paperdeck
from tui.startup import hold_collection, release_collection

seen: list[bool] = []


@click.command("probe")
def probe() -> None:
    seen.append(gc.isenabled())


@pytest.fixture(autouse=True)
def collector() -> Iterator[None]:
    """Each test starts and ends with the collector running, and leaves nothing frozen."""
    seen.clear()
    assert gc.isenabled()
    yield
    release_collection()
    gc.unfreeze()
    gc.enable()


def test_another_command_runs_with_the_collector(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(paperdeck.lazy, "probe", f"{__name__}:probe")
    frozen = gc.get_freeze_count()
    assert main(["probe"]) == 0
    assert seen == [True] and gc.isenabled() and gc.get_freeze_count() == frozen


def test_the_reader_starts_with_it_paused_and_it_resumes_whatever_happens(
    monkeypatch: pytest.MonkeyPatch, seeds: Path
) -> None:
    def run_reader(*args: object, **kwargs: object) -> int:
        seen.append(gc.isenabled())
        raise RuntimeError("the reader failed to start")

    monkeypatch.setattr(tui.cli.launch, "run_reader", run_reader)
    with pytest.raises(RuntimeError):
        main([str(seeds)])
    assert seen == [False] and gc.isenabled()


async def test_the_first_screen_resumes_it_past_what_the_start_made(seeds: Path) -> None:
    gc.collect()
    frozen = gc.get_freeze_count()
    hold_collection()
    assert not gc.isenabled()
    app = PaperdeckApp([str(seeds)])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, app.loader.first_screen.is_set, "the first screen")
        assert gc.isenabled()
        assert gc.get_freeze_count() > frozen + 10_000  # the start's styles and widgets


def test_a_collector_paused_by_someone_else_stays_paused() -> None:
    frozen = gc.get_freeze_count()
    gc.disable()
    hold_collection()
    release_collection(freeze=True)
    assert not gc.isenabled() and gc.get_freeze_count() == frozen
