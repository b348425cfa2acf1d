"""``paperdeck bookmarks``: list, add, remove, export."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from pathlib import Path

import pytest

from tests.cli.helpers import run
from tui.userdata import bookmarks as bm
from tui.userdata.bookmarks import Bookmark, bookmarks_file


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PAPERDECK_DATA_DIR", str(tmp_path))
    return tmp_path


def test_add_list_remove(data: Path, capfd: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capfd, "bookmarks", "add", "2507.01234", "arXiv:2401.04088v2",
                       "https://arxiv.org/abs/2411.19870", "2507.01234")  # fmt: skip
    assert (code, out) == (0, "added 3, already bookmarked 0\n")
    code, out, _ = run(capfd, "bookmarks", "list")
    assert code == 0
    assert out.splitlines()[-1] == "3 bookmarks"
    assert "2401.04088" in out and "not in a loaded digest yet" in out
    code, out, err = run(capfd, "bookmarks", "remove", "2507.01234", "9999.99999")
    assert code == 1 and out == "removed 1\n" and "not bookmarked: 9999.99999" in err
    assert set(bookmarks_file(data).read().bookmarks) == {"2401.04088", "2411.19870"}


def test_bad_ids_and_arguments_exit_2(data: Path, capfd: pytest.CaptureFixture[str]) -> None:
    for argv in (["bookmarks", "add", "not-an-id"], ["bookmarks"], ["bookmarks", "export"],
                 ["bookmarks", "export", "--format", "doc"]):  # fmt: skip
        code, out, err = run(capfd, *argv)
        assert code == 2 and out == "" and err.count("\n") == 1, argv


def _saved(data: Path) -> None:
    full = Bookmark(
        id="2507.00001", title="Attention {Is} All_You & Need", url="https://arxiv.org/abs/2507.00001",
        arxiv_id="2507.00001", date=date(2025, 7, 17), votes=42, authors=["Ann Lee", "Bo Kim"],
        bookmarked_at=datetime(2025, 7, 18, 9, 0),
    )  # fmt: skip
    other = full.copy(id="2507.00002", arxiv_id="2507.00002",
                                    title="Second", date=date(2025, 7, 16),
                                    url="https://arxiv.org/abs/2507.00002")  # fmt: skip
    bookmarks_file(data).apply([bm.add(full), bm.add(other)])


def test_export_bibtex(data: Path, capfd: pytest.CaptureFixture[str]) -> None:
    _saved(data)
    code, out, _ = run(capfd, "bookmarks", "export", "--format", "bibtex")
    assert code == 0
    first = out.split("\n\n")[0]
    assert first.startswith("@misc{lee2025attention,")
    assert "  title = {{Attention \\{Is\\} All\\_You \\& Need}}," in first
    assert "  author = {Ann Lee and Bo Kim}," in first
    assert "  eprint = {2507.00001},\n  archivePrefix = {arXiv}," in first
    assert "  url = {https://arxiv.org/abs/2507.00001}" in first
    assert out.count("@misc{") == 2


def test_export_markdown_groups_by_day(data: Path, capfd: pytest.CaptureFixture[str]) -> None:
    _saved(data)
    _, out, _ = run(capfd, "bookmarks", "export", "--format", "md")
    lines = out.splitlines()
    assert lines.index("## 2025-07-17") < lines.index("## 2025-07-16")
    assert (
        "- [Attention {Is} All\\_You & Need](https://arxiv.org/abs/2507.00001)"
        " — Ann Lee, Bo Kim (42 votes)" in lines
    )


def test_export_json_and_csv(data: Path, capfd: pytest.CaptureFixture[str]) -> None:
    _saved(data)
    _, out, _ = run(capfd, "bookmarks", "export", "--format", "json")
    assert [b["id"] for b in json.loads(out)] == ["2507.00001", "2507.00002"]
    _, out, _ = run(capfd, "bookmarks", "export", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["authors"] == "Ann Lee; Bo Kim" and rows[0]["votes"] == "42"


def test_export_to_file_asks_or_needs_force(
    data: Path, capfd: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _saved(data)
    target = tmp_path / "out.bib"
    assert run(capfd, "bookmarks", "export", "--format", "bibtex", "-o", str(target))[0] == 0
    assert target.read_text().startswith("@misc{")
    target.write_text("keep me")
    code, _, err = run(capfd, "bookmarks", "export", "--format", "md", "-o", str(target))
    assert code == 2 and "--force" in err and target.read_text() == "keep me"
    assert run(capfd, "bookmarks", "export", "--format", "md", "-o", str(target), "--force")[0] == 0
    assert target.read_text().startswith("# Bookmarks")


def test_corrupt_file_is_moved_aside_and_reported(
    data: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    (data / "bookmarks.json").write_text('{"schema_version": 1, "bookm')
    code, out, err = run(capfd, "bookmarks", "list")
    assert code == 0 and out.endswith("0 bookmarks\n")
    assert "could not be read" in err and "bookmarks.json.unreadable-" in err
    assert len(list(data.glob("bookmarks.json.unreadable-*"))) == 1


@pytest.mark.parametrize(
    "link", ["javascript:alert(1)", "--renderer-cmd-prefix=/tmp/x", "file:///etc/passwd"]
)
def test_a_snapshot_link_that_is_no_web_address_is_never_exported(
    data: Path, capfd: pytest.CaptureFixture[str], link: str
) -> None:
    """Bookmarks saved by an older paperdeck may hold a digest's hostile link."""
    snapshot = {"id": "t:hostile", "title": "Hostile", "url": link, "starred": True,
                "bookmarked_at": "2025-07-18T09:00:00Z"}  # fmt: skip
    kept = {"schema_version": 2, "bookmarks": {"t:hostile": snapshot}}
    (data / "bookmarks.json").write_text(json.dumps(kept))
    exports = (["export", "--format", kind] for kind in ("md", "bibtex", "json", "csv"))
    for argv in (["list", "--json"], *exports):
        code, out, err = run(capfd, "bookmarks", *argv)
        assert code == 0 and "Hostile" in out, (argv, err)
        assert link not in out and link[:8] not in out, argv
    assert json.loads((data / "bookmarks.json").read_text()) == kept  # reading changes nothing
