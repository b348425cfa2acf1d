"""The SSH box: sshd with the README's block, paperdeck installed for all, a shared archive."""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.screens.helpers import write_digest
from tests.ssh.accounts import Account, Accounts
from tests.ssh.server import (
    README_ARCHIVE,
    README_PROGRAM,
    SshServer,
    install_for_everyone,
    match_group,
    readme_sshd_block,
)
from tests.system import require_program, require_root, under_ci
from tests.tmux import TmuxSession, require_tmux

DAYS = ("2025-07-15", "2025-07-16", "2025-07-17")


@dataclass
class SshBox:
    server: SshServer
    accounts: Accounts
    archive: Path

    def open_reader(self, account: Account, tmp: Path, *command: str) -> TmuxSession:
        """Log in as ``account`` with ``ssh -tt`` in a tmux pane; wait for the whole archive."""
        session = TmuxSession(tmp)
        try:
            session.start(self.server.client_line(account.name, *command))
            # every day read (the sidebar counts them), so that [ has somewhere to go
            assert session.wait_for("3 days", 30), session.screen()
            assert re.search(r"Paper \d/3", session.screen()), session.screen()
        except BaseException:
            session.close()
            raise
        return session


def shared_archive(root: Path) -> Path:
    """Three days of three papers, readable by all and writable by none but root."""
    for day in DAYS:
        number = day[-2:]
        papers = [
            (f"Day {number} first", 30),
            (f"Day {number} second", 20),
            (f"Day {number} third", 10),
        ]
        write_digest(root / f"{day.replace('-', '/')}.md", day, papers)
    for path in [root, *root.rglob("*")]:  # the README's chmod -R a+rX,go-w
        path.chmod(0o755 if path.is_dir() else 0o644)
    return root


@pytest.fixture(scope="package")
def ssh_box() -> Iterator[SshBox]:
    if not under_ci():
        pytest.skip("makes and removes throw-away users, so it runs as root under CI=true only")
    require_root("making throw-away users")
    require_tmux()
    for program in ("useradd", "userdel", "groupadd", "groupdel"):
        require_program(program, "passwd", f"/usr/sbin/{program}")
    block = readme_sshd_block()
    workdir = Path(tempfile.mkdtemp(prefix="paperdeck-ssh-"))
    workdir.chmod(0o755)  # the users reach their homes, the archive and paperdeck through it
    server: SshServer | None = None
    accounts: Accounts | None = None
    try:
        program = install_for_everyone(workdir / "opt")
        archive = shared_archive(workdir / "srv" / "daily-papers")
        forced = block.replace(README_PROGRAM, str(program)).replace(README_ARCHIVE, str(archive))
        server = SshServer(workdir / "sshd", forced, match_group(block))
        public_key = server.keygen_to(server.client_key)
        (workdir / "home").mkdir(mode=0o755)
        accounts = Accounts(server.group, workdir / "home", public_key)
        accounts.ensure_group()
        server.start()
        yield SshBox(server, accounts, archive)
    finally:
        if server is not None:
            server.stop()
        if accounts is not None:
            accounts.remove_all()
            accounts.remove_group()
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture
def box(ssh_box: SshBox) -> Iterator[SshBox]:
    """The SSH box; the accounts a test makes are removed after it, whatever happened."""
    yield ssh_box
    ssh_box.accounts.remove_all()
