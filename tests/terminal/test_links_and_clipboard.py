"""Copying and opening links: OSC 52 through SSH and tmux, a browser only where one shows."""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

import pytest
from rich.console import Console
from rich.style import Style

from parsers import Paper, Section
from tests.screens.helpers import wait_loaded, write_digest
from tui.app import PaperdeckApp
from tui.archive.links import abs_url
from tui.screens.requests import OpenLinkRequested
from tui.settings.config import Config
from tui.settings.reader_settings import ReaderSettings
from tui.terminal.clipboard import osc52, passthrough_sequences
from tui.terminal.environment import in_ssh_session, link_action
from tui.terminal.glyphs import Glyphs
from tui.terminal.textual_compat import driver_of, notifications
from tui.widgets.paper_render import DetailOptions, DetailStyles, render_paper

URL = "https://arxiv.org/abs/2507.17002"


def test_osc52_payload() -> None:
    sequence = osc52("모델 https://arxiv.org/abs/2507.00001")
    assert sequence.startswith("\x1b]52;c;") and sequence.endswith("\a")
    payload = sequence[len("\x1b]52;c;") : -1]
    assert base64.b64decode(payload).decode("utf-8") == "모델 https://arxiv.org/abs/2507.00001"


def test_passthrough_for_tmux_and_screen() -> None:
    plain = osc52("x")
    assert passthrough_sequences("x", {}) == []
    [tmux] = passthrough_sequences("x", {"TMUX": "/tmp/tmux-0/default,1,0"})
    assert tmux == "\x1bPtmux;" + plain.replace("\x1b", "\x1b\x1b") + "\x1b\\"
    [screen] = passthrough_sequences("x", {"STY": "123.pts-0", "TERM": "screen"})
    assert screen == "\x1bP" + plain + "\x1b\\"


