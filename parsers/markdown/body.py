"""The lines under a paper heading: votes, authors, bullets, sections, links and media."""

from __future__ import annotations

from collections.abc import Callable

from parsers.markdown.draft import Draft
from parsers.markdown.syntax import (
    HTML_SRC,
    IMAGE_LINE,
    LINK_LINE,
    META,
    NUMBERED,
    SECTION_BULLET,
)
from parsers.paper_fields import arxiv_id_from_url, parse_votes, split_authors
from parsers.web_links import is_web_link, not_a_web_link

Report = Callable[[int, str], None]  # (line number, message): a warning about the line
_RULES = ("---", "***", "___")


def read_body_line(draft: Draft, line: str, lineno: int, report: Report) -> None:
    """Add one non-blank, non-heading line to the paper being read."""
    first = line[0]
    if first in "-*+" and line[1:2] in (" ", "\t"):
        _bullet(draft, line[2:].strip())
        return
    if first in " \t":
        _indented(draft, line, lineno, report)
        return
    if first.isdigit():
        numbered = NUMBERED.match(line)
        if numbered:
            if draft.sections and draft.sections[-1][1]:
                _nested(draft, numbered.group(1), numbered.group(2).strip(), 0)
            else:
                draft.add_item(numbered.group(2).strip())
            return
    elif first == "!":
        image = IMAGE_LINE.match(line)
        if image:
            if _web_link(image.group(1), "an image", lineno, report):
                draft.thumbnail = draft.thumbnail or image.group(1)
            return
    elif first == "[":
        link = LINK_LINE.match(line)
        if link and link.end() >= len(line.rstrip()):
            if _web_link(link.group(2), "a link", lineno, report):
                _link_line(draft, link.group(1), link.group(2))
            return
    elif first == "<":
        source = HTML_SRC.search(line)
        if source and _web_link(source.group(2), f"a <{source.group(1)}>", lineno, report):
            if source.group(1).lower() == "img":
                draft.thumbnail = draft.thumbnail or source.group(2)
            else:
                draft.video = draft.video or source.group(2)
        return
    if first.isalpha() or first in "*_":
        meta = META.match(line)
        if meta:
            _meta(draft, meta.group(1), meta.group(2), lineno, report)
            return
    draft.authors_open = False
    text = line.strip()
    if text in _RULES:
        return
    if draft.blank or not draft.sections or not draft.sections[-1][1]:
        draft.add_item(text)
    else:
        draft.extend_item(text, " ")


def _web_link(url: str, what: str, lineno: int, report: Report) -> bool:
    """True for a web address; anything else is dropped with a warning naming the line."""
    if is_web_link(url):
        return True
    report(lineno, not_a_web_link(what, url))
    return False


def _indented(draft: Draft, line: str, lineno: int, report: Report) -> None:
    stripped = line.lstrip()
    indent = len(line.expandtabs(4)) - len(stripped)
    if stripped[0] in "-*+" and stripped[1:2] in (" ", "\t"):
        if indent < 2:
            read_body_line(draft, stripped, lineno, report)
        else:
            _nested(draft, stripped[0], stripped[2:].strip(), indent)
        return
    numbered = NUMBERED.match(stripped)
    if numbered:
        _nested(draft, numbered.group(1), numbered.group(2).strip(), indent)
        return
    draft.extend_item(stripped.rstrip(), " ")


def _meta(draft: Draft, label: str, value: str, lineno: int, report: Report) -> None:
    if label.lower().startswith(("vote", "upvote", "like", "투표", "추천")):
        votes, complaint = parse_votes(value)
        if complaint:
            report(lineno, complaint)
        draft.votes = votes if votes is not None else draft.votes
    else:
        draft.authors = split_authors(value)
        draft.authors_open = not draft.authors


def _bullet(draft: Draft, text: str) -> None:
    if draft.authors_open:
        draft.authors.extend(a for a in split_authors(text) if a not in draft.authors)
        return
    if text[:1] in "*_":
        match = SECTION_BULLET.match(text)
        if match:
            body = match.group("body").strip()
            draft.sections.append((match.group("heading").strip(), [body] if body else []))
            draft.heading_only = not body
            return
    draft.heading_only = False
    if draft.sections:
        draft.sections[-1][1].append(text)
    else:
        draft.add_item(text)


def _nested(draft: Draft, marker: str, text: str, indent: int) -> None:
    """A nested bullet or numbered item: it belongs to the bullet above."""
    if draft.authors_open:
        _bullet(draft, text)
    elif draft.heading_only:
        draft.sections[-1][1].append(text)  # the items of a heading-only bullet
    else:
        pad = " " * min(indent, 8)
        draft.extend_item(f"{pad}{marker} {text}", "\n")


def _link_line(draft: Draft, label: str, url: str) -> None:
    if "video" in label.lower():
        draft.video = draft.video or url
    elif draft.url is None and arxiv_id_from_url(url):
        draft.url = url
    else:
        draft.add_item(f"{label}: {url}" if label else url)
