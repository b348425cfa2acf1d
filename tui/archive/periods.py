"""Spans of days the reader can show at once: a day, an ISO week (Monday to Sunday), a month.

No Textual here. A :class:`Period` is a closed range of days with a kind; the reader's
sidebar lists the periods of one kind, and a period's papers are ranked like a day's.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class PeriodKind(StrEnum):
    """What one row of the sidebar stands for."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"

    def next(self) -> PeriodKind:
        """Days → weeks → months → days."""
        members = list(PeriodKind)
        return members[(members.index(self) + 1) % len(members)]

    @property
    def plural(self) -> str:
        return f"{self.value}s"


@dataclass(frozen=True, order=True)
class Period:
    """The days from ``start`` to ``end`` (both included) of one week or month."""

    start: date
    end: date
    kind: PeriodKind

    @property
    def label(self) -> str:
        """``2025-W29`` or ``2025-07`` (``YYYY-MM-DD`` for a day)."""
        if self.kind is PeriodKind.WEEK:
            year, week, _ = self.start.isocalendar()
            return f"{year}-W{week:02d}"
        if self.kind is PeriodKind.MONTH:
            return f"{self.start:%Y-%m}"
        return self.start.isoformat()

    @property
    def year(self) -> int:
        """The year the period is filed under: a week's ISO year (2025-W01 may begin in
        December 2024), else the year of its first day."""
        if self.kind is PeriodKind.WEEK:
            return self.start.isocalendar()[0]
        return self.start.year

    @property
    def range_text(self) -> str:
        """``2025-07-14 – 2025-07-20``."""
        return f"{self.start.isoformat()} – {self.end.isoformat()}"

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def days(self) -> list[date]:
        """Every day of the period, oldest first."""
        return [self.start + timedelta(days=n) for n in range((self.end - self.start).days + 1)]


def period_of(day: date, kind: PeriodKind) -> Period:
    """The week or month (or the day itself) holding ``day``."""
    if kind is PeriodKind.WEEK:
        start = day - timedelta(days=day.weekday())
        return Period(start, start + timedelta(days=6), kind)
    if kind is PeriodKind.MONTH:
        last = calendar.monthrange(day.year, day.month)[1]
        return Period(day.replace(day=1), day.replace(day=last), kind)
    return Period(day, day, kind)


_WEEK = re.compile(r"(\d{4})-?W(\d{1,2})", re.IGNORECASE)
_MONTH = re.compile(r"(\d{4})-(\d{1,2})")


def parse_week(text: str) -> Period:
    """``YYYY-Www`` (an ISO week); raises ValueError with a message saying what is wrong."""
    match = _WEEK.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"{text!r} is not a week: use YYYY-Www, e.g. 2025-W29")
    try:
        start = date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
    except ValueError:
        raise ValueError(f"{text!r}: year {match.group(1)} has no week {match.group(2)}") from None
    return period_of(start, PeriodKind.WEEK)


def parse_month(text: str) -> Period:
    """``YYYY-MM``; raises ValueError with a message saying what is wrong."""
    match = _MONTH.fullmatch(text.strip())
    if match is None or not 1 <= int(match.group(2)) <= 12:
        raise ValueError(f"{text!r} is not a month: use YYYY-MM, e.g. 2025-07")
    return period_of(date(int(match.group(1)), int(match.group(2)), 1), PeriodKind.MONTH)
