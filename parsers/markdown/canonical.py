"""The fast paths: paper blocks in the exact layouts the common generators write.

    ### [Title](https://arxiv.org/abs/2411.19870)
    ![](thumbnail)
    Vote: 18
    Authors: A, B, C
    - ***What's New***: one line
    - plain bullet

:data:`PAPERS` finds such blocks in a whole file at once, and those of the layout with
``- **Name**: text`` sections and ``  - nested`` bullets under them; :func:`canonical_paper`
reads a match exactly as the block-by-block reader would (the checks below for the first
layout, the line reader for the second), or declines it. :func:`read_canonical` reads one
block of the first layout with plain string checks (and the shared section pattern for
other emphasis around a heading); anything else (nested bullets, continuation lines,
emphasis that opens no section, a link that is no web address) answers None and the block
goes to the general line reader, which says what it drops.
"""

from __future__ import annotations

import re
from itertools import islice

from parsers.limits import MAX_AUTHORS, MAX_ITEM, MAX_LINK, MAX_NAME, MAX_SUMMARY
from parsers.markdown.draft import PaperFields
from parsers.markdown.syntax import MAX_FAST_TITLE, SECTION_BULLET
from parsers.paper_fields import arxiv_id_from_url, clean_title, split_authors
from parsers.web_links import is_web_link

# A section heading the plain checks of ``read_canonical`` accept (``- ***Name***: text``):
# no "*", ":" or "：" in it, no blank or "_" at either end, at most 80 characters.
_NAME = r"[^*\n:：_\s](?:[^*\n:：]{0,78}[^*\n:：_\s])?"
_END = r"(?:\n|\Z)\n*+"  # a line's end and the blank lines after it
# The whole block in the generator's own order (heading, thumbnail, vote, authors, bullets),
# each line of a shape ``read_canonical`` reads the same way; matched in one call, where
# the line loop makes a dozen calls a line. Every line is read in one pass: a group runs to
# the line's end, and only the title gives back (to the last "](" of its line).
_WHOLE = re.compile(
    r"## \[(?P<title>[^\n]*)\]\((?P<url>[^\n(]*)\)" + _END
    + r"(?:!\[\]\((?P<thumbnail>[^\n]*)\)" + _END + ")?"
    + r"(?:Vote: [ ]*+(?P<votes>-|[0-9]{1,5})[ ]*+" + _END + ")?"
    + r"(?:Authors: (?P<authors>[^\n]*+)" + _END + ")?"
    + r"(?P<bullets>(?:- (?:\*\*\*" + _NAME + r"\*\*\*:(?![*_])|(?![*_]))[^\n]*+" + _END + ")*+)"
)  # fmt: skip
_BULLET = re.compile(r"^- (?:\*\*\*(" + _NAME + r")\*\*\*:)?([^\n]*)", re.MULTILINE)

# The same layout found in a whole file at once, stricter still: a paper heading's
# newline, then lines as above where every bullet's text has no blank at either end, and
# the bullets follow one another with no blank line between them (so that a section's
# items are its text split at "\n- "). A block ends before the next "\n#" (not a
# sub-heading "\n####", which belongs to the paper) or at the end of the file.
_EOL = r"(?:\n(?!#)|(?=\n#)|\Z)"  # a line's end, within its block
_BLANK_LINES = r"(?:\n(?!#))*+"
_ITEM = r"[^\s*_](?:[^\n]*+(?<=\S))?"  # a plain bullet's text (no emphasis opens it)
_MORE_ITEMS = r"(?:\n- " + _ITEM + r")*+"
# A plain web address (a subset of what parsers.web_links accepts: scheme, host, path, no
# parentheses): a thumbnail matched here is a web link when it is printable.
_THUMBNAIL = r"https?://[^\s/?#@:\[\]()]+/[^\s()]*+"
_MAX_SECTIONS = 6  # sections a paper may have on this path; more go block by block


def _sections(count: int) -> str:
    if not count:
        return ""
    section = r"- \*\*\*(" + _NAME + r")\*\*\*: (\S(?:[^\n]*+(?<=\S))?" + _MORE_ITEMS + ")" + _EOL
    return f"(?:{section}{_sections(count - 1)})?"


