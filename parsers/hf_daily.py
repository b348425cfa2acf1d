"""Hugging Face daily papers: one day of the ``/api/daily_papers?date=`` JSON, as returned.

The file is a JSON list; each element describes one paper of the day::

    {"paper": {"id": "2507.01234", "title": …, "summary": …, "upvotes": 12,
               "authors": [{"name": …}, …], "ai_summary": …, "ai_keywords": […],
               "githubRepo": "https://github.com/…", "projectPage": …, …},
     "title": …, "publishedAt": "2025-07-14T…", "thumbnail": …, "numComments": 3, …}

Unknown keys are ignored and missing ones tolerated; an element that cannot give a paper
is a problem naming its position, and the rest of the day still loads. An empty list is
no day at all. Every string is data: control characters are removed, and a link that is
not a web address (``javascript:``, ``file:``, …) is dropped with a complaint.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from parsers.dates import make_date
from parsers.decoding import strip_controls
from parsers.markdown.draft import PaperFields
from parsers.models import Problem, RawDigest
from parsers.paper_fields import clean_title, parse_votes
from parsers.web_links import is_web_link, not_a_web_link

AI_SUMMARY_HEADING = "AI summary"
ABSTRACT_HEADING = "Abstract"
KEYWORDS_HEADING = "Keywords"
LINKS_HEADING = "Links"
ABS_URL = "https://arxiv.org/abs/"
_ARXIV_ID = re.compile(r"(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?")
_VIDEO_SUFFIXES = (".mp4", ".webm", ".mov")
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_SPACE = re.compile(r"\s+")


class _Entry:
    """One element of the day's list, read with complaints gathered as it goes."""

    def __init__(self, element: dict[str, Any]) -> None:
        self.complaints: list[str] = []
        paper = element.get("paper")
        if paper is not None and not isinstance(paper, dict):
            self.complaints.append("its 'paper' is not an object")
            paper = None
        self.paper: dict[str, Any] = paper or {}
        self.element = element

    def text(self, key: str, *, fold: bool = True) -> str | None:
        """The string at ``paper[key]`` (else the element's own ``key``), cleaned."""
        value = self.paper.get(key)
        if value is None:
            value = self.element.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            self.complaints.append(f"its {key!r} is not text; ignored")
            return None
        value = strip_controls(value)
        value = _SPACE.sub(" ", value).strip() if fold else value.strip()
        return value or None

    def link(self, key: str) -> str | None:
        """The web address at ``key``; anything else is dropped with a complaint."""
        value = self.text(key)
        if value is None or is_web_link(value):
            return value
        self.complaints.append(not_a_web_link(f"its {key!r}", value))
        return None

    def arxiv_id(self) -> str | None:
        value = self.text("id")
        if value is None:
            return None
        if _ARXIV_ID.fullmatch(value) is None:
            self.complaints.append(f"its id {value[:40]!r} is not an arXiv id; no link")
            return None
        return re.sub(r"v\d+$", "", value)

    def votes(self) -> int | None:
        value = self.paper.get("upvotes")
        if value is None or (isinstance(value, int) and not isinstance(value, bool)):
            if value is not None and value < 0:
                self.complaints.append(f"upvotes {value} is negative; ignored")
                return None
            return value
        votes, complaint = parse_votes(str(value)[:40])
        if complaint:
            self.complaints.append(complaint)
        return votes

    def authors(self) -> list[str]:
        value = self.paper.get("authors")
        if value is None:
            return []
        if not isinstance(value, list):
            self.complaints.append("its 'authors' is not a list; ignored")
            return []
        names: dict[str, None] = {}
        for author in value:
            name = author.get("name") if isinstance(author, dict) else author
            if isinstance(name, str):
                name = _SPACE.sub(" ", strip_controls(name)).strip()
                if name:
                    names[name] = None
        return list(names)

    def keywords(self) -> str | None:
        value = self.paper.get("ai_keywords")
        if not isinstance(value, list):
            return None
        words = [_SPACE.sub(" ", strip_controls(w)).strip() for w in value if isinstance(w, str)]
        return ", ".join(word for word in words if word) or None

    def fields(self) -> PaperFields | None:
        title = self.text("title")
        arxiv_id = self.arxiv_id()
        if title is None:
            if arxiv_id is None:
                return None
            title = f"{ABS_URL}{arxiv_id}"
            self.complaints.append("it has no title; showing its link instead")
        title, _ = clean_title(title)
        sections = []
        for heading, text in (
            (AI_SUMMARY_HEADING, self.text("ai_summary")),
            (ABSTRACT_HEADING, self.text("summary")),
            (KEYWORDS_HEADING, self.keywords()),
        ):
            if text:
                sections.append({"heading": heading, "items": [text]})
        links = [
            f"{label}: {url}"
            for label, key in (("GitHub", "githubRepo"), ("Project page", "projectPage"))
            if (url := self.link(key))
        ]
        if links:
            sections.append({"heading": LINKS_HEADING, "items": links})
        media = self.link("thumbnail")
        is_video = media is not None and media.lower().endswith(_VIDEO_SUFFIXES)
        return {
            "title": title,
            "url": f"{ABS_URL}{arxiv_id}" if arxiv_id else None,
            "arxiv_id": arxiv_id,
            "votes": self.votes(),
            "authors": self.authors(),
            "thumbnail": None if is_video else media,
            "video": media if is_video else None,
            "sections": sections,
        }

    def day(self) -> date | None:
        for value in (self.element.get("publishedAt"), self.paper.get("publishedAt")):
            if isinstance(value, str) and (match := _DAY.match(value)):
                return make_date(*match.groups())
        return None


