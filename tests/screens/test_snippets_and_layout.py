"""Search results say where they matched (ctrl+g groups them by day); titles get room."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widget import Widget
from textual.widgets import Label

from tests.screens.helpers import searched, wait_loaded, widget_text
from tui.app import PaperdeckApp
from tui.search.service import ArchiveSearch
from tui.widgets.detail_pane import DetailPane

WIDE = (120, 40)
TITLE_60 = "Sixty Characters of Title Make a Long Row in the Papers List"
HANGUL_30 = "긴한국어제목도셀너비로재어야잘리지않고다보여야합니다정말로요"


def lines(widget: Widget) -> list[str]:
    """The rows ``widget`` shows, without its border (and the scrollbar's column)."""
    return [line.strip("│ ▁▂▃▄▅▆▇█") for line in widget_text(widget).splitlines()[1:-1]]


def write(path: Path, day: str, papers: list[tuple[str, str, str]]) -> None:
    blocks = [f"## Daily Papers ({day})\n"]
    for number, (title, authors, body) in enumerate(papers, 1):
        blocks.append(
            f"### [{title}](https://arxiv.org/abs/{day[2:4]}{day[5:7]}.{day[8:10]}{number:03d})"
            f"\n\nVote: {10 - number}\n\nAuthors: {authors}\n\n- ***Technical Details***: {body}\n"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(blocks), encoding="utf-8")


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    write(root / "2025-07-16.md", "2025-07-16", [
        ("Plain Title", "Ann Lee", "We shrink the [bold]KV cache[/bold] by half with no loss."),
        ("Cache Title", "Bo Kim", "Nothing about it here."),
    ])  # fmt: skip
    write(root / "2025-07-17.md", "2025-07-17", [
        (TITLE_60, "Cache Person", "A body."),
        (HANGUL_30, "Kim Min", "본문에서 캐시를 다룹니다."),
    ])  # fmt: skip
    assert len(TITLE_60) == 60 and cell_len(HANGUL_30) == 60
    return root


async def test_each_result_says_where_it_matched_with_the_match_lit(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        screen = await searched(pilot, "cache")
        shown = lines(screen.results)
        title_row = next(i for i, line in enumerate(shown) if "Plain Title" in line)
        # the markup-like text of the digest stays literal
        assert shown[title_row + 1] == (
            "Technical Details: We shrink the [bold]KV cache[/bold] by half with no loss."
        )
        author_row = next(i for i, line in enumerate(shown) if TITLE_60 in line)
        assert shown[author_row + 1] == "authors: Cache Person"
        title_hit = next(i for i, line in enumerate(shown) if "Cache Title" in line)
        assert shown[title_hit + 1] == "Technical Details: Nothing about it here."
        snippet_row = screen.results.row_content(title_row + 1, 100)
        lit = [snippet_row.plain[span.start : span.end] for span in snippet_row.spans]
        assert "cache" in lit  # the match is highlighted in the snippet


async def test_snippets_are_read_in_a_worker_never_while_drawing(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    readers: list[int] = []
    read = ArchiveSearch.snippet

    def spy(self: ArchiveSearch, *args):  # type: ignore[no-untyped-def]
        readers.append(threading.get_ident())
        return read(self, *args)

    monkeypatch.setattr(ArchiveSearch, "snippet", spy)
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        screen = await searched(pilot, "cache")
        assert "authors: Cache Person" in lines(screen.results)
        assert len(readers) == 3  # each result's body once, none on the UI thread
        assert threading.get_ident() not in readers


async def test_ctrl_g_groups_results_by_day_and_enter_opens_the_paper(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        screen = await searched(pilot, "cache")
        status = screen.query_one("#search-status", Label)
        assert str(status.render()).startswith("best first")
        await pilot.press("ctrl+g")
        shown = lines(screen.results)
        assert shown[0] == "2025-07-17 · 1 result"
        assert shown[3] == "2025-07-16 · 2 results"
        assert "Cache Title" in shown[4] and "Plain Title" in shown[6]
        assert "2025-07" not in " ".join(shown[1:3] + shown[4:])  # each day once: its header
        assert str(status.render()).startswith("by day, newest first")
        assert screen.results.border_subtitle == "grouped by day"
        assert screen.results.current is not None  # the best result stays selected
        assert screen.results.current.entry.paper.title == "Cache Title"
        await pilot.press("down", "down", "enter")  # to the results, then the next one
        assert app.screen is app.reader
        assert app.reader.detail.paper is not None
        assert app.reader.detail.paper.title == "Plain Title"
        assert isinstance(app.focused, DetailPane)
        await pilot.press("slash")  # the same search comes back as it was left: grouped
        assert app.screen is screen and screen.results.grouped
        await pilot.press("tab", "ctrl+g")  # from the results: best first again
        assert not screen.results.grouped
        assert str(status.render()).startswith("best first")
        assert lines(screen.results)[0].startswith("2025-07-16")  # each row its day again


@pytest.mark.parametrize("title", [TITLE_60, HANGUL_30])
async def test_a_60_cell_title_reads_whole_at_120x40(archive: Path, title: str) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        assert any(line.endswith(title) for line in lines(app.reader.paper_list))
        await pilot.press("enter")  # a paper open: the detail takes the width
        assert app.reader.detail.size.width > app.reader.paper_list.size.width


async def test_at_80x24_the_list_gets_the_width_while_no_paper_is_open(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        assert app.reader.paper_list.size.width >= 76
        assert any(line.endswith(TITLE_60) for line in lines(app.reader.paper_list))


def test_cut_text_ends_in_an_ellipsis_right_after_its_last_character() -> None:
    from textual.content import Content

    from tui.widgets.fitting import fit

    for text in ("우리는 코드 생성 모델 이 만들어내는 보안", "abc def ghi jkl mno pqr stu"):
        for width in range(1, 40):
            shown = fit(Content(text), width)
            assert shown.cell_length == width, (text, width)
            kept = shown.plain.rstrip()
            if cell_len(text) > width:
                assert kept.endswith("…") and not kept[:-1].endswith(" "), (kept, width)
            else:
                assert kept == text
