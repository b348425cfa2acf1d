"""A warm start (the cache filled) imports only what the reader's first screen needs.

The start runs in a fresh process, which reports the modules it holds once the newest day's
papers are on screen: no parser (the papers come from the cache's rows), no screen but the
reader, no sync engine, not the keymap's registry (it imports every screen).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import point_user_dirs
from tests.screens.helpers import write_digest
from tui.app.main import open_cache
from tui.archive.loading import update_cache
from tui.settings.locations import Locations

ROOT = Path(__file__).resolve().parents[2]

NOT_ON_A_WARM_START = (
    "parsers.loader",  # reading files: the cache holds their papers
    "parsers.formats",
    "parsers.markdown",
    "parsers.hf_daily",
    "parsers.abstract_dump",
    "tui.screens.search",
    "tui.screens.search_paging",
    "tui.screens.authors",
    "tui.screens.trends",
    "tui.screens.bookmarks",
    "tui.screens.note_editor",
    "tui.screens.tag_editor",
    "tui.sync.engine",
    "tui.sync.git_source",
    "tui.sync.hf_source",
    "tui.app.keymap",
)

START = """
import builtins, json, sys

importers = set()  # the modules that import pydantic, whoever imports it first
real_import = builtins.__import__


def spy(name, globals=None, locals=None, fromlist=(), level=0):
    importer = (globals or {}).get("__name__") or "?"
    if name.split(".")[0] == "pydantic" and importer.split(".")[0] != "pydantic":
        importers.add(importer)
    return real_import(name, globals, locals, fromlist, level)


builtins.__import__ = spy

import asyncio

from tui.cli.launch import build_app
from tui.screens.reader.screen import DayShown


async def main() -> None:
    app = build_app([sys.argv[1]])
    shown = asyncio.Event()

    def hook(message) -> None:
        if isinstance(message, DayShown) and message.first:
            shown.set()

    async with app.run_test(size=(120, 40), message_hook=hook):
        await asyncio.wait_for(shown.wait(), 60)
        print(json.dumps({"modules": sorted(sys.modules), "pydantic_importers": sorted(importers),
                          "day": str(app.reader.day)}))


asyncio.run(main())
"""


@pytest.fixture(scope="module")
def warm_start(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str] | str]:
    """What a warm start holds at its first screen (one start for the module's tests)."""
    with pytest.MonkeyPatch.context() as patch:
        point_user_dirs(tmp_path_factory.mktemp("user"), patch)
        return _start_warm(tmp_path_factory.mktemp("archive"))


def _start_warm(archive: Path) -> dict[str, list[str] | str]:
    write_digest(archive / "2025/07/16.md", "2025-07-16", [("Older", 3)])
    write_digest(archive / "2025/07/17.md", "2025-07-17", [("Newest", 5), ("Next", 1)])
    paths = [str(archive)]
    cache, problem = open_cache(paths, Locations.resolve())
    assert problem is None
    try:
        update_cache(paths, cache)  # warm: every file is in the cache
    finally:
        cache.close()
    done = subprocess.run(
        [sys.executable, "-c", START, str(archive)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_warm_start_imports_no_parser_and_no_screen_it_does_not_show(
    warm_start: dict[str, list[str] | str],
) -> None:
    assert warm_start["day"] == "2025-07-17"  # the first screen was the newest day
    modules = set(warm_start["modules"])
    assert "tui.screens.reader.screen" in modules and "parsers.models" in modules
    held = [name for name in NOT_ON_A_WARM_START if name in modules]
    assert held == []


def test_pydantic_comes_only_with_the_settings_and_the_user_data(
    warm_start: dict[str, list[str] | str],
) -> None:
    """The parsers' records are plain dataclasses; config.toml and the user's data files are
    still validated with pydantic models, the one reason a warm start imports it."""
    importers = warm_start["pydantic_importers"]
    assert importers, "pydantic was not imported: the next test should now pass, unmark it"
    assert [
        name for name in importers if not name.startswith(("tui.settings.", "tui.userdata."))
    ] == []


@pytest.mark.xfail(
    strict=True, reason="config.toml and the user data files are validated with pydantic"
)
def test_a_warm_start_imports_no_pydantic(warm_start: dict[str, list[str] | str]) -> None:
    assert "pydantic" not in warm_start["modules"]
