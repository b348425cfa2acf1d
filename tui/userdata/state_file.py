"""User data files: versioned JSON, written atomically, merged under a lock.

Every change is a function applied to the state *on disk*: the writer takes the lock,
reads the file as it is now (another paperdeck may have changed it), applies its changes
and replaces the file atomically (temp file in the same directory, flush, fsync,
``os.replace``). So two SSH sessions and a script never lose each other's updates, and a
crash or ``kill -9`` leaves either the old file or the new one, never half of one.

A corrupt, truncated or future-version file is moved aside (never deleted) and reported.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

from tui.userdata.file_lock import locked

SCHEMA_VERSION = 1
STALE_TEMP_SECONDS = 3600

State = TypeVar("State", bound=BaseModel)
Change = Callable[[State], None]


class VersionedState(BaseModel):
    """Base of every user data file: carries the schema version it was written with."""

    schema_version: int = SCHEMA_VERSION
    """The file format's version; a newer one than this program knows is not read."""


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
    """One JSON file of user data, validated by the pydantic model ``model``."""

    def __init__(self, path: Path, model: type[State]) -> None:
        self.path = path
        self.model = model
        self.lock_path = path.with_name(f".{path.name}.lock")
        self.moved: list[MovedAside] = []

    def read(self) -> State:
        """The state on disk (empty if there is no file), moving a bad file aside."""
        if not self.path.exists() and not self.path.is_symlink():
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
            data = self.path.read_bytes()
        except FileNotFoundError:
            return self.model()
        except OSError as exc:  # a directory, no permission, an I/O error
            raise StateFileError(f"cannot read {self.path}: {exc.strerror or exc}") from exc
        try:
            raw = json.loads(data)
        except (UnicodeDecodeError, ValueError):
            return self._move_aside("not valid JSON; truncated or corrupt")
        version = raw.get("schema_version") if isinstance(raw, dict) else None
        if isinstance(version, int) and version > SCHEMA_VERSION:
            return self._move_aside(f"written by a newer paperdeck (format {version})")
        try:
            return self.model.model_validate(raw)
        except ValidationError as exc:
            return self._move_aside(f"unexpected content: {exc.errors()[0]['msg']}")

    def _move_aside(self, reason: str) -> State:
        stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
        target = self.path.with_name(f"{self.path.name}.unreadable-{stamp}")
        counter = 1
        while target.exists():
            counter += 1
            target = self.path.with_name(f"{self.path.name}.unreadable-{stamp}-{counter}")
        os.replace(self.path, target)
        self.moved.append(MovedAside(self.path, target, reason))
        return self.model()

    def _write_locked(self, state: State) -> None:
        directory = self.path.parent
        directory.mkdir(parents=True, exist_ok=True)
        payload = state.model_dump_json(indent=1).encode("utf-8")
        fd, temp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=directory)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, self.path)
        except BaseException:
            with suppress(OSError):
                os.unlink(temp)
            raise
        _fsync_directory(directory)
        self._remove_stale_temps()

    def _remove_stale_temps(self) -> None:
        """Temp files left by a writer killed mid-write (ours alone, never user data)."""
        now = datetime.now().timestamp()
        for temp in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            with suppress(OSError):
                if now - temp.stat().st_mtime > STALE_TEMP_SECONDS:
                    temp.unlink()


class StateFileError(Exception):
    """A user data file exists but cannot be read at all (permissions, I/O)."""


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); not possible everywhere, so best effort."""
    with suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
