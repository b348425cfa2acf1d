"""Driving the real app in tests."""

from __future__ import annotations

from pathlib import Path

from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget

from tests.waiting import DEADLINE, wait_until
from tui.app import PaperdeckApp
from tui.screens.search import SearchScreen
from tui.settings.locations import DEMO_ARCHIVE
from tui.widgets.name_list import NameList

DEMO = str(DEMO_ARCHIVE)


async def wait_loaded(pilot: Pilot[None], timeout: float = DEADLINE) -> None:
    """Wait until the app has read every file and handled the results."""
    app = pilot.app
    assert isinstance(app, PaperdeckApp)
    await wait_until(pilot, lambda: app.loaded, "the archive finished loading", timeout)


async def wait_search(pilot: Pilot[None], query: str) -> None:
    """Wait until the search screen shows the results of ``query``, with the snippets of
    the rows in view (they are read in a worker)."""
    screen = pilot.app.screen

    def shown() -> bool:
        results = screen.results  # type: ignore[attr-defined]
        search = results.search_query
        return (
            search is not None
            and search.text == query
            and not screen.workers
            and not results.snippets_pending
        )

    await wait_until(pilot, shown, f"the results of {query!r}")


async def searched(pilot: Pilot[None], text: str) -> SearchScreen:
    """Wait for the archive, search for ``text`` and wait for the results."""
    await wait_loaded(pilot)
    await pilot.press("slash", *text)
    await wait_search(pilot, text)
    screen = pilot.app.screen
    assert isinstance(screen, SearchScreen)
    return screen


def write_digest(path: Path, day: str, papers: list[tuple[str, int | None]]) -> Path:
    """A small markdown digest with ``(title, votes)`` papers, arXiv ids in order."""
    blocks = [f"## Daily Papers ({day})\n"]
    for number, (title, votes) in enumerate(papers, 1):
        vote = f"Vote: {votes}\n\n" if votes is not None else ""
        blocks.append(
            f"### [{title}](https://arxiv.org/abs/{day[2:4]}{day[5:7]}.{day[8:10]}{number:03d})\n\n"
            f"{vote}Authors: Author {number}\n\n- ***What's New***: {title} 요약\n"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(blocks), encoding="utf-8")
    return path


def write_papers(path: Path, day: str, papers: list[tuple[str, str, int, str, str]]) -> Path:
    """A markdown digest of ``(arxiv_id, title, votes, "Author, Author", summary)`` papers."""
    blocks = [f"## Daily Papers ({day})\n"]
    for arxiv_id, title, votes, authors, summary in papers:
        blocks.append(
            f"### [{title}](https://arxiv.org/abs/{arxiv_id})\n\nVote: {votes}\n\n"
            f"Authors: {authors}\n\n- ***What's New***: {summary}\n"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(blocks), encoding="utf-8")
    return path


def write_moe_archive(root: Path) -> Path:
    """Three days of papers whose related papers are known: 2507.00001 (listed twice) is
    about sparse mixtures of experts, like 2507.00002 (most words in common) and 2507.00004
    (fewer, and an author shared); the rest share no word with it."""
    write_papers(root / "2025-07-14.md", "2025-07-14", [
        ("2507.00001", "Sparse Mixture of Experts Routing", 50, "Ann Lee, Bo Kim",
         "A gating router sends tokens to sparse experts."),
        ("2507.00002", "Balancing Mixture of Experts Routers", 20, "Cy Park",
         "A gating router sends tokens to sparse experts, balanced."),
        ("2507.00003", "Video Diffusion", 30, "Ann Lee", "Denoising frames."),
    ])  # fmt: skip
    write_papers(root / "2025-07-15.md", "2025-07-15", [
        ("2507.00001", "Sparse Mixture of Experts Routing", 4, "Ann Lee, Bo Kim",
         "A gating router sends tokens to sparse experts."),
        ("2507.00004", "Expert Routing", 9, "Dee Roe, ann lee", "Routing tokens among experts."),
        ("2507.00005", "Speech Codes", 7, "Eve Fox", "Discrete audio for dialogue."),
    ])  # fmt: skip
    others = ["Robot Grasping", "Protein Folding", "Weather Forecasts", "Chess Engines",
              "Music Generation", "Code Review", "Legal Documents", "Satellite Images"]  # fmt: skip
    write_papers(root / "2025-07-16.md", "2025-07-16", [
        (f"2507.{number:05d}", title, 5, "Gus Hay", f"{title} with a new dataset.")
        for number, title in enumerate(others, 10)
    ])  # fmt: skip
    return root


def widget_text(widget: Widget) -> str:
    """What ``widget`` shows, as plain text lines (its whole content, not only the view)."""
    width, height = widget.size.width, max(widget.virtual_size.height, widget.size.height)
    strips = widget.render_lines(Region(0, 0, width, height))
    return "\n".join(strip.text.rstrip() for strip in strips)


