"""A disk that keeps refusing to save: said once, retried with growing waits, and said
again once when a save works; no change made meanwhile is lost."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

import pytest

from tests.userdata.test_user_state import PAPER
from tui.userdata import user_state as us
from tui.userdata.bookmarks import bookmarks_file
from tui.userdata.reading import reading_file
from tui.userdata.save_retry import SaveRetry
from tui.userdata.state_file import StateFile


def test_waits_double_up_to_a_minute_and_each_turn_is_said_once() -> None:
    retry = SaveRetry()
    said = [retry.record(["Could not save x: disk full"], now=100.0)]
    delays = [retry.delay]
    for _ in range(8):
        said.append(retry.record(["Could not save x: disk full"], now=100.0))
        delays.append(retry.delay)
    assert delays == [1, 2, 4, 8, 16, 32, 60, 60, 60]
    assert retry.retry_at == 160.0
    assert said[0] is not None and said[0].error
    assert (
        said[0].text == "Could not save x: disk full. Your changes are kept and saving is retried."
    )
    assert said[1:] == [None] * 8
    back = retry.record([], now=200.0)
    assert back is not None and not back.error and back.text.startswith("Saved again")
    assert (retry.delay, retry.retry_at, retry.record([], now=201.0)) == (0, 0, None)
    assert retry.record(["again"], now=300.0) is not None  # a new failure is said again
    assert retry.delay == 1


def wait_until(done: Callable[[], bool], what: str, deadline: float = 20.0) -> None:
    start = time.monotonic()
    while not done():
        assert time.monotonic() - start < deadline, f"never {what}"
        time.sleep(0.01)


def break_folder(folder: Path) -> None:
    """A file where the data folder was: every save in it fails, whoever runs the test."""
    shutil.rmtree(folder)
    folder.write_text("not a folder")


def mend_folder(folder: Path) -> None:
    folder.unlink()
    folder.mkdir()


@pytest.fixture
def fast_retries(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Retries after 10 ms doubling to 80 ms; the list counts every save attempted."""
    monkeypatch.setattr(us, "SaveRetry", partial(SaveRetry, first=0.01, most=0.08))
    attempts: list[int] = []
    apply = StateFile.apply

    def counted(self: StateFile, changes):  # type: ignore[no-untyped-def]
        attempts.append(1)
        return apply(self, changes)

    monkeypatch.setattr(StateFile, "apply", counted)
    return attempts


def test_a_folder_that_refuses_saves_is_said_once_and_nothing_is_lost(
    tmp_path: Path, fast_retries: list[int]
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    errors: list[str] = []
    recovered: list[str] = []
    state = us.UserState(data, on_error=errors.append, on_recovered=recovered.append)
    break_folder(data)
    state.bookmark("2507.00001", PAPER, date(2025, 7, 17))
    for n in range(20):
        state.mark_read([f"p{n}"])
    wait_until(lambda: len(fast_retries) >= 8, "retried")
    assert len(errors) == 1 and recovered == []
    assert errors[0].startswith(f"Could not save {data}/")
    assert errors[0].endswith(". Your changes are kept and saving is retried.")
    mend_folder(data)
    wait_until(lambda: bool(recovered), "saved again")
    assert state.flush()
    assert (len(errors), recovered) == (1, ["Saved again: every change is on disk."])
    assert set(bookmarks_file(data).read().bookmarks) == {"2507.00001"}
    assert set(reading_file(data).read().read) == {f"p{n}" for n in range(20)}
    state.close()