@pytest.mark.parametrize(
    ("env", "platform", "opens"),
    [
        ({"BROWSER": "firefox", "SSH_CONNECTION": "1 2 3 4"}, "linux", False),
        ({"BROWSER": "w3m", "SSH_ORIGINAL_COMMAND": "ls", "SSH_CONNECTION": "1"}, "linux", False),
        ({"TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver"}, "linux", True),
        ({"SSH_CONNECTION": "10.0.0.1 5 10.0.0.2 22", "DISPLAY": ":0"}, "linux", False),
        ({"SSH_TTY": "/dev/pts/1"}, "darwin", False),
        ({"DISPLAY": ":0"}, "linux", True),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
        ({}, "linux", False),
        ({}, "darwin", True),
        ({}, "win32", True),
    ],
)
def test_open_or_copy_decision(env: dict[str, str], platform: str, opens: bool) -> None:
    decision = link_action(env, platform)
    assert decision.open_browser is opens
    assert decision.reason
    assert in_ssh_session(env) is any(k in ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY") for k in env)


def test_o_over_ssh_uses_browser_only_where_config_allows_programs() -> None:
    env = {"BROWSER": "firefox", "SSH_CONNECTION": "10.0.0.1 5 10.0.0.2 22"}
    refused = link_action(env, "linux")
    assert not refused.open_browser and "allow_external_programs" in refused.reason
    assert link_action(env, "linux", allow_external_programs=True).open_browser
    no_browser = link_action({"SSH_TTY": "/dev/pts/1"}, "linux", allow_external_programs=True)
    assert not no_browser.open_browser and "remotely" in no_browser.reason


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    return write_digest(tmp_path / "2025/07/17.md", "2025-07-17", [("New Low", 3), ("Top", 30)])


class Recorded:
    def __init__(self) -> None:
        self.writes: list[str] = []
        self.opened: list[str] = []


def record(app: PaperdeckApp, monkeypatch: pytest.MonkeyPatch) -> Recorded:
    seen = Recorded()
    driver = driver_of(app)
    assert driver is not None
    real_write = driver.write

    def write(data: str) -> None:
        seen.writes.append(data)
        real_write(data)

    monkeypatch.setattr(driver, "write", write)
    monkeypatch.setattr(app, "open_url", lambda url, new_tab=True: seen.opened.append(url))
    return seen


async def test_c_copies_the_link_and_capital_c_the_bibtex(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMUX", "/tmp/tmux-0/default,1,0")
    app = PaperdeckApp([str(archive)])
    async with app.run_test() as pilot:
        await wait_loaded(pilot)
        seen = record(app, monkeypatch)
        await pilot.press("c")
        assert app.clipboard == URL
        assert osc52(URL) in seen.writes
        assert passthrough_sequences(URL, {"TMUX": "x"})[0] in seen.writes
        assert any(f"Copied link: {URL}" in n.message for n in notifications(app))
        await pilot.press("C")
        assert app.clipboard.startswith("@misc{author2025top,")
        assert "eprint = {2507.17002}" in app.clipboard


async def test_o_and_p_copy_instead_of_opening_over_ssh(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BROWSER", "w3m")  # a text browser here would be a way to a shell
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.1 51000 10.0.0.2 22")
    app = PaperdeckApp([str(archive)])
    async with app.run_test() as pilot:
        await wait_loaded(pilot)
        seen = record(app, monkeypatch)
        await pilot.press("o")
        assert seen.opened == [] and app.clipboard == URL
        [note] = [n.message for n in notifications(app) if "not opened" in n.message]
        assert "SSH session" in note and "allow_external_programs" in note
        await pilot.press("p")
        assert seen.opened == [] and app.clipboard == "https://arxiv.org/pdf/2507.17002"


async def test_o_over_ssh_runs_browser_when_config_allows_programs(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BROWSER", "w3m")
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.1 51000 10.0.0.2 22")
    app = PaperdeckApp(
        [str(archive)], settings=ReaderSettings(Config(allow_external_programs=True))
    )
    async with app.run_test() as pilot:
        await wait_loaded(pilot)
        seen = record(app, monkeypatch)
        await pilot.press("o")
        assert seen.opened == [URL]


async def test_o_opens_a_browser_where_one_can_be_seen(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("BROWSER", "true")
    app = PaperdeckApp([str(archive)])
    async with app.run_test() as pilot:
        await wait_loaded(pilot)
        seen = record(app, monkeypatch)
        await pilot.press("o", "p")
        assert seen.opened == [URL, "https://arxiv.org/pdf/2507.17002"]


HOSTILE_LINKS = [
    "--renderer-cmd-prefix=/tmp/script",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "\x00javascript:alert(1)",
    "file:///etc/passwd",
    "data:text/html,<script>alert(1)</script>",
    "http:/x",
    "https://",
    "-https://x",
]


def record_browser(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What reaches the browser: Textual's terminal drivers hand links to ``webbrowser``."""
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url, *args, **kwargs: opened.append(url))
    for name in ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY", "SSH_ORIGINAL_COMMAND"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("BROWSER", "/tmp/would-run-this")
    return opened


@pytest.mark.parametrize("link", ["--renderer-cmd-prefix=/tmp/script", "javascript:alert`1`"])
async def test_o_on_a_hostile_digest_link_opens_and_copies_nothing(
    tmp_path: Path, link: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = record_browser(monkeypatch)
    digest = tmp_path / "2025-07-17.md"
    digest.write_text(f"## Daily Papers (2025-07-17)\n\n### [Hostile]({link})\n\n- text\n")
    app = PaperdeckApp([str(digest)])
    async with app.run_test() as pilot:
        await wait_loaded(pilot)
        await pilot.press("o", "c", "p")
        await pilot.pause()
        assert opened == [] and link not in app.clipboard
        notes = [n.message for n in notifications(app)]
        assert "This paper has no link." in notes, notes


@pytest.mark.parametrize("link", HOSTILE_LINKS)
async def test_the_opener_refuses_what_is_not_a_web_link_and_says_why(
    archive: Path, link: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = record_browser(monkeypatch)
    app = PaperdeckApp([str(archive)])
    async with app.run_test() as pilot:
        await wait_loaded(pilot)
        app.post_message(OpenLinkRequested(link, "paper"))  # a link that came some other way
        await pilot.pause()
        app.open_url(link)  # and Textual's own way to a browser
        await pilot.pause()
        assert opened == [] and link not in app.clipboard
        notes = [n.message for n in notifications(app) if "not an http(s) link" in n.message]
        assert len(notes) == 2 and all("not opened" in note for note in notes), notes
        app.post_message(OpenLinkRequested(URL, "paper"))
        await pilot.pause()
        assert opened == [URL]  # a web address still opens


def test_a_paper_link_that_is_no_web_address_is_no_link() -> None:
    """c, o, the detail pane and bookmarks take a paper's link from abs_url."""
    for link in HOSTILE_LINKS:
        paper = Paper(title="Hostile", url=link, arxiv_id=None)
        assert abs_url(paper) is None
    assert abs_url(Paper(title="Web", url=URL, arxiv_id=None)) == URL


def test_the_detail_pane_links_web_addresses_only() -> None:
    paper = Paper(
        title="Hostile", title_derived=False, url="javascript:alert(1)", arxiv_id=None,
        votes=None, authors=[], thumbnail="file:///etc/passwd",
        video="https://example.org/v.mp4", sections=[],
    )  # fmt: skip
    styles = DetailStyles(Style(), Style(), Style(), Style(), Style())
    console = Console(file=io.StringIO(), force_terminal=True, width=100)
    console.print(render_paper(paper, None, DetailOptions(), styles, Glyphs.pick(False)))
    output = console.file.getvalue()  # type: ignore[attr-defined]
    assert "\x1b]8;" in output  # the video's link is a terminal hyperlink
    hyperlinks = re.findall(r"\x1b\]8;[^;]*;([^\x1b\a]*)", output)
    assert set(hyperlinks) - {""} == {"https://example.org/v.mp4"}


def test_the_feeds_labelled_links_are_hyperlinks_and_other_text_is_not() -> None:
    sections = [
        Section(heading="Links", items=["GitHub: https://github.com/a/b", "Notes: file:///x"]),
        Section(heading="Abstract", items=["Plain text: https://example.org inside a sentence"]),
    ]
    paper = Paper(
        title="Links", title_derived=False, url=None, arxiv_id=None, votes=None, authors=[],
        thumbnail=None, video=None, sections=sections,
    )  # fmt: skip
    styles = DetailStyles(Style(), Style(), Style(), Style(), Style())
    console = Console(file=io.StringIO(), force_terminal=True, width=100)
    console.print(render_paper(paper, None, DetailOptions(), styles, Glyphs.pick(False)))
    output = console.file.getvalue()  # type: ignore[attr-defined]
    hyperlinks = re.findall(r"\x1b\]8;[^;]*;([^\x1b\a]*)", output)
    assert set(hyperlinks) - {""} == {"https://github.com/a/b"}
    assert "GitHub: " in output and "Notes: file:///x" in output
