"""User data files: versioned JSON, written atomically, merged under a lock.

Every change is a function applied to the state *on disk*: the writer takes the lock,
reads the file as it is now (another paperdeck may have changed it), applies its changes
and replaces the file atomically (temp file in the same directory, flush, fsync,
``os.replace``). So two SSH sessions and a script never lose each other's updates, and a
crash or ``kill -9`` leaves either the old file or the new one, never half of one.

Each kind of file has its own format version (``CURRENT_VERSION``). A file written in an
older format is migrated as it is read (:meth:`VersionedState.migrate`) and saved in the
current one at the next change. Files are read and written through :mod:`tui.fileio`. A
file that cannot be used as it is (corrupt, truncated, from a newer paperdeck, nested too
deeply, larger than
:data:`MAX_STATE_BYTES`, a FIFO or a device) is moved aside (renamed, never deleted) and
reported. A state file that is a symbolic link is written through: its target is replaced.
Times are kept in UTC: a time without a zone is read as UTC.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar, Generic, TypeVar

from tui.fileio import UnusableFile, read_json, remove_stale_temps, write_atomic
from tui.fileio.locking import locked
from tui.fileio.records import Invalid, Record

MAX_STATE_BYTES = 32 * 2**20
"""A state file larger than this is moved aside unread (bookmarks take ~0.5 KiB each)."""

State = TypeVar("State", bound="VersionedState")
Change = Callable[[State], None]


UtcDateTime = datetime
"""A datetime field of a state file: always aware, in UTC, so any two compare (a record
keeps every time in UTC: see :mod:`tui.fileio.records`)."""


def now_utc() -> datetime:
    return datetime.now(UTC)


class VersionedState(Record):
    """Base of every user data file: carries the schema version it was written with."""

    CURRENT_VERSION: ClassVar[int] = 1
    """The format this program writes; a file of a newer one is moved aside, not read."""

    schema_version: int = 1
    """The file format's version (always the current one once read: older ones migrate)."""

    def __post_init__(self) -> None:
        super().__post_init__()
        self.schema_version = self.CURRENT_VERSION

    @classmethod
    def migrate(cls, raw: dict[str, Any], version: int) -> dict[str, Any]:
        """``raw``, a file of format ``version`` (older than the current), in the current one."""
        return raw


@dataclass(frozen=True)
class MovedAside:
    """A file that could not be read and was renamed, so that nothing is lost."""

    original: Path
    moved_to: Path
    reason: str

    def message(self) -> str:
        return (
            f"{self.original.name} could not be read ({self.reason}); it was moved to "
            f"{self.moved_to} and paperdeck continues without it."
        )


class StateFile(Generic[State]):
    """One JSON file of user data, read into the record ``model``."""

    def __init__(self, path: Path, model: type[State]) -> None:
        self.path = path
        self.model = model
        self.lock_path = path.with_name(f".{path.name}.lock")
        self.moved: list[MovedAside] = []

    def read(self) -> State:
        """The state on disk (empty if there is no file), moving a bad file aside."""
        if not os.path.lexists(self.path):
            return self.model()  # nothing to read: create no directory or lock file
        try:
            with locked(self.lock_path):
                return self._read_locked()
        except StateFileError:
            raise
        except OSError as exc:  # the lock itself: the directory is not usable
            raise StateFileError(f"cannot use {self.path.parent}: {exc.strerror or exc}") from exc

    def apply(self, changes: Iterable[Change[State]]) -> State:
        """Apply ``changes`` to the state on disk and save it; returns the new state."""
        with locked(self.lock_path):
            state = self._read_locked()
            for change in changes:
                change(state)
            self._write_locked(state)
            return state

    # -- under the lock --------------------------------------------------------------

    def _read_locked(self) -> State:
        try:
            raw = read_json(self.path, MAX_STATE_BYTES)
        except FileNotFoundError:
            return self.model()
        except UnusableFile as exc:  # the wrong kind, too large, corrupt, too deep
            return self._move_aside(exc.reason)
        except OSError as exc:  # a directory, no permission, an I/O error
            raise StateFileError(f"cannot read {self.path}: {exc.strerror or exc}") from exc
        version = raw.get("schema_version", 1) if isinstance(raw, dict) else None
        if isinstance(raw, dict) and (not isinstance(version, int) or isinstance(version, bool)):
            return self._move_aside("unexpected content: schema_version is not a whole number")
        if isinstance(version, int) and version > self.model.CURRENT_VERSION:
            return self._move_aside(f"written by a newer paperdeck (format {version})")
        try:
            if isinstance(raw, dict) and isinstance(version, int) and version >= 1:
                raw = self.model.migrate(raw, version)
            return self.model.validate(raw)
        except Invalid as exc:
            return self._move_aside(f"unexpected content: {_first_error(exc)}")
        except (ValueError, RecursionError, MemoryError):  # a value no model should meet
            return self._move_aside("unexpected content")

    def _move_aside(self, reason: str) -> State:
        stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
        target = self.path.with_name(f"{self.path.name}.unreadable-{stamp}")
        counter = 1
        while os.path.lexists(target):
            counter += 1
            target = self.path.with_name(f"{self.path.name}.unreadable-{stamp}-{counter}")
        os.replace(self.path, target)  # a link is moved as a link: its target is untouched
        self.moved.append(MovedAside(self.path, target, reason))
        return self.model()

    def _write_locked(self, state: State) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, _json_bytes(state.dump(json=True)))
        remove_stale_temps(self.path)


def _json_bytes(data: dict[str, Any]) -> bytes:
    """``data`` as UTF-8 JSON, one level per indent; text that UTF-8 cannot hold (a lone
    surrogate read from a ``\\ud800`` escape) is written escaped, never lost."""
    try:
        return json.dumps(data, indent=1, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(data, indent=1).encode("ascii")


def _first_error(exc: Invalid) -> str:
    where = ".".join(str(part) for part in exc.loc[:4])[:80]
    return f"{where}: {exc.msg}" if where else exc.msg


class StateFileError(Exception):
    """A user data file exists but cannot be read at all (permissions, I/O)."""
