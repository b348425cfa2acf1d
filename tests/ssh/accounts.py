"""Throw-away user accounts for the SSH tests: made as root, always removed afterwards."""

from __future__ import annotations

import os
import pwd
import secrets
import shutil
import signal
import subprocess
import time
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

from tests.tmux import wait_until


def run_checked(*command: str) -> None:
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)}: {result.stderr.strip()}")


@dataclass(frozen=True)
class Account:
    """A user made for one test, in the group the README's ``Match`` block names."""

    name: str
    uid: int
    gid: int
    group: str
    home: Path

    @property
    def data(self) -> Path:
        """Where this user's paperdeck keeps bookmarks and reading marks."""
        return self.home / ".local/share/paperdeck"

    @property
    def state(self) -> Path:
        return self.home / ".local/state/paperdeck"

    def processes(self) -> dict[int, str]:
        """This user's running processes (zombies excluded): pid → command line."""
        found = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                status = (entry / "status").read_text()
                cmdline = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
            if int(fields["Uid"].split()[0]) == self.uid and fields["State"].split()[0] != "Z":
                found[int(entry.name)] = cmdline.replace(b"\0", b" ").decode(errors="replace")
        return found

    def readers(self) -> dict[int, str]:
        """This user's paperdeck processes (Python running it; not the shell sshd starts)."""
        return {
            pid: line
            for pid, line in self.processes().items()
            if "paperdeck" in line and Path(line.split()[0]).name.startswith("python")
        }

    def time_to_end(self, limit: float) -> float:
        """Seconds until no process of this user is left; fails after ``limit``."""
        start = time.monotonic()
        gone = wait_until(lambda: not self.processes(), limit)
        assert gone, f"still running on the server after {limit} s: {self.processes()}"
        return time.monotonic() - start

    def kill_all(self) -> None:
        """End every process of this user, by pid (the user is ours, made for the test)."""
        for _ in range(50):
            running = self.processes()
            if not running:
                return
            for pid in running:
                with suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            wait_until(lambda: not self.processes(), 0.2)

    def can(self, *command: str) -> bool:
        """True when ``command`` succeeds run as this user."""
        result = subprocess.run(
            command, user=self.uid, group=self.gid, extra_groups=[self.group],
            capture_output=True, cwd="/", env={"PATH": "/usr/bin:/bin", "HOME": str(self.home)},
            check=False,
        )  # fmt: skip
        return result.returncode == 0


@dataclass
class Accounts:
    """Creates accounts in ``group`` with homes under ``homes``; ``remove_all`` undoes it all."""

    group: str
    homes: Path
    public_key: str
    made: list[Account] = field(default_factory=list)
    made_group: bool = False

    def ensure_group(self) -> None:
        known = subprocess.run(["getent", "group", self.group], capture_output=True, check=False)
        if known.returncode != 0:
            run_checked("groupadd", self.group)
            self.made_group = True

    def create(self, label: str) -> Account:
        """A new user ``pdt<label><random>`` in the group, with the test's key authorized."""
        name = f"pdt{label[:6]}{secrets.token_hex(3)}"
        home = self.homes / name
        # '*' (not the default '!') keeps the account usable with a key while sshd runs
        # without PAM; there is no password.
        run_checked(
            "useradd", "--create-home", "--home-dir", str(home), "--shell", "/bin/sh",
            "--groups", self.group, "--password", "*", "--comment", "paperdeck test", name,
        )  # fmt: skip
        entry = pwd.getpwnam(name)
        account = Account(name, entry.pw_uid, entry.pw_gid, self.group, home)
        self.made.append(account)
        ssh_dir = home / ".ssh"
        ssh_dir.mkdir(mode=0o700)
        keys = ssh_dir / "authorized_keys"
        keys.write_text(self.public_key)
        keys.chmod(0o600)
        home.chmod(
            0o755
        )  # sshd's StrictModes: the home, ~/.ssh and the key file not writable by others
        for path in (home, ssh_dir, keys):
            os.chown(path, account.uid, account.gid)
        return account

    def remove(self, account: Account) -> None:
        account.kill_all()
        subprocess.run(["userdel", "--remove", account.name], capture_output=True, check=False)
        if _exists(account.name):
            run_checked("userdel", "--force", "--remove", account.name)
        shutil.rmtree(account.home, ignore_errors=True)
        self.made.remove(account)

    def remove_all(self) -> None:
        for account in list(self.made):
            self.remove(account)

    def remove_group(self) -> None:
        """Remove the group, if these accounts brought it into being."""
        if self.made_group:
            subprocess.run(["groupdel", self.group], capture_output=True, check=False)
            self.made_group = False


def _exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True