# Sections as another common generator writes them: "- **Name**: text" and under it
# "  - nested" bullets. The careful path reads such a block (the plain checks refuse its
# nested lines) and folds each nested line into the item above, so the item is the text
# from the section's first word to the end of its last nested line.
_NESTED_SECTION = (
    r"- \*\*" + _NAME + r"\*\*: \S(?:[^\n]*+(?<=\S))?(?:\n  - \S(?:[^\n]*+(?<=\S))?)++"
)
# Read line by line, a block ends only at a heading that ends the paper: one to three "#",
# a blank, then a word ("#tag" or an empty "###" would carry on the paper).
_NEXT_HEADING = r"(?=\n#{1,3}[ \t](?=[^\n]*[^\s#])|\Z)"
_NESTED = re.compile(r"^- \*\*(" + _NAME + r")\*\*: ([^\n]*(?:\n  - [^\n]*)*)", re.MULTILINE)

PAPERS = re.compile(
    r"\n### \[([^\n]*)\]\((?:(https://arxiv\.org/abs/([0-9]{4}\.[0-9]{4,5}))|([^\n(]*))\)"
    + _EOL + _BLANK_LINES
    + r"(?:!\[\]\((" + _THUMBNAIL + r")\)" + _EOL + _BLANK_LINES + ")?"
    + r"(?:Vote: [ ]*+(-|[0-9]{1,5})[ ]*+" + _EOL + _BLANK_LINES + ")?"
    + r"(?:Authors: ([^\n]*+)" + _EOL + _BLANK_LINES + ")?"
    + r"(?:((?:" + _NESTED_SECTION + _EOL + r")++)" + _BLANK_LINES + _NEXT_HEADING + "|"
    + r"(?:- (" + _ITEM + _MORE_ITEMS + ")" + _EOL + ")?"
    + _sections(_MAX_SECTIONS) + _BLANK_LINES + r"(?=\n#(?!###)|\Z))"
)  # fmt: skip
"""Paper blocks in the generator's layout, each from the newline before its heading."""


def canonical_paper(match: re.Match[str]) -> tuple[PaperFields, bool] | None:
    """The paper a :data:`PAPERS` match read, and whether it may be past the limits of
    :mod:`parsers.limits` (else it is surely within them); None when its heading or links
    want the careful path after all."""
    title, arxiv_url, arxiv_id, url, thumbnail, votes, authors, nested, lead, *named = (
        match.groups()
    )
    if len(title) > MAX_FAST_TITLE - 7 - len(arxiv_url or url) or "  " in title or "\t" in title:
        return None
    title = clean_title(title)[0] if nested else title.strip()
    if not title:
        return None
    if arxiv_url is not None:
        url = arxiv_url
    elif is_web_link(url):
        arxiv_id = arxiv_id_from_url(url)
    else:
        return None
    if thumbnail is not None and not thumbnail.isprintable():
        return None
    sections: list[PaperFields] = []
    if nested:
        if ")" in url or (thumbnail is not None and ")" in thumbnail) or "\t" in nested:
            return None  # the careful path ends a link at its first ")", and widens a tab
        if authors is not None and (not authors or authors[0].isspace() or authors[0] in "*_"):
            return None  # its label pattern takes these before the names
        sections = [{"heading": name, "items": [item]} for name, item in _NESTED.findall(nested)]
    elif lead is not None:
        sections.append({"heading": None, "items": lead.split("\n- ")})
    pairs = iter(named)  # heading, items, heading, items, …; None past the last section
    for heading in pairs:
        if heading is None:
            break
        sections.append({"heading": heading, "items": next(pairs).split("\n- ")})
    names = split_authors(authors) if authors else []
    if nested and authors is not None and not names:
        return None  # no names: the careful path reads the bullets below as names
    # Headings (80 characters) and the link (400) are short by the pattern; the text is
    # no longer than the block; a name no longer than the authors line.
    may_exceed = match.end() - match.start() > min(MAX_ITEM, MAX_SUMMARY) or (
        thumbnail is not None and len(thumbnail) > MAX_LINK
    )
    if authors is not None and len(authors) > MAX_NAME:
        may_exceed = may_exceed or len(names) > MAX_AUTHORS
        may_exceed = may_exceed or max(map(len, names), default=0) > MAX_NAME
    paper = {
        "title": title,
        "url": url,
        "arxiv_id": arxiv_id,
        "votes": int(votes) if votes and votes != "-" else None,
        "authors": names,
        "thumbnail": thumbnail,
        "video": None,
        "sections": sections,
    }
    return paper, may_exceed


