"""A warm start (the cache filled) imports only what the reader's first screen needs.

The start runs in a fresh process, with a config.toml, bookmarks, read marks and a session
to read, which reports the modules it holds once the newest day's papers are on screen: no
parser (the papers come from the cache's rows), no screen but the reader, no sync engine,
not the keymap's registry (it imports every screen), not the search language (the filter
and the search screen load it when first used), and not pydantic (the user's files are
read into plain records, :mod:`tui.fileio.records`).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import point_user_dirs
from tests.screens.helpers import write_digest
from tui.app.main import open_cache
from tui.archive.loading import update_cache
from tui.settings.locations import Locations
from tui.userdata import bookmarks as bm
from tui.userdata import reading as rd
from tui.userdata import session as ss
from tui.userdata.state_file import now_utc

ROOT = Path(__file__).resolve().parents[2]

NOT_ON_A_WARM_START = (
    "parsers.loader",  # reading files: the cache holds their papers
    "parsers.formats",
    "parsers.markdown",
    "parsers.hf_daily",
    "parsers.abstract_dump",
    "tui.screens.search",
    "tui.screens.date_prompt",
    "tui.screens.problems",
    "tui.screens.annotating",  # the note and tag editors
    "tui.userdata.export",
    "tui.archive.cache.authors",  # the queries of the authors' and trends' screens
    "tui.archive.cache.trends",
    "tui.search.query",  # the search language: loaded with the first filter or search
    "tui.search.matching",
    "tui.search.fts",
    "tui.search.snippets",
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
                          "day": str(app.reader.day), "ascii": app.settings.config.ascii,
                          "starred": app.user_state.bookmarked_ids(),
                          "read": sorted(app.user_state.read)}))


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
    where = Locations.resolve()
    where.config.mkdir(parents=True, exist_ok=True)
    where.config_file.write_text('ascii = true\nmark_read = "open"\n[[source]]\nkind = "hf"\n')
    bm.bookmarks_file(where.data).apply([bm.add(bm.Bookmark.bare("2507.00001", now_utc()))])
    rd.reading_file(where.data).apply([rd.mark_read(["2507.00002"], date(2025, 7, 17))])
    ss.session_file(where.state).apply([ss.remember_position("elsewhere", ss.Position())])
    cache, problem = open_cache(paths, where)
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


def test_a_warm_start_reads_the_users_files_without_pydantic(
    warm_start: dict[str, list[str] | str],
) -> None:
    assert warm_start["ascii"] is True and warm_start["starred"] == ["2507.00001"]
    assert warm_start["read"] == ["2507.00002"]
    assert "pydantic" not in warm_start["modules"]
    assert warm_start["pydantic_importers"] == []
