"""The formats paperdeck reads, tried in order for each file: the first that accepts wins.

Each format looks at a file's text (and its name) and answers None when the file is not
in that format, else the file's digests as plain data and the problems met.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from parsers.abstract_dump import read_abstract_dump, sniff_abstract_dump
from parsers.discovery import SourceFile
from parsers.hf_daily import read_hf_daily
from parsers.markdown import find_markdown_digest, read_markdown_digest
from parsers.models import Problem, RawDigest

Read = tuple[list[RawDigest], list[Problem]]


@dataclass(frozen=True)
class Format:
    """One format: its name and the reader that accepts (or declines) a file."""

    name: str
    read: Callable[[str, SourceFile], Read | None]
    days_may_be_empty: bool = False
    """True when a file may hold no paper and still be a file of this format."""


def _hf_daily(text: str, source: SourceFile) -> Read | None:
    if not source.path.lower().endswith(".json"):
        return None
    return read_hf_daily(text, source.path, source.path_date, explicit=source.explicit)


def _markdown(text: str, source: SourceFile) -> Read | None:
    if not find_markdown_digest(text):
        return None
    return read_markdown_digest(text, source.path, source.path_date)


def _abstract_dump(text: str, source: SourceFile) -> Read | None:
    lines = text.split("\n")
    if not sniff_abstract_dump(lines):
        return None
    return read_abstract_dump(lines, source.path, source.path_date)


FORMATS = (
    Format("hf-daily", _hf_daily, days_may_be_empty=True),
    Format("markdown", _markdown),
    Format("abstract-dump", _abstract_dump),
)


def read_any(text: str, source: SourceFile) -> tuple[Format, Read] | None:
    """The first format that accepts ``text``, with what it read; None when none does."""
    for found in FORMATS:
        read = found.read(text, source)
        if read is not None:
            return found, read
    return None
