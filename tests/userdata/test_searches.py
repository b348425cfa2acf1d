"""The searches file: the last 50 queries, newest first and each once, and saved searches."""

from __future__ import annotations

from pathlib import Path

from tui.screens.search_memory import Recall
from tui.userdata.searches import (
    MAX_HISTORY,
    clean_name,
    remember_query,
    save_search,
    saved_search,
    searches_file,
)
from tui.userdata.user_state import UserState


def test_history_keeps_the_last_50_newest_first_each_once(tmp_path: Path) -> None:
    file = searches_file(tmp_path)
    file.apply(remember_query(f"q{n}") for n in range(60))
    file.apply([remember_query("q55"), remember_query("  "), remember_query(" q1 ")])
    history = file.read().history
    assert len(history) == MAX_HISTORY
    assert history[:3] == ["q1", "q55", "q59"]
    assert history.count("q55") == 1


def test_saved_searches_by_name(tmp_path: Path) -> None:
    file = searches_file(tmp_path)
    file.apply([save_search("moe", "mixture"), save_search("kv", "kv cache")])
    file.apply([save_search("moe", "mixture votes:>=20")])
    assert file.read().saved == {"kv": "kv cache", "moe": "mixture votes:>=20"}
    assert saved_search(tmp_path, "moe") == "mixture votes:>=20"
    assert saved_search(tmp_path, "none") is None


def test_names_are_kept_printable() -> None:
    assert clean_name("  my\x1b[31m  search\n ") == "my [31m search"
    assert clean_name("x" * 200) == "x" * 80


def test_user_state_saves_its_searches(tmp_path: Path) -> None:
    state = UserState(tmp_path)
    state.remember_query("kv cache")
    state.save_search("kv", "kv cache")
    assert state.close()
    again = UserState(tmp_path)
    assert again.search_history() == ["kv cache"]
    assert again.saved_searches() == {"kv": "kv cache"}
    assert again.close()


def test_recall_walks_the_history_as_a_shell_does() -> None:
    recall = Recall()
    history = ["c", "b", "a"]
    assert recall.step(history, "typed", older=True) == "c"
    assert recall.step(history, "c", older=True) == "b"
    assert recall.step(history, "b", older=True) == "a"
    assert recall.step(history, "a", older=True) is None  # the oldest
    assert recall.step(history, "a", older=False) == "b"
    assert recall.step(history, "b", older=False) == "c"
    assert recall.step(history, "c", older=False) == "typed"  # back to the text typed
    assert not recall.browsing
    assert recall.step(history, "typed", older=False) is None


def test_recall_passes_over_the_text_being_typed_and_ends_on_typing() -> None:
    recall = Recall()
    history = ["c", "b"]
    assert recall.step(history, "c", older=True) == "b"  # "c" is what the box holds
    recall.typed_over("b")  # the recalled text itself: still walking
    assert recall.browsing
    recall.typed_over("bx")
    assert not recall.browsing
