"""Sharing one read-only archive: the README's sshd block, separate users, the web server."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.screens.helpers import wait_loaded, write_digest
from tui.app import PaperdeckApp
from tui.cli import main
from tui.cli.serve_command import serve_command
from tui.settings.locations import Locations

README = Path(__file__).resolve().parents[2] / "README.md"


def sshd_block() -> str:
    text = README.read_text(encoding="utf-8")
    block = re.search(r"<!-- sshd-config -->\n```text\n(.*?)```", text, re.S)
    assert block is not None, "the README lost its sshd example"
    return block.group(1)


def test_readme_sshd_block_forces_the_reader() -> None:
    block = sshd_block()
    assert re.search(r"^Match Group \w+$", block, re.M)
    force = re.search(r"^\s+ForceCommand (\S+) (.*)$", block, re.M)
    assert force is not None and force.group(1).endswith("/paperdeck")
    assert "--no-animation" in force.group(2)
    for rule in ("AllowTcpForwarding no", "X11Forwarding no", "PermitTTY yes"):
        assert rule in block


@pytest.mark.skipif(
    shutil.which("sshd") is None and not Path("/usr/sbin/sshd").exists(),
    reason="OpenSSH server not installed",
)
@pytest.mark.skipif(not Path("/run/sshd").is_dir(), reason="sshd's /run/sshd is missing")
def test_readme_sshd_block_is_valid_sshd_config(tmp_path: Path) -> None:
    sshd = shutil.which("sshd") or "/usr/sbin/sshd"
    host_key = tmp_path / "host_key"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(host_key)], check=True)
    config = tmp_path / "sshd_config"
    config.write_text(f"HostKey {host_key}\nUsePAM no\n" + sshd_block())
    result = subprocess.run([sshd, "-t", "-f", str(config)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


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


def test_serve_runs_this_paperdeck_per_session(monkeypatch: pytest.MonkeyPatch) -> None:
    command = serve_command(["/srv/daily papers"])
    assert command.endswith("-m tui --no-animation '/srv/daily papers'")
    started: list[tuple[str, str, int]] = []

    class FakeServer:
        def __init__(self, command: str, host: str, port: int) -> None:
            started.append((command, host, port))

        def serve(self) -> None:
            return None

    import sys
    import types

    fake = types.ModuleType("textual_serve.server")
    fake.Server = FakeServer  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "textual_serve", types.ModuleType("textual_serve"))
    monkeypatch.setitem(sys.modules, "textual_serve.server", fake)
    assert main(["serve", "--port", "8123"]) == 0
    assert started == [(serve_command([]), "localhost", 8123)]


def test_serve_without_the_extra_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "textual_serve.server", None)
    with pytest.raises(SystemExit) as exit_info:
        main(["serve"])
    assert exit_info.value.code == 2
    assert "uv sync --extra serve" in capfd.readouterr().err
