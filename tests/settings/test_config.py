"""config.toml, command-line settings, themes and key remaps."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.screens.helpers import wait_loaded, write_digest
from tui.cli import main
from tui.cli.launch import build_app, read_config
from tui.settings.config import Config, load_config
from tui.settings.locations import Locations
from tui.settings.reader_settings import ReaderSettings
from tui.terminal.textual_compat import notifications


def write_config(text: str) -> Path:
    path = Locations.resolve().config_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_config() -> None:
    (Path.home() / "papers").mkdir()
    write_config(
        'archive = "~/papers"\ntheme = "nord"\nascii = true\nanimations = false\n'
        'mark_read = "open"\n[keys]\n"day.older" = "h"\n"day.newer" = "l"\n'
    )
    loaded = read_config(Locations.resolve())
    assert loaded.problems == []
    assert loaded.config == Config(
        archive=["~/papers"], theme="nord", ascii=True, animations=False, mark_read="open",
        keys={"day.older": "h", "day.newer": "l"},
    )  # fmt: skip
    assert ReaderSettings.combine(loaded.config, []).config.mark_read == "open"


@pytest.mark.parametrize(
    ("text", "needle", "kept"),
    [
        ("ascii = true\nthemes = 'nord'\n", "themes: unknown setting", {"ascii": True}),
        ("ascii = 'maybe'\ntheme = 'nord'\n", "ascii: Input should be a valid boolean",
         {"theme": "nord"}),
        ("theme = 'no-such-theme'\nascii = true\n", "theme: not a built-in theme",
         {"ascii": True, "theme": None}),
        ("allow_external_programs = 'yes'\n", "allow_external_programs: Input should be",
         {"allow_external_programs": False}),
        ("[keys]\n'day.older' = 'h'\n'nope.nothing' = 'x'\n", "keys.nope.nothing: no binding",
         {"keys": {"day.older": "h"}}),
        ("[keys]\n'day.older' = ' '\n", "keys.day.older is empty", {"keys": {}}),
        ("mark_read = 'never'\n", ": mark_read: Input should be 'open', 'shown' or 'manual'",
         {"mark_read": "shown"}),
        ("ascii = 'yes'\n", ": ascii: Input should be a valid boolean", {"ascii": False}),
        ("[keys]\n'app.quit' = 'j'\n", "keys.app.quit = 'j': j was already detail.down, "
         "help.down, list.down; q no longer does app.quit", {"keys": {"app.quit": "j"}}),
        ("[keys]\n'day.goto' = 'b'\n", "b was already bookmark.toggle (left without it)",
         {"keys": {"day.goto": "b"}}),
    ],
)  # fmt: skip
def test_bad_entries_are_named_and_ignored(text: str, needle: str, kept: dict) -> None:  # type: ignore[type-arg]
    write_config(text)
    loaded = read_config(Locations.resolve())
    assert len(loaded.problems) == 1 and needle in loaded.problems[0]
    for key, value in kept.items():
        assert getattr(loaded.config, key) == value


def test_invalid_toml_means_defaults(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("ascii = true\ntheme = nord\n")
    loaded = load_config(path)
    assert loaded.config == Config()
    assert "not valid TOML" in loaded.problems[0] and "line 2" in loaded.problems[0]


SECRET = "s3cr3t-V4LUE"


@pytest.mark.parametrize(
    "text",
    [
        f"theme = '{SECRET}'\n",
        f"ascii = '{SECRET}'\n",
        f"archive = 7\nnotes = '{SECRET}'\n",
        f"animations = '{SECRET}'\n[keys]\n'day.older' = ['{SECRET}']\n",
        f"ascii = true\ntheme = {SECRET}\n",  # not valid TOML
        f"allow_external_programs = ['{SECRET}']\n",
        f"ascii = {SECRET}\n",
    ],
)
def test_problems_name_settings_and_never_repeat_what_the_file_holds(text: str) -> None:
    write_config(text)
    loaded = read_config(Locations.resolve())
    assert loaded.problems
    assert not any(SECRET.lower() in problem.lower() for problem in loaded.problems), loaded
    assert all("\n" not in problem for problem in loaded.problems)


def test_config_commands(capfd: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "path"]) == 0
    assert capfd.readouterr().out.strip() == str(Locations.resolve().config_file)
    write_config("colour = 'red'\n")
    assert main(["config", "check"]) == 1
    assert "colour: unknown setting" in capfd.readouterr().err
    write_config("ascii = true\n")
    assert main(["config", "check"]) == 0
    write_config("[keys]\n'app.quit' = 'j'\n")
    assert main(["config", "check"]) == 1
    assert "j was already detail.down, help.down, list.down" in capfd.readouterr().err


def test_animations_off_over_ssh_unless_configured() -> None:
    ssh = {"SSH_CONNECTION": "1 2 3 4"}
    assert not ReaderSettings.combine(Config(), [], env=ssh).animations
    assert ReaderSettings.combine(Config(), [], env={}).animations
    assert ReaderSettings.combine(Config(animations=True), [], env=ssh).animations
    assert not ReaderSettings.combine(Config(), [], no_animation=True, env={}).animations
    assert ReaderSettings.combine(Config(), [], ascii=True).ascii


async def test_the_app_starts_with_a_bad_config_and_says_why(tmp_path: Path) -> None:
    write_digest(tmp_path / "2025/07/17.md", "2025-07-17", [("Paper", 1)])
    write_config("theme = 3\n[keys]\n'day.older' = 'h'\n")
    app = build_app([str(tmp_path)])
    async with app.run_test() as pilot:
        await wait_loaded(pilot)
        messages = [n.message for n in notifications(app)]
        assert any("theme: Input should be a valid string" in m for m in messages)
        assert app.theme == "textual-dark"


async def test_key_remaps_from_config_apply(tmp_path: Path) -> None:
    write_digest(tmp_path / "2025/07/16.md", "2025-07-16", [("Old", 1)])
    write_digest(tmp_path / "2025/07/17.md", "2025-07-17", [("New", 1)])
    write_config("[keys]\n'day.older' = 'h'\n")
    app = build_app([str(tmp_path)])
    async with app.run_test() as pilot:
        await wait_loaded(pilot)
        await pilot.press("h")
        assert app.reader.day == date(2025, 7, 16)
        await pilot.press("left_square_bracket")  # the old key is remapped away
        assert app.reader.day == date(2025, 7, 16)


async def test_ascii_glyphs(tmp_path: Path) -> None:
    write_digest(tmp_path / "2025/07/17.md", "2025-07-17", [("One", 1), ("Two", 5)])
    app = build_app([str(tmp_path)], ascii=True)
    async with app.run_test() as pilot:
        await wait_loaded(pilot)
        await pilot.press("b")
        row = app.reader.paper_list.row_content(0, 30).plain
        unread = app.reader.paper_list.row_content(1, 30).plain
        assert "*" in row and "★" not in row and "+" in unread and "●" not in unread
        assert "^ 5 votes" in app.reader.detail.text()


async def test_theme_is_remembered_and_a_configured_theme_wins(tmp_path: Path) -> None:
    write_digest(tmp_path / "2025/07/17.md", "2025-07-17", [("Paper", 1)])
    app = build_app([str(tmp_path)])
    async with app.run_test() as pilot:
        await wait_loaded(pilot)
        app.theme = "gruvbox"
        await pilot.pause()
    again = build_app([str(tmp_path)])
    async with again.run_test() as pilot:
        await wait_loaded(pilot)
        assert again.theme == "gruvbox"
    write_config("theme = 'nord'\n")
    pinned = build_app([str(tmp_path)])
    async with pinned.run_test() as pilot:
        await wait_loaded(pilot)
        assert pinned.theme == "nord"


async def test_theme_option_wins_for_the_session_and_a_later_choice_is_kept(
    tmp_path: Path,
) -> None:
    """--theme > config.toml's theme > the last one chosen; a choice made in the reader is
    remembered (and said to last only this session while config.toml names a theme)."""
    write_digest(tmp_path / "2025/07/17.md", "2025-07-17", [("Paper", 1)])
    write_config("theme = 'nord'\n")
    app = build_app([str(tmp_path)], theme="dracula")
    async with app.run_test() as pilot:
        await wait_loaded(pilot)
        assert app.theme == "dracula"
    again = build_app([str(tmp_path)])
    async with again.run_test() as pilot:
        await wait_loaded(pilot)
        assert again.theme == "nord"  # --theme was for its session alone
        again.theme = "gruvbox"  # what the palette's "Change theme" does
        await pilot.pause()
        said = [n.message for n in notifications(again)]
        assert any("theme = nord comes back at the next start" in m for m in said)
    write_config("")
    unpinned = build_app([str(tmp_path)])
    async with unpinned.run_test() as pilot:
        await wait_loaded(pilot)
        assert unpinned.theme == "gruvbox"


def test_theme_option_reaches_the_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    import tui.cli.launch as launch

    seen: dict[str, object] = {}
    monkeypatch.setattr(launch, "run_reader", lambda paths, **kw: seen.update(kw) or 0)
    assert main(["--theme", "gruvbox"]) == 0
    assert seen["theme"] == "gruvbox"


def test_an_unknown_theme_is_one_line_naming_the_themes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--theme", "no-such-theme"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unknown theme 'no-such-theme'" in err
    assert "gruvbox" in err and "nord" in err and "textual-dark" in err


async def test_no_color_drops_colours_and_keeps_the_cursor_visible(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_digest(tmp_path / "2025/07/17.md", "2025-07-17", [("One", 1), ("Two", 5)])
    monkeypatch.setenv("NO_COLOR", "1")
    app = build_app([str(tmp_path)])
    async with app.run_test() as pilot:
        await wait_loaded(pilot)
        assert app.no_color and app.native_ansi_color
        paper_list = app.reader.paper_list
        segments = list(paper_list.render_line(0))
        assert segments and all(seg.style and seg.style.reverse for seg in segments)
        assert not any(seg.style and seg.style.reverse for seg in paper_list.render_line(1))


def test_source_tables() -> None:
    from tui.settings.sources import SourceConfig, name_from_url

    write_config(
        '[[source]]\nkind = "git"\nurl = "https://github.com/l-yohai/daily_papers_ko"\n'
        '[[source]]\nkind = "git"\nurl = "git@example.org:team/papers.git"\nname = "team"\n'
        '[[source]]\nkind = "hf"\nsince = 2025-01-01\n'
        '[[source]]\nkind = "hf"\n'  # a second source named "hf"
        '[[source]]\nkind = "hf"\nurl = "file:///x"\nname = "local"\n'
        '[[source]]\nkind = "git"\nurl = "https://x/y"\nsince = 2025-01-01\n'
    )
    loaded = read_config(Locations.resolve())
    assert [(s.source_name, s.kind, s.address) for s in loaded.config.source] == [
        ("daily_papers_ko", "git", "https://github.com/l-yohai/daily_papers_ko"),
        ("team", "git", "git@example.org:team/papers.git"),
        ("hf", "hf", "https://huggingface.co/api/daily_papers"),
    ]
    assert [problem.split(": ", 1)[1] for problem in loaded.problems] == [
        "[[source]] #4: another source is already named 'hf'; give this one a name; ignored",
        "[[source]] #5: url 'file:///x' is not an http(s) address; ignored",
        "[[source]] #6: since applies to hf sources only; ignored",
    ]
    assert SourceConfig(kind="hf").address == "https://huggingface.co/api/daily_papers"
    assert name_from_url("https://github.com/l-yohai/daily_papers_ko.git/") == "daily_papers_ko"
    assert name_from_url("git@host:team/my papers.git") == "my-papers"
    assert name_from_url("https://host/") == "host"
    assert name_from_url("///") == "git"


def test_a_source_key_that_is_no_table_is_named() -> None:
    write_config('source = "oops"\n')
    loaded = read_config(Locations.resolve())
    assert loaded.problems[0].endswith("source must be [[source]] tables; ignored")
