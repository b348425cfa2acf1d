"""The bookmarks file's format 3 (notes, tags, lists) read from formats 1 and 2, and newer ones
kept aside.

``tests/fixtures/state-format-1`` holds files written by the release before notes and tags
(commit 519c092): ``paperdeck bookmarks add`` of two arXiv ids, two bookmarks made in the
reader (one without an arXiv id), and a read mark.
"""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.cli.helpers import run
from tests.conftest import FIXTURES
from tui.userdata import annotations as an
from tui.userdata.bookmarks import Bookmarks, bookmarks_file
from tui.userdata.reading import reading_file
from tui.userdata.user_state import UserState

FORMAT_1 = FIXTURES / "state-format-1"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("bookmarks.json", "reading.json"):
        shutil.copy(FORMAT_1 / name, tmp_path / name)
    monkeypatch.setenv("PAPERDECK_DATA_DIR", str(tmp_path))
    return tmp_path


def test_a_format_1_file_reads_as_starred_bookmarks_and_saves_as_format_3(data: Path) -> None:
    original = json.loads((FORMAT_1 / "bookmarks.json").read_text())
    assert original["schema_version"] == 1 and Bookmarks.CURRENT_VERSION == 3
    file = bookmarks_file(data)
    state = file.read()
    assert file.moved == []
    assert list(state.bookmarks) == list(original["bookmarks"])
    for pid, kept in state.bookmarks.items():
        assert kept.starred and kept.tags == [] and kept.note is None
        old = original["bookmarks"][pid]
        assert kept.dump(json=True, include=set(old)) == old  # every field as it was
    assert (data / "bookmarks.json").read_bytes() == (FORMAT_1 / "bookmarks.json").read_bytes()
    file.apply([an.set_note("2507.17002", "migrated", None, None, datetime.now(UTC))])
    saved = json.loads((data / "bookmarks.json").read_text())
    assert saved["schema_version"] == 3
    assert saved["bookmarks"]["2507.17002"]["note"] == "migrated"
    assert all(b["starred"] for b in saved["bookmarks"].values())
    assert set(saved["bookmarks"]) == set(original["bookmarks"])
    assert reading_file(data).read().read  # reading.json: still format 1, untouched
    assert json.loads((data / "reading.json").read_text())["schema_version"] == 1


def test_the_reader_and_the_commands_use_a_format_1_file(
    data: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    state = UserState(data)
    assert state.moved_aside == [] and state.unreadable == []
    assert sorted(state.bookmarked_ids()) == sorted(json.loads(
        (FORMAT_1 / "bookmarks.json").read_text())["bookmarks"])  # fmt: skip
    assert state.close()
    code, out, err = run(capfd, "bookmarks", "list", "--json")
    assert code == 0 and err == ""
    assert [b["starred"] for b in json.loads(out)] == [True] * 4
    code, out, _ = run(capfd, "tag", "2507.17002", "+migrated")
    assert code == 0 and json.loads((data / "bookmarks.json").read_text())["schema_version"] == 3


@pytest.mark.parametrize("version", [4, 99])
def test_a_file_from_a_newer_paperdeck_is_kept_aside_never_overwritten(
    data: Path, capfd: pytest.CaptureFixture[str], version: int
) -> None:
    newer = json.dumps({"schema_version": version, "bookmarks": {}, "future": [1, 2]}).encode()
    (data / "bookmarks.json").write_bytes(newer)
    code, _, err = run(capfd, "note", "2507.01234", "written after")
    assert code == 0 and f"newer paperdeck (format {version})" in err
    [aside] = data.glob("bookmarks.json.unreadable-*")
    assert aside.read_bytes() == newer  # every byte kept
    assert list(bookmarks_file(data).read().bookmarks) == ["2507.01234"]
    (data / "bookmarks.json").write_bytes(newer)  # kept aside too, beside the first
    state = UserState(data)
    assert [m.reason for m in state.moved_aside] == [
        f"written by a newer paperdeck (format {version})"
    ]
    assert state.close()
    assert sorted(p.read_bytes() for p in data.glob("bookmarks.json.unreadable-*")) == [newer] * 2


def test_a_format_2_file_reads_as_it_is_and_saves_as_format_3_with_lists(data: Path) -> None:
    kept = {"id": "2507.01234", "arxiv_id": "2507.01234", "bookmarked_at": "2025-07-17T10:00:00Z",
            "starred": True, "tags": ["llm"], "note": "read"}  # fmt: skip
    (data / "bookmarks.json").write_text(
        json.dumps({"schema_version": 2, "bookmarks": {"2507.01234": kept}})
    )
    file = bookmarks_file(data)
    state = file.read()
    assert file.moved == [] and state.bookmarks["2507.01234"].lists == []
    assert state.bookmarks["2507.01234"].tags == ["llm"]
    file.apply([an.change_lists("2507.01234", ["Reading group"], [], None)])
    saved = json.loads((data / "bookmarks.json").read_text())
    assert saved["schema_version"] == 3
    assert saved["bookmarks"]["2507.01234"]["lists"] == ["Reading group"]
    assert saved["bookmarks"]["2507.01234"]["note"] == "read"
