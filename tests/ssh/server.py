"""A real OpenSSH server on 127.0.0.1 configured with the README's own ``Match`` block.

The block is read from the README as it stands; only the two paths it names that belong
to the machine it documents (the installed program and the shared archive) are replaced
by this test's own. paperdeck itself is installed from this checkout, as the README's
``uv tool install`` does, into a directory every user can read.
"""

from __future__ import annotations

import os
import re
import shlex
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.system import require_program, unavailable, usable_by_everyone

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
README_PROGRAM = "/usr/local/bin/paperdeck"
"""Where the README installs paperdeck (``UV_TOOL_BIN_DIR=/usr/local/bin``)."""


def _readme_archive() -> str:
    block = re.search(r"<!-- sshd-config -->\n```text\n(.*?)```", README.read_text("utf-8"), re.S)
    force = re.search(r"^\s*ForceCommand \S+ .*?(\S+)$", block.group(1) if block else "", re.M)
    return force.group(1) if force else "/srv/paperdeck/sources/papers"


README_ARCHIVE = _readme_archive()
"""Where the README puts the shared archive (the last argument of its ForceCommand)."""


def readme_sshd_block() -> str:
    text = README.read_text(encoding="utf-8")
    block = re.search(r"<!-- sshd-config -->\n```text\n(.*?)```", text, re.S)
    assert block is not None, "the README lost its sshd example"
    return block.group(1)


def match_group(block: str) -> str:
    found = re.search(r"^Match Group (\S+)$", block, re.M)
    assert found is not None, "the README's sshd block has no 'Match Group' line"
    return found.group(1)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def shared_python() -> str:
    """A Python of this version that every user may run (a venv's own may sit under /root)."""
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    candidates = [
        os.path.realpath(getattr(sys, "_base_executable", sys.executable)),
        f"/usr/bin/{version}",
        f"/usr/local/bin/{version}",
    ]
    for candidate in candidates:
        if Path(candidate).name.startswith(version) and usable_by_everyone(Path(candidate)):
            return candidate
    unavailable(f"no {version} that every user can run (apt-get install {version})")


def install_for_everyone(target: Path) -> Path:
    """Install this checkout (not editable, no dev tools) into ``target``; its ``paperdeck``.

    ``uv sync --frozen --offline`` takes exactly the locked versions from uv's cache,
    which ``uv run pytest`` has just filled, so no network is used.
    """
    uv = os.environ.get("UV") or require_program("uv", "uv (pip install uv)")
    env = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}
    env |= {"UV_PROJECT_ENVIRONMENT": str(target), "UV_PYTHON_DOWNLOADS": "never"}
    command = [uv, "sync", "--frozen", "--offline", "--no-dev", "--no-editable", "--quiet"]
    result = subprocess.run(
        [*command, "--python", shared_python()],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, f"installing paperdeck for the test users: {result.stderr}"
    return target / "bin" / "paperdeck"


class SshServer:
    """``sshd -D`` on 127.0.0.1 with a throw-away host key and the README's block."""

    def __init__(self, workdir: Path, block: str, group: str) -> None:
        self.sshd = require_program("sshd", "openssh-server", "/usr/sbin/sshd")
        self.ssh = require_program("ssh", "openssh-client")
        self.keygen = require_program("ssh-keygen", "openssh-client")
        self.dir = workdir
        self.dir.mkdir(mode=0o700)
        self.block, self.group = block, group
        self.port = free_port()
        self.host_key = self.dir / "host_key"
        self.client_key = self.dir / "client_key"
        self.config = self.dir / "sshd_config"
        self.log = self.dir / "sshd.log"
        self.process: subprocess.Popen[bytes] | None = None

    def keygen_to(self, path: Path) -> str:
        subprocess.run(
            [self.keygen, "-q", "-t", "ed25519", "-N", "", "-C", "", "-f", str(path)], check=True
        )
        return path.with_suffix(".pub").read_text()

    def write_config(self) -> None:
        host_public = self.keygen_to(self.host_key)
        (self.dir / "known_hosts").write_text(f"[127.0.0.1]:{self.port} {host_public}")
        self.config.write_text(
            f"Port {self.port}\nListenAddress 127.0.0.1\nHostKey {self.host_key}\n"
            f"PidFile {self.dir / 'sshd.pid'}\nAllowGroups {self.group}\n"
            "AuthorizedKeysFile .ssh/authorized_keys\nPubkeyAuthentication yes\n"
            "PasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM no\n"
            "PermitRootLogin no\nPrintMotd no\nPrintLastLog no\nLogLevel VERBOSE\n" + self.block
        )

    def start(self) -> None:
        Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)  # sshd's privilege separation dir
        self.write_config()
        check = subprocess.run([self.sshd, "-t", "-f", str(self.config)], capture_output=True)
        if check.returncode != 0:
            pytest.fail(f"sshd refuses the README's block: {check.stderr.decode().strip()}")
        with self.log.open("wb") as log:
            self.process = subprocess.Popen([self.sshd, "-D", "-e", "-f", str(self.config)],
                                            stdin=subprocess.DEVNULL, stderr=log)  # fmt: skip
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                    if sock.recv(8).startswith(b"SSH-"):
                        return
            except OSError:
                time.sleep(0.1)
        pytest.fail(f"sshd did not start: {self.log.read_text(errors='replace')[-2000:]}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)

    def client(self, user: str, *command: str, tty: bool = True) -> list[str]:
        """The ``ssh`` command line logging ``user`` in (with ``command`` if given)."""
        options = {
            "IdentitiesOnly": "yes", "BatchMode": "yes", "StrictHostKeyChecking": "yes",
            "UserKnownHostsFile": str(self.dir / "known_hosts"),
            "GlobalKnownHostsFile": "/dev/null", "LogLevel": "ERROR", "ConnectTimeout": "10",
        }  # fmt: skip
        args = [self.ssh, "-tt" if tty else "-T", "-F", "/dev/null", "-p", str(self.port)]
        args += ["-i", str(self.client_key)]
        for name, value in options.items():
            args += ["-o", f"{name}={value}"]
        args.append(f"{user}@127.0.0.1")
        return [*args, "--", *command] if command else args

    def client_line(self, user: str, *command: str) -> str:
        return shlex.join(self.client(user, *command))

    def version(self) -> str:
        result = subprocess.run([self.ssh, "-V"], capture_output=True, text=True)
        return result.stderr.split(",")[0].strip()
