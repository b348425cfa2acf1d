"""Naming the source a file belongs to, so that a paper merged from several can say which
section came from where.

The Hugging Face feed is "Hugging Face" wherever its files are. Any other file is named
by its digest repository: the folder ``paperdeck sync`` keeps it in (``sources/<name>/``,
the repository's name unless config.toml names it), else the folder holding
``paper_logs/`` (a clone, e.g. ``~/daily_papers_ko``), else the folder it is in.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

FEED_SOURCE = "Hugging Face"
_SYNCED = "sources"
_LOGS = "paper_logs"


def source_name(path: str, feed: bool) -> str:
    """The name of the source of the file at ``path`` (``feed``: a daily papers JSON day)."""
    if feed:
        return FEED_SOURCE
    parts = [part for part in os.path.normpath(path).split(os.sep) if part not in ("", ".")]
    folders = parts[:-1]
    for index in range(len(folders) - 2, -1, -1):
        if folders[index] == _SYNCED:
            return folders[index + 1]
    if _LOGS in folders:
        at = folders.index(_LOGS)
        if at > 0 and folders[at - 1] != "..":
            return folders[at - 1]
    if folders and folders[-1] != "..":
        return folders[-1]
    name = os.path.basename(os.path.abspath(os.path.dirname(path) or "."))
    return name or os.path.basename(path)


def several_sources(sections: Sequence[Any]) -> bool:
    """Whether ``sections`` (a paper's) came from more than one source."""
    sources = {section.source for section in sections}
    return len(sources) > 1


def section_title(section: Any, labelled: bool) -> str | None:
    """What a section is called where it is shown: its heading, and when the paper merges
    several sources (``labelled``) its source too: ``What's New · daily_papers_ko``."""
    if not labelled or not section.source:
        return section.heading
    if not section.heading:
        return section.source
    return f"{section.heading} · {section.source}"
