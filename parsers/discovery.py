"""Finding digest files under the paths a user gives."""

from __future__ import annotations

import os
import re
import stat
from collections import deque
from dataclasses import dataclass
from datetime import date

from parsers.dates import date_from_path
from parsers.models import Problem

DIGEST_SUFFIXES = (".md", ".markdown", ".txt")
# A day of the Hugging Face daily papers API, as ``paperdeck sync`` stores it: only JSON
# files named by their date are read when walking a directory, never other JSON.
HF_DAY_NAME = re.compile(r"\d{4}-\d{2}-\d{2}\.json$", re.IGNORECASE)
_SKIPPED_DIRS = {"node_modules", "__pycache__", "site-packages"}
# Files a digest repository carries besides digests: never read when walking a directory.
_NOT_DIGESTS = re.compile(
    r"(licen[cs]e|copying|notice|authors|contributors|changelog|changes|history|contributing"
    r"|code_of_conduct|security|support|funding|codeowners|requirements|constraints"
    r"|cmakelists|robots|pull_request_template|issue_template)([-_.].*)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SourceFile:
    """A file to read, as found under the paths the user gave."""

    path: str
    """The path as shown to the user."""
    explicit: bool
    """True when the user named this file; such a file is reported even if it is no digest."""
    path_date: date | None
    """The date the path names, if any (``paper_logs/2025/07/14.md``)."""


def _source(path: str, explicit: bool) -> SourceFile:
    return SourceFile(path=path, explicit=explicit, path_date=date_from_path(path))


def discover(paths: list[str]) -> tuple[list[SourceFile], list[Problem]]:
    """The digest files named by ``paths`` (files, or directories walked recursively).

    Directories are walked in name order, each once; hidden directories and non-digest
    files are passed over quietly. A symbolic link met in a walk is followed only when it
    leads inside the directory the walk began at, and after everything else in it, so a
    file is read once, under its own name when it has one; a link that leaves the
    directory or loops back above itself is a problem, never followed. A path in
    ``paths`` may itself be a link: the user named it.
    """
    walk = _Walk()
    for path in paths:
        try:
            info: os.stat_result | None = os.stat(path)
        except ValueError as exc:  # a NUL in the path
            walk.problems.append(
                Problem(path=path, severity="error", message=f"cannot read: {exc}")
            )
            continue
        except OSError:
            info = None
        if info is None:
            missing = "no such file or directory"
            walk.problems.append(
                _broken_link(path)
                if os.path.islink(path)
                else Problem(path=path, severity="error", message=missing)
            )
        elif stat.S_ISDIR(info.st_mode):
            walk.run(path)
        else:
            walk.add(path, os.path.realpath(path), explicit=True)
    return walk.files, walk.problems


def _broken_link(path: str) -> Problem:
    return Problem(path=path, severity="error", message="broken or looping symbolic link")


def _skipped_link(path: str, why: str) -> Problem:
    return Problem(path=path, severity="warning", message=f"link {why}; not followed")


def _within(folder: str, path: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


class _Walk:
    """What the walks over all of ``paths`` found; a file or directory is taken once."""

    def __init__(self) -> None:
        self.files: list[SourceFile] = []
        self.problems: list[Problem] = []
        self._files: set[str] = set()  # their resolved paths
        self._dirs: set[tuple[int, int]] = set()  # (device, inode): bind mounts too

    def add(self, path: str, resolved: str, explicit: bool) -> None:
        """Take the file at ``path`` unless the file at ``resolved`` was taken already."""
        if resolved not in self._files:
            self._files.add(resolved)
            self.files.append(_source(path, explicit))

    def run(self, root: str) -> None:
        """Walk ``root``: its own entries first, then the links inside it, breadth first."""
        try:
            info = os.stat(root)
            base = os.path.realpath(root)
        except OSError as exc:
            self.problems.append(Problem(path=root, severity="error", message=_reason(exc)))
            return
        links: deque[os.DirEntry[str]] = deque()
        self._directory(root, base, info, links)
        while links:
            self._link(links.popleft(), base, links)

    def _directory(
        self, path: str, resolved: str, info: os.stat_result, links: deque[os.DirEntry[str]]
    ) -> None:
        key = (info.st_dev, info.st_ino)
        if key in self._dirs:
            return  # reached before, through a link or as another path given
        self._dirs.add(key)
        try:
            with os.scandir(path) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as exc:
            self.problems.append(Problem(path=path, severity="error", message=_reason(exc)))
            return
        prefix = resolved if resolved.endswith(os.sep) else resolved + os.sep
        for entry in entries:
            inside = prefix + entry.name  # no link on the way: still resolved
            try:
                if entry.is_symlink():
                    links.append(entry)
                elif entry.is_dir(follow_symlinks=False):
                    if _walked(entry.name):
                        child = entry.stat(follow_symlinks=False)
                        self._directory(entry.path, inside, child, links)
                elif entry.is_file(follow_symlinks=False) and is_digest_name(entry.name):
                    self.add(entry.path, inside, explicit=False)
            except OSError as exc:  # gone or unreadable since the listing
                self.problems.append(Problem(path=entry.path, severity="error",
                                             message=_reason(exc)))  # fmt: skip

    def _link(self, entry: os.DirEntry[str], base: str, links: deque[os.DirEntry[str]]) -> None:
        try:
            info = entry.stat()
        except OSError:
            if is_digest_name(entry.name):
                self.problems.append(_broken_link(entry.path))
            return
        is_dir = stat.S_ISDIR(info.st_mode)
        if is_dir and not _walked(entry.name):
            return
        if not is_dir and not is_digest_name(entry.name):
            return  # a FIFO or device by a digest's name is added: reading it says what it is
        target = os.path.realpath(entry.path)
        if not _within(base, target):
            self.problems.append(_skipped_link(entry.path, "leaves the archive"))
        elif is_dir and _within(target, os.path.realpath(os.path.dirname(entry.path))):
            self.problems.append(_skipped_link(entry.path, "loops back to a folder above it"))
        elif is_dir:
            self._directory(entry.path, target, info, links)
        else:
            self.add(entry.path, target, explicit=False)


def _walked(name: str) -> bool:
    """Whether a directory met in a walk is walked, by its name (hidden ones are not)."""
    return not name.startswith(".") and name not in _SKIPPED_DIRS


def is_digest_name(name: str) -> bool:
    """Whether a file met when walking a directory is read as a digest."""
    if name.lower().endswith(DIGEST_SUFFIXES):
        return not _NOT_DIGESTS.match(name)
    return HF_DAY_NAME.match(name) is not None


def _reason(exc: OSError) -> str:
    return f"cannot read: {exc.strerror or exc}"
