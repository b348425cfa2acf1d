"""``paperdeck sync`` as a user and a script run it: sources, output, exit codes, and what
the reader and the other commands open afterwards."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.helpers import run
from tests.conftest import FIXTURES
from tests.sync.conftest import UNREACHABLE_API
from tests.sync.helpers import Answer, FakeApi, Upstream, fast_options
from tui.cli.launch import build_app
from tui.cli.sync_command import run_sync
from tui.settings.locations import DEMO_ARCHIVE, Locations

DAY14 = (FIXTURES / "hf-daily" / "2025-07-14.json").read_bytes()


def sync(capfd: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``paperdeck sync ARGV`` with short timeouts and no real waiting."""
    try:
        code = run_sync(list(argv), fast_options())
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out = capfd.readouterr()
    return code, out.out, out.err


def write_config(text: str) -> None:
    path = Locations.resolve().config_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def api() -> FakeApi:
    with FakeApi().running() as running:
        yield running


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["--git", "x", "--hf"], "--git and --hf do not go together"),
        (["--name", "ko"], "--name goes with --git URL"),
        (["--hf", "--name", "ko"], "--name goes with --git URL"),
        (["--since", "2025-07-01"], "--since goes with --hf"),
        (["--git", "u", "--api", "http://x"], "--api goes with --hf"),
        (["--hf", "--since", "2025-07-02", "--until", "2025-07-01"], "is after --until"),
        (["--hf", "--since", "yesterday"], "invalid date 'yesterday'"),
        (["--hf", "--api", "ftp://x"], "is not an http(s) address"),
        (["--git", "https://x/y.git", "--name", "../up"], "--name: name '../up' must be"),
        (["--git", " "], "--git needs a repository URL"),
        (["--bogus"], "unrecognized arguments: --bogus"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(
    capfd: pytest.CaptureFixture[str], argv: list[str], needle: str
) -> None:
    code, out, err = sync(capfd, *argv)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and err.startswith("paperdeck: error: ") and needle in err
    assert not Locations.resolve().sources.exists()


def test_configured_sources_sync_and_a_failing_one_spares_the_others(
    capfd: pytest.CaptureFixture[str], tmp_path: Path, api: FakeApi
) -> None:
    upstream = Upstream(tmp_path / "remote")
    upstream.add_day("2025-07-14")
    api.answer("2025-07-14", Answer(body=DAY14))
    write_config(
        f'[[source]]\nkind = "git"\nurl = "{tmp_path.as_uri()}/missing.git"\nname = "gone"\n'
        f'[[source]]\nkind = "git"\nurl = "{upstream.url}"\nname = "ko"\n'
        f'[[source]]\nkind = "hf"\nurl = "{api.url}"\nsince = 2025-07-14\n'
        f'[[source]]\nkind = "svn"\n'
    )
    code, out, err = sync(capfd, "--json")
    assert code == 1
    document = json.loads(out)
    assert document["ok"] is False
    assert [(s["name"], s["kind"], s["ok"]) for s in document["sources"]] == [
        ("gone", "git", False),
        ("ko", "git", True),
        ("hf", "hf", True),
    ]
    ko = document["sources"][1]
    sources = Locations.resolve().sources
    assert ko["path"] == str(sources / "ko")
    assert ko["changed"] == [
        str(sources / "ko/current/README.md"),
        str(sources / "ko/current/paper_logs/2025/07/14.md"),
    ]
    assert document["sources"][0]["message"].startswith("git: ")
    assert "[[source]] #4: kind: Input should be 'git' or 'hf'; ignored" in err
    assert (sources / "hf" / "2025-07-14.json").read_bytes() == DAY14
    code, out, err = sync(capfd)
    assert code == 1
    assert out.splitlines()[0] == f"ko: up to date at {ko['revision'][:7]}"
    assert out.splitlines()[1].startswith("hf: ")
    assert "paperdeck: sync: gone: git: " in err


def test_one_repository_from_the_command_line(
    capfd: pytest.CaptureFixture[str], tmp_path: Path, api: FakeApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tui.settings.sources.DEFAULT_HF_API", api.url)
    upstream = Upstream(tmp_path / "remote")
    upstream.add_day("2025-07-14")
    code, out, err = sync(capfd, "--git", upstream.url)
    assert code == 0, err
    assert out.startswith("upstream: cloned at ")  # named after the repository
    assert "upstream: fetching" in err  # plain progress lines: stderr is not a terminal
    upstream.add_day("2025-07-15")
    code, out, err = sync(capfd)  # nothing configured: the source synced before
    assert code == 0, err
    assert out.startswith("upstream: updated ") and out.count("\n") == 1
    assert out.rstrip().endswith("(1 new day)")
    assert api.seen == []  # not the daily papers: there is a source already


def test_with_nothing_configured_the_daily_papers_of_30_days(
    capfd: pytest.CaptureFixture[str], api: FakeApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tui.settings.sources.DEFAULT_HF_API", api.url)
    code, out, _ = sync(capfd)
    assert code == 0
    assert len(api.seen) == 30 and out.startswith("hf: 30 days fetched")


def test_after_a_sync_every_command_reads_the_synced_sources(
    capfd: pytest.CaptureFixture[str], api: FakeApi
) -> None:
    assert build_app([]).paths == [str(DEMO_ARCHIVE)]  # nothing synced or configured
    api.answer("2025-07-14", Answer(body=DAY14))
    write_config(f'[[source]]\nkind = "hf"\nurl = "{api.url}"\nsince = 2025-07-14\n')
    assert build_app([]).paths == []  # configured, not synced yet: no demo
    code, out, _ = run(capfd, "dump")
    assert (code, json.loads(out)) == (0, {"digests": [], "problems": []})
    assert sync(capfd, "--hf", "--api", api.url, "--since", "2025-07-14", "--until",
                "2025-07-14")[0] == 0  # fmt: skip
    data = str(Locations.resolve().data)
    assert build_app([]).paths == [data]
    code, out, _ = run(capfd, "dump")
    assert [d["date"] for d in json.loads(out)["digests"]] == ["2025-07-14"]
    code, out, _ = run(capfd, "check")
    assert (code, out.splitlines()[-1]) == (
        0,
        "1 file with digests, 1 digest, 3 papers: 0 errors, 0 warnings",
    )
    code, out, _ = run(capfd, "search", "NeuralOS", "--json")
    assert [hit["arxiv_id"] for hit in json.loads(out)["results"]] == ["2507.08800"]


def test_config_check_names_the_sources(capfd: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capfd, "config", "check")
    assert code == 0 and out.splitlines()[-1].startswith("no [[source]]: paperdeck sync")
    write_config(
        '[[source]]\nkind = "git"\nurl = "https://github.com/l-yohai/daily_papers_ko"\n'
        '[[source]]\nkind = "hf"\nsince = 2025-01-01\n'
        '[[source]]\nkind = "git"\n'
    )
    code, out, err = run(capfd, "config", "check")
    assert code == 1
    assert "[[source]] #3: a git source needs a url; ignored" in err
    assert out.splitlines() == [
        "source daily_papers_ko: git https://github.com/l-yohai/daily_papers_ko",
        f"source hf: hf {UNREACHABLE_API} since 2025-01-01",  # the default API, here a stand-in
    ]


def test_a_sync_waits_for_another_process_only_so_long(
    capfd: pytest.CaptureFixture[str], api: FakeApi
) -> None:
    lock = Locations.resolve().sources / ".hf.lock"
    lock.parent.mkdir(parents=True)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(lock)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        code, out, err = sync(capfd, "--hf", "--api", api.url, "--lock-wait", "0.5")
        assert (code, out) == (1, "")
        assert err.endswith(
            "paperdeck: sync: hf: another sync of this source was still running after "
            "0.5 s; gave up waiting\n"
        )
        assert api.seen == []
    finally:
        holder.communicate("")  # end of input: it lets go
    code, out, err = sync(capfd, "--hf", "--api", api.url, "--lock-wait", "0.5")
    assert code == 0, err
    code, _, err = sync(capfd, "--hf", "--lock-wait", "soon")
    assert code == 2 and "--lock-wait: 'soon' is not a number of seconds" in err


HOLD_LOCK = """
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)
fcntl.flock(fd, fcntl.LOCK_EX)
print("held", flush=True)
sys.stdin.read()
"""
