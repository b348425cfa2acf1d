"""Downloading a paper's PDF: atomic, resumable, capped, through the sync's HTTP client."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sync.helpers import FAST
from tests.sync.pdf_server import FakeArxiv, a_pdf
from tui.fileio.locking import FileLock
from tui.sync.http_client import HttpPolicy
from tui.sync.pdf_download import download_pdf
from tui.sync.progress import SyncError

ONE_TRY = HttpPolicy(timeout=10, attempts=1, backoff=0.01, min_interval=0)


def test_a_pdf_is_saved_whole_under_its_id(tmp_path: Path) -> None:
    body = a_pdf(300_000)
    with FakeArxiv(pdfs={"2507.01234": body}).running() as arxiv:
        saved = download_pdf("2507.01234", tmp_path / "pdfs", base=arxiv.url, policy=FAST)
    assert saved.path == tmp_path / "pdfs" / "2507.01234.pdf" and saved.fetched
    assert saved.path.read_bytes() == body and saved.size == len(body)
    assert sorted(p.name for p in (tmp_path / "pdfs").iterdir()) == ["2507.01234.pdf"]
    assert arxiv.ranges == [None]


def test_an_old_style_id_is_one_file_and_a_saved_pdf_is_not_fetched_again(
    tmp_path: Path,
) -> None:
    with FakeArxiv(pdfs={"hep-th/9901001": a_pdf(5_000)}).running() as arxiv:
        first = download_pdf("hep-th/9901001", tmp_path, base=arxiv.url, policy=FAST)
        again = download_pdf("hep-th/9901001", tmp_path, base=arxiv.url, policy=FAST)
    assert first.path == tmp_path / "hep-th_9901001.pdf" and first.fetched
    assert again.path == first.path and not again.fetched and len(arxiv.ranges) == 1


def test_an_answer_cut_short_is_resumed_where_it_stopped(tmp_path: Path) -> None:
    body = a_pdf(200_000)
    with FakeArxiv(pdfs={"2507.01234": body}, cuts=[70_000]).running() as arxiv:
        saved = download_pdf("2507.01234", tmp_path, base=arxiv.url, policy=FAST)
    assert saved.path.read_bytes() == body
    assert arxiv.ranges == [None, "bytes=70000-"]


def test_a_download_cut_in_one_run_goes_on_in_the_next(tmp_path: Path) -> None:
    body = a_pdf(200_000)
    with FakeArxiv(pdfs={"2507.01234": body}, cuts=[50_000]).running() as arxiv:
        with pytest.raises(SyncError, match="ended after 50000 of 200000 bytes"):
            download_pdf("2507.01234", tmp_path, base=arxiv.url, policy=ONE_TRY)
        part = tmp_path / "2507.01234.pdf.part"
        assert part.read_bytes() == body[:50_000] and not (tmp_path / "2507.01234.pdf").exists()
        saved = download_pdf("2507.01234", tmp_path, base=arxiv.url, policy=ONE_TRY)
    assert saved.path.read_bytes() == body and not part.exists()
    assert arxiv.ranges == [None, "bytes=50000-"]


def test_a_server_that_ignores_the_range_starts_the_part_again(tmp_path: Path) -> None:
    body = a_pdf(100_000)
    (tmp_path / "2507.01234.pdf.part").write_bytes(b"stale bytes of something else")
    with FakeArxiv(pdfs={"2507.01234": body}, ignore_range=True).running() as arxiv:
        saved = download_pdf("2507.01234", tmp_path, base=arxiv.url, policy=FAST)
    assert saved.path.read_bytes() == body and arxiv.ranges == ["bytes=29-"]


def test_a_part_longer_than_the_pdf_starts_again(tmp_path: Path) -> None:
    body = a_pdf(1_000)
    (tmp_path / "2507.01234.pdf.part").write_bytes(b"x" * 5_000)
    with FakeArxiv(pdfs={"2507.01234": body}).running() as arxiv:
        saved = download_pdf("2507.01234", tmp_path, base=arxiv.url, policy=FAST)
    assert saved.path.read_bytes() == body and arxiv.ranges == ["bytes=5000-", None]


@pytest.mark.parametrize("announced", [True, False])
def test_a_pdf_over_the_cap_is_refused_and_nothing_kept(tmp_path: Path, announced: bool) -> None:
    arxiv = FakeArxiv(pdfs={"2507.01234": a_pdf(300_000)}, announce_size=announced)
    with arxiv.running(), pytest.raises(SyncError, match="cap"):
        download_pdf("2507.01234", tmp_path, base=arxiv.url, max_bytes=100_000, policy=FAST)
    assert list(tmp_path.iterdir()) == []
    assert len(arxiv.ranges) == 1  # refused, not retried


def test_an_answer_that_is_no_pdf_is_not_saved(tmp_path: Path) -> None:
    arxiv = FakeArxiv(pdfs={"2507.01234": b"<html>PDF unavailable</html>"})
    with arxiv.running(), pytest.raises(SyncError, match="not a PDF"):
        download_pdf("2507.01234", tmp_path, base=arxiv.url, policy=FAST)
    assert list(tmp_path.iterdir()) == []


def test_a_redirect_to_another_scheme_is_not_followed(tmp_path: Path) -> None:
    arxiv = FakeArxiv(redirect="file:///etc/passwd")
    with arxiv.running(), pytest.raises(SyncError, match="redirect to a file: address"):
        download_pdf("2507.01234", tmp_path, base=arxiv.url, policy=FAST)
    assert list(tmp_path.iterdir()) == []


def test_a_missing_pdf_is_the_servers_answer(tmp_path: Path) -> None:
    with FakeArxiv().running() as arxiv, pytest.raises(SyncError, match="HTTP 404"):
        download_pdf("2507.01234", tmp_path, base=arxiv.url, policy=FAST)


def test_one_download_of_a_pdf_at_a_time(tmp_path: Path) -> None:
    held = FileLock.take(tmp_path / ".2507.01234.pdf.lock", exclusive=True, wait=0)
    assert held is not None
    try:
        with pytest.raises(SyncError, match="another paperdeck is downloading"):
            download_pdf("2507.01234", tmp_path, base="http://127.0.0.1:9/pdf/", policy=FAST)
    finally:
        held.release()
