"""Syncing the Hugging Face daily papers API: one JSON file per day, as the API returned it.

``GET <api>?date=YYYY-MM-DD`` for each day of the range, newest first, into
``sources/<name>/YYYY-MM-DD.json`` (written atomically, so a reader or a killed sync never
leaves half a file). A day is *complete* once it was fetched at least
``SETTLE_DAYS`` after it began (UTC): late submissions are in by then. Complete days are
skipped, so an interrupted sync resumes where it stopped and a daily sync asks for only
the last few days. An answer that is not a JSON list is not saved.
"""

from __future__ import annotations

import json
import os
import urllib.parse
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from tui.fileio import WriteRefused, remove_stale_temps_in, write_atomic
from tui.sync.http_client import HttpClient, HttpPolicy
from tui.sync.progress import Cancelled, Report, SourceResult, SyncError, SyncProgress

DEFAULT_DAYS = 30
SETTLE_DAYS = 2
GARBAGE_TRIES = 2


def utc_today() -> date:
    return datetime.now(UTC).date()


def day_range(since: date | None, until: date | None, today: date) -> list[date]:
    """The days to sync, newest first: ``since``..``until`` (default: the last 30 days).

    Days after ``today`` (UTC) have no papers yet and are left out.
    """
    last = min(until or today, today)
    first = since or (last - timedelta(days=DEFAULT_DAYS - 1))
    return [last - timedelta(days=n) for n in range((last - first).days + 1)]


def day_file(directory: Path, day: date) -> Path:
    return directory / f"{day.isoformat()}.json"


def is_complete(path: Path, day: date) -> bool:
    """Whether the saved file of ``day`` was fetched after the day settled."""
    try:
        fetched = os.stat(path).st_mtime
    except OSError:
        return False
    settled = datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(days=SETTLE_DAYS)
    return fetched >= settled.timestamp()


def day_url(api: str, day: date) -> str:
    parts = urllib.parse.urlsplit(api)
    query = urllib.parse.parse_qsl(parts.query)
    query = [(k, v) for k, v in query if k != "date"] + [("date", day.isoformat())]
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


def _checked(body: bytes) -> tuple[bytes, int] | None:
    """``body`` and its number of entries when it is a JSON list, else None."""
    try:
        value = json.loads(body)
    except (UnicodeDecodeError, ValueError):
        return None
    return (body, len(value)) if isinstance(value, list) else None


def _days(count: int) -> str:
    return f"{count} day{'' if count == 1 else 's'}"


class HfSync:
    """One run over a range of days for one source."""

    def __init__(
        self,
        name: str,
        api: str,
        directory: Path,
        report: Report,
        cancelled: Cancelled,
        policy: HttpPolicy,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        self.name = name
        self.api = api
        self.directory = directory
        self.report = report
        self.client = HttpClient(policy, cancelled, self._waiting, sleep)
        self.cancelled = cancelled
        self.result = SourceResult(name, "hf", api, directory)
        self._done = 0
        self._total = 0

    def _progress(self, note: str = "") -> None:
        self.report(
            SyncProgress(
                self.name, "hf", "fetching days", self._done, self._total, "days", note=note
            )
        )

    def _waiting(self, note: str) -> None:
        self._progress(note)

    def run(self, days: list[date]) -> SourceResult:
        todo = [day for day in days if not is_complete(day_file(self.directory, day), day)]
        self._total = len(days)
        self._done = len(days) - len(todo)
        self._progress()
        if todo:
            try:
                self.directory.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise SyncError(f"cannot create {self.directory}: {exc.strerror or exc}") from None
            remove_stale_temps_in(self.directory, older_than=0)  # the source is locked: ours
        papers = 0
        try:
            for day in todo:
                if self.cancelled():
                    raise SyncError("cancelled")
                entries = self._fetch_day(day)
                papers += entries
                self._done += 1
                self.result.days += 1
                self._progress(f"{day.isoformat()}: {entries} paper{'' if entries == 1 else 's'}")
        except SyncError as exc:
            self.result.ok = False
            fetched = self.result.days
            kept = f"; {_days(fetched)} fetched before that are saved" if fetched else ""
            self.result.message = f"{exc}{kept}"
            return self.result
        fetched = self.result.days
        self.result.message = (
            f"{_days(fetched)} fetched ({papers} papers), {len(days) - fetched} already complete"
            if fetched
            else f"up to date ({_days(len(days))} complete)"
        )
        return self.result

    def _fetch_day(self, day: date) -> int:
        url = day_url(self.api, day)
        checked = None
        for attempt in range(1, GARBAGE_TRIES + 1):
            checked = _checked(self.client.get(url))
            if checked is not None:
                break
            if attempt < GARBAGE_TRIES:
                self._waiting(f"{day.isoformat()}: the answer is not a JSON list; asking again")
        if checked is None:
            raise SyncError(f"{day.isoformat()}: the API's answer is not a JSON list; not saved")
        data, entries = checked
        target = day_file(self.directory, day)
        try:
            write_atomic(target, data, private=False)  # an archive others may read
        except WriteRefused as exc:
            raise SyncError(str(exc)) from None
        except OSError as exc:
            raise SyncError(f"cannot write {target}: {exc.strerror or exc}") from None
        self.result.changed.append(target)
        return entries
