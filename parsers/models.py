"""Typed records of what the parsers read out of digest files.

Plain dataclasses, not validated models: the parsers build every field themselves (and
check it as they do), the cache rebuilds them from rows it wrote, and a warm start reads
them without importing a validation library.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date as Date
from typing import Any, Literal

Severity = Literal["error", "warning"]

RawDigest = dict[str, Any]
"""A digest as plain data (``Digest`` fields, papers as dicts): cheap to build and to store,
turned into a :class:`Digest` by :func:`digest_from_raw`."""


@dataclass(slots=True, kw_only=True)
class Section:
    """One part of a paper's summary: a heading and its bullet items."""

    heading: str | None = None
    """The section heading ("What's New", "Technical Details", ...); None for plain bullets."""
    items: list[str] = field(default_factory=list)
    """The bullet items, in file order; nested bullets and continuation lines are folded in."""
    source: str | None = None
    """The source it came from ("daily_papers_ko", "Hugging Face"; see ``parsers.sources``)."""


@dataclass(slots=True, kw_only=True)
class Paper:
    """One paper of a daily digest."""

    title: str
    """The paper's title, or a title derived from its abstract (see ``title_derived``)."""
    title_derived: bool = False
    """True when the source had no title and ``title`` was taken from the abstract."""
    url: str | None = None
    """The link the digest gives for the paper (usually the arXiv abstract page)."""
    arxiv_id: str | None = None
    """The arXiv identifier without version (``2411.19870``), when the link names one."""
    votes: int | None = None
    """Upvotes on the day; None when the digest gives none (``Vote: -`` or no vote line)."""
    authors: list[str] = field(default_factory=list)
    """Author names, each once, in the order the digest lists them."""
    thumbnail: str | None = None
    """URL of the paper's thumbnail image."""
    video: str | None = None
    """URL of the paper's video."""
    sections: list[Section] = field(default_factory=list)
    """The summary, section by section: each source's sections, in file order."""

    def as_json(self) -> dict[str, Any]:
        """The paper as JSON data: its fields in order, sections as objects."""
        return asdict(self)


@dataclass(slots=True, kw_only=True)
class Digest:
    """The papers of one day (or of an undated dump), merged across files."""

    date: Date | None = None
    """The day the digest covers; None for an undated dump."""
    sources: list[str] = field(default_factory=list)
    """Paths of the files the papers came from."""
    papers: list[Paper] = field(default_factory=list)
    """The papers in file order, each paper once."""


@dataclass(slots=True, kw_only=True)
class Problem:
    """Something in a file that could not be read as intended."""

    path: str
    """The file the problem is in."""
    line: int = 0
    """1-based line number; 0 when the problem concerns the whole file."""
    severity: Severity = "warning"
    """``error`` when content was lost, ``warning`` when it was read with a guess."""
    message: str
    """What is wrong, in a sentence a user can act on."""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity}: {self.message}"

    def as_json(self) -> dict[str, Any]:
        """The problem as JSON data (``path``, ``line``, ``severity``, ``message``)."""
        return asdict(self)


@dataclass(slots=True, kw_only=True)
class LoadResult:
    """Everything read from a set of paths: digests by date and the problems found."""

    digests: list[Digest] = field(default_factory=list)
    """One digest per date, oldest first; the undated digest, if any, last."""
    problems: list[Problem] = field(default_factory=list)
    """Problems in the order they were found."""


def paper_from_raw(raw: dict[str, Any]) -> Paper:
    """A paper from the plain data a parser built (the fields it names; others ignored)."""
    return Paper(
        title=raw["title"],
        title_derived=raw.get("title_derived", False),
        url=raw.get("url"),
        arxiv_id=raw.get("arxiv_id"),
        votes=raw.get("votes"),
        authors=list(raw.get("authors") or ()),
        thumbnail=raw.get("thumbnail"),
        video=raw.get("video"),
        sections=[
            Section(
                heading=s.get("heading"), items=list(s.get("items") or ()), source=s.get("source")
            )
            for s in raw.get("sections") or ()
        ],
    )


def digest_from_raw(raw: RawDigest) -> Digest:
    """A digest from the plain data a parser built."""
    return Digest(
        date=raw.get("date"),
        sources=list(raw.get("sources") or ()),
        papers=[paper_from_raw(paper) for paper in raw.get("papers") or ()],
    )


def problem_from_json(raw: dict[str, Any]) -> Problem:
    """A problem from the JSON data :meth:`Problem.as_json` gave."""
    return Problem(
        path=str(raw["path"]),
        line=int(raw.get("line", 0)),
        severity="error" if raw.get("severity") == "error" else "warning",
        message=str(raw["message"]),
    )
