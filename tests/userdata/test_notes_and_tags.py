"""Notes and tags in the bookmarks file: kept papers, merges across sessions, conflicts."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers import Paper
from tui.archive.text import clean_tag
from tui.userdata import annotations as an
from tui.userdata import bookmarks as bm
from tui.userdata.annotations import CONFLICT_HEADER, merged_note
from tui.userdata.bookmarks import Bookmark, bookmarks_file
from tui.userdata.cleaning import clean_note, parse_tags
from tui.userdata.marking import Marking
from tui.userdata.user_state import UserState

WHEN = datetime(2025, 7, 18, 9, 30, tzinfo=UTC)
PAPER = Paper(title="KV Cache Compression", arxiv_id="2507.00001", votes=3, authors=["Ann Lee"])


def snapshot(pid: str = "2507.00001") -> Bookmark:
    return Bookmark.of(pid, PAPER, date(2025, 7, 17), WHEN)


def conflict(saved: datetime | None = WHEN) -> str:
    return CONFLICT_HEADER.format(when=f" at {saved:%Y-%m-%d %H:%M} UTC" if saved else "")


def test_cleaning_notes_and_tags() -> None:
    assert clean_note("  \n\t \n") is None and clean_note("") is None and clean_note(None) is None
    assert clean_note("a\r\nb\rc  \n\n") == "a\nb\nc"
    assert clean_note("red \x1b[31mtext\x1b[0m\x07 and\ttab") == "red text and\ttab"
    assert clean_note("  indented\n") == "  indented"
    assert [clean_tag(t) for t in ("#LLM", "ｌｌｍ", "to read", '"x",', "##", "c#")] == [
        "llm", "llm", "to-read", "x", None, "c#",
    ]  # fmt: skip
    assert clean_tag("a" * 99) == "a" * 40
    assert parse_tags("#LLM, rl  llm 강화학습") == ["llm", "rl", "강화학습"]


@pytest.mark.parametrize(
    ("mine", "base", "theirs", "expected"),
    [
        ("new", "old", "old", "new"),  # nobody else changed it
        ("new", None, None, "new"),
        (None, "old", "old", None),  # removed
        ("same", "old", "same", "same"),  # both wrote the same
        ("mine", "old", None, "mine"),  # removed elsewhere: the last save wins
        (None, "old", "theirs", "theirs"),  # removed here, changed there: theirs kept
        ("a\nmine", "a", "a\ntheirs", f"a\nmine\n\n{conflict()}\ntheirs"),
        ("mine", None, "theirs", f"mine\n\n{conflict()}\ntheirs"),
        ("a\nb\nc", "a\nb", "a\nb", "a\nb\nc"),
        ("a\nb\nc", "a\nx", "a", "a\nb\nc"),  # theirs only dropped lines: all in mine
    ],
)
def test_merged_note(mine: str | None, base: str | None, theirs: str | None,
                     expected: str | None) -> None:  # fmt: skip
    assert merged_note(mine, base, theirs, WHEN) == expected


lines = st.lists(st.sampled_from(["a", "b", "c", "", "d e", "c"]), max_size=8).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(lines, lines, lines)
def test_a_merge_keeps_every_line_of_both(mine: str, base: str, theirs: str) -> None:
    mine_note, theirs_note, base_note = clean_note(mine), clean_note(theirs), clean_note(base)
    merged = merged_note(mine_note, base_note, theirs_note, WHEN)
    if theirs_note == base_note:  # nobody else changed it: this save, as it is
        assert merged == mine_note
        return
    if mine_note is None:
        assert merged in (None, theirs_note)
        return
    assert merged is not None and merged.startswith(mine_note)  # the last save, as written
    words = {line for line in (theirs_note or "").split("\n") if line.strip()}
    assert words <= set(merged.split("\n"))  # nothing of theirs lost (blank lines aside)


def test_sessions_crossing_many_times_copy_each_line_once() -> None:
    """B and C edit X; D edits B's version: C's merge holds B's lines, D's adds only C's."""
    x = "shared"
    b, c = f"{x}\nfrom b", f"{x}\nfrom c"
    after_c = merged_note(c, x, b, WHEN)  # C saves after B
    after_d = merged_note(f"{b}\nfrom d", b, after_c, WHEN)  # D started from B's version
    assert after_d is not None
    assert [after_d.count(line) for line in ("shared", "from b", "from c", "from d")] == [1] * 4


def test_a_note_or_tag_keeps_a_paper_without_a_star(tmp_path: Path) -> None:
    file = bookmarks_file(tmp_path)
    file.apply([an.set_note("2507.00001", "read §3", None, snapshot(), WHEN)])
    kept = file.read().bookmarks["2507.00001"]
    assert (kept.starred, kept.note, kept.title, kept.note_saved_at) == (
        False, "read §3", "KV Cache Compression", WHEN,
    )  # fmt: skip
    file.apply([bm.add(snapshot()), bm.remove("2507.00001")])  # star, unstar: the note stays
    assert file.read().bookmarks["2507.00001"].note == "read §3"
    file.apply([an.change_tags("2507.00001", ["x"], [], None)])
    file.apply([an.set_note("2507.00001", "", "read §3", None, WHEN)])
    assert file.read().bookmarks["2507.00001"].tags == ["x"]  # the tag keeps it
    file.apply([an.change_tags("2507.00001", [], ["#X"], None)])
    assert file.read().bookmarks == {}  # nothing keeps it any more
    file.apply([an.change_tags("2507.00002", ["x"], [], None)])  # no snapshot: left alone
    assert file.read().bookmarks == {}


