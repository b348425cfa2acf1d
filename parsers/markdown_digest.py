"""Markdown daily digests: ``## Daily Papers (date)`` days of ``### [Title](url)`` papers.

A file is read block by block (a block runs from one heading to the next). A paper block in
the exact layout the common generator writes takes a fast path of plain string checks; any
other block goes line by line through a small state machine. Neither path raises on odd
input: what cannot be read cleanly becomes a :class:`~parsers.models.Problem` and the rest
of the file still loads.
"""

from __future__ import annotations

import re
from datetime import date
from itertools import islice
from typing import Any

from parsers.dates import find_date_text, make_date
from parsers.models import Digest, Problem, RawDigest, Severity
from parsers.paper_fields import arxiv_id_from_url, clean_title, parse_votes, split_authors

LONG_LINE = 100_000
MAX_FAST_TITLE = 400

PaperFields = dict[str, Any]  # a Paper's fields, validated into a Paper by the caller

_META = re.compile(
    r"[*_]*\s*(votes?|upvotes?|likes|authors?|저자|투표|추천)\s*[*_]*\s*[:：]\s*[*_]*\s*(.*)$",
    re.IGNORECASE,
)
_SECTION_BULLET = re.compile(r"(\*{2,3}|_{2,3})([^*_]{1,80}?)\s*(?:[:：]\1|\1\s*[:：])\s*(.*)$")
_NUMBERED = re.compile(r"(\d{1,3}[.)])\s+(.*)$")
_LINK_LINE = re.compile(r"\[([^\]]*)\]\((\S+?)\)")
_IMAGE_LINE = re.compile(r"!\[[^\]]*\]\((\S+?)\)")
_HTML_SRC = re.compile(r"""<(video|img|source)\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']""", re.I)
_DAY_WORDS = re.compile(r"daily\s*papers|데일리\s*페이퍼", re.IGNORECASE)


def find_markdown_digest(text: str) -> bool:
    """True when ``text`` holds a day header or a paper heading."""
    return _SNIFF.search(text) is not None


_SNIFF = re.compile(r"^#{1,6}[ \t]+(?:\[[^\]\n]*\]\(|.*daily\s*papers)", re.MULTILINE | re.I)


class _Draft:
    """A paper being read: fields as they arrive, sections as [heading, items] pairs."""

    __slots__ = (
        "authors",
        "authors_open",
        "blank",
        "heading_only",
        "level",
        "line",
        "sections",
        "thumbnail",
        "title",
        "url",
        "video",
        "votes",
    )

    def __init__(self, title: str, url: str | None, level: int, line: int) -> None:
        self.title = title
        self.url = url
        self.level = level
        self.line = line
        self.votes: int | None = None
        self.authors: list[str] = []
        self.authors_open = False
        self.thumbnail: str | None = None
        self.video: str | None = None
        self.sections: list[tuple[str | None, list[str]]] = []
        self.blank = False
        self.heading_only = False  # the last bullet was a heading with no text of its own

    def add_item(self, text: str) -> None:
        if not self.sections:
            self.sections.append((None, []))
        self.sections[-1][1].append(text)

    def extend_item(self, text: str, separator: str) -> None:
        items = self.sections[-1][1] if self.sections else None
        if not items:
            self.add_item(text)
        else:
            items[-1] = f"{items[-1]}{separator}{text}"

    def build(self) -> PaperFields:
        return {
            "title": self.title,
            "url": self.url,
            "arxiv_id": arxiv_id_from_url(self.url) if self.url else None,
            "votes": self.votes,
            "authors": self.authors,
            "thumbnail": self.thumbnail,
            "video": self.video,
            "sections": [{"heading": h, "items": items} for h, items in self.sections if items],
        }