def flat_text(widget: Widget) -> str:
    """``widget_text`` with line breaks and runs of spaces folded to single spaces."""
    text = widget.text() if hasattr(widget, "text") else widget_text(widget)
    return " ".join(text.split())


def seed_bookmarks() -> None:
    """Bookmark two demo papers at fixed times, in the current data directory."""
    from datetime import datetime

    from parsers import load
    from tui.settings.locations import Locations
    from tui.userdata import bookmarks as bm
    from tui.userdata.bookmarks import Bookmark, bookmarks_file

    by_day = {d.date.isoformat(): d for d in load([DEMO]).digests if d.date}
    marks = []
    for day, minute in (("2025-07-17", 0), ("2025-07-15", 5)):
        digest = by_day[day]
        paper = digest.papers[1]
        when = datetime(2025, 7, 18, 9, minute)
        marks.append(bm.add(Bookmark.of(paper.arxiv_id or "", paper, digest.date, when)))
    bookmarks_file(Locations.resolve().data).apply(marks)


def list_titles(app: PaperdeckApp) -> str:
    """The paper list's title and, when notes did not fit there, its bottom border's."""
    papers = app.reader.paper_list
    return " · ".join(title for title in (papers.border_title, papers.border_subtitle) if title)


NOTE = (
    "Native resolution looks like the win for charts.\n"
    "- try it on our scanned PDFs\n"
    "- compare with SigLIP at 448px"
)


def seed_annotations() -> str:
    """A note and tags on the demo's second paper of 2025-07-17 (by votes, as the list
    shows them), tags on the third; the second paper's identity."""
    from datetime import datetime

    from parsers import load
    from tui.settings.locations import Locations
    from tui.userdata import annotations as an
    from tui.userdata.bookmarks import Bookmark, bookmarks_file

    digest = next(d for d in load([DEMO]).digests if d.date and d.date.isoformat() == "2025-07-17")
    when = datetime(2025, 7, 18, 9, 0)
    second, third = sorted(digest.papers, key=lambda paper: -(paper.votes or 0))[1:3]
    ids = [paper.arxiv_id or "" for paper in (second, third)]
    snapshots = [
        Bookmark.of(pid, p, digest.date, when) for pid, p in zip(ids, (second, third), strict=True)
    ]
    bookmarks_file(Locations.resolve().data).apply([
        an.set_note(ids[0], NOTE, None, snapshots[0], when),
        an.change_tags(ids[0], ["vision", "to-read"], [], snapshots[0]),
        an.change_tags(ids[1], ["rl"], [], snapshots[1]),
    ])  # fmt: skip
    return ids[0]


async def wait_palette(pilot: Pilot[None], expected: str) -> None:
    """Wait until the command palette's highlighted command names ``expected``."""
    from textual.command import CommandList

    def highlighted() -> str:
        lists = pilot.app.screen.query(CommandList)
        if not lists:
            return ""
        commands = lists.first()
        index = commands.highlighted
        if index is None or index >= commands.option_count:
            return ""
        hit = getattr(commands.get_option_at_index(index), "hit", None)
        return str(hit.text) if hit is not None else ""

    await wait_until(pilot, lambda: expected.lower() in highlighted().lower(), expected)


async def wait_coauthors(pilot: Pilot[None]) -> NameList:
    """Wait until the author page has counted the co-authors."""
    coauthors = pilot.app.screen.query_one("#coauthors", NameList)
    await wait_until(pilot, lambda: bool(coauthors.items), "the co-authors counted")
    return coauthors


async def wait_trends(pilot: Pilot[None]) -> None:
    """Wait until the trends screen has counted its keywords."""
    screen = pilot.app.screen

    def counted() -> bool:
        return bool(screen.query_one("#trend-keywords", NameList).items) and not screen.workers

    await wait_until(pilot, counted, "the trends counted")


def seed_lists() -> None:
    """Two reading lists of demo papers, made at fixed times: "Reading group" (three papers
    of two days) and "video" (one), in the current data directory."""
    from datetime import datetime

    from parsers import load
    from tui.settings.locations import Locations
    from tui.userdata import annotations as an
    from tui.userdata.bookmarks import Bookmark, bookmarks_file

    by_day = {d.date.isoformat(): d for d in load([DEMO]).digests if d.date}
    changes = []
    group = "Reading group"
    seeds = [("2025-07-17", 0, group), ("2025-07-17", 2, group), ("2025-07-15", 1, group),
             ("2025-07-16", 0, "video")]  # fmt: skip
    for day, index, name in seeds:
        digest = by_day[day]
        paper = digest.papers[index]
        snapshot = Bookmark.of(paper.arxiv_id or "", paper, digest.date, datetime(2025, 7, 18, 9))
        changes.append(an.change_lists(snapshot.id, [name], [], snapshot))
    bookmarks_file(Locations.resolve().data).apply(changes)