def test_filling_in_a_bare_paper_keeps_its_note_tags_and_star(tmp_path: Path) -> None:
    file = bookmarks_file(tmp_path)
    bare = Bookmark.bare("2507.00001", WHEN)
    file.apply([an.set_note("2507.00001", "n", None, bare, WHEN),
                an.change_tags("2507.00001", ["t"], [], bare)])  # fmt: skip
    file.apply([bm.fill_in("2507.00001", PAPER, date(2025, 7, 17))])
    kept = file.read().bookmarks["2507.00001"]
    assert (kept.title, kept.note, kept.tags, kept.starred) == (PAPER.title, "n", ["t"], False)


def test_two_sessions_editing_notes_of_different_papers_keep_both(tmp_path: Path) -> None:
    one, two = UserState(tmp_path), UserState(tmp_path)
    one.set_note("2507.00001", "one's note", None, snapshot("2507.00001"))
    two.set_note("2507.00002", "two's note", None, snapshot("2507.00002"))
    two.change_tags("2507.00001", ["from-two"], [], snapshot("2507.00001"))
    one.change_tags("2507.00001", ["from-one"], [], None)
    assert one.close() and two.close()
    kept = bookmarks_file(tmp_path).read().bookmarks
    assert kept["2507.00001"].note == "one's note"
    assert kept["2507.00002"].note == "two's note"
    assert kept["2507.00001"].tags == ["from-one", "from-two"]


def test_the_same_note_saved_in_two_sessions_keeps_the_other_as_a_conflict_copy(
    tmp_path: Path,
) -> None:
    bookmarks_file(tmp_path).apply([an.set_note("2507.00001", "shared", None, snapshot(), WHEN)])
    one, two = UserState(tmp_path), UserState(tmp_path)
    base = one.note_of("2507.00001")
    assert base == two.note_of("2507.00001") == "shared"
    one.set_note("2507.00001", "shared\nfrom one", base, None)
    assert one.flush()
    two.set_note("2507.00001", "shared\nfrom two", base, None)  # two still shows "shared"
    assert two.close() and one.close()
    note = bookmarks_file(tmp_path).read().bookmarks["2507.00001"].note
    assert note is not None
    lines = note.split("\n")
    assert lines[:2] == ["shared", "from two"]  # the last save
    assert lines[-1] == "from one" and "conflict copy" in lines[-2]  # the other text
    assert note.count("shared") == 1  # the lines both share are not copied again
    assert two.note_of("2507.00001") == note  # the session sees the merged note


def test_removing_a_note_or_a_tag_is_undoable(tmp_path: Path) -> None:
    state = UserState(tmp_path)
    marking = Marking(state)
    assert marking.save_note("p", "T", "first", None, snapshot("p")) is not None
    assert marking.save_note("p", "T", "first", "first", None) is None  # unchanged: no save
    notice = marking.save_note("p", "T", "  ", "first", None)
    assert notice is not None and "Removed the note" in notice.text and "z" in notice.text
    assert state.note_of("p") is None
    assert "Undone: note on T" in marking.undo().text
    assert state.note_of("p") == "first"
    marking.save_tags("p", "T", ["a", "b"], [], None)
    notice = marking.save_tags("p", "T", ["b", "c"], ["a", "b"], None)
    assert notice is not None and "Removed #a" in notice.text
    assert state.tags_of("p") == ["b", "c"]
    marking.undo()
    assert state.tags_of("p") == ["a", "b"]
    assert state.close()
    assert bookmarks_file(tmp_path).read().bookmarks["p"].tags == ["a", "b"]


def test_counts_and_filters() -> None:
    items = [snapshot("a").copy(tags=tags) for tags in (["x", "y"], ["x"], [])]
    counts = an.tag_counts(items)
    assert counts == {"x": 2, "y": 1}
    assert an.tags_by_use(counts) == ["x", "y"]


def test_b_stars_a_paper_kept_by_its_note_and_unstarring_keeps_the_note(tmp_path: Path) -> None:
    state = UserState(tmp_path)
    marking = Marking(state)
    marking.save_note("2507.00001", "T", "mine", None, snapshot())
    assert not state.is_bookmarked("2507.00001")
    assert marking.toggle_bookmark("2507.00001", PAPER, None).text.startswith("Bookmarked")
    assert state.is_bookmarked("2507.00001")
    assert "Removed bookmark" in marking.toggle_bookmark("2507.00001", PAPER, None).text
    assert not state.is_bookmarked("2507.00001") and state.note_of("2507.00001") == "mine"
    marking.undo()
    assert state.is_bookmarked("2507.00001") and state.note_of("2507.00001") == "mine"
    assert state.close()
