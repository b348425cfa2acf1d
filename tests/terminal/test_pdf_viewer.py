"""``p`` with a PDF viewer (``pdf_viewer`` in config.toml): the downloaded file, else the
link, as one argument; over SSH and in the browser mode the link is copied instead."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.screens.helpers import wait_loaded, write_digest
from tests.waiting import poll_until
from tui.app import PaperdeckApp
from tui.settings.config import Config
from tui.settings.locations import Locations
from tui.settings.reader_settings import ReaderSettings
from tui.terminal.pdf_viewer import start_viewer, viewer_command
from tui.terminal.textual_compat import notifications

PDF_URL = "https://arxiv.org/pdf/2507.17002"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    return write_digest(tmp_path / "2025/07/17.md", "2025-07-17", [("New Low", 3), ("Top", 30)])


def started(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The command lines the reader starts a viewer with (recorded, not run)."""
    runs: list[list[str]] = []

    def start(command: list[str], target: str) -> None:
        runs.append([*command, target])

    monkeypatch.setattr("tui.app.requests.start_viewer", start)
    return runs


def viewer_app(archive: Path, **config: object) -> PaperdeckApp:
    settings = ReaderSettings(Config.validate({"pdf_viewer": "my-viewer --fork", **config}))
    return PaperdeckApp([str(archive)], settings=settings)


async def test_p_opens_the_downloaded_pdf_else_the_link_in_the_viewer(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runs = started(monkeypatch)
    app = viewer_app(archive)
    async with app.run_test() as pilot:
        await wait_loaded(pilot)
        await pilot.press("p")
        assert runs == [["my-viewer", "--fork", PDF_URL]]
        saved = Locations.resolve().data / "pdfs" / "2507.17002.pdf"
        saved.parent.mkdir(parents=True)
        saved.write_bytes(b"%PDF-1.7\n")
        await pilot.press("p")
        assert runs[-1] == ["my-viewer", "--fork", str(saved)]
        said = [n.message for n in notifications(app)]
        assert f"Opening the PDF in my-viewer: {saved}" in said


async def test_pdf_dir_of_config_is_where_p_looks(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runs = started(monkeypatch)
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "2507.17002.pdf").write_bytes(b"%PDF-1.7\n")
    app = viewer_app(archive, pdf_dir=str(tmp_path / "mine"))
    async with app.run_test() as pilot:
        await wait_loaded(pilot)
        await pilot.press("p")
        assert runs == [["my-viewer", "--fork", str(tmp_path / "mine" / "2507.17002.pdf")]]


@pytest.mark.parametrize(
    ("variable", "value", "why"),
    [
        ("SSH_CONNECTION", "10.0.0.1 51000 10.0.0.2 22", "SSH session"),
        ("TEXTUAL_DRIVER", "textual.drivers.web_driver:WebDriver", "browser mode"),
    ],
)
async def test_p_copies_the_link_where_no_program_may_start(
    archive: Path, monkeypatch: pytest.MonkeyPatch, variable: str, value: str, why: str
) -> None:
    runs = started(monkeypatch)
    monkeypatch.setenv(variable, value)
    app = viewer_app(archive)
    async with app.run_test() as pilot:
        await wait_loaded(pilot)
        await pilot.press("p")
        assert runs == [] and app.clipboard == PDF_URL
        [note] = [n.message for n in notifications(app) if "not opened" in n.message]
        assert why in note and "allow_external_programs" in note


async def test_allow_external_programs_lets_the_viewer_start_over_ssh(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runs = started(monkeypatch)
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.1 51000 10.0.0.2 22")
    app = viewer_app(archive, allow_external_programs=True)
    async with app.run_test() as pilot:
        await wait_loaded(pilot)
        await pilot.press("p")
        assert runs == [["my-viewer", "--fork", PDF_URL]] and app.clipboard != PDF_URL


async def test_a_viewer_that_cannot_run_is_said(archive: Path, tmp_path: Path) -> None:
    app = viewer_app(archive, pdf_viewer=str(tmp_path / "no-such-viewer"))
    async with app.run_test() as pilot:
        await wait_loaded(pilot)
        await pilot.press("p")
        said = [n.message for n in notifications(app) if n.severity == "error"]
        assert said == ["cannot run the PDF viewer no-such-viewer: No such file or directory"]


def test_the_viewer_gets_the_target_as_one_argument(tmp_path: Path) -> None:
    record = tmp_path / "argv.txt"
    script = tmp_path / "viewer.py"
    script.write_text(
        f"import sys, pathlib\npathlib.Path({str(record)!r}).write_text('\\n'.join(sys.argv[1:]))\n"
    )
    target = str(tmp_path / "a folder; rm -rf ~" / "2507.17002.pdf")
    command = viewer_command(f"'{sys.executable}' '{script}' --page 1")
    assert command is not None
    assert start_viewer(command, target) is None
    poll_until(record.exists, "the viewer ran")
    poll_until(lambda: record.read_text() != "", "the viewer wrote its arguments")
    assert record.read_text().split("\n") == ["--page", "1", target]


def test_no_target_can_pass_for_an_option() -> None:
    problem = start_viewer(["viewer"], "--exec=sh", start=lambda *a, **k: pytest.fail("ran"))
    assert problem is not None and "could pass for an option" in problem
    assert viewer_command("  ") is None and viewer_command("okular 'x") == ["okular 'x"]
