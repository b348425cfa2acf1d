"""Key remaps: which bindings work together on each screen, found from the code, and the
screens loaded only when a remap needs them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from textual.dom import DOMNode
from textual.screen import Screen

from tests.screens.helpers import DEMO, wait_loaded
from tui.app import PaperdeckApp
from tui.cli.launch import read_config
from tui.settings.locations import Locations

NOT_SHOWN_YET = (
    "tui.screens.search",
    "tui.screens.authors",
    "tui.screens.trends",
    "tui.screens.bookmarks",
    "tui.screens.note_editor",
    "tui.screens.tag_editor",
    "tui.screens.lists",
    "tui.screens.list_picker",
)
START = """
import sys
from tui.cli.launch import build_app
app = build_app([sys.argv[1]])
print(" ".join(sorted(name for name in sys.modules if name.startswith("tui."))))
"""


def started_modules() -> list[str]:
    """The modules of ours that building the reader imports, in a fresh process."""
    result = subprocess.run(
        [sys.executable, "-c", START, DEMO],
        capture_output=True,
        text=True,
        check=True,
        env=os.environ.copy(),
        timeout=120,
    )
    return result.stdout.split()


def write_config(text: str) -> None:
    path = Locations.resolve().config_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_the_reader_starts_without_the_screens_it_has_not_shown() -> None:
    write_config('theme = "nord"\n')  # a config, but no [keys]
    modules = started_modules()
    assert "tui.screens.reader" in modules and "tui.app.main" in modules
    assert [name for name in NOT_SHOWN_YET if name in modules] == []
    assert "tui.app.keymap" not in modules


def test_a_remap_loads_the_screens_to_check_it_against() -> None:
    write_config('[keys]\n"day.older" = "h"\n')
    modules = started_modules()
    assert "tui.app.keymap" in modules
    assert [name for name in NOT_SHOWN_YET if name in modules] == list(NOT_SHOWN_YET)


@pytest.mark.parametrize(
    ("remap", "clash"),
    [
        ('"trends.close" = "j"', "keys.trends.close = 'j': j was already list.down; "
         "escape no longer does trends.close"),
        ('"author.close" = "j"', "keys.author.close = 'j': j was already list.down; "
         "escape no longer does author.close"),
        ('"authors.cancel" = "k"', "keys.authors.cancel = 'k': k was already list.up; "
         "escape no longer does authors.cancel"),
        ('"note.save" = "ctrl+e"', "keys.note.save = 'ctrl+e': ctrl+e was already note.external "
         "(left without it); escape no longer does note.save"),
        ('"tags.cancel" = "tab"', "keys.tags.cancel = 'tab': tab was already tags.complete; "
         "escape no longer does tags.cancel"),
        ('"filter.clear" = "j"', "keys.filter.clear = 'j': j was already detail.down, "
         "list.down; escape no longer does filter.clear"),
        ('"bookmarks.sort" = "tab"', "keys.bookmarks.sort = 'tab': tab was already "
         "tags.complete; s no longer does bookmarks.sort"),
    ],
)  # fmt: skip
def test_a_clash_on_any_screen_is_named(remap: str, clash: str) -> None:
    write_config(f"[keys]\n{remap}\n")
    problems = read_config(Locations.resolve()).problems
    assert [problem.split(": ", 1)[1] for problem in problems] == [clash]


def _binding_classes(node: DOMNode) -> set[type]:
    return {
        c for c in type(node).__mro__ if c.__module__.startswith("tui.") and "BINDINGS" in vars(c)
    }


async def test_the_bindings_found_for_each_screen_are_those_on_it(tmp_path: Path) -> None:
    """Every screen, shown for real: each class whose bindings work on it (the app, the
    screen, the widgets in it) is among those the keymap found for it from the code."""
    shutil.copytree(DEMO, tmp_path / "demo")
    (tmp_path / "demo" / "2025-02-30.md").write_text("## Daily Papers (2025-02-30)\n")  # a problem
    from tui.app.keymap import contexts

    found = contexts()
    shown: set[type[Screen[Any]]] = set()
    app = PaperdeckApp([str(tmp_path / "demo")])

    async def check() -> None:
        await pilot.pause()
        screen = app.screen
        on_it = set().union(*(_binding_classes(n) for n in [app, screen, *screen.walk_children()]))
        assert on_it <= set(found[type(screen)]), type(screen).__name__
        shown.add(type(screen))

    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await check()
        for keys in (["slash"], ["B"], ["question_mark"], ["exclamation_mark"], ["d"],
                     ["A"], ["A", "enter"], ["L"], ["T"], ["e"], ["number_sign"], ["ctrl+l"],
                     ["plus"], ["slash", "x", "ctrl+s"]):  # fmt: skip
            await pilot.press(*keys)
            await check()
            while app.screen is not app.reader:
                app.pop_screen()
                await pilot.pause()
    assert {s.__name__ for s in set(found) - shown} == set()  # every screen was shown
