"""Whatever numbers a digest or a file's times hold, the cache stores them: SQLite keeps
64-bit integers, and a value past that must never fail a load (``--no-cache`` included)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.paper_fields import MAX_VOTES
from tests.cli.helpers import run
from tests.parsers.test_feed_numbers import feed_day
from tests.screens.helpers import write_digest
from tui.archive.cache import ArchiveCache
from tui.archive.cache.reading import all_days
from tui.archive.loading import update_cache


@pytest.mark.parametrize("cached", [True, False])
def test_a_feed_day_with_votes_past_64_bits_is_checked(
    capfd: pytest.CaptureFixture[str], tmp_path: Path, cached: bool
) -> None:
    (tmp_path / "2025-07-14.json").write_text(feed_day(str(2**63), "5"), encoding="utf-8")
    code, out, err = run(capfd, "check", str(tmp_path), *([] if cached else ["--no-cache"]))
    assert (code, err) == (0, "")
    assert out.splitlines()[-1].endswith("2 papers: 0 errors, 1 warning")


def test_a_file_dated_after_2262_is_cached(tmp_path: Path) -> None:
    """Nanoseconds since 1970 pass 2**63 in April 2262; a file may say it is from 2400."""
    path = write_digest(tmp_path / "2025-07-14.md", "2025-07-14", [("Future", 3)])
    later = 13_569_465_600 * 10**9  # 2400-01-01
    os.utime(path, ns=(later, later))
    for _ in range(2):  # stored, then found unchanged
        cache = ArchiveCache([str(tmp_path)], None)
        update_cache([str(tmp_path)], cache)
        assert [p.title for _, papers in all_days(cache.connection()) for p in papers] == ["Future"]
        cache.close()


NUMBER = (
    st.integers()
    | st.integers(min_value=2**62, max_value=2**70)
    | st.floats()
    | st.booleans()
    | st.text(max_size=25)
    | st.none()
)


@settings(max_examples=60, deadline=None)
@given(st.lists(NUMBER, min_size=1, max_size=6))
def test_any_upvotes_read_into_the_cache(values: list[object]) -> None:
    entries = [
        {"paper": {"id": f"2507.{n:05d}", "title": f"P{n}", "upvotes": value}}
        for n, value in enumerate(values, 1)
    ]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "2025-07-14.json"
        path.write_text(json.dumps(entries), encoding="utf-8")
        cache = ArchiveCache([str(path)], None)
        try:
            update_cache([str(path)], cache)
            [(_, papers)] = list(all_days(cache.connection()))
        finally:
            cache.close()
    assert len(papers) == len(values)
    assert all(p.votes is None or 0 <= p.votes <= MAX_VOTES for p in papers)