def _read_whole(block: str) -> PaperFields | None:
    """The paper of a block in the generator's exact layout; None for any other block."""
    whole = _WHOLE.fullmatch(block)
    if whole is None:
        return None
    title, url, thumbnail, votes, authors, bullets = whole.groups()
    if len(title) + len(url) > MAX_FAST_TITLE - 7 or "  " in title or "\t" in title:
        return None
    title = title.strip()
    if not title or not is_web_link(url):
        return None
    if thumbnail is not None and not is_web_link(thumbnail):
        return None
    sections: list[PaperFields] = []
    items: list[str] | None = None
    for name, text in _BULLET.findall(bullets):
        text = text.strip()
        if name:
            items = [text] if text else []
            sections.append({"heading": name, "items": items})
        elif text:
            if items is None:
                items = []
                sections.append({"heading": None, "items": items})
            items.append(text)
    return _fields(title, url, votes, authors, thumbnail, sections)


def read_canonical(block: str) -> PaperFields | None:
    """The paper of ``block``, or None when the block is not in the common layout.

    ``block`` starts at the paper heading without its first "#" (``## [Title](url)``)
    and holds only a thumbnail, vote and authors line and one-line bullets.
    """
    paper = _read_whole(block)
    if paper is not None:
        return paper
    lines = block.split("\n")
    heading = lines[0].rstrip()
    close = heading.rfind("](")
    if close <= 4 or heading[-1:] != ")" or len(heading) > MAX_FAST_TITLE:
        return None
    if "  " in heading or "\t" in heading or not heading[4:close].strip():
        return None
    url = heading[close + 2 : -1]
    if not is_web_link(url) or "(" in url:
        return None  # the line reader names a link it drops
    thumbnail = votes = authors = None
    sections: list[PaperFields] = []
    items: list[str] | None = None
    for line in islice(lines, 1, None):
        if not line:
            continue
        if line.startswith("- "):
            if line[2:3] in ("*", "_"):
                end = line.find("***:", 6, 89) if line.startswith("***", 2) else -1
                name = line[5:end].strip() if end > 0 and line.find("*", 5, end) < 0 else ""
                after = line[end + 4 : end + 5]
                plain = ":" not in name and "：" not in name and after not in ("*", "_")
                if name and plain and line[5] != "_" and line[end - 1] != "_":
                    text = line[end + 4 :].strip()
                else:
                    match = SECTION_BULLET.match(line, 2)
                    if match is None:
                        return None  # other emphasis: the general path reads it
                    name, text = match.group("heading").strip(), match.group("body").strip()
                items = [text] if text else []
                sections.append({"heading": name, "items": items})
                continue
            text = line[2:].strip()
            if text:
                if items is None:
                    items = []
                    sections.append({"heading": None, "items": items})
                items.append(text)
        elif sections:
            return None  # continuation or nested lines
        elif line.startswith("![](") and thumbnail is None and line.endswith(")"):
            thumbnail = line[4:-1]
            if not is_web_link(thumbnail):
                return None
        elif line.startswith("Vote: ") and votes is None:
            votes = line[6:].strip()
            if votes != "-" and not (votes.isdigit() and votes.isascii() and len(votes) < 6):
                return None
        elif line.startswith("Authors: ") and authors is None:
            authors = line[9:]
        else:
            return None
    return _fields(heading[4:close].strip(), url, votes, authors, thumbnail, sections)


def _fields(
    title: str,
    url: str,
    votes: str | None,
    authors: str | None,
    thumbnail: str | None,
    sections: list[PaperFields],
) -> PaperFields:
    """A paper of the common layout from its lines' values (sections without items go)."""
    return {
        "title": title,
        "url": url,
        "arxiv_id": arxiv_id_from_url(url),
        "votes": int(votes) if votes and votes != "-" else None,
        "authors": split_authors(authors) if authors else [],
        "thumbnail": thumbnail,
        "video": None,
        "sections": [section for section in sections if section["items"]],
    }
