"""The reader on a data folder that refuses saves: one error notice, however many marks are
made and however often the writer retries, and one notice when saving works again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.screens.helpers import DEMO, wait_loaded
from tests.userdata.test_save_failures import break_folder, fast_retries, mend_folder
from tests.waiting import wait_until
from tui.app import PaperdeckApp
from tui.settings.locations import Locations

__all__ = ["fast_retries"]  # the fixture, shared


async def test_the_reader_says_a_failing_save_once_and_its_recovery_once(
    fast_retries: list[int],
) -> None:
    data: Path = Locations.resolve().data
    app = PaperdeckApp([DEMO])
    said: list[tuple[str, str]] = []
    notify = app.notify

    def recorded(message: str, **options: Any) -> None:
        said.append((options.get("title", ""), message))
        notify(message, **options)

    app.notify = recorded  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        said.clear()
        break_folder(data)
        for key in ("b", "u", "j", "b", "u", "j", "b", "u"):
            await pilot.press(key)
        await wait_until(pilot, lambda: len(fast_retries) >= 8, "retried")
        await pilot.pause()
        failed = [text for title, text in said if title == "Not saved yet"]
        assert len(failed) == 1 and failed[0].endswith("saving is retried.")
        mend_folder(data)
        await wait_until(pilot, lambda: any(title == "Saved" for title, _ in said), "saved again")
        assert [t for t, _ in said if t in ("Not saved yet", "Saved")] == ["Not saved yet", "Saved"]
        assert len(app.user_state.bookmarked_ids()) == 3
