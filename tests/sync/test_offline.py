"""Offline, said plainly: the host that cannot be reached, at once, for each source."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from tests.sync.test_sync_command import sync, write_config
from tui.sync.git_command import unreachable_host


@pytest.fixture
def no_names_resolve(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """No host name resolves (as offline); returns the names asked for, in order."""
    asked: list[str] = []

    def getaddrinfo(host: object, *args: object, **kwargs: object) -> list[object]:
        asked.append(str(host))
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return asked


def test_sync_offline_names_each_source_it_could_not_reach_and_asks_once(
    capfd: pytest.CaptureFixture[str], no_names_resolve: list[str], tmp_path: Path
) -> None:
    write_config(
        '[[source]]\nkind = "git"\nurl = "https://offline.invalid/team.git"\nname = "team"\n'
        '[[source]]\nkind = "hf"\nurl = "https://huggingface.co/api/daily_papers"\n'
    )
    code, out, err = sync(capfd)
    assert (code, out) == (1, "")
    failures = [line for line in err.splitlines() if line.startswith("paperdeck: sync: ")]
    assert failures == [
        "paperdeck: sync: team: cannot reach offline.invalid — offline?",
        "paperdeck: sync: hf: cannot reach huggingface.co — offline?",
    ]
    assert no_names_resolve == ["huggingface.co"]  # no retries: the name does not resolve


@pytest.mark.parametrize(
    ("stderr", "host"),
    [
        ("fatal: unable to access 'https://github.com/a/b/': Could not resolve host: "
         "github.com\n", "github.com"),
        ("ssh: Could not resolve hostname example.org: Name or service not known\r\n"
         "fatal: Could not read from remote repository.\n", "example.org"),
        ("fatal: unable to access 'https://github.com/a/b/': Failed to connect to github.com "
         "port 443 after 3 ms: Network is unreachable\n", "github.com"),
        ("fatal: repository 'https://github.com/a/b/' not found\n", None),
    ],
)  # fmt: skip
def test_git_saying_a_host_is_out_of_reach_is_understood(stderr: str, host: str | None) -> None:
    assert unreachable_host(stderr) == host
