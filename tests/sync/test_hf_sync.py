"""Syncing the daily papers API from a local server: days saved whole, retries, resuming."""

from __future__ import annotations

import errno
import os
import threading
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from parsers import load
from tests.conftest import FIXTURES
from tests.sync.helpers import Answer, FakeApi, fast_options
from tests.waiting import poll_until
from tui.fileio.locking import exclusive_when_free
from tui.settings.sources import SourceConfig
from tui.sync import SyncOptions, SyncProgress, sync_source
from tui.sync.engine import lock_path
from tui.sync.hf_source import day_range, is_complete, utc_today

DAY14 = (FIXTURES / "hf-daily" / "2025-07-14.json").read_bytes()
DAY15 = (FIXTURES / "hf-daily" / "2025-07-15.json").read_bytes()


def hf(api: FakeApi, since: str = "2025-07-13") -> SourceConfig:
    return SourceConfig(kind="hf", url=api.url, since=date.fromisoformat(since))


def until(day: str, waits: list[float] | None = None) -> SyncOptions:
    options = fast_options(waits)
    return SyncOptions(date.fromisoformat(day), options.http, options.today, options.sleep)


@pytest.fixture
def api() -> FakeApi:
    with FakeApi().running() as running:
        yield running


def test_days_are_saved_as_the_api_returned_them(tmp_path: Path, api: FakeApi) -> None:
    api.answer("2025-07-14", Answer(body=DAY14))
    api.answer("2025-07-15", Answer(body=DAY15))
    seen: list[SyncProgress] = []
    result = sync_source(hf(api), tmp_path, seen.append, options=until("2025-07-15"))
    assert result.ok, result.message
    assert api.days_asked() == ["2025-07-15", "2025-07-14", "2025-07-13"]  # newest first
    folder = tmp_path / "hf"
    assert (folder / "2025-07-14.json").read_bytes() == DAY14
    assert (folder / "2025-07-13.json").read_bytes() == b"[]"
    assert sorted(result.changed) == sorted(folder.glob("*.json"))
    assert result.message == "3 days fetched (9 papers), 0 already complete"
    assert all(s.user_agent.startswith("paperdeck/") for s in api.seen)
    assert [p.done for p in seen if p.note] == [1, 2, 3] and seen[-1].total == 3
    loaded = load([str(tmp_path)])
    assert [d.date for d in loaded.digests] == [date(2025, 7, 14), date(2025, 7, 15)]
    markup = loaded.digests[0].papers[2]
    assert markup.title == "[bold red]Not markup[/] and [@click=app.quit]x[/]"
    assert loaded.digests[0].papers[1].votes is None  # no "upvotes" in the answer
    assert [s.heading for s in markup.sections] == ["AI summary", "Links"]  # summary null
    assert {s.source for s in markup.sections} == {"Hugging Face"}


def test_complete_days_are_skipped_and_recent_ones_fetched_again(
    tmp_path: Path, api: FakeApi
) -> None:
    today = utc_today()
    since = (today - timedelta(days=4)).isoformat()
    options = fast_options()
    source = hf(api, since)
    assert sync_source(source, tmp_path, options=options).ok
    assert len(api.seen) == 5
    api.seen.clear()
    result = sync_source(source, tmp_path, options=options)
    assert result.ok and result.days == 2
    yesterday = today - timedelta(days=1)
    assert api.days_asked() == [today.isoformat(), yesterday.isoformat()]
    assert result.message == "2 days fetched (0 papers), 3 already complete"


def test_a_day_is_complete_once_fetched_two_days_after_it_began(tmp_path: Path) -> None:
    path = tmp_path / "2025-07-14.json"
    path.write_text("[]")
    day = date(2025, 7, 14)
    settled = 1752451200 + 2 * 86400  # 2025-07-14T00:00Z plus two days
    os.utime(path, (settled - 1, settled - 1))
    assert not is_complete(path, day)
    os.utime(path, (settled, settled))
    assert is_complete(path, day)
    assert not is_complete(tmp_path / "missing.json", day)


def test_day_range_defaults_to_thirty_days_and_stops_today() -> None:
    today = date(2025, 7, 20)
    days = day_range(None, None, today)
    assert (len(days), days[0], days[-1]) == (30, today, date(2025, 6, 21))
    assert day_range(date(2025, 7, 19), date(2025, 8, 1), today) == [today, date(2025, 7, 19)]


def test_500_then_success_and_429_with_retry_after(tmp_path: Path, api: FakeApi) -> None:
    api.answer("2025-07-14", Answer(500, b"oops"), Answer(body=DAY14))
    api.answer("2025-07-15", Answer(429, b"slow down", {"Retry-After": "7"}), Answer(body=DAY15))
    waits: list[float] = []
    result = sync_source(hf(api, "2025-07-14"), tmp_path, options=until("2025-07-15", waits))
    assert result.ok, result.message
    assert api.days_asked() == ["2025-07-15", "2025-07-15", "2025-07-14", "2025-07-14"]
    assert 7.0 in waits  # Retry-After honoured
    assert (tmp_path / "hf" / "2025-07-15.json").read_bytes() == DAY15


