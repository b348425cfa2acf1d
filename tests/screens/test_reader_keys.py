"""Every key of the reader, pressed for real through Pilot."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from rich.console import Console
from textual.containers import VerticalScroll

from tests.conftest import SEEDS
from tests.screens.helpers import DEMO, flat_text, wait_loaded, wait_palette, write_digest
from tests.waiting import wait_until
from tui.app import PaperdeckApp
from tui.screens.date_prompt import DatePrompt
from tui.screens.help import HelpScreen
from tui.screens.problems import ProblemsScreen
from tui.terminal.textual_compat import notifications, toast_texts
from tui.widgets.date_sidebar import DateSidebar
from tui.widgets.detail_pane import DetailPane
from tui.widgets.paper_list import PaperList

WIDE = (120, 40)


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    write_digest(tmp_path / "2025/07/14.md", "2025-07-14", [("Old A", 5), ("Old B", 9)])
    write_digest(
        tmp_path / "2025/07/16.md",
        "2025-07-16",
        [("Mid none", None), ("Mid low", 2), ("Mid high", 40), ("Mid tie", 2)],
    )
    write_digest(tmp_path / "2025/07/17.md", "2025-07-17", [("New A", 3), ("New B", 30)])
    return tmp_path


def titles(app: PaperdeckApp) -> list[str]:
    return [e.paper.title for e in app.reader.paper_list.entries]


def shown(app: PaperdeckApp) -> str | None:
    paper = app.reader.detail.paper
    return paper.title if paper else None


async def test_opens_on_newest_day_with_top_paper(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        screen = app.reader
        assert screen.day == date(2025, 7, 17)
        assert titles(app) == ["New B", "New A"]
        assert shown(app) == "New B"
        assert isinstance(app.focused, PaperList)


async def test_votes_order_puts_missing_votes_last_and_keeps_ties(archive: Path) -> None:
    app = PaperdeckApp([str(archive)], start_date=date(2025, 7, 16))
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        assert titles(app) == ["Mid high", "Mid low", "Mid tie", "Mid none"]


async def test_j_k_and_arrows_move_and_update_the_detail(archive: Path) -> None:
    app = PaperdeckApp([str(archive)], start_date=date(2025, 7, 16))
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("j")
        assert shown(app) == "Mid low"
        await pilot.press("down", "down")
        assert shown(app) == "Mid none"
        await pilot.press("down")  # stays on the last row
        assert shown(app) == "Mid none"
        await pilot.press("k", "up")
        assert shown(app) == "Mid low"


async def test_g_G_home_end_and_half_pages_in_the_list(archive: Path) -> None:
    app = PaperdeckApp([str(archive)], start_date=date(2025, 7, 16))
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("G")
        assert shown(app) == "Mid none"
        await pilot.press("g")
        assert shown(app) == "Mid high"
        await pilot.press("end")
        assert shown(app) == "Mid none"
        await pilot.press("home")
        assert shown(app) == "Mid high"
        await pilot.press("ctrl+d")
        assert shown(app) == "Mid none"
        await pilot.press("ctrl+u")
        assert shown(app) == "Mid high"


async def test_brackets_change_day_from_any_pane(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        screen = app.reader
        await pilot.press("left_square_bracket")
        assert screen.day == date(2025, 7, 16)
        assert shown(app) == "Mid high"
        await pilot.press("tab")  # to the detail
        assert isinstance(app.focused, DetailPane)
        await pilot.press("left_square_bracket")
        assert screen.day == date(2025, 7, 14)
        await pilot.press("left_square_bracket")  # already the oldest
        assert screen.day == date(2025, 7, 14)
        await pilot.press("tab")  # to the sidebar
        assert isinstance(app.focused, DateSidebar)
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert screen.day == date(2025, 7, 17)
        assert screen.sidebar.current == date(2025, 7, 17)


async def test_sidebar_cursor_shows_days_and_enter_goes_deeper(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        screen = app.reader
        await pilot.press("shift+tab")
        assert isinstance(app.focused, DateSidebar)
        await pilot.press("j")
        assert screen.day == date(2025, 7, 16)
        await pilot.press("G")
        assert screen.day == date(2025, 7, 14)
        await pilot.press("enter")
        assert isinstance(app.focused, PaperList)
        await pilot.press("enter")
        assert isinstance(app.focused, DetailPane)
        await pilot.press("escape")
        assert isinstance(app.focused, PaperList)
        await pilot.press("escape")
        assert isinstance(app.focused, DateSidebar)
        await pilot.press("escape")  # nothing further back
        assert isinstance(app.focused, DateSidebar)


async def test_tab_cycles_panes_both_ways(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        seen = []
        for _ in range(3):
            await pilot.press("tab")
            seen.append(type(app.focused).__name__)
        assert seen == ["DetailPane", "DateSidebar", "PaperList"]
        await pilot.press("shift+tab")
        assert isinstance(app.focused, DateSidebar)


async def test_space_and_page_keys_scroll_the_detail(tmp_path: Path) -> None:
    long_paper = tmp_path / "2025/07/17.md"
    bullets = "".join(f"- 긴 요약 문장 {n}번째 항목입니다.\n" for n in range(80))
    long_paper.parent.mkdir(parents=True)
    long_paper.write_text(
        f"## Daily Papers (2025-07-17)\n\n### [Long](https://arxiv.org/abs/2507.00001)\n\n{bullets}",
        encoding="utf-8",
    )
    app = PaperdeckApp([str(tmp_path)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        detail = app.reader.detail
        assert detail.scroll_y == 0
        await pilot.press("space")
        after_space = detail.scroll_y
        assert after_space > 0
        await pilot.press("pagedown")
        assert detail.scroll_y > after_space
        await pilot.press("pageup", "pageup")
        assert detail.scroll_y == 0
        await pilot.press("enter")  # into the detail: j/k, G/g scroll it
        await pilot.press("j")
        assert detail.scroll_y == 1
        await pilot.press("G")
        assert detail.scroll_y == detail.max_scroll_y > 0
        await pilot.press("g")
        assert detail.scroll_y == 0


async def test_d_goes_to_the_nearest_day(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("d")
        assert isinstance(app.screen, DatePrompt)
        prompt = app.screen.query_one("#date-input")
        prompt.value = ""  # type: ignore[attr-defined]
        await pilot.press(*"2025-07-15", "enter")
        assert app.reader.day == date(2025, 7, 16)  # 07-14 and 07-16 tie: the newer
        await pilot.press("d")
        app.screen.query_one("#date-input").value = ""  # type: ignore[attr-defined]
        await pilot.press(*"not a date", "enter")
        assert isinstance(app.screen, DatePrompt)  # stays open with an error
        error = app.screen.query_one("#date-error")
        assert str(error.render()).startswith("Not a date: 'not a date'")
        app.screen.query_one("#date-input").value = ""  # type: ignore[attr-defined]
        await pilot.press(*"2025-02-30", "enter")
        assert str(error.render()).startswith("No such day: '2025-02-30'")
        await pilot.press("escape")
        assert app.screen is app.reader
        assert app.reader.day == date(2025, 7, 16)


async def test_help_lists_live_bindings_and_remaps(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        app.set_keymap({"day.goto": "D"})
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = {row.description: row.keys for _, section in app.screen.rows for row in section}
        assert rows["Go to date"] == "D"
        assert rows["Older day"] == "["
        assert rows["Help"] == "?"
        assert "Scroll down" in rows and "Half page down" in rows
        for width in (40, 80, 120):  # every pane's heading whole, on a line of its own
            console = Console(width=width - 6, record=True)
            console.print(app.screen._table(width))
            lines = console.export_text().splitlines()
            for title, _ in app.screen.rows:
                assert title in lines, (width, title)
        await pilot.press("escape")
        assert app.screen is app.reader
        await pilot.press("D")
        assert isinstance(app.screen, DatePrompt)


async def test_help_lists_each_key_once_and_g_G_home_end_move_in_it(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        for title, section in help_screen.rows:
            keys = [key for row in section for key in row.keys.split(" ")]
            assert len(keys) == len(set(keys)), title  # one row per key
        anywhere = dict(help_screen.rows)["Anywhere"]
        (ctrl_c,) = [row for row in anywhere if "^c" in row.keys.split(" ")]
        assert ctrl_c.description == "Copy selected text; else say how to quit"
        assert ctrl_c.binding_id == "text.copy app.quit_hint"
        scroll = help_screen.query_one(VerticalScroll)
        assert scroll.max_scroll_y > 0
        await pilot.press("G")
        assert scroll.scroll_y == scroll.max_scroll_y
        await pilot.press("g")
        assert scroll.scroll_y == 0
        await pilot.press("end")
        assert scroll.scroll_y == scroll.max_scroll_y
        await pilot.press("home")
        assert scroll.scroll_y == 0
        assert isinstance(app.screen, HelpScreen)


async def test_q_quits(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0


async def test_command_palette_has_the_app_commands(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert app.reader.day == date(2025, 7, 14)
        await pilot.press("ctrl+p")
        await pilot.press(*"newest day")
        await wait_palette(pilot, "newest")
        await pilot.press("enter")
        await pilot.pause()
        assert app.reader.day == date(2025, 7, 17)


async def test_t_toggles_the_sidebar(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        screen = app.reader
        assert not screen.sidebar.display  # narrow: hidden
        await pilot.press("t")
        assert screen.sidebar.display and isinstance(app.focused, DateSidebar)
        await pilot.press("t")
        assert not screen.sidebar.display and isinstance(app.focused, PaperList)


async def test_a_unfolds_authors_and_x_shows_more_of_long_items(tmp_path: Path) -> None:
    authors = ", ".join(f"Person {n}" for n in range(30))
    day = tmp_path / "2025/07/17.md"
    day.parent.mkdir(parents=True)
    day.write_text(
        "## Daily Papers (2025-07-17)\n\n### [Big](https://arxiv.org/abs/2507.00001)\n\n"
        f"Authors: {authors}\n\n- ***What's New***: {'가' * 50_000}\n\n"
        "### [Small](https://arxiv.org/abs/2507.00002)\n\n- short\n",
        encoding="utf-8",
    )
    app = PaperdeckApp([str(day)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        detail = app.reader.detail
        body = detail
        assert "+22 more (a: show all)" in flat_text(body)
        assert "Person 29" not in flat_text(body)
        await pilot.press("a")
        assert detail.options.all_authors
        assert "Person 29" in flat_text(body)
        await pilot.press("a")
        assert not detail.options.all_authors
        assert "48,000 more characters (x: show more)" in flat_text(body)
        assert detail.options.item_limit == 2_000
        await pilot.press("x")
        assert detail.options.item_limit == 8_000
        await pilot.press("x", "x")
        assert detail.options.item_limit == 128_000
        await pilot.press("x")  # everything is shown now
        assert detail.options.item_limit == 128_000
        await pilot.press("j")  # moving away folds again
        await pilot.press("k")
        assert detail.options.item_limit == 2_000


async def test_problems_notification_and_screen(tmp_path: Path) -> None:
    write_digest(tmp_path / "2025/07/17.md", "2025-07-17", [("Good", 3)])
    (tmp_path / "broken.md").write_bytes(b"\x00\x01binary")
    (tmp_path / "bad.md").write_text(
        "## Daily Papers (2025-02-30)\n\n### [X](https://arxiv.org/abs/1)\n\nVote: many\n"
    )
    app = PaperdeckApp([str(tmp_path)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        [toast] = notifications(app)
        assert "3 problems" in toast.message and "2 errors" in toast.message
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, ProblemsScreen)
        rows = [str(p) for p in app.screen.problems]
        assert any("broken.md:1: error: binary file" in row for row in rows)
        assert any("bad.md:5: warning: vote count 'many'" in row for row in rows)
        await pilot.press("escape")
        assert app.screen is app.reader
        assert [e.paper.title for e in app.reader.paper_list.entries] == ["Good"]


async def test_no_problems_is_a_note_not_an_empty_screen(tmp_path: Path) -> None:
    write_digest(tmp_path / "2025/07/17.md", "2025-07-17", [("Good", 3)])
    app = PaperdeckApp([str(tmp_path)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("exclamation_mark")
        assert app.screen is app.reader
        assert "No problems while loading." in [n.message for n in notifications(app)]


async def test_seeds_open_and_the_undated_dump_is_last() -> None:
    app = PaperdeckApp([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        assert app.reader.day == date(2025, 3, 27)
        await pilot.press("shift+tab", "G")
        assert app.reader.day is None
        assert len(app.reader.paper_list.entries) == 17


async def test_demo_archive_opens_on_its_newest_markdown_day() -> None:
    app = PaperdeckApp([DEMO])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        assert app.reader.day == date(2025, 7, 17)
        assert app.store.problems == []
        assert len(app.store.days()) == 5


async def test_tiny_terminal_sizes_never_crash(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        for width, height in ((40, 10), (20, 6), (10, 3), (3, 2), (1, 1), (200, 60), (80, 24)):
            await pilot.resize_terminal(width, height)
            await pilot.press("j", "t", "left_square_bracket", "enter", "t", "escape")
            await pilot.pause()
        assert app.is_running
        assert app.reader.day is not None


def test_every_binding_has_an_id_and_a_description() -> None:
    import importlib
    import inspect
    import pkgutil

    from textual.binding import Binding

    import tui
    from tui.app.keymap import binding_ids, binding_owners

    classes_with_bindings = set()
    for module_info in pkgutil.walk_packages(tui.__path__, "tui."):
        module = importlib.import_module(module_info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and "BINDINGS" in vars(cls):
                classes_with_bindings.add(cls)
    assert classes_with_bindings == binding_owners()  # each is found on some screen
    bindings = [b for owner in binding_owners() for b in owner.BINDINGS if isinstance(b, Binding)]
    assert bindings and all(b.id and b.description for b in bindings)
    assert len(binding_ids()) == len({b.id for b in bindings})


async def test_detail_text_is_laid_out_for_the_width_it_is_shown_in() -> None:
    app = PaperdeckApp([str(SEEDS)])
    async with app.run_test(size=(100, 24)) as pilot:
        await wait_loaded(pilot)
        detail = app.reader.detail
        for _ in range(3):
            await pilot.pause()
            assert detail.max_scroll_y > 0  # a scrollbar is shown
            assert detail._rendered_width == detail.scrollable_content_region.width
            await pilot.press("j")


async def test_brackets_reach_and_leave_the_undated_digest() -> None:
    app = PaperdeckApp([str(SEEDS)], start_date=date(2024, 1, 9))  # the oldest dated day
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("left_square_bracket")
        assert app.reader.day is None and len(app.reader.paper_list.entries) == 17
        await pilot.press("left_square_bracket")  # nothing older
        assert app.reader.day is None
        await pilot.press("right_square_bracket")
        assert app.reader.day == date(2024, 1, 9)


async def test_opening_a_result_from_stacked_screens_lands_in_the_reader(archive: Path) -> None:
    from tui.screens.bookmarks import BookmarksScreen

    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("b", "slash")
        app.action_show_bookmarks()  # the bookmarks screen over the search screen
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen) and len(app.screen_stack) == 4
        await pilot.press("enter")
        assert app.screen is app.reader and len(app.screen_stack) == 2


async def test_markup_in_notifications_is_shown_literally(tmp_path: Path) -> None:
    title = "[bold]Loud[/bold] and [@click=app.quit]click[/]"
    write_digest(tmp_path / "2025-07-17.md", "2025-07-17", [(title, 5)])
    app = PaperdeckApp([str(tmp_path)])
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await wait_loaded(pilot)
        await pilot.press("b")  # "Bookmarked: <title>", from the reader screen
        app.notify("config.toml: [/x] = 1: [bold]unknown[/bold] setting")

        def shown() -> list[str]:
            return [" ".join(text.split()) for text in toast_texts(app.screen)]

        await wait_until(pilot, lambda: len(shown()) >= 2, "both toasts")
        assert f"Bookmarked: {title}" in shown()
        assert "config.toml: [/x] = 1: [bold]unknown[/bold] setting" in shown()
        assert app.is_running


async def test_detail_links_are_terminal_hyperlinks(archive: Path) -> None:
    app = PaperdeckApp([str(archive)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        detail = app.reader.detail
        links = {
            segment.style.link
            for y in range(detail.size.height)
            for segment in detail.render_line(y)
            if segment.style and segment.style.link
        }
        assert links == {
            "https://arxiv.org/abs/2507.17002",
            "https://arxiv.org/pdf/2507.17002",
        }
