"""config.toml as an unfriendly environment leaves it: wrong types, deep nesting, a FIFO."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.cli.helpers import run, run_process
from tests.screens.helpers import wait_loaded, write_digest
from tui.cli.launch import build_app, read_config
from tui.settings.config import Config, load_config
from tui.settings.locations import Locations
from tui.terminal.textual_compat import notifications


def write_config(text: str) -> Path:
    path = Locations.resolve().config_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ('ascii = "yes"\n', ": ascii: "),
        ("ascii = 1\n", ": ascii: "),
        ('animations = "off"\n', ": animations: "),
        ("theme = 3\n", ": theme: "),
        ("archive = 5\n", ": archive: "),
        ("archive = ['a', 2]\n", ": archive: "),
        ("[keys]\n'day.older' = 1\n", ": keys.day.older: "),
    ],
)
def test_types_are_checked_and_the_key_named(text: str, needle: str) -> None:
    write_config(text)
    loaded = read_config(Locations.resolve())
    assert len(loaded.problems) == 1, loaded.problems
    assert needle in loaded.problems[0] and loaded.problems[0].endswith("; ignored")
    assert loaded.config == Config()


def test_one_bad_key_remap_keeps_the_others() -> None:
    write_config("[keys]\n'day.older' = true\n'day.newer' = 'l'\n")
    loaded = read_config(Locations.resolve())
    assert [p.split(": ", 1)[1] for p in loaded.problems] == [
        "keys.day.older: Input should be a valid string; ignored"
    ]
    assert loaded.config.keys == {"day.newer": "l"}


def test_a_huge_bad_value_is_named_not_repeated() -> None:
    write_config(f"theme = [{', '.join(['1'] * 5000)}]\n")
    [problem] = read_config(Locations.resolve()).problems
    assert len(problem) < 300 and ": theme: " in problem and "[1, 1," not in problem


def test_deeply_nested_toml_means_defaults(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("ascii = true\nx = " + "[" * 5000 + "]" * 5000 + "\n")
    loaded = load_config(path)
    assert loaded.config == Config()
    [problem] = loaded.problems
    assert "cannot be read" in problem and "nested" in problem and "using defaults" in problem


def test_config_check_reports_deep_nesting_and_wrong_types(
    capfd: pytest.CaptureFixture[str],
) -> None:
    write_config("ascii = 'yes'\n")
    code, _, err = run(capfd, "config", "check")
    assert code == 1 and ": ascii: Input should be a valid boolean" in err
    write_config("[a]\nb = " + "{c = " * 3000 + "1" + "}" * 3000 + "\n")
    code, _, err = run(capfd, "config", "check")
    assert code == 1 and "cannot be read" in err and err.count("\n") == 1


async def test_the_reader_starts_with_a_deeply_nested_config(tmp_path: Path) -> None:
    write_digest(tmp_path / "2025/07/17.md", "2025-07-17", [("Paper", 1)])
    write_config("x = " + "[" * 5000 + "]" * 5000 + "\n")
    app = build_app([str(tmp_path)])
    async with app.run_test() as pilot:
        await wait_loaded(pilot)
        messages = [n.message for n in notifications(app)]
        assert any("config.toml" in m and "cannot be read" in m for m in messages)


def test_config_toml_as_a_fifo_does_not_block() -> None:
    path = Locations.resolve().config_file
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    done = run_process("config", "check", timeout=20)
    assert done.returncode == 1
    assert "not a regular file (a FIFO)" in done.stderr