def test_a_timeout_is_retried(tmp_path: Path, api: FakeApi) -> None:
    api.answer("2025-07-14", Answer(body=DAY14, delay=6.0), Answer(body=DAY14))
    options = until("2025-07-14")
    options = replace(options, http=replace(options.http, timeout=2.0))
    result = sync_source(hf(api, "2025-07-14"), tmp_path, options=options)
    assert result.ok, result.message
    assert api.days_asked() == ["2025-07-14", "2025-07-14"]


def test_a_long_retry_after_ends_the_source(tmp_path: Path, api: FakeApi) -> None:
    api.answer("2025-07-14", Answer(429, b"", {"Retry-After": "3600"}))
    result = sync_source(hf(api, "2025-07-14"), tmp_path, options=until("2025-07-14"))
    assert not result.ok
    assert result.message == "HTTP 429 Too Many Requests; the API asks to wait 3600 s"


def test_garbage_is_never_saved_and_newer_days_are_kept(tmp_path: Path, api: FakeApi) -> None:
    api.answer("2025-07-15", Answer(body=DAY15))
    api.answer("2025-07-14", Answer(body=b"<html>Bad gateway</html>"))
    result = sync_source(hf(api), tmp_path, options=until("2025-07-15"))
    assert not result.ok
    assert result.message == (
        "2025-07-14: the API's answer is not a JSON list; not saved; "
        "1 day fetched before that are saved"
    )
    assert sorted(p.name for p in (tmp_path / "hf").iterdir()) == ["2025-07-15.json"]


def test_a_client_error_stops_at_once(tmp_path: Path, api: FakeApi) -> None:
    api.answer("2025-07-14", Answer(404, b"no"))
    result = sync_source(hf(api, "2025-07-14"), tmp_path, options=until("2025-07-14"))
    assert (result.ok, result.message) == (False, "the API answered HTTP 404 Not Found")
    assert len(api.seen) == 1


def test_a_closed_port_is_one_clear_line(tmp_path: Path) -> None:
    closed = SourceConfig(kind="hf", url="http://127.0.0.1:9/api", since=date(2025, 7, 14))
    result = sync_source(closed, tmp_path, options=until("2025-07-14"))
    assert not result.ok
    assert result.message.startswith("cannot connect to 127.0.0.1: ")
    assert "\n" not in result.message and "gave up after 2 tries" in result.message


def test_a_full_disk_leaves_the_saved_day_as_it_was(
    tmp_path: Path, api: FakeApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "hf"
    folder.mkdir()
    (folder / "2025-07-14.json").write_bytes(b"[]")  # fetched before, not complete
    os.utime(folder / "2025-07-14.json", (0, 0))
    api.answer("2025-07-14", Answer(body=DAY14))

    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("tui.fileio.writing.os.replace", full)
    result = sync_source(hf(api, "2025-07-14"), tmp_path, options=until("2025-07-14"))
    assert not result.ok
    assert result.message == f"cannot write {folder / '2025-07-14.json'}: No space left on device"
    assert [p.name for p in folder.iterdir()] == ["2025-07-14.json"]  # no temp file left
    assert (folder / "2025-07-14.json").read_bytes() == b"[]"


def test_a_cancelled_sync_resumes_where_it_stopped(tmp_path: Path, api: FakeApi) -> None:
    saved: list[str] = []

    def report(progress: SyncProgress) -> None:
        if progress.note:
            saved.append(progress.note)

    options = until("2025-07-15")
    first = sync_source(hf(api), tmp_path, report, lambda: len(saved) >= 2, options)
    assert not first.ok and first.days == 2 and "cancelled" in first.message
    api.seen.clear()
    assert sync_source(hf(api), tmp_path, options=options).ok
    assert api.days_asked() == ["2025-07-13"]


def test_a_second_sync_of_the_same_source_waits_for_the_first(tmp_path: Path, api: FakeApi) -> None:
    notes: list[str] = []
    results = []

    def other() -> None:
        results.append(
            sync_source(hf(api, "2025-07-15"), tmp_path, lambda p: notes.append(p.note),
                        options=until("2025-07-15"))
        )  # fmt: skip

    with exclusive_when_free(lock_path(tmp_path, "hf"), lambda: None, lambda: False):
        thread = threading.Thread(target=other)
        thread.start()
        poll_until(lambda: bool(notes), "the waiting sync's note")
        assert notes == ["another sync of this source is running; waiting for it"]
        assert api.seen == []
    thread.join(5)
    assert results[0].ok and api.days_asked() == ["2025-07-15"]


def test_a_sync_waiting_for_another_gives_up_in_time(tmp_path: Path, api: FakeApi) -> None:
    options = replace(until("2025-07-15"), lock_wait=0.3)
    with exclusive_when_free(lock_path(tmp_path, "hf"), lambda: None, lambda: False):
        result = sync_source(hf(api, "2025-07-15"), tmp_path, options=options)
    assert (result.ok, result.message) == (
        False,
        "another sync of this source was still running after 0.3 s; gave up waiting",
    )
    assert api.seen == []
