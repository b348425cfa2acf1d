"""``paperdeck pdf ID [--download]``: the link, or the PDF in the PDF folder."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ctrl_c_reaches_it
from tests.sync.pdf_server import FakeArxiv, a_pdf
from tests.waiting import poll_until
from tui.cli import main
from tui.settings.locations import Locations


def write_config(text: str) -> None:
    path = Locations.resolve().config_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_without_download_it_prints_the_link(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pdf", "arXiv:2507.01234v2"]) == 0
    assert capsys.readouterr().out == "https://arxiv.org/pdf/2507.01234\n"
    assert main(["pdf", "https://arxiv.org/abs/hep-th/9901001"]) == 0
    assert capsys.readouterr().out == "https://arxiv.org/pdf/hep-th/9901001\n"


def test_download_saves_it_in_the_data_dir_once(capsys: pytest.CaptureFixture[str]) -> None:
    body = a_pdf(120_000)
    pdfs = Locations.resolve().data / "pdfs"
    with FakeArxiv(pdfs={"2507.01234": body}).running() as arxiv:
        assert main(["pdf", "2507.01234", "--download", "--api", arxiv.url]) == 0
        assert capsys.readouterr().out == f"{pdfs / '2507.01234.pdf'}\n"
        assert main(["pdf", "2507.01234", "--download", "--api", arxiv.url, "--json"]) == 0
    assert (pdfs / "2507.01234.pdf").read_bytes() == body and len(arxiv.ranges) == 1
    document = json.loads(capsys.readouterr().out)
    assert document == {
        "id": "2507.01234",
        "url": f"{arxiv.url}2507.01234",
        "path": str(pdfs / "2507.01234.pdf"),
        "size": len(body),
        "downloaded": False,
    }
    assert main(["pdf", "2507.01234", "--json"]) == 0  # without --download: where it is
    assert json.loads(capsys.readouterr().out)["path"] == str(pdfs / "2507.01234.pdf")


def test_config_names_the_folder_and_the_cap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "my pdfs"
    write_config(f"pdf_dir = '{folder}'\npdf_max_mib = 1\n")
    pdfs = {"2507.01234": a_pdf(2 * 2**20), "2507.04321": a_pdf(2**19)}
    with FakeArxiv(pdfs=pdfs).running() as arxiv:
        assert main(["pdf", "2507.01234", "--download", "--api", arxiv.url]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "the PDF is 2 MiB, more than the 1 MiB cap" in err
        assert main(["pdf", "2507.04321", "--download", "--api", arxiv.url]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["2507.04321.pdf"]


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["pdf", "2513.01234"], "not an arXiv id: '2513.01234'"),
        (["pdf", "-x"], "unrecognized arguments: -x"),
        (["pdf", "2507.01234", "--download", "--api", "file:///tmp/"], "not an http(s) address"),
    ],
)
def test_bad_arguments_are_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], needle: str
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and needle in err


def test_an_answer_that_is_no_pdf_is_one_line_and_exit_1(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with FakeArxiv(pdfs={"2507.01234": b"<html>no</html>"}).running() as arxiv:
        assert main(["pdf", "2507.01234", "--download", "--api", arxiv.url]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1
    assert "2507.01234: the answer is not a PDF; nothing saved" in captured.err
    assert not (Locations.resolve().data / "pdfs" / "2507.01234.pdf").exists()


def test_ctrl_c_keeps_the_part_and_the_next_run_goes_on(
    capsys: pytest.CaptureFixture[str],
) -> None:
    body = a_pdf(2 * 2**20)
    pdfs = Locations.resolve().data / "pdfs"
    part = pdfs / "2507.01234.pdf.part"
    with FakeArxiv(pdfs={"2507.01234": body}, pace=0.02).running() as arxiv:
        command = subprocess.Popen(
            [sys.executable, "-m", "tui", "pdf", "2507.01234", "--download", "--api", arxiv.url],
            cwd=Path(__file__).resolve().parents[2],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=ctrl_c_reaches_it,
        )
        poll_until(lambda: part.exists() and part.stat().st_size > 0, "the download began")
        command.send_signal(signal.SIGINT)
        out, err = command.communicate(timeout=60)
        assert command.returncode == 130, err
        assert "Traceback" not in err and out == ""
        kept = part.stat().st_size
        assert 0 < kept < len(body) and not (pdfs / "2507.01234.pdf").exists()
        arxiv.pace = 0
        assert main(["pdf", "2507.01234", "--download", "--api", arxiv.url]) == 0
    assert (pdfs / "2507.01234.pdf").read_bytes() == body and not part.exists()
    assert arxiv.ranges[-1] == f"bytes={kept}-"
