"""Hugging Face daily papers: one day of the ``/api/daily_papers?date=`` JSON, as returned.

The file is a JSON list; each element describes one paper of the day::

    {"paper": {"id": "2507.01234", "title": …, "summary": …, "upvotes": 12,
               "authors": [{"name": …}, …], "ai_summary": …, "ai_keywords": […],
               "githubRepo": "https://github.com/…", "projectPage": …, …},
     "title": …, "publishedAt": "2025-07-14T…", "thumbnail": …, "numComments": 3, …}

Unknown keys are ignored and missing ones tolerated; an element that cannot give a paper
is a problem naming its position, and the rest of the day still loads. An empty list is
no day at all. Every string is data: control characters are removed, and a link that is
not a web address (``javascript:``, ``file:``, …) is dropped with a complaint. Upvotes are
held to a vote line's limits (a count past them is a problem, not a number SQLite cannot
store).
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from parsers.dates import make_date
from parsers.decoding import strip_controls
from parsers.json_list import NotAList, json_list
from parsers.limits import PaperCount, limit_paper
from parsers.markdown.draft import PaperFields
from parsers.models import Problem, RawDigest
from parsers.paper_fields import MAX_VOTES, clean_title, parse_votes
from parsers.web_links import is_web_link, not_a_web_link

AI_SUMMARY_HEADING = "AI summary"
ABSTRACT_HEADING = "Abstract"
KEYWORDS_HEADING = "Keywords"
LINKS_HEADING = "Links"
ABS_URL = "https://arxiv.org/abs/"
PAPER_PAGE = "https://huggingface.co/papers/"  # the paper's page, where its comments are
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
        """The upvotes, within the cap a Markdown vote line has (SQLite keeps 64 bits)."""
        value = self.paper.get("upvotes")
        if value is None:
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, int) and not isinstance(value, bool):
            text = str(value)
        else:
            text = value if isinstance(value, str) else json.dumps(value)
        votes, complaint = parse_votes(text[:40])
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

    def comments(self) -> int:
        """How many comments the paper's page has (0 when the count is missing or odd)."""
        value = self.element.get("numComments", self.paper.get("numComments"))
        if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_VOTES:
            return value
        return 0

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
        comments = self.comments()
        if comments and arxiv_id:
            links.append(f"Comments ({comments:,}): {PAPER_PAGE}{arxiv_id}")
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


def read_hf_daily(
    text: str, path: str, fallback_date: date | None = None, explicit: bool = True
) -> tuple[list[RawDigest], list[Problem]]:
    """Read one day of the daily papers API into at most one raw digest.

    The day is the date the file's name gives (``2025-07-14.json``), else the day the
    entries were published. JSON that is no list of papers is a problem only when the user
    named the file: a date-named JSON file in a directory may be something else.
    """
    count = PaperCount()
    papers: list[PaperFields] = []
    problems: list[Problem] = []
    day, seen, daily = fallback_date, 0, False
    try:
        for seen, (line, element) in enumerate(json_list(text), 1):
            daily = daily or (isinstance(element, dict) and "paper" in element)
            if count.admit(line):
                found = _read_entry(element, seen, path, line, papers, problems)
                day = day or found
    except NotAList as exc:
        if explicit or str(exc).startswith("not valid"):
            return [], [Problem(path=path, line=1, severity="error", message=str(exc))]
        return [], []
    if not seen or (not explicit and not daily):
        return [], []  # no papers, or a list but not of daily papers
    problems.extend(count.problems(path))
    if not papers:
        return [], problems
    return [{"date": day, "sources": [path], "papers": papers}], problems


def _read_entry(
    element: Any, number: int, path: str, line: int, papers: list[PaperFields],
    problems: list[Problem],
) -> date | None:  # fmt: skip
    """Read the list's element ``number`` into ``papers`` and ``problems``; its day."""
    if not isinstance(element, dict):
        message = f"entry {number} is not an object; skipped"
        problems.append(Problem(path=path, line=line, severity="error", message=message))
        return None
    entry = _Entry(element)
    fields = entry.fields()
    day = entry.day()
    if fields is not None:
        entry.complaints.extend(limit_paper(fields))
    label = f"entry {number}" + (f" ({fields['title'][:60]})" if fields else "")
    for complaint in entry.complaints:
        problems.append(Problem(path=path, line=line, message=f"{label}: {complaint}"))
    if fields is None:
        message = f"entry {number} has neither title nor arXiv id; skipped"
        problems.append(Problem(path=path, line=line, severity="error", message=message))
        return day
    papers.append(fields)
    return day
