"""Exports: BibTeX keys stay valid and unique; derived titles are marked; TeX stays math."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, date, datetime

from tui.userdata.bookmarks import Bookmark
from tui.userdata.export import to_bibtex, to_csv, to_markdown

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
    items.insert(0, items[0].copy(id="q", title="Largea"))  # key kim2025largea
    keys = KEY.findall(to_bibtex(items))
    assert keys == ["kim2025largea", "kim2025large", "kim2025largeb", "kim2025largec"]


def _derived() -> Bookmark:
    return Bookmark(
        id="h1",
        title="We study $L_2$ regularisation of $O(n^2)$ attention for $5 and $10",
        title_derived=True,
        authors=["Ann Lee"],
        date=date(2025, 7, 13),
        bookmarked_at=datetime(2025, 7, 18, tzinfo=UTC),
    )


def test_a_derived_title_is_marked_and_dated_in_bibtex() -> None:
    entry = to_bibtex([_derived()])
    assert "  year = {2025},\n  month = jul," in entry
    assert "  note = {title derived from the abstract}" in entry
    # TeX math stays math; a dollar amount is text and escaped.
    assert "{{We study $L_2$ regularisation of $O(n^2)$ attention for \\$5 and \\$10}}" in entry
    real = _derived().copy(title_derived=False, title="Real $\\{$")
    plain = to_bibtex([real])
    assert "note" not in plain and "month" not in plain
    # unbalanced braces: not kept as math, and spelled so that BibTeX counts no brace
    assert "{{Real \\$\\textbackslash{}\\textbraceleft{}\\$}}" in plain


def test_a_derived_title_is_marked_in_markdown_and_csv() -> None:
    markdown = to_markdown([_derived()])
    assert (
        "- We study $L_2$ regularisation of $O(n^2)$ attention for $5 and $10 — Ann Lee" in markdown
    )
    assert markdown.rstrip().endswith("*(title derived from the abstract)*")
    rows = list(csv.DictReader(io.StringIO(to_csv([_derived()]))))
    assert rows[0]["title_derived"] == "true"
