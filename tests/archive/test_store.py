"""The in-memory archive over the cache: days newest first, neighbours, merging, orders."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from parsers import Paper
from tests.screens.helpers import write_digest
from tui.archive.cache import ArchiveCache
from tui.archive.identity import paper_id
from tui.archive.links import abs_url, parse_arxiv_id, pdf_url
from tui.archive.loading import update_cache
from tui.archive.order import PaperOrder
from tui.archive.store import ArchiveStore


def store_of(root: Path) -> ArchiveStore:
    cache = ArchiveCache([str(root)], None)
    update_cache([str(root)], cache)
    store = ArchiveStore(cache)
    store.reload()
    return store


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    write_digest(tmp_path / "2025-07-14.md", "2025-07-14", [("A", 3)])
    write_digest(tmp_path / "2025-07-16.md", "2025-07-16", [("B", 3)])
    (tmp_path / "dump.txt").write_text(
        "Undated abstract. We propose a model and a method; experiments show results. " * 5,
        encoding="utf-8",
    )
    return tmp_path


def test_days_newest_first_with_undated_last_and_neighbours(archive: Path) -> None:
    store = store_of(archive)
    assert store.days() == [date(2025, 7, 16), date(2025, 7, 14), None]
    assert store.older_day(date(2025, 7, 16)).day == date(2025, 7, 14)
    assert store.older_day(date(2025, 7, 14)).day is None  # the undated digest comes last
    assert not store.older_day(None).exists
    assert store.newer_day(None).day == date(2025, 7, 14)
    assert not store.newer_day(date(2025, 7, 16)).exists
    assert store.nearest_day(date(2025, 7, 15)) == date(2025, 7, 16)  # a tie: the newer one
    assert [s.papers for s in store.summaries()] == [1, 1, 1]


def test_the_same_paper_from_two_files_is_one_paper(tmp_path: Path) -> None:
    day = "2025-07-14"
    write_digest(tmp_path / "a" / f"{day}.md", day, [("A", 3), ("Only in a", 1)])
    again = tmp_path / "b" / f"{day}.md"
    write_digest(again, day, [("A again", 9)])  # same arXiv id as "A"
    store = store_of(tmp_path)
    entries = store.entries(date(2025, 7, 14))
    assert [e.paper.title for e in entries] == ["A", "Only in a"]
    assert entries[0].paper.votes == 9
    assert store.with_body(entries[0]).paper.sections[0].items == ["A 요약"]


def test_orders_keep_file_order_on_ties_and_put_missing_votes_last(tmp_path: Path) -> None:
    write_digest(tmp_path / "d.md", "2025-07-14", [("b", None), ("c", 5), ("a", 5), ("d", 7)])
    store = store_of(tmp_path)
    day = date(2025, 7, 14)
    assert [e.paper.title for e in store.entries(day, PaperOrder.VOTES)] == ["d", "c", "a", "b"]
    assert [e.paper.title for e in store.entries(day, PaperOrder.TITLE)] == ["a", "b", "c", "d"]
    assert [e.paper.title for e in store.entries(day, PaperOrder.FILE)] == ["b", "c", "a", "d"]
    assert PaperOrder.FILE.next() is PaperOrder.VOTES
    first = store.entries(day)[0]
    assert first.pid == paper_id(first.paper, day)


def test_identities_and_links() -> None:
    titled = Paper(title="A Title")
    assert paper_id(titled, None) == paper_id(Paper(title="a  title!"), date(2025, 1, 1))
    derived = Paper(title="We study", title_derived=True)
    assert paper_id(derived, date(2025, 1, 1)) != paper_id(derived, date(2025, 1, 2))
    arxiv = Paper(title="X", arxiv_id="2507.01234")
    assert abs_url(arxiv) == "https://arxiv.org/abs/2507.01234"
    assert pdf_url(arxiv) == "https://arxiv.org/pdf/2507.01234"
    assert pdf_url(titled) is None
    assert parse_arxiv_id("https://arxiv.org/pdf/2507.01234v3.pdf") == "2507.01234"
    assert parse_arxiv_id("arXiv:2507.01234v2") == "2507.01234"
    assert parse_arxiv_id("not an id") is None


def test_unread_places_walk_down_the_day_then_older_days(tmp_path: Path) -> None:
    from tui.archive.unread import unread_places

    write_digest(tmp_path / "2025-07-14.md", "2025-07-14", [("A1", 1), ("A2", 9)])
    write_digest(tmp_path / "2025-07-15.md", "2025-07-15", [("B1", 5)])
    write_digest(tmp_path / "2025-07-16.md", "2025-07-16", [("C1", 3), ("C2", 4), ("C3", 1)])
    store = store_of(tmp_path)
    title = {e.pid: e.paper.title for day in store.days() for e in store.entries(day)}
    read = {pid for pid, t in title.items() if t in {"C1", "B1"}}
    today = [e.pid for e in store.entries(date(2025, 7, 16), PaperOrder.VOTES)]
    assert [title[p] for p in today] == ["C2", "C1", "C3"]

    def walk(cursor: int, forward: bool) -> list[str]:
        places = unread_places(store, date(2025, 7, 16), today, cursor, PaperOrder.VOTES,
                               lambda pid: pid not in read, forward)  # fmt: skip
        return [title[place.pid] for place in places]

    assert walk(0, True) == ["C3", "A2", "A1"]  # C1 read; 07-15 all read; 07-14 by votes
    assert walk(2, False) == ["C2"]  # nothing newer than the newest day
    assert walk(2, True) == ["A2", "A1"]
    oldest = [e.pid for e in store.entries(date(2025, 7, 14), PaperOrder.VOTES)]
    back = unread_places(store, date(2025, 7, 14), oldest, 0, PaperOrder.VOTES,
                         lambda pid: pid not in read, forward=False)  # fmt: skip
    assert [title[p.pid] for p in back] == ["C3", "C2"]  # newer days, from their bottom
    fresh = store_of(tmp_path)
    places = unread_places(fresh, date(2025, 7, 16), today, 2, PaperOrder.VOTES,
                           lambda pid: pid not in read)  # fmt: skip
    assert next(places).day == date(2025, 7, 14)
    assert date(2025, 7, 15) not in fresh._listed  # a day with nothing unread is not kept
