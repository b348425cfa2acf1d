"""The loader makes way for keys: it waits between two pieces of work while the reader
answers the user, once per piece, so that keys without end slow it but never stop it."""

from __future__ import annotations

from typing import Any

import pytest

from tui.archive import loading
from tui.archive.loading import MAKE_WAY_SECONDS, ArchiveLoader


class Clock:
    """``time`` for the loader: sleeping moves the clock on, and may press a key."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept = 0.0
        self.on_sleep: list[Any] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds
        self.slept += seconds
        for press in self.on_sleep:
            press()


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(loading, "time", fake)
    return fake


def loader() -> ArchiveLoader:
    return ArchiveLoader([], None, None, lambda event: None)  # type: ignore[arg-type]


def test_without_keys_the_loader_never_waits(clock: Clock) -> None:
    check = loader()._polite(lambda: False)
    assert [check() for _ in range(3)] == [False] * 3
    assert clock.slept == 0


def test_after_a_key_the_next_piece_of_work_waits(clock: Clock) -> None:
    load = loader()
    check = load._polite(lambda: False)
    load.make_way()
    assert check() is False
    assert clock.slept == pytest.approx(MAKE_WAY_SECONDS)
    assert check() is False and clock.slept == pytest.approx(MAKE_WAY_SECONDS)  # once


def test_keys_without_end_slow_the_loader_but_never_stop_it(clock: Clock) -> None:
    load = loader()
    clock.on_sleep.append(load.make_way)  # a key during every wait
    check = load._polite(lambda: False)
    load.make_way()
    for pieces in range(1, 4):
        assert check() is False  # each piece of work goes ahead after one wait
        assert clock.slept <= pieces * MAKE_WAY_SECONDS + 1e-9


def test_a_cancelled_load_stops_waiting(clock: Clock) -> None:
    load = loader()
    stop: list[bool] = []
    clock.on_sleep.append(lambda: stop.append(True))
    check = load._polite(lambda: bool(stop))
    load.make_way(seconds=60)
    assert check() is True
    assert clock.slept < 1
