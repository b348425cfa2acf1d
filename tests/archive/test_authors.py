"""Author pages: a name's papers across the archive, co-authors, busiest authors.

Names are compared after NFKC and case folding; the page and ``author:`` search agree.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from tests.archive.test_store import store_of
from tests.conftest import FIXTURES
from tui.archive.cache import ArchiveCache
from tui.archive.cache.authors import author_page, top_authors
from tui.archive.cache.schema import SCHEMA_VERSION
from tui.archive.text import author_key
from tui.search.marks import SetMarks
from tui.search.matching import linear_search
from tui.search.query import parse_query

AUTHORS = FIXTURES / "authors"


def test_a_name_is_found_in_any_width_case_or_spacing() -> None:
    store = store_of(AUTHORS)
    page = store.author("Ann Lee")
    assert page.rows
    for spelling in ("ann lee", "ANN   LEE", "Ａｎｎ Ｌｅｅ", " Ann Lee "):
        assert [row.pid for row in store.author(spelling).rows] == [row.pid for row in page.rows]
    assert all(
        any(author_key(name) == "ann lee" for name in row.paper.authors) for row in page.rows
    )
    days = [row.day for row in page.rows]
    assert days == sorted(days, reverse=True)  # newest first
    assert (page.first, page.last) == (min(days), max(days))  # type: ignore[type-var]


def test_the_page_and_author_search_agree() -> None:
    """Every paper of the page is found by author:"NAME", and each search hit that lists the
    name exactly is on the page; for every author of the archive."""
    store = store_of(AUTHORS)
    entries = [store.with_body(entry) for day in store.days() for entry in store.entries(day)]
    keys = {author_key(name) for entry in entries for name in entry.paper.authors}
    assert len(keys) > 5
    for key in keys:
        query = parse_query(f'author:"{key}"')
        hits = linear_search(entries, query, SetMarks(), limit=10_000).hits
        exact = {
            hit.entry.pid
            for hit in hits
            if any(author_key(name) == key for name in hit.entry.paper.authors)
        }
        page = {row.pid for row in store.author(key).rows}
        assert page == exact, key
        assert page <= {hit.entry.pid for hit in hits}


def test_coauthors_and_top_authors_count_papers_together() -> None:
    store = store_of(AUTHORS)
    page = store.author("ann lee")
    assert store.coauthors("ANN LEE") == page.coauthors
    assert store.author("ann lee", together=False).coauthors == []
    expected: dict[str, int] = {}
    for row in page.rows:
        for key in {author_key(name) for name in row.paper.authors} - {"ann lee"}:
            expected[key] = expected.get(key, 0) + 1
    assert {c.key: c.papers for c in page.coauthors} == dict(
        sorted(expected.items(), key=lambda kv: (-kv[1], kv[0]))[: len(page.coauthors)]
    )
    counts = [c.papers for c in page.coauthors]
    assert counts == sorted(counts, reverse=True)
    top = top_authors(store.cache.connection(), None, None, limit=3)
    assert top[0].key == "ann lee" and top[0].papers == len(page.rows)
    assert top[0].name == "Ann Lee"  # the spelling most papers use


def test_an_unknown_author_has_an_empty_page(tmp_path: Path) -> None:
    store = store_of(AUTHORS)
    page = author_page(store.cache.connection, "Nobody At All")
    assert (page.name, page.rows, page.coauthors, page.first) == ("Nobody At All", [], [], None)


def test_a_cache_of_the_schema_before_authorship_is_rebuilt(tmp_path: Path) -> None:
    archive = tmp_path / "digests"
    shutil.copytree(AUTHORS, archive)
    cache_dir = tmp_path / "cache"
    cache = ArchiveCache([str(archive)], cache_dir)
    path = cache.path
    cache.close()
    old = sqlite3.connect(path)
    with old:
        old.execute("DROP TABLE authorship")
        old.execute(
            "UPDATE meta SET value = replace(value, ?, ?) WHERE key = 'format'",
            (f"schema {SCHEMA_VERSION}", f"schema {SCHEMA_VERSION - 1}"),
        )
    old.close()
    reopened = ArchiveCache([str(archive)], cache_dir)
    tables = {row[0] for row in reopened.connection().execute("SELECT name FROM sqlite_master")}
    assert "authorship" in tables
    reopened.close()


def test_an_author_page_reads_headers_a_chunk_at_a_time() -> None:
    store = store_of(AUTHORS)
    page = store.author("Ann Lee")
    entries = page.entries
    assert len(entries) == len(page.pids) and not entries._rows  # nothing read yet
    assert entries[-1].paper.title == page.rows[-1].paper.title
    assert [e.paper.title for e in entries[:3]] == [row.paper.title for row in page.rows[:3]]
    fresh = store.author("Ann Lee").entries
    fresh[0]
    assert 0 < len(fresh._rows) <= 64
