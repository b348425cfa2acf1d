"""Where digests come from: the ``[[source]]`` tables of ``config.toml``.

    [[source]]
    kind = "git"                                   # a repository of Markdown digests
    url = "https://github.com/l-yohai/daily_papers_ko"
    name = "ko"                                    # optional: the folder under sources/

    [[source]]
    kind = "hf"                                    # the Hugging Face daily papers API
    since = 2025-01-01                             # optional: the first day (default: 30 days)

Each source is synced into ``sources/<name>/`` under the data directory. A bad table is
reported with its position and ignored; the other sources still apply.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from tui.fileio.records import EXTRA_KIND, Invalid, Record

DEFAULT_HF_API = "https://huggingface.co/api/daily_papers"
DEFAULT_HF_NAME = "hf"
NAME_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")

SourceKind = Literal["git", "hf"]


def name_from_url(url: str) -> str:
    """A folder name for a repository URL: its last path part without ``.git``."""
    tail = re.split(r"[/:\\]", url.rstrip("/\\"))[-1]
    tail = tail[:-4] if tail.lower().endswith(".git") else tail
    name = _UNSAFE.sub("-", tail).strip(".-_")[:64]
    return name if NAME_PATTERN.fullmatch(name) else "git"


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot name a source folder, or None."""
    if NAME_PATTERN.fullmatch(name) is None:
        return f"name {name!r} must be letters, digits, '.', '_' or '-' (up to 64)"
    return None


class SourceConfig(Record, frozen=True):
    """One source of digests."""

    EXTRA = "forbid"

    kind: SourceKind
    """``git``: a repository of Markdown digests; ``hf``: the daily papers API."""
    url: str | None = None
    """The repository to clone (git), or the API address (hf; default the public API)."""
    name: str | None = None
    """The folder under ``sources/``; default: the repository's name, or ``hf``."""
    since: date | None = None
    """hf only: the first day to fetch (default: the last 30 days)."""

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.kind == "git" and not (self.url and self.url.strip()):
            raise ValueError("a git source needs a url")
        if self.kind == "hf" and self.url and not self.url.startswith(("http://", "https://")):
            raise ValueError(f"url {self.url!r} is not an http(s) address")
        if self.kind == "git" and self.since is not None:
            raise ValueError("since applies to hf sources only")
        if self.name is not None and (problem := name_problem(self.name)):
            raise ValueError(problem)

    @property
    def source_name(self) -> str:
        """The folder this source syncs into, under ``sources/``."""
        if self.name:
            return self.name
        return name_from_url(self.url or "") if self.kind == "git" else DEFAULT_HF_NAME

    @property
    def address(self) -> str:
        """Where it syncs from: the repository URL, or the API address."""
        return self.url or DEFAULT_HF_API


def read_sources(value: object, where: str) -> tuple[list[SourceConfig], list[str]]:
    """The valid ``[[source]]`` tables of ``value``, and a problem for each bad one."""
    if not isinstance(value, list):
        return [], [f"{where}: source must be [[source]] tables; ignored"]
    sources: list[SourceConfig] = []
    problems: list[str] = []
    names: set[str] = set()
    for number, table in enumerate(value, 1):
        label = f"{where}: [[source]] #{number}"
        try:
            source = SourceConfig.validate(table)
        except Invalid as exc:
            field = ".".join(str(part) for part in exc.loc)
            reason = "unknown key" if exc.kind == EXTRA_KIND else exc.msg
            problems.append(f"{label}: {field + ': ' if field else ''}{reason}; ignored")
            continue
        if source.source_name in names:
            problems.append(
                f"{label}: another source is already named {source.source_name!r}; "
                "give this one a name; ignored"
            )
            continue
        names.add(source.source_name)
        sources.append(source)
    return sources, problems
