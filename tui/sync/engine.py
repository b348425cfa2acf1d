"""Syncing sources one after the other: what the command line and the reader call.

No Textual and no Rich here: progress goes to a callback (:data:`~tui.sync.progress.Report`),
so the same engine runs in a terminal with progress bars, in a script, or in a reader's
worker thread. A source that fails leaves what is on disk as it was, and the next source
still syncs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from tui.fileio.locking import LockNotTaken, exclusive_when_free
from tui.settings.sources import SourceConfig
from tui.sync.checkout_limit import GitPolicy
from tui.sync.git_source import STORE, GitSync
from tui.sync.hf_source import HfSync, day_range, utc_today
from tui.sync.http_client import HttpPolicy
from tui.sync.progress import (
    Cancelled,
    Report,
    SourceResult,
    SyncError,
    SyncProgress,
    never_cancelled,
    no_report,
)
from tui.sync.remembered import merged, remember, remembered_sources

LOCK_WAIT = 600.0


@dataclass(frozen=True)
class SyncOptions:
    """What a run may change beyond the sources themselves."""

    until: date | None = None
    """hf: the last day to fetch (default: today, UTC)."""
    http: HttpPolicy = field(default_factory=HttpPolicy)
    today: Callable[[], date] = utc_today
    sleep: Callable[[float], None] | None = None
    """How to wait between requests (default: sleep, waking up when cancelled)."""
    lock_wait: float | None = LOCK_WAIT
    """Seconds to wait while another sync of a source runs, then fail it (None: no end)."""
    git: GitPolicy = field(default_factory=GitPolicy)


def sources_to_sync(
    configured: Sequence[SourceConfig], root: Path | None = None, problems: list[str] | None = None
) -> list[SourceConfig]:
    """Every configured source and every source synced into ``root`` before (config.toml
    wins on a name both give), or the daily papers feed when there is none. What kept the
    remembered sources from being read goes to ``problems``."""
    remembered = remembered_sources(root, problems) if root is not None else []
    return merged(configured, remembered) or [SourceConfig(kind="hf")]


def _run(
    source: SourceConfig,
    root: Path,
    report: Report,
    cancelled: Cancelled,
    options: SyncOptions,
    lock_fd: int,
) -> SourceResult:
    name = source.source_name
    if source.kind == "git":
        return GitSync(name, source.address, root, report, cancelled, lock_fd, options.git).run()
    folder = root / name
    if (folder / STORE).exists():
        raise SyncError(f"{folder} holds a git source; choose another name for this one")
    days = day_range(source.since, options.until, options.today())
    hf = HfSync(name, source.address, folder, report, cancelled, options.http, options.sleep)
    return hf.run(days)


def sync_source(
    source: SourceConfig,
    root: Path,
    report: Report = no_report,
    cancelled: Cancelled = never_cancelled,
    options: SyncOptions | None = None,
) -> SourceResult:
    """Sync one source into ``root/<name>``; never raises, the result says how it went."""
    name = source.source_name
    options = options or SyncOptions()

    def waiting() -> None:
        note = "another sync of this source is running; waiting for it"
        report(SyncProgress(name, source.kind, "waiting", note=note))

    try:
        path = lock_path(root, name)
        with exclusive_when_free(path, waiting, cancelled, options.lock_wait) as lock:
            result = _run(source, root, report, cancelled, options, lock.fd)
            if result.ok:
                result.new_days = remember(source, result, root)
                if result.new_days:
                    result.message += f" ({plural(result.new_days, 'new day')})"
            return result
    except LockNotTaken as exc:
        if exc.cancelled:
            message = "cancelled while another sync of this source was running"
        else:
            message = (
                f"another sync of this source was still running after "
                f"{duration(exc.waited)}; gave up waiting"
            )
    except SyncError as exc:
        message = str(exc)
    except OSError as exc:
        message = f"cannot write {root}: {exc.strerror or exc}"
    except Exception as exc:  # a bug must not stop the other sources or show a traceback
        message = f"unexpected error: {exc.__class__.__name__}: {exc}"
    return SourceResult(name, source.kind, source.address, root / name, ok=False, message=message)


def lock_path(root: Path, name: str) -> Path:
    """The lock beside source ``name``'s folder: one sync of a source at a time (cron and
    an open reader, say). A ``git`` a sync starts inherits it, so that one left running by a
    sync that was killed still holds it, and the next sync waits for it to finish."""
    return root / f".{name}.lock"


def plural(count: int, noun: str) -> str:
    """``1 new day``, ``2 new days``."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def duration(seconds: float) -> str:
    """``seconds`` as a person reads it: ``10 min``, ``0.5 s``."""
    return f"{seconds / 60:g} min" if seconds >= 60 else f"{seconds:g} s"


def sync_sources(
    sources: Sequence[SourceConfig],
    root: Path,
    report: Report = no_report,
    cancelled: Cancelled = never_cancelled,
    options: SyncOptions | None = None,
) -> list[SourceResult]:
    """Sync each source in turn (after a cancel, the rest are reported as cancelled)."""
    results = []
    for source in sources:
        if cancelled():
            name = source.source_name
            results.append(
                SourceResult(name, source.kind, source.address, root / name, False, "cancelled")
            )
            continue
        results.append(sync_source(source, root, report, cancelled, options))
    return results
