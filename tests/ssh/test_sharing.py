"""Sharing one read-only archive: the README's sshd block, separate users, the web server."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.screens.helpers import wait_loaded, write_digest
from tests.ssh.server import SshServer, match_group, readme_sshd_block
from tests.system import require_root
from tui.app import PaperdeckApp
from tui.cli import main
from tui.cli.serve_command import only_this_machine, serve_command
from tui.cli.serve_guard import GuardedServer
from tui.settings.locations import Locations


def test_readme_sshd_block_forces_the_reader() -> None:
    block = readme_sshd_block()
    assert re.search(r"^Match Group \w+$", block, re.M)
    force = re.search(r"^\s+ForceCommand (\S+) (.*)$", block, re.M)
    assert force is not None and force.group(1).endswith("/paperdeck")
    assert "--no-animation" in force.group(2)
    for rule in ("AllowTcpForwarding no", "X11Forwarding no", "PermitTTY yes"):
        assert rule in block


@pytest.mark.system
def test_readme_sshd_block_is_valid_sshd_config(tmp_path: Path) -> None:
    if not Path("/run/sshd").is_dir():
        require_root("creating sshd's /run/sshd")
    block = readme_sshd_block()
    server = SshServer(tmp_path / "sshd", block, match_group(block))
    Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)
    server.write_config()
    result = subprocess.run([server.sshd, "-t", "-f", str(server.config)], capture_output=True)
    assert result.returncode == 0, result.stderr.decode()


async def test_two_users_share_a_read_only_archive(tmp_path: Path) -> None:
    archive = tmp_path / "srv"
    write_digest(archive / "2025/07/17.md", "2025-07-17", [("Shared", 5), ("Other", 1)])
    before = sorted((p.relative_to(archive), p.stat().st_mtime) for p in archive.rglob("*"))
    for mode in (0o555, 0o444):
        for path in archive.rglob("*"):
            path.chmod(mode if path.is_dir() else 0o444)
    homes = {}
    for user, keys in (("alice", ("b",)), ("bob", ("j", "enter"))):
        locations = Locations(
            tmp_path / user / "data",
            tmp_path / user / "cfg",
            tmp_path / user / "st",
            tmp_path / user / "cache",
        )
        app = PaperdeckApp([str(archive)], locations=locations)
        async with app.run_test() as pilot:
            await wait_loaded(pilot)
            await pilot.press(*keys)  # alice bookmarks the top paper; bob reads the next
            await pilot.press("q")
        homes[user] = locations
    after = sorted((p.relative_to(archive), p.stat().st_mtime) for p in archive.rglob("*"))
    assert after == before  # nothing written into the shared archive
    alice = (homes["alice"].data / "bookmarks.json").read_text()
    assert "2507.17001" in alice
    assert not (homes["bob"].data / "bookmarks.json").exists()
    assert "2507.17002" in (homes["bob"].data / "reading.json").read_text()
    assert not (homes["alice"].data / "reading.json").exists()  # she opened nothing


def test_serve_runs_this_paperdeck_per_session(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    command = serve_command(["/srv/daily papers"])
    assert command.endswith("-m tui --no-animation '/srv/daily papers'")
    started: list[tuple[str, str, int]] = []

    def serve(server: GuardedServer) -> None:  # everything but listening
        started.append((server.command, server.host, server.port))
        assert server.title == "paperdeck" and server.guard.max_sessions == 4
        assert server.guard.token and len(server.guard.token) >= 40

    monkeypatch.setattr(GuardedServer, "serve", serve)
    assert main(["serve", "--port", "8123"]) == 0
    assert started == [(serve_command([]), "127.0.0.1", 8123)]
    assert capfd.readouterr().err == ""  # this machine only: nothing to warn about
    assert main(["serve", "--host", "0.0.0.0", "--public-url", "https://p.example.org"]) == 0
    warning = capfd.readouterr().err
    assert warning.startswith("paperdeck: warning: listening on 0.0.0.0: anyone who can reach")
    assert warning.count("\n") == 1 and "reverse proxy" in warning


def test_serve_without_the_extra_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "textual_serve.server", None)
    with pytest.raises(SystemExit) as exit_info:
        main(["serve"])
    assert exit_info.value.code == 2
    assert "uv sync --extra serve" in capfd.readouterr().err


@pytest.mark.parametrize(
    ("host", "local"),
    [("127.0.0.1", True), ("localhost", True), ("::1", True), ("127.0.0.2", True),
     ("0.0.0.0", False), ("::", False), ("192.168.1.5", False), ("example.org", False)],
)  # fmt: skip
def test_only_loopback_counts_as_this_machine(host: str, local: bool) -> None:
    assert only_this_machine(host) is local
