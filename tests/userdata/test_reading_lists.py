"""Reading lists in the bookmarks file: names cleaned, kept papers, merges across sessions,
and batches undone as one step."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from parsers import Paper
from tui.userdata import annotations as an
from tui.userdata.bookmarks import Bookmark, bookmarks_file
from tui.userdata.cleaning import clean_list_name, clean_list_names, list_name_problem
from tui.userdata.marking import Marking
from tui.userdata.user_state import UserState

WHEN = datetime(2025, 7, 18, 9, 30, tzinfo=UTC)


def snapshot(pid: str) -> Bookmark:
    paper = Paper(title=f"Paper {pid}", arxiv_id=pid, votes=3, authors=["Ann Lee"])
    return Bookmark.of(pid, paper, date(2025, 7, 17), WHEN)


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("Reading group", None),
        ("  Reading \t group ", None),
        ("", "a list needs a name"),
        ("x" * 61, "a list's name has at most 60 characters"),
        ("a,b", "a list's name holds no ',' or ';'"),
        ("a;b", "a list's name holds no ',' or ';'"),
        ("-later", "a list's name does not start with '-'"),
        ("Remove", "'Remove' is a command of 'paperdeck list', not a list's name"),
    ],
)
def test_which_names_a_list_can_have(typed: str, problem: str | None) -> None:
    assert list_name_problem(clean_list_name(typed)) == problem


def test_names_are_cleaned_kept_as_typed_and_sorted_case_blind() -> None:
    assert clean_list_name(" To\x1b[1m  read\n") == "To read"
    assert clean_list_names(["b", "A", "a", "add", "", "A"]) == ["A", "a", "b"]


def test_a_paper_is_kept_while_it_is_on_a_list(tmp_path: Path) -> None:
    file = bookmarks_file(tmp_path)
    file.apply(
        [an.change_lists("2507.00001", ["later", "Reading group"], [], snapshot("2507.00001"))]
    )
    kept = file.read().bookmarks["2507.00001"]
    assert kept.lists == ["later", "Reading group"] and kept.kept and not kept.starred
    file.apply([an.change_lists("2507.00001", [], ["later"], None)])
    assert file.read().bookmarks["2507.00001"].lists == ["Reading group"]
    file.apply([an.change_lists("2507.00001", [], ["Reading group"], None)])
    assert file.read().bookmarks == {}
    file.apply([an.change_lists("2507.00009", [], ["later"], None)])  # not kept: left alone
    assert file.read().bookmarks == {}


def test_two_sessions_putting_papers_on_one_list_keep_both(tmp_path: Path) -> None:
    one, two = UserState(tmp_path), UserState(tmp_path)
    one.change_lists("2507.00001", ["Reading group"], [], snapshot("2507.00001"))
    two.change_lists("2507.00002", ["Reading group"], [], snapshot("2507.00002"))
    two.change_lists("2507.00001", ["later"], [], snapshot("2507.00001"))
    assert one.close() and two.close()
    state = UserState(tmp_path)
    assert state.list_counts() == {"Reading group": 2, "later": 1}
    assert {b.id for b in state.list_papers("Reading group")} == {"2507.00001", "2507.00002"}
    assert state.lists_of("2507.00001") == ["later", "Reading group"]
    assert state.close()


def test_a_batch_is_undone_as_one_step(tmp_path: Path) -> None:
    state = UserState(tmp_path)
    marking = Marking(state)
    papers = [snapshot("2507.00001"), snapshot("2507.00002")]
    state.add_bookmark(papers[0])
    notice = marking.toggle_bookmarks(papers)  # one was not starred: star both
    assert notice.text == "Bookmarked 1 paper. Press z to undo."
    assert sorted(state.bookmarked_ids()) == ["2507.00001", "2507.00002"]
    marking.add_to_list("duo", [(p.id, p) for p in papers])
    assert marking.toggle_read_many([p.id for p in papers]).text.startswith("Marked 2 papers read")
    assert marking.undo().text == "Undone: marked 2 papers read"
    assert not state.is_read("2507.00001") and not state.is_read("2507.00002")
    assert marking.undo().text == "Undone: adding 2 papers to duo"
    assert state.list_counts() == {}
    assert marking.undo().text == "Undone: bookmarking 1 paper"
    assert state.bookmarked_ids() == ["2507.00001"]
    assert marking.add_to_list("add", []).warning
    assert state.close()
