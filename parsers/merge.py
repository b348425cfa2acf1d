"""Merging what several files (or several day headers) say about the same day."""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Any, Protocol, TypeVar

from parsers.models import Digest, Paper, Problem
from parsers.paper_fields import title_key


class PaperLike(Protocol):
    """What merging reads and completes: a :class:`Paper`, or plain data shaped like one."""

    title: str
    title_derived: bool
    url: str | None
    arxiv_id: str | None
    votes: int | None
    authors: list[str]
    thumbnail: str | None
    video: str | None
    sections: list[Any]  # items with ``.heading``, ``.items`` and ``.source``, as Section has


P = TypeVar("P", bound=PaperLike)


def paper_key(paper: PaperLike) -> str:
    """What makes two papers of one day the same paper: arXiv id, else normalised title.

    An untitled abstract is keyed by its whole text, since derived titles may coincide.
    """
    if paper.arxiv_id:
        return f"arxiv:{paper.arxiv_id}"
    if paper.title_derived:
        text = " ".join(item for section in paper.sections for item in section.items)
        return f"abstract:{title_key(text) or text}"
    return f"title:{title_key(paper.title) or paper.title}"


def merge_paper(kept: P, other: P) -> bool:
    """Complete ``kept`` with what ``other`` (a later copy of the same paper) adds.

    Votes: the higher count. Authors: one list, a name that another copy wrote differently
    (case, accents, spacing) once, in its best-written form. Sections: those of every
    source (see :func:`merge_sections`). True when ``other`` added sections.
    """
    if kept.title_derived and not other.title_derived:
        kept.title, kept.title_derived = other.title, False
    kept.url = kept.url or other.url
    kept.arxiv_id = kept.arxiv_id or other.arxiv_id
    if other.votes is not None and (kept.votes is None or other.votes > kept.votes):
        kept.votes = other.votes
    kept.authors = merge_authors(kept.authors, other.authors)
    kept.thumbnail = kept.thumbnail or other.thumbnail
    kept.video = kept.video or other.video
    return merge_sections(kept.sections, other.sections)


def merge_sections(kept: list[Any], other: list[Any]) -> bool:
    """Add to ``kept`` the sections of ``other`` (one copy's) when their source is new.

    A later copy from a source already kept (two files of one repository) adds nothing, as
    before sources were told apart; a section word for word like one kept is left out.
    True when ``other`` added sections.
    """
    if not other:
        return False
    sources = {section.source for section in kept}
    if kept and all(section.source in sources for section in other):
        return False
    seen = {(section.heading, tuple(section.items)) for section in kept}
    added = [s for s in other if (s.heading, tuple(s.items)) not in seen]
    kept.extend(added)
    return bool(added)


_DROPPED_MARKS = {"Mn", "Me"}


def name_key(name: str) -> str:
    """An author's name as merging compares it: no case, accents or runs of spaces."""
    if name.isascii():  # most names: no accent to drop, nothing to normalise
        return " ".join(name.lower().split())
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", name).casefold())
    bare = "".join(char for char in text if unicodedata.category(char) not in _DROPPED_MARKS)
    return " ".join(bare.split())


def _written(name: str) -> tuple[int, int, int]:
    """How well ``name`` is written: accents kept, then not all one case, then fewer spaces."""
    accents = 0
    if not name.isascii():
        decomposed = unicodedata.normalize("NFKD", name)
        accents = sum(unicodedata.category(char) in _DROPPED_MARKS for char in decomposed)
    one_case = name.isupper() or name.islower()
    return accents, not one_case, -len(name)


def merge_authors(kept: list[str], other: list[str]) -> list[str]:
    """``kept`` with the names of ``other`` it lacks; a name both hold, best written."""
    written = set(kept)
    new = [name for name in other if name not in written]
    if not new:  # the same names, written alike: the common case, decided without keys
        return kept
    merged = list(kept)
    places: dict[str, int] = {}
    for number, name in enumerate(merged):
        places.setdefault(name_key(name), number)
    for name in new:
        key = name_key(name)
        found = places.get(key)
        if found is None:
            places[key] = len(merged)
            merged.append(name)
        elif _written(name) > _written(merged[found]):
            merged[found] = name
    return merged


class DigestIndex:
    """Digests by date, merged as files arrive: each paper of a day once, in file order."""

    def __init__(self) -> None:
        self._digests: dict[date | None, Digest] = {}
        self._keys: dict[date | None, dict[str, Paper]] = {}

    def add(self, digest: Digest) -> Digest:
        """Merge ``digest`` into the digest of its date and return that digest."""
        day = digest.date
        merged = self._digests.get(day)
        if merged is None:
            merged = Digest(date=day)
            self._digests[day] = merged
            self._keys[day] = {}
        keys = self._keys[day]
        for source in digest.sources:
            if source not in merged.sources:
                merged.sources.append(source)
        for paper in digest.papers:
            key = paper_key(paper)
            kept = keys.get(key)
            if kept is None:
                keys[key] = paper
                merged.papers.append(paper)
            else:
                merge_paper(kept, paper)
        return merged

    def get(self, day: date | None) -> Digest | None:
        """The merged digest of ``day``, if any file had one."""
        return self._digests.get(day)

    def digests(self) -> list[Digest]:
        """All digests, oldest first, the undated one last."""
        return sorted(self._digests.values(), key=lambda d: (d.date is None, d.date or date.min))


def shared_ids(digests: list[dict[str, Any]], text: str, path: str) -> list[Problem]:
    """A warning for each arXiv id that papers of one day give under different titles.

    Such papers are read as one (the first title is kept), so the file loses what the
    others say; the warning names the line of the later title so that it can be checked.
    """
    problems: list[Problem] = []
    for digest in digests:
        titles: dict[str, str] = {}
        for paper in digest["papers"]:
            arxiv_id, title = paper.get("arxiv_id"), paper.get("title") or ""
            if not arxiv_id:
                continue
            first = titles.setdefault(arxiv_id, title)
            if first is not title and title_key(first) != title_key(title):
                line = _line_of(text, title)
                message = (
                    f"two papers share arXiv id {arxiv_id} under different titles "
                    f"({first!r} and {title!r}); they are read as one, the first title kept"
                )
                problems.append(Problem(path=path, line=line, message=message))
    return problems


def _line_of(text: str, title: str) -> int:
    """The line where ``title`` is first written (0 when it is not written as read)."""
    found = text.find(title) if title else -1
    return text.count("\n", 0, found) + 1 if found >= 0 else 0
