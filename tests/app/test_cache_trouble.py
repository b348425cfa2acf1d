"""The reader on a cache the disk refuses: one warning, then every day read all the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.archive.test_cache_ownership import full_disk
from tests.screens.helpers import wait_loaded, write_digest
from tui.app import PaperdeckApp
from tui.settings.reader_settings import ReaderSettings
from tui.terminal.textual_compat import notifications


async def test_a_disk_that_fills_up_under_the_cache_is_said_once_and_the_reader_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    days = [f"2025-07-{day}" for day in range(10, 30)]
    for day in days:
        write_digest(tmp_path / f"{day}.md", day, [(f"Paper {n} " * 30, n) for n in range(20)])
    full_disk(monkeypatch)
    app = PaperdeckApp([str(tmp_path)], settings=ReaderSettings(restore=False))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot, timeout=60)
        assert app.cache.temporary
        assert len(app.store.days()) == len(days)
        assert app.reader.day is not None and str(app.reader.day) == days[-1]
        notes = [n for n in notifications(app) if n.title == "No parse cache"]
        assert len(notes) == 1 and "the disk is full" in notes[0].message
        await pilot.press("left_square_bracket")
        assert str(app.reader.day) == days[-2]
        assert len(app.reader.paper_list.entries) == 20
