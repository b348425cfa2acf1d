"""Weeks and months: their bounds, names, counts and papers ranked from the cache."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.archive.test_store import store_of
from tests.screens.helpers import write_digest
from tui.archive.periods import Period, PeriodKind, parse_month, parse_week, period_of

WEEK, MONTH = PeriodKind.WEEK, PeriodKind.MONTH


def test_iso_weeks_run_monday_to_sunday_across_months_and_years() -> None:
    assert period_of(date(2025, 7, 17), WEEK) == Period(date(2025, 7, 14), date(2025, 7, 20), WEEK)
    crossing = period_of(date(2025, 8, 1), WEEK)
    assert (crossing.start, crossing.end) == (date(2025, 7, 28), date(2025, 8, 3))
    new_year = period_of(date(2025, 1, 1), WEEK)  # ISO: week 1 of 2025 starts in 2024
    assert new_year.start == date(2024, 12, 30) and new_year.label == "2025-W01"
    assert period_of(date(2024, 2, 10), MONTH).end == date(2024, 2, 29)
    assert period_of(date(2025, 7, 17), MONTH).label == "2025-07"
    assert period_of(date(2025, 7, 17), WEEK).label == "2025-W29"


def test_week_and_month_names_parse_and_bad_ones_say_why() -> None:
    assert parse_week("2025-W29") == period_of(date(2025, 7, 14), WEEK)
    assert parse_week("2025w01").start == date(2024, 12, 30)
    assert parse_month("2025-07") == period_of(date(2025, 7, 1), MONTH)
    for bad, words in (("2025-W60", "no week 60"), ("July", "not a week")):
        with pytest.raises(ValueError, match=words):
            parse_week(bad)
    for bad in ("2025-13", "2025/07", ""):
        with pytest.raises(ValueError, match="not a month"):
            parse_month(bad)


def test_days_weeks_months_cycle() -> None:
    assert [PeriodKind.DAY.next(), WEEK.next(), MONTH.next()] == [WEEK, MONTH, PeriodKind.DAY]


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    write_digest(tmp_path / "a/2025-07-14.md", "2025-07-14", [("Mon ten", 10), ("Mon none", None)])
    write_digest(tmp_path / "a/2025-07-17.md", "2025-07-17", [("Thu ten", 10), ("Thu top", 50)])
    write_digest(tmp_path / "a/2025-07-21.md", "2025-07-21", [("Next week", 99)])
    write_digest(tmp_path / "a/2025-06-30.md", "2025-06-30", [("June", 7)])
    return tmp_path / "a"


def test_a_period_lists_its_papers_by_votes_ties_newer_first(archive: Path) -> None:
    store = store_of(archive)
    week = period_of(date(2025, 7, 16), WEEK)
    rows = store.entries(week)
    assert [row.paper.title for row in rows] == ["Thu top", "Thu ten", "Mon ten", "Mon none"]
    assert [row.day for row in rows] == [date(2025, 7, d) for d in (17, 17, 14, 14)]
    month = [row.paper.title for row in store.entries(period_of(date(2025, 7, 1), MONTH))]
    assert month == ["Next week", "Thu top", "Thu ten", "Mon ten", "Mon none"]
    assert not rows[0].paper.sections
    assert store.with_body(rows[0]).paper.sections  # the body is read when asked for


def test_periods_newest_first_with_counts_and_steps(archive: Path) -> None:
    store = store_of(archive)
    weeks = store.periods(WEEK)
    assert [(s.period.label, s.papers) for s in weeks] == [
        ("2025-W30", 1),
        ("2025-W29", 4),
        ("2025-W27", 1),  # 2025-06-30 is a Monday: week 27; week 28 has no papers
    ]
    months = store.periods(MONTH)
    assert [(s.period.label, s.papers) for s in months] == [("2025-07", 5), ("2025-06", 1)]
    w29 = weeks[1].period
    assert store.step_period(w29, older=True) == weeks[2].period  # skips the empty week
    assert store.step_period(w29, older=False) == weeks[0].period
    assert store.step_period(weeks[0].period, older=False) is None
    assert store.step_period(months[1].period, older=True) is None


def test_a_period_being_read_has_no_count_yet(archive: Path) -> None:
    store = store_of(archive)
    store.reload(pending=[date(2025, 7, 15)])
    w29 = next(s for s in store.periods(WEEK) if s.period.label == "2025-W29")
    assert w29.papers is None
    assert store.period_loading(w29.period) == date(2025, 7, 15)
