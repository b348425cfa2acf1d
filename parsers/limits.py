"""How much of one file the parsers keep: more than any real digest holds, and a bound on
what a made-up one can cost.

Read whole, a 60 MB day of made-up papers cost about 1 GB of memory. Each format counts
its papers here and hands each paper here once read; what is skipped or cut is a listed
problem naming the line.
"""

from __future__ import annotations

from typing import Any

from parsers.models import Problem

MAX_PAPERS = 5_000  # papers per file; a real day has 10 to 150
MAX_ITEM = 100_000  # characters per summary item; real ones have a few hundred
MAX_SUMMARY = 200_000  # characters of summary per paper, its items together
MAX_AUTHORS = 6_000  # names per paper; Gemini 2.5's report lists 3,302, the record ~5,150
MAX_NAME = 200  # characters per author name or section heading
MAX_LINK = 4_096  # characters of a link, thumbnail or video address


class PaperCount:
    """A file's papers: the first ``MAX_PAPERS`` are kept, the rest only counted."""

    def __init__(self) -> None:
        self.kept = 0
        self.skipped = 0
        self.first_skipped = 0  # the line of the first paper skipped

    def admit(self, line: int) -> bool:
        """True while the file has room for the paper starting at ``line``."""
        if self.kept < MAX_PAPERS:
            self.kept += 1
            return True
        if not self.skipped:
            self.first_skipped = line
        self.skipped += 1
        return False

    def admit_without_line(self) -> bool:
        """Admit a paper while the file has room (True); False, counting nothing, when it is
        full, for :meth:`admit` to be told the paper's line."""
        if self.kept < MAX_PAPERS:
            self.kept += 1
            return True
        return False

    def problems(self, path: str) -> list[Problem]:
        if not self.skipped:
            return []
        message = (
            f"more than {MAX_PAPERS:,} papers in one file; the {self.skipped:,} from this "
            "line on were skipped"
        )
        return [Problem(path=path, line=self.first_skipped, severity="error", message=message)]


def _cut(text: str, limit: int) -> str:
    return text[: limit - 1] + "…"


def _within(fields: dict[str, Any]) -> bool:
    """The common case, checked with scans in C: nothing to hold back."""
    authors = fields.get("authors")
    if authors and (len(authors) > MAX_AUTHORS or len(max(authors, key=len)) > MAX_NAME):
        return False
    for key in ("url", "thumbnail", "video"):
        link = fields.get(key)
        if link and len(link) > MAX_LINK:
            return False
    total = 0
    for section in fields.get("sections") or ():
        heading = section["heading"]
        if heading and len(heading) > MAX_NAME:
            return False
        total += sum(map(len, section["items"]))
    return total <= MAX_ITEM


def _limit_summary(sections: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """The sections held to the limits, or None when they are within them."""
    kept: list[dict[str, Any]] = []
    room, cut = MAX_SUMMARY, False
    for section in sections:
        heading, items = section["heading"], []
        if heading is not None and len(heading) > MAX_NAME:
            heading, cut = _cut(heading, MAX_NAME), True
        for item in section["items"]:
            limit = min(MAX_ITEM, room)
            if limit <= 0:
                cut = True
                break
            if len(item) > limit:
                item, cut = _cut(item, limit), True
            items.append(item)
            room -= len(item)
        if items:
            kept.append({"heading": heading, "items": items})
    return kept if cut else None


def limit_paper(fields: dict[str, Any]) -> list[str]:
    """Hold one paper's fields (a raw paper) to the limits; what was cut, in words."""
    if _within(fields):
        return []
    said: list[str] = []
    authors: list[str] = fields.get("authors") or []
    if len(authors) > MAX_AUTHORS:
        said.append(f"{len(authors):,} authors; the first {MAX_AUTHORS:,} are kept")
        authors = fields["authors"] = authors[:MAX_AUTHORS]
    if any(len(name) > MAX_NAME for name in authors):
        said.append(f"an author name is longer than {MAX_NAME} characters; it was cut")
        fields["authors"] = [_cut(n, MAX_NAME) if len(n) > MAX_NAME else n for n in authors]
    for key in ("url", "thumbnail", "video"):
        if len(fields.get(key) or "") > MAX_LINK:
            said.append(f"its {key} is longer than {MAX_LINK:,} characters; dropped")
            fields[key] = None
    sections = _limit_summary(fields.get("sections") or [])
    if sections is not None:
        said.append(
            f"its summary is longer than the reader keeps ({MAX_ITEM:,} characters an item, "
            f"{MAX_SUMMARY:,} a paper); it was cut"
        )
        fields["sections"] = sections
    return said
