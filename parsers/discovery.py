"""Finding digest files under the paths a user gives."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
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

    Directories are walked in name order following symbolic links, each directory once
    (so link loops end); hidden directories and non-digest files are passed over quietly.
    """
    files: list[SourceFile] = []
    problems: list[Problem] = []
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[str] = set()

    def add(path: str, explicit: bool) -> None:
        key = os.path.normpath(path)
        if key not in seen_files:
            seen_files.add(key)
            files.append(_source(path, explicit))

    for path in paths:
        try:
            is_dir = os.path.isdir(path)
            exists = os.path.exists(path)
        except (OSError, ValueError) as exc:
            problems.append(Problem(path=path, severity="error", message=f"cannot read: {exc}"))
            continue
        if is_dir:
            _walk(path, seen_dirs, add, problems)
        elif exists:
            add(path, True)
        elif os.path.islink(path):
            problems.append(_broken_link(path))
        else:
            message = "no such file or directory"
            problems.append(Problem(path=path, severity="error", message=message))
    return files, problems


def _broken_link(path: str) -> Problem:
    return Problem(path=path, severity="error", message="broken or looping symbolic link")


def _walk(
    root: str,
    seen: set[tuple[int, int]],
    add: Callable[[str, bool], None],
    problems: list[Problem],
) -> None:
    try:
        info = os.stat(root)
    except OSError as exc:
        problems.append(Problem(path=root, severity="error", message=_reason(exc)))
        return
    key = (info.st_dev, info.st_ino)
    if key in seen:
        return  # a link back into a directory already read
    seen.add(key)
    try:
        with os.scandir(root) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        problems.append(Problem(path=root, severity="error", message=_reason(exc)))
        return
    for entry in entries:
        name = entry.name
        try:
            is_dir = entry.is_dir()
            is_file = not is_dir and entry.is_file()
        except OSError:
            if is_digest_name(name):
                problems.append(_broken_link(entry.path))
            continue
        if is_dir:
            if not name.startswith(".") and name not in _SKIPPED_DIRS:
                _walk(entry.path, seen, add, problems)
        elif is_file:
            if is_digest_name(name):
                add(entry.path, False)
        elif entry.is_symlink() and is_digest_name(name):
            problems.append(_broken_link(entry.path))


def is_digest_name(name: str) -> bool:
    """Whether a file met when walking a directory is read as a digest."""
    if name.lower().endswith(DIGEST_SUFFIXES):
        return not _NOT_DIGESTS.match(name)
    return HF_DAY_NAME.match(name) is not None


def _reason(exc: OSError) -> str:
    return f"cannot read: {exc.strerror or exc}"
