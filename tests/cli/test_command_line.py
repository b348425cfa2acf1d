"""The ``paperdeck`` command line itself: commands loaded when they run, the default
command, ``--version``, shell completion, generated help and one-line usage errors."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.cli.helpers import ROOT, run
from tests.screens.helpers import DEMO
from tui.cli.main import COMMANDS

COMMAND_MODULES = {target.partition(":")[0] for target in COMMANDS.values()}

LOADED = """
import sys
import tui.cli.launch

tui.cli.launch.run_reader = lambda *args, **kwargs: 0  # everything but the reader itself
from tui.cli import main

code = main(sys.argv[1:])
print(" ".join(sorted(name for name in sys.modules if name.startswith("tui."))))
sys.exit(code)
"""


def loaded_modules(*argv: str) -> set[str]:
    """Our modules that ``paperdeck ARGV…`` imports, in a fresh process."""
    done = subprocess.run(
        [sys.executable, "-c", LOADED, *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return set(done.stdout.splitlines()[-1].split())  # after what the command printed


def test_opening_the_reader_imports_no_command() -> None:
    modules = loaded_modules(DEMO)
    assert "tui.cli.launch" in modules
    assert sorted(COMMAND_MODULES & modules) == []


def test_a_command_imports_itself_alone() -> None:
    modules = loaded_modules("search", "mixture", DEMO)
    assert sorted(COMMAND_MODULES & modules) == ["tui.cli.search_command"]


def test_help_loads_every_command_and_lists_each() -> None:
    modules = loaded_modules("--help")
    assert modules >= COMMAND_MODULES  # so the two tests above can fail
    done = subprocess.run(
        [sys.executable, "-m", "tui", "--help"], cwd=ROOT, capture_output=True, text=True
    )
    for name in COMMANDS:
        assert f"paperdeck {name}" in done.stdout, name
    for option in ("--date", "--data-dir", "--ascii", "--no-animation", "--no-cache"):
        assert option in done.stdout  # the reader's own options


def test_version(capfd: pytest.CaptureFixture[str]) -> None:
    assert run(capfd, "--version") == (0, f"paperdeck {version('paperdeck')}\n", "")


@pytest.mark.parametrize(
    ("shell", "marker"),
    [("bash", "complete -o nosort -F"), ("zsh", "#compdef paperdeck"), ("fish", "complete")],
)
def test_completion_prints_the_shells_script(
    capfd: pytest.CaptureFixture[str], shell: str, marker: str
) -> None:
    code, out, err = run(capfd, "completion", shell)
    assert (code, err) == (0, "")
    assert marker in out and "_PAPERDECK_COMPLETE" in out


def complete(shell: str, words: str) -> str:
    """What ``paperdeck``'s completion answers ``shell`` for the command line ``words``."""
    env = {
        **os.environ,
        "_PAPERDECK_COMPLETE": f"{shell}_complete",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
    }
    done = subprocess.run(
        [sys.executable, "-m", "tui"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_completion_completes_commands_subcommands_and_options() -> None:
    assert "plain,bookmarks" in complete("bash", "paperdeck book").splitlines()
    assert "plain,export" in complete("bash", "paperdeck bookmarks ex").splitlines()
    assert "plain,--limit" in complete("bash", "paperdeck search --li").splitlines()
    assert "bookmarks" in complete("zsh", "paperdeck book").splitlines()
    assert "plain,bash" in complete("bash", "paperdeck completion ").splitlines()
    assert complete("bash", "paperdeck --theme gru").splitlines() == ["plain,gruvbox"]
    assert "plain,--download" in complete("bash", "paperdeck pdf 2507.01234 --dow").splitlines()
    assert complete("bash", "paperdeck ./dig").splitlines() == ["file,./dig"]  # a PATH
    assert complete("bash", "paperdeck ./digests ").splitlines() == ["file,"]  # the reader's


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["--bogus"], "unrecognized arguments: --bogus"),
        (["search", "x", "--limit"], "argument --limit: expected one argument"),
        (["search", "x", "--limit", "many"], "argument --limit: 'many' is not a valid integer"),
        (["check", "--jsn"], "unrecognized arguments: --jsn"),
        (["tags", "--jsn"], "unrecognized arguments: --jsn: did you mean '--json'?"),
        (["tags", "extra"], "unrecognized arguments: extra"),
        (["bookmarks"], "the following arguments are required: COMMAND (list, add, remove"),
        (["bookmarks", "lst"], "unknown command 'lst': did you mean 'list'?"),
        (["bookmarks", "export", "--format", "doc"], "argument --format: 'doc' is not one of"),
        (["config"], "the following arguments are required: COMMAND (path, check)"),
        (["completion"], "the following arguments are required: bash|zsh|fish"),
        (["completion", "tcsh"], "argument bash|zsh|fish: 'tcsh' is not one of"),
        (["serve", "--max-sessions", "0"], "invalid number '0': use a whole number from 1"),
    ],
)
def test_usage_errors_are_one_line_with_exit_code_2(
    capfd: pytest.CaptureFixture[str], argv: list[str], needle: str
) -> None:
    code, out, err = run(capfd, *argv)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and err.startswith("paperdeck: error: ") and needle in err, err
    assert "Usage" not in err and "Try" not in err  # none of click's own display
    assert err.rstrip().endswith("--help')")  # and where to read more


def test_a_mistyped_command_is_not_taken_for_a_path(capfd: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capfd, "bookmark", "list")
    assert (code, out) == (2, "")
    assert err == (
        "paperdeck: error: 'bookmark' is neither a command nor a file: did you mean "
        "'bookmarks'? (see 'paperdeck --help')\n"
    )
    code, _, err = run(capfd, "serach", "kv cache")
    assert code == 2 and "did you mean 'search'?" in err
    code, _, err = run(capfd, "kitten")  # close to no command: a missing path, as ever
    assert code == 2 and "no such file or directory: 'kitten'" in err


def test_a_path_named_like_a_command_opens_in_the_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    opened: list[list[str]] = []
    monkeypatch.setattr("tui.cli.launch.run_reader", lambda paths, **_: opened.append(paths))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bookmark").mkdir()
    (tmp_path / "sync").mkdir()
    assert run(capfd, "bookmark")[0] == 0
    assert run(capfd, "./sync", "--ascii")[0] == 0  # a command's own name: as a path
    assert run(capfd, "--ascii", "bookmark")[0] == 0
    assert run(capfd)[0] == 0  # bare paperdeck: the default archive
    assert opened == [["bookmark"], ["./sync"], ["bookmark"], []]
