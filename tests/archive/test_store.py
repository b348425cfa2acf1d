"""The in-memory archive: days newest first, neighbours, merging, identities, orders."""

from __future__ import annotations

from datetime import date

from parsers import Digest, FileResult, Paper, SourceFile
from tui.archive.entry import paper_id
from tui.archive.links import abs_url, parse_arxiv_id, pdf_url
from tui.archive.order import PaperOrder
from tui.archive.store import ArchiveStore


def result(day: date | None, *papers: Paper) -> FileResult:
    source = SourceFile(path=f"{day}.md", explicit=False, path_date=day)
    return FileResult(source, [Digest(date=day, sources=[source.path], papers=list(papers))])


def paper(title: str, votes: int | None = None, arxiv: str | None = None) -> Paper:
    return Paper(title=title, votes=votes, arxiv_id=arxiv)


def test_days_newest_first_with_undated_last_and_neighbours() -> None:
    store = ArchiveStore()
    changed = store.add([result(date(2025, 7, 14), paper("A")), result(None, paper("U"))])
    assert changed == {date(2025, 7, 14), None}
    store.add([result(date(2025, 7, 16), paper("B"))])
    assert store.days() == [date(2025, 7, 16), date(2025, 7, 14), None]
    assert store.older_day(date(2025, 7, 16)).day == date(2025, 7, 14)
    assert store.older_day(date(2025, 7, 14)).day is None  # the undated digest comes last
    assert not store.older_day(None).exists
    assert store.newer_day(None).day == date(2025, 7, 14)
    assert not store.newer_day(date(2025, 7, 16)).exists
    assert store.nearest_day(date(2025, 7, 15)) == date(2025, 7, 16)  # a tie: the newer one


def test_the_same_paper_from_two_files_is_one_entry() -> None:
    store = ArchiveStore()
    day = date(2025, 7, 14)
    store.add([result(day, paper("A", 3, "2507.00001"))])
    store.add([result(day, paper("A again", 9, "2507.00001"), paper("B", 5))])
    assert [p.title for p in store.papers(day)] == ["A", "B"]
    assert store.papers(day)[0].votes == 9
    assert [e.pid for e in store.entries] == ["2507.00001", paper_id(paper("B"), day)]


def test_orders_keep_file_order_on_ties_and_put_missing_votes_last() -> None:
    store = ArchiveStore()
    day = date(2025, 7, 14)
    store.add([result(day, paper("b", None), paper("c", 5), paper("a", 5), paper("d", 7))])
    assert [p.title for p in store.papers(day, PaperOrder.VOTES)] == ["d", "c", "a", "b"]
    assert [p.title for p in store.papers(day, PaperOrder.TITLE)] == ["a", "b", "c", "d"]
    assert [p.title for p in store.papers(day, PaperOrder.FILE)] == ["b", "c", "a", "d"]
    assert PaperOrder.FILE.next() is PaperOrder.VOTES


def test_identities_and_links() -> None:
    titled = paper("A Title", arxiv=None)
    assert paper_id(titled, None) == paper_id(paper("a  title!"), date(2025, 1, 1))
    derived = Paper(title="We study", title_derived=True)
    assert paper_id(derived, date(2025, 1, 1)) != paper_id(derived, date(2025, 1, 2))
    arxiv = paper("X", arxiv="2507.01234")
    assert abs_url(arxiv) == "https://arxiv.org/abs/2507.01234"
    assert pdf_url(arxiv) == "https://arxiv.org/pdf/2507.01234"
    assert pdf_url(titled) is None
    assert parse_arxiv_id("https://arxiv.org/pdf/2507.01234v3.pdf") == "2507.01234"
    assert parse_arxiv_id("arXiv:2507.01234v2") == "2507.01234"
    assert parse_arxiv_id("not an id") is None
