"""State files an unfriendly environment leaves: deep nesting, odd times, links, huge files."""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from tui.userdata import bookmarks as bm
from tui.userdata.bookmarks import Bookmark, bookmarks_file, sorted_bookmarks
from tui.userdata.export import FORMATS
from tui.userdata.user_state import UserState

DEEP = b"[" * 5000 + b"]" * 5000


@pytest.mark.parametrize("name", ["bookmarks.json", "reading.json", "session.json"])
def test_deeply_nested_json_is_moved_aside_and_the_reader_goes_on(
    tmp_path: Path, name: str
) -> None:
    (tmp_path / name).write_bytes(DEEP)
    state = UserState(tmp_path)
    [moved] = state.moved_aside
    assert moved.original.name == name and "nested" in moved.reason
    assert moved.moved_to.read_bytes() == DEEP
    assert state.bookmarks == {} and state.read == {} and state.theme is None
    state.remember_theme("nord")
    state.mark_read(["x"])
    assert state.close()


def test_deep_nesting_inside_a_valid_document_is_moved_aside_too(tmp_path: Path) -> None:
    nested = '{"schema_version": 1, "bookmarks": {"x": ' + "[" * 3000 + "]" * 3000 + "}}"
    (tmp_path / "bookmarks.json").write_text(nested)
    file = bookmarks_file(tmp_path)
    assert file.read().bookmarks == {}
    assert "nested" in file.moved[0].reason


def _bookmark(pid: str, when: str) -> dict[str, object]:
    return {"id": pid, "title": pid, "date": "2025-07-17", "bookmarked_at": when}


def test_naive_and_aware_times_in_one_file_sort_and_export(tmp_path: Path) -> None:
    raw = {
        "schema_version": 1,
        "bookmarks": {
            "naive": _bookmark("naive", "2025-07-18T09:00:00"),
            "aware": _bookmark("aware", "2025-07-18T10:00:00+09:00"),
            "utc": _bookmark("utc", "2025-07-18T02:00:00Z"),
        },
    }
    (tmp_path / "bookmarks.json").write_text(json.dumps(raw))
    file = bookmarks_file(tmp_path)
    saved = file.read().bookmarks
    assert not file.moved
    assert all(b.bookmarked_at.utcoffset() == timedelta(0) for b in saved.values())
    assert saved["naive"].bookmarked_at == datetime(2025, 7, 18, 9, 0, tzinfo=UTC)  # naive = UTC
    assert saved["aware"].bookmarked_at == datetime(2025, 7, 18, 1, 0, tzinfo=UTC)
    assert [b.id for b in sorted_bookmarks(saved)] == ["naive", "utc", "aware"]
    assert [b.id for b in sorted_bookmarks(saved, "date")] == ["naive", "utc", "aware"]
    for export in FORMATS.values():
        assert "naive" in export(sorted_bookmarks(saved))


def test_new_bookmarks_and_positions_are_written_aware(tmp_path: Path) -> None:
    from parsers import Paper
    from tui.userdata.session import Position

    state = UserState(tmp_path)
    state.bookmark("p1", Paper(title="A paper"), date(2025, 7, 17))
    state.remember_position("archive", Position(paper="p1"))
    assert state.close()
    saved = json.loads((tmp_path / "bookmarks.json").read_text())
    when = datetime.fromisoformat(saved["bookmarks"]["p1"]["bookmarked_at"])
    assert when.utcoffset() == timedelta(0)
    session = json.loads((tmp_path / "session.json").read_text())
    assert datetime.fromisoformat(session["positions"]["archive"]["saved_at"]).tzinfo is not None


def test_bookmarks_made_in_other_zones_compare_as_instants() -> None:
    seoul = timezone(timedelta(hours=9))
    early = Bookmark.bare("1", datetime(2025, 7, 18, 8, 0, tzinfo=seoul))  # 23:00 UTC, 17th
    late = Bookmark.bare("2", datetime(2025, 7, 17, 23, 30))  # naive: UTC
    assert [b.id for b in sorted_bookmarks({"1": early, "2": late})] == ["2", "1"]


def test_a_linked_state_file_is_written_through_not_replaced(tmp_path: Path) -> None:
    synced = tmp_path / "synced"
    synced.mkdir()
    (synced / "bookmarks.json").write_text('{"schema_version": 1, "bookmarks": {}}')
    data = tmp_path / "data"
    data.mkdir()
    (data / "bookmarks.json").symlink_to(synced / "bookmarks.json")
    bookmarks_file(data).apply([bm.add(Bookmark.bare("2507.00001", datetime.now(UTC)))])
    assert (data / "bookmarks.json").is_symlink()
    assert list(json.loads((synced / "bookmarks.json").read_text())["bookmarks"]) == ["2507.00001"]
    assert sorted(p.name for p in synced.iterdir()) == ["bookmarks.json"]  # no temp left there


def test_an_oversized_state_file_is_moved_aside(tmp_path: Path) -> None:
    from tui.userdata.state_file import MAX_STATE_BYTES

    path = tmp_path / "reading.json"
    with path.open("wb") as handle:  # sparse: no disk space used
        handle.truncate(MAX_STATE_BYTES + 1)
    state = UserState(tmp_path)
    [moved] = state.moved_aside
    assert "larger than" in moved.reason
    assert os.path.getsize(moved.moved_to) == MAX_STATE_BYTES + 1
