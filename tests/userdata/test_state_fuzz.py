"""Whatever the state and config files hold, loading them never raises and never hangs.

A Hypothesis state machine writes random bytes, odd but valid JSON, deep nesting and
near-valid documents into bookmarks.json, reading.json, session.json and config.toml, then
loads them the ways the reader and the commands do.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from tui.settings.config import load_config
from tui.userdata.bookmarks import bookmarks_file, sorted_bookmarks
from tui.userdata.export import FORMATS
from tui.userdata.reading import reading_file
from tui.userdata.session import session_file
from tui.userdata.user_state import UserState

STATE_FILES = ("bookmarks.json", "reading.json", "session.json")

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
good_times = st.sampled_from(
    [
        "2025-07-18T09:00:00",
        "2025-07-18T09:00:00+09:00",
        "2025-07-18T09:00:00Z",
        "0001-01-01T00:00:00+01:00",
        "9999-12-31T23:59:59-05:00",
        "0001-01-01T00:00:00",
        "2025-07-18",
    ]
)
times = (
    good_times
    | st.sampled_from(["2025-13-40T99:00:00", "", "now", "1e400"])
    | st.integers()
    | st.floats()
)
depths = st.sampled_from([1, 2, 63, 64, 65, 500, 999, 1000, 1001, 3000, 20000]) | st.integers(
    1, 20000
)
bookmark_values = st.fixed_dictionaries(
    {"id": st.text(max_size=12), "bookmarked_at": good_times | times},
    optional={
        "title": st.text(max_size=12) | st.none(),
        "date": times | st.none(),
        "votes": st.integers() | st.none(),
        "authors": st.lists(st.text(max_size=5)),
    },
)
near_valid = st.one_of(
    st.builds(
        lambda b: {"schema_version": 1, "bookmarks": b},
        st.dictionaries(st.text(max_size=12), bookmark_values, max_size=4),
    ),
    st.builds(
        lambda r: {"schema_version": 1, "read": r},
        st.dictionaries(st.text(max_size=12), times, max_size=4),
    ),
    st.builds(
        lambda p, t: {"schema_version": 1, "positions": p, "theme": t},
        st.dictionaries(
            st.text(max_size=8),
            st.fixed_dictionaries(
                {"saved_at": times}, optional={"scroll": st.integers(), "day": times}
            ),
            max_size=3,
        ),
        st.text(max_size=8) | st.integers(),
    ),
    st.builds(lambda v: {"schema_version": v}, st.integers() | st.floats() | st.text()),
)


def _nested(depth: int, opener: str, closer: str) -> bytes:
    return (opener * depth + closer * depth).encode()


contents = st.one_of(
    st.binary(max_size=200),
    json_values.map(lambda value: json.dumps(value).encode()),
    near_valid.map(lambda value: json.dumps(value).encode()),
    st.builds(_nested, depths, st.just("["), st.just("]")),
    st.builds(lambda d: b'{"a":' * d + b"1" + b"}" * d, depths),
    st.builds(lambda d: ("x = " + "[" * d + "]" * d).encode(), depths),
    st.builds(lambda d: ("x = " + "{a = " * d + "1" + "}" * d).encode(), depths),
    st.text(max_size=200).map(str.encode),
)


class StateFiles(RuleBasedStateMachine):
    """Random contents in the user's files; every load survives them."""

    @initialize()
    def make_dirs(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="paperdeck-fuzz-"))

    def teardown(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    @rule(name=st.sampled_from(STATE_FILES), content=contents)
    def write_state(self, name: str, content: bytes) -> None:
        (self.root / name).write_bytes(content)

    @rule(content=contents)
    def write_config(self, content: bytes) -> None:
        (self.root / "config.toml").write_bytes(content)

    @rule()
    def reader_starts(self) -> None:
        state = UserState(self.root)
        sorted_bookmarks(state.bookmarks)
        sorted_bookmarks(state.bookmarks, "date")
        for export in FORMATS.values():
            export(sorted_bookmarks(state.bookmarks))
        for moved in state.moved_aside:
            assert moved.moved_to.exists() or moved.moved_to.is_symlink()
            moved.message()
        state.remember_theme("nord")
        state.mark_read(["x"])
        assert state.close()

    @rule()
    def commands_read(self) -> None:
        bookmarks_file(self.root).read()
        reading_file(self.root).read()
        session_file(self.root).read()

    @invariant()
    def config_loads(self) -> None:
        if hasattr(self, "root"):
            loaded = load_config(self.root / "config.toml", {"nord"}, lambda: {"day.older"})
            assert all("\n" not in problem or "TOML" in problem for problem in loaded.problems)


TestStateFiles = StateFiles.TestCase
TestStateFiles.settings = settings(
    max_examples=60,
    stateful_step_count=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