class _MarkdownReader:
    def __init__(self, path: str, fallback_date: date | None) -> None:
        self.path = path
        self.fallback_date = fallback_date
        self.problems: list[Problem] = []
        self.days: list[tuple[date | None, list[PaperFields]]] = []
        self.papers: list[PaperFields] | None = None
        self.in_day = False
        self.draft: _Draft | None = None

    def problem(self, line: int, message: str, severity: Severity = "warning") -> None:
        self.problems.append(Problem(path=self.path, line=line, severity=severity, message=message))

    # -- papers and days -------------------------------------------------------------

    def finish_paper(self) -> None:
        draft, self.draft = self.draft, None
        if draft is None:
            return
        if not draft.title:
            if draft.url is None:
                self.problem(draft.line, "paper heading has neither title nor link; skipped")
                return
            draft.title = draft.url
            self.problem(draft.line, "paper heading has no title; showing its link instead")
        self.add_paper(draft.build())

    def add_paper(self, paper: PaperFields) -> None:
        if self.papers is None:
            self.start_day(self.fallback_date)
        assert self.papers is not None
        self.papers.append(paper)

    def start_day(self, day: date | None) -> None:
        self.papers = []
        self.days.append((day, self.papers))

    def start_paper(self, title: str, url: str | None, level: int, lineno: int) -> None:
        self.finish_paper()
        title, cut = clean_title(title)
        if cut:
            self.problem(lineno, "title is very long; it was shortened")
        self.draft = _Draft(title, url, level, lineno)

    # -- lines -----------------------------------------------------------------------

    def heading(self, line: str, lineno: int) -> bool:
        """Read a heading line; False when it is not a heading after all (``#tag``)."""
        level = len(line) - len(line.lstrip("#"))
        if level > 6 or (len(line) > level and line[level] not in " \t"):
            return False
        text = line[level:].strip().rstrip("#").strip()
        if not text:
            return True
        if text.startswith("["):
            link = _split_link(text)
            if link is not None:
                title, url = link
                if level >= 3 or (level == 2 and (self.in_day or arxiv_id_from_url(url))):
                    self.start_paper(title, url or None, level, lineno)
                    return True
                text = title  # a linked title of a README or section, not a paper
            elif level >= 2 and "](" not in text and "]" not in text:
                self.start_paper(text[1:], None, level, lineno)
                self.problem(lineno, "paper heading's link is incomplete; read the title only")
                return True
        if _DAY_WORDS.search(text) or (level <= 3 and _is_bare_date(text)):
            self.day_header(text, level, lineno)
            return True
        draft = self.draft
        if draft is not None and level > draft.level:
            draft.sections.append((text, []))
            return True
        if level >= 3 and self.in_day and text:
            self.start_paper(text, None, level, lineno)
            return True
        self.finish_paper()
        if level <= 2:
            self.in_day = False
        return True

    def day_header(self, text: str, level: int, lineno: int) -> None:
        self.finish_paper()
        match = find_date_text(text)
        if match is None:
            self.in_day = False  # a title such as "# Daily Papers"
            return
        found = make_date(*match.groups())
        if found is None:
            fallback = self.fallback_date.isoformat() if self.fallback_date else "no date"
            self.problem(
                lineno,
                f"day header has an invalid date {match.group(0)!r}; using {fallback}",
                "error",
            )
            found = self.fallback_date
        self.in_day = True
        self.start_day(found)

    def meta(self, draft: _Draft, label: str, value: str, lineno: int) -> None:
        if label.lower().startswith(("vote", "upvote", "like", "투표", "추천")):
            votes, complaint = parse_votes(value)
            if complaint:
                self.problem(lineno, complaint)
            draft.votes = votes if votes is not None else draft.votes
        else:
            draft.authors = split_authors(value)
            draft.authors_open = not draft.authors

    def bullet(self, draft: _Draft, text: str) -> None:
        if draft.authors_open:
            draft.authors.extend(a for a in split_authors(text) if a not in draft.authors)
            return
        if text[:1] in "*_":
            match = _SECTION_BULLET.match(text)
            if match:
                body = match.group(3).strip()
                draft.sections.append((match.group(2).strip(), [body] if body else []))
                draft.heading_only = not body
                return
        draft.heading_only = False
        if draft.sections:
            draft.sections[-1][1].append(text)
        else:
            draft.add_item(text)

    def nested(self, draft: _Draft, marker: str, text: str, indent: int) -> None:
        """A nested bullet or numbered item: it belongs to the bullet above."""
        if draft.authors_open:
            self.bullet(draft, text)
        elif draft.heading_only:
            draft.sections[-1][1].append(text)  # the items of a heading-only bullet
        else:
            pad = " " * min(indent, 8)
            draft.extend_item(f"{pad}{marker} {text}", "\n")

    def body_line(self, draft: _Draft, line: str, lineno: int) -> None:
        first = line[0]
        if first in "-*+" and line[1:2] in (" ", "\t"):
            self.bullet(draft, line[2:].strip())
            return
        if first in " \t":
            stripped = line.lstrip()
            indent = len(line.expandtabs(4)) - len(stripped)
            if stripped[0] in "-*+" and stripped[1:2] in (" ", "\t"):
                if indent < 2:
                    self.body_line(draft, stripped, lineno)
                else:
                    self.nested(draft, stripped[0], stripped[2:].strip(), indent)
                return
            numbered = _NUMBERED.match(stripped)
            if numbered:
                self.nested(draft, numbered.group(1), numbered.group(2).strip(), indent)
                return
            draft.extend_item(stripped.rstrip(), " ")
            return
        if first.isdigit():
            numbered = _NUMBERED.match(line)
            if numbered:
                if draft.sections and draft.sections[-1][1]:
                    self.nested(draft, numbered.group(1), numbered.group(2).strip(), 0)
                else:
                    draft.add_item(numbered.group(2).strip())
                return
        elif first == "!":
            image = _IMAGE_LINE.match(line)
            if image:
                draft.thumbnail = draft.thumbnail or image.group(1)
                return
        elif first == "[":
            link = _LINK_LINE.match(line)
            if link and link.end() >= len(line.rstrip()):
                self.link_line(draft, link.group(1), link.group(2))
                return
        elif first == "<":
            source = _HTML_SRC.search(line)
            if source:
                if source.group(1).lower() == "img":
                    draft.thumbnail = draft.thumbnail or source.group(2)
                else:
                    draft.video = draft.video or source.group(2)
            return
        if first.isalpha() or first in "*_":
            meta = _META.match(line)
            if meta:
                self.meta(draft, meta.group(1), meta.group(2), lineno)
                return
        draft.authors_open = False
        text = line.strip()
        if text in ("---", "***", "___"):
            return
        if draft.blank or not draft.sections or not draft.sections[-1][1]:
            draft.add_item(text)
        else:
            draft.extend_item(text, " ")

    def link_line(self, draft: _Draft, label: str, url: str) -> None:
        if "video" in label.lower():
            draft.video = draft.video or url
        elif draft.url is None and arxiv_id_from_url(url):
            draft.url = url
        else:
            draft.add_item(f"{label}: {url}" if label else url)

    def read_lines(self, lines: list[str], first_lineno: int) -> None:
        """The general path: line by line through the state machine."""
        for lineno, line in enumerate(lines, first_lineno):
            if not line or line.isspace():
                if self.draft is not None:
                    self.draft.blank = True
                    self.draft.authors_open = False
                continue
            if len(line) > LONG_LINE:
                self.problem(lineno, f"line is very long ({len(line):,} characters)")
            if line[0] == "#" and self.heading(line, lineno):
                continue
            draft = self.draft
            if draft is None:
                continue
            self.body_line(draft, line, lineno)
            draft.blank = False

    def read_canonical(self, block: str) -> bool:
        """The fast path for a paper block in the common layout; False if it is not.

        ``block`` starts at the paper heading without its first "#" (``## [Title](url)``)
        and holds only a thumbnail, vote and authors line and one-line bullets.
        """
        lines = block.split("\n")
        heading = lines[0].rstrip()
        close = heading.rfind("](")
        if close <= 4 or heading[-1:] != ")" or len(heading) > MAX_FAST_TITLE:
            return False
        if "  " in heading or "\t" in heading or not heading[4:close].strip():
            return False
        url = heading[close + 2 : -1]
        if not url or " " in url or "(" in url:
            return False
        thumbnail = votes = authors = None
        sections: list[PaperFields] = []
        items: list[str] | None = None
        for line in islice(lines, 1, None):
            if not line:
                continue
            if line.startswith("- "):
                if line.startswith("***", 2):
                    end = line.find("***:", 5, 95)
                    if end > 0:
                        text = line[end + 4 :].strip()
                        items = [text] if text else []
                        sections.append({"heading": line[5:end].strip(), "items": items})
                        continue
                elif line.startswith("*", 2):
                    return False  # other emphasis: the general path reads it
                text = line[2:].strip()
                if text:
                    if items is None:
                        items = []
                        sections.append({"heading": None, "items": items})
                    items.append(text)
            elif sections:
                return False  # continuation or nested lines
            elif line.startswith("![](") and thumbnail is None and line.endswith(")"):
                thumbnail = line[4:-1]
            elif line.startswith("Vote: ") and votes is None:
                votes = line[6:].strip()
                if votes != "-" and not (votes.isdigit() and votes.isascii() and len(votes) < 6):
                    return False
            elif line.startswith("Authors: ") and authors is None:
                authors = line[9:]
            else:
                return False
        self.finish_paper()
        self.add_paper(
            {
                "title": heading[4:close].strip(),
                "url": url,
                "arxiv_id": arxiv_id_from_url(url),
                "votes": int(votes) if votes and votes != "-" else None,
                "authors": split_authors(authors) if authors else [],
                "thumbnail": thumbnail,
                "video": None,
                "sections": [section for section in sections if section["items"]],
            }
        )
        return True

    def read(self, text: str) -> None:
        """Read a whole file, block by block."""
        # Splitting "\n" + text at "\n#" cuts before every heading and drops its first "#";
        # the added newline makes the first block start at (blank) line 0.
        blocks = f"\n{text}".split("\n#")
        self.read_lines(blocks[0].split("\n"), 0)
        lineno = blocks[0].count("\n")
        last = len(blocks) - 1
        for number, block in enumerate(islice(blocks, 1, None), 1):
            lineno += 1
            if (
                block.startswith("## [")
                and len(block) < LONG_LINE
                and (number == last or not blocks[number + 1].startswith("###"))  # no sub-heading
                and self.read_canonical(block)
            ):
                lineno += block.count("\n")
                continue
            lines = f"#{block}".split("\n")
            self.read_lines(lines, lineno)
            lineno += len(lines) - 1
        self.finish_paper()

    def raw_digests(self) -> list[RawDigest]:
        return [
            {"date": day, "sources": [self.path], "papers": papers}
            for day, papers in self.days
            if papers
        ]