def _elements(text: str) -> tuple[list[tuple[int, Any]], str | None]:
    """The list's elements with the line each starts on, or why the text is no such list."""
    decoder = json.JSONDecoder()
    try:
        value, end = decoder.raw_decode(text, len(text) - len(text.lstrip()))
    except json.JSONDecodeError as exc:
        return [], f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
    if text[end:].strip():
        return [], "not valid JSON (text after the end of the data)"
    if not isinstance(value, list):
        return [], "not a list of papers"
    if "\n" not in text.strip():
        return [(1, element) for element in value], None
    # Walk the list again with positions, to name the line of each element.
    starts: list[tuple[int, Any]] = []
    index = text.index("[") + 1
    for element in value:
        while text[index] in " \t\r\n,":
            index += 1
        _, after = decoder.raw_decode(text, index)
        starts.append((text.count("\n", 0, index) + 1, element))
        index = after
    return starts, None


def read_hf_daily(
    text: str, path: str, fallback_date: date | None = None, explicit: bool = True
) -> tuple[list[RawDigest], list[Problem]]:
    """Read one day of the daily papers API into at most one raw digest.

    The day is the date the file's name gives (``2025-07-14.json``), else the day the
    entries were published. JSON that is no list of papers is a problem only when the user
    named the file: a date-named JSON file in a directory may be something else.
    """
    elements, reason = _elements(text)
    if reason is not None:
        if explicit or reason.startswith("not valid"):
            return [], [Problem(path=path, line=1, severity="error", message=reason)]
        return [], []
    if not elements:
        return [], []
    if not explicit and not any(isinstance(e, dict) and "paper" in e for _, e in elements):
        return [], []  # a list, but not of daily papers
    papers: list[PaperFields] = []
    problems: list[Problem] = []
    day = fallback_date
    for number, (line, element) in enumerate(elements, 1):
        if not isinstance(element, dict):
            message = f"entry {number} is not an object; skipped"
            problems.append(Problem(path=path, line=line, severity="error", message=message))
            continue
        entry = _Entry(element)
        fields = entry.fields()
        day = day or entry.day()
        label = f"entry {number}" + (f" ({fields['title'][:60]})" if fields else "")
        for complaint in entry.complaints:
            problems.append(Problem(path=path, line=line, message=f"{label}: {complaint}"))
        if fields is None:
            message = f"entry {number} has neither title nor arXiv id; skipped"
            problems.append(Problem(path=path, line=line, severity="error", message=message))
            continue
        papers.append(fields)
    if not papers:
        return [], problems
    return [{"date": day, "sources": [path], "papers": papers}], problems
