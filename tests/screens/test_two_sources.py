"""A paper that the Korean digest and the Hugging Face feed both carry on a day: one row,
each source's sections labelled in the detail pane, found by either source's words."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import TWO_SOURCES
from tests.screens.helpers import flat_text, wait_loaded, wait_search, widget_text
from tui.app import PaperdeckApp
from tui.screens.search import SearchScreen

WIDE = (120, 40)


async def test_the_merged_paper_shows_every_source_labelled() -> None:
    app = PaperdeckApp([str(TWO_SOURCES)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        titles = [entry.paper.title for entry in app.reader.paper_list.entries]
        assert len(titles) == 3 and titles[0].startswith("NeuralOS")  # one row, 585 votes
        await pilot.press("enter")
        shown = flat_text(app.reader.detail)
        assert "▲ 585 votes" in shown
        assert (
            "Authors Luke Rivard, Sun Sun, Hongyu Guo, Wenhu Chen, Yuntian Deng, Zoë Müller, "
            "Ada Park"
        ) in shown
        headings = [
            "What's New · daily_papers_ko",
            "Technical Details · daily_papers_ko",
            "Performance Highlights · daily_papers_ko",
            "AI summary · Hugging Face",
            "Abstract · Hugging Face",
            "Keywords · Hugging Face",
            "Links · Hugging Face",
        ]
        places = [shown.find(heading) for heading in headings]
        assert -1 not in places and places == sorted(places), places
        assert "Comments (4): https://huggingface.co/papers/2507.08800" in shown
        assert "Project page: https://neural-os.com" in shown
        await pilot.press("escape", "j", "enter")  # a paper of the feed alone: no labels
        alone = flat_text(app.reader.detail)
        assert "Scaling RL to Long Videos" in alone
        assert "Abstract We introduce a full-stack" in alone and "·" not in alone.split("votes")[1]


async def test_a_word_only_in_the_feeds_abstract_finds_the_paper() -> None:
    app = PaperdeckApp([str(TWO_SOURCES)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash", *"framebuffer")
        await wait_search(pilot, "framebuffer")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        rows = [line.strip("│ ▁▂▃▄▅▆▇█") for line in widget_text(screen.results).splitlines()]
        [title] = [number for number, line in enumerate(rows) if "NeuralOS" in line]
        assert rows[title + 1].startswith("Abstract · Hugging Face: ")
        assert "framebuffer" in rows[title + 1]
        await pilot.press("enter")
        assert app.screen is app.reader
        assert "Abstract · Hugging Face" in flat_text(app.reader.detail)


def test_the_fixture_holds_one_day_in_both_formats() -> None:
    files = sorted(str(p.relative_to(TWO_SOURCES)) for p in Path(TWO_SOURCES).rglob("*.*"))
    assert files == ["daily_papers_ko/paper_logs/2025/07/14.md", "hf/2025-07-14.json"]