def _split_link(text: str) -> tuple[str, str] | None:
    """Title and URL of ``[Title](url) trailing``; trailing words join the title."""
    close = text.rfind("](")
    if close < 0:
        return None
    title, rest = text[1:close], text[close + 2 :]
    end = rest.find(")")
    url, trailing = (rest, "") if end < 0 else (rest[:end], rest[end + 1 :].strip())
    return (f"{title} {trailing}" if trailing else title), url.strip()


def _is_bare_date(text: str) -> bool:
    match = find_date_text(text)
    return match is not None and len(text.strip("()[] ")) <= len(match.group(0)) + 1


def read_markdown_digest(
    text: str, path: str, fallback_date: date | None = None
) -> tuple[list[RawDigest], list[Problem]]:
    """Read a markdown digest into one raw digest (plain dicts) per day header, in order.

    Papers before any day header (or in a file without one) take ``fallback_date``,
    usually the date the file's path names.
    """
    reader = _MarkdownReader(path, fallback_date)
    reader.read(text)
    return reader.raw_digests(), reader.problems


def parse_markdown_digest(
    text: str, path: str, fallback_date: date | None = None
) -> tuple[list[Digest], list[Problem]]:
    """Read a markdown digest into one :class:`Digest` per day header, in file order."""
    raw, problems = read_markdown_digest(text, path, fallback_date)
    return [Digest.model_validate(digest) for digest in raw], problems
