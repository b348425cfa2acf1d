"""Typed models for what the parsers read out of digest files."""

from __future__ import annotations

from datetime import date as Date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["error", "warning"]

DEFERRED = ConfigDict(defer_build=True)
"""Validators are built when a model is first validated, not when the module is imported:
the reader's first screen builds its papers from the cache without validating them, and
saves the ~60 ms the five schemas cost (pydantic serialises concurrent first builds)."""

RawDigest = dict[str, Any]
"""A digest as plain data (``Digest`` fields, papers as dicts): cheap to build and to move
between processes, and validated into a :class:`Digest` in one call."""


class Section(BaseModel):
    """One part of a paper's summary: a heading and its bullet items."""

    model_config = ConfigDict(frozen=False, defer_build=True)

    heading: str | None = None
    """The section heading ("What's New", "Technical Details", ...); None for plain bullets."""
    items: list[str] = Field(default_factory=list)
    """The bullet items, in file order; nested bullets and continuation lines are folded in."""
    source: str | None = None
    """The source it came from ("daily_papers_ko", "Hugging Face"; see ``parsers.sources``)."""


class Paper(BaseModel):
    """One paper of a daily digest."""

    model_config = DEFERRED

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
    authors: list[str] = Field(default_factory=list)
    """Author names, each once, in the order the digest lists them."""
    thumbnail: str | None = None
    """URL of the paper's thumbnail image."""
    video: str | None = None
    """URL of the paper's video."""
    sections: list[Section] = Field(default_factory=list)
    """The summary, section by section: each source's sections, in file order."""


class Digest(BaseModel):
    """The papers of one day (or of an undated dump), merged across files."""

    model_config = DEFERRED

    date: Date | None = None
    """The day the digest covers; None for an undated dump."""
    sources: list[str] = Field(default_factory=list)
    """Paths of the files the papers came from."""
    papers: list[Paper] = Field(default_factory=list)
    """The papers in file order, each paper once."""


class Problem(BaseModel):
    """Something in a file that could not be read as intended."""

    model_config = DEFERRED

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


class LoadResult(BaseModel):
    """Everything read from a set of paths: digests by date and the problems found."""

    model_config = DEFERRED

    digests: list[Digest] = Field(default_factory=list)
    """One digest per date, oldest first; the undated digest, if any, last."""
    problems: list[Problem] = Field(default_factory=list)
    """Problems in the order they were found."""
