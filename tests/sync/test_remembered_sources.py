"""A source synced once stays synced: ``paperdeck sources``, ``sources remove`` and what a
plain ``paperdeck sync`` and ``R`` take from them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.cli.helpers import run
from tests.screens.helpers import wait_loaded
from tests.sync.helpers import Upstream
from tests.sync.test_sync_command import sync
from tests.sync.test_sync_in_the_reader import configure, wait_for_day
from tests.waiting import wait_until
from tui.cli.launch import build_app
from tui.settings.locations import Locations


def command(capfd: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``paperdeck ARGV``, a sync with short timeouts: exit code, stdout and stderr."""
    return sync(capfd, *argv[1:]) if argv[0] == "sync" else run(capfd, *argv)


@pytest.fixture
def upstream(tmp_path: Path) -> Upstream:
    remote = Upstream(tmp_path / "remote")
    remote.add_day("2025-07-14", ("Old A", "Old B"))
    return remote


def test_a_repository_synced_once_is_listed_and_synced_by_a_plain_sync(
    capfd: pytest.CaptureFixture[str], upstream: Upstream
) -> None:
    code, _, err = command(capfd, "sync", "--git", upstream.url, "--name", "team")
    assert code == 0, err
    remembered = json.loads((Locations.resolve().data / "sources.json").read_text())
    assert remembered["sources"]["team"]["address"] == upstream.url
    upstream.add_day("2025-07-15", ("New A", "New B", "New C"))
    code, out, err = command(capfd, "sync")
    assert code == 0, err
    assert out.startswith("team: updated ") and out.rstrip().endswith("(1 new day)")
    assert "hf" not in out + err  # the default feed only when there is nothing else
    code, out, err = command(capfd, "sources", "--json")
    assert code == 0, err
    [row] = json.loads(out)["sources"]
    assert set(row) == {"name", "kind", "address", "last_sync", "days", "papers"}
    assert (row["name"], row["kind"], row["address"]) == ("team", "git", upstream.url)
    assert (row["days"], row["papers"]) == (2, 5)
    assert row["last_sync"] is not None
    code, out, err = command(capfd, "sources")
    assert code == 0, err
    header, line = out.splitlines()
    assert header.split() == ["NAME", "KIND", "LAST", "SYNC", "DAYS", "PAPERS", "ADDRESS"]
    assert line.split()[:2] == ["team", "git"] and line.split()[-3:] == ["2", "5", upstream.url]


def test_configured_and_remembered_sources_are_listed_together(
    capfd: pytest.CaptureFixture[str], upstream: Upstream, tmp_path: Path
) -> None:
    command(capfd, "sync", "--git", upstream.url, "--name", "team")
    configure(f"{tmp_path.as_uri()}/other.git")  # named "team" too: config.toml wins
    _, out, _ = command(capfd, "sources", "--json")
    rows = json.loads(out)["sources"]
    assert [(r["name"], r["address"], r["last_sync"] is None, r["days"]) for r in rows] == [
        ("team", f"{tmp_path.as_uri()}/other.git", False, 1),
    ]


def test_remove_forgets_a_source_and_keeps_its_files_unless_told(
    capfd: pytest.CaptureFixture[str], upstream: Upstream
) -> None:
    command(capfd, "sync", "--git", upstream.url, "--name", "team")
    folder = Locations.resolve().sources / "team"
    code, out, err = command(capfd, "sources", "remove", "team")
    assert (code, err) == (0, "")
    assert out == f"team: forgotten; its files stay in {folder}\n"
    assert folder.is_dir()
    _, out, _ = command(capfd, "sources", "--json")
    assert json.loads(out)["sources"] == []
    code, out, err = command(capfd, "sources", "remove", "team")
    assert (code, out) == (2, "")
    assert err == "paperdeck: error: no source named 'team' (remembered: none)\n"
    command(capfd, "sync", "--git", upstream.url, "--name", "team")
    code, out, err = command(capfd, "sources", "remove", "team", "--delete")
    assert (code, err) == (0, "")
    assert out == f"team: forgotten; deleted {folder}\n"
    assert not folder.exists()


def test_a_source_of_config_toml_is_removed_there(
    capfd: pytest.CaptureFixture[str], upstream: Upstream
) -> None:
    configure(upstream.url)
    code, out, err = command(capfd, "sources", "remove", "team")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "comes from config.toml" in err


async def test_r_syncs_a_remembered_source_and_rereads_config_toml(
    capfd: pytest.CaptureFixture[str], upstream: Upstream, tmp_path: Path
) -> None:
    command(capfd, "sync", "--git", upstream.url, "--name", "first")
    second = Upstream(tmp_path / "second")
    second.add_day("2025-07-20", ("Second A",))
    app = build_app([])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        assert date(2025, 7, 14) in app.store.days()
        upstream.add_day("2025-07-15", ("New A",))
        configure(second.url)  # written while the reader runs: R reads it again
        await pilot.press("R")
        await wait_for_day(app, date(2025, 7, 15), pilot)  # the remembered source
        await wait_for_day(app, date(2025, 7, 20), pilot)  # the configured one
        status = app.reader.query_one("#status-line")
        await wait_until(pilot, lambda: not status.display, "the end of the sync")


def test_an_unreadable_sources_file_is_moved_aside_and_said(
    capfd: pytest.CaptureFixture[str], upstream: Upstream
) -> None:
    data = Locations.resolve().data
    data.mkdir(parents=True, exist_ok=True)
    (data / "sources.json").write_text('{"sources": {"team": ')  # cut short
    code, out, err = command(capfd, "sources", "--json")
    assert code == 0 and json.loads(out) == {"sources": []}
    assert err.startswith("paperdeck: warning: sources.json could not be read (not valid JSON")
    [kept] = data.glob("sources.json.unreadable-*")
    assert kept.read_text() == '{"sources": {"team": '


def test_a_folder_synced_before_sources_were_remembered_is_taken_up_until_removed(
    capfd: pytest.CaptureFixture[str], upstream: Upstream
) -> None:
    command(capfd, "sync", "--git", upstream.url, "--name", "team")
    (Locations.resolve().data / "sources.json").unlink()  # as an older paperdeck left it
    _, out, _ = command(capfd, "sources", "--json")
    [row] = json.loads(out)["sources"]
    assert (row["name"], row["address"], row["last_sync"]) == ("team", upstream.url, None)
    code, out, err = command(capfd, "sync")
    assert code == 0 and out.startswith("team: up to date at "), err
    _, out, _ = command(capfd, "sources", "--json")
    assert json.loads(out)["sources"][0]["last_sync"] is not None  # remembered now
    command(capfd, "sources", "remove", "team")
    _, out, err = command(capfd, "sync")  # the daily papers (unreachable here), not team
    lines = [*out.splitlines(), *err.splitlines()]
    assert not any(line.startswith(("team:", "paperdeck: sync: team:")) for line in lines)
    assert "not synced (neither remembered nor in config.toml): team; they are still read" in err
