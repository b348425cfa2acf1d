"""Exports: BibTeX keys stay valid and unique however many papers share one."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from tui.userdata.bookmarks import Bookmark
from tui.userdata.export import to_bibtex

KEY = re.compile(r"^@misc\{([^,\n]*),$", re.MULTILINE)


def _same_key(count: int) -> list[Bookmark]:
    when = datetime(2025, 7, 18, tzinfo=UTC)
    return [
        Bookmark(
            id=f"p{n}",
            title=f"Large Models {n}",
            authors=["Min Kim"],
            date=date(2025, 7, 17),
            bookmarked_at=when,
        )
        for n in range(count)
    ]


def test_keys_stay_valid_and_unique_past_z() -> None:
    keys = KEY.findall(to_bibtex(_same_key(800)))
    assert len(keys) == len(set(keys)) == 800
    assert all(re.fullmatch(r"kim2025large[a-z]*", key) for key in keys)
    assert keys[:3] == ["kim2025large", "kim2025largea", "kim2025largeb"]
    assert keys[26:29] == ["kim2025largez", "kim2025largeaa", "kim2025largeab"]
    assert keys[26 + 26 * 26 + 1] == "kim2025largeaaa"


def test_a_suffixed_key_taken_by_another_paper_is_skipped() -> None:
    items = _same_key(3)
    items.insert(0, items[0].model_copy(update={"id": "q", "title": "Largea"}))  # key kim2025largea
    keys = KEY.findall(to_bibtex(items))
    assert keys == ["kim2025largea", "kim2025large", "kim2025largeb", "kim2025largec"]
