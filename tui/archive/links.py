"""A paper's links: the arXiv abstract page and PDF, and arXiv ids typed by a user."""

from __future__ import annotations

import re

from parsers import Paper, is_web_link

_ARXIV_ID = re.compile(
    r"(?:arxiv:|https?://(?:www\.)?(?:arxiv\.org/(?:abs|pdf)|huggingface\.co/papers)/)?"
    r"(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?(?:\.pdf)?",
    re.IGNORECASE,
)


def parse_arxiv_id(text: str) -> str | None:
    """The versionless arXiv id in ``2507.01234``, ``arXiv:2507.01234v2`` or an arXiv link
    (old-style ids too: ``hep-th/9901001``); None for text that is not one, or for an id
    arXiv cannot have given."""
    match = _ARXIV_ID.fullmatch(text.strip())
    return match.group(1) if match and _possible(match.group(1)) else None


def _possible(arxiv_id: str) -> bool:
    """Whether arXiv can have given ``arxiv_id``: its YYMM has a month 01–12, and a new-style
    number has 4 digits from April 2007 (0704) to 2014, 5 digits from 2015 (1501)."""
    if "/" in arxiv_id:  # archive/YYMMNNN, 1991 to March 2007
        return 1 <= int(arxiv_id[-5:-3]) <= 12
    yymm, number = arxiv_id.split(".")
    if not 1 <= int(yymm[2:]) <= 12:
        return False
    return "0704" <= yymm <= "1412" if len(number) == 4 else yymm >= "1501"


def abs_url_for(arxiv_id: str) -> str:
    """The arXiv abstract page of ``arxiv_id``."""
    return f"https://arxiv.org/abs/{arxiv_id}"


def pdf_url_for(arxiv_id: str) -> str:
    """The arXiv PDF of ``arxiv_id``."""
    return f"https://arxiv.org/pdf/{arxiv_id}"


def abs_url(paper: Paper) -> str | None:
    """The arXiv abstract page, else the digest's own link if it is a web address.

    Every copy, open, hyperlink and bookmark of a paper's link takes it from here.
    """
    if paper.arxiv_id:
        return abs_url_for(paper.arxiv_id)
    return paper.url if paper.url and is_web_link(paper.url) else None


def pdf_url(paper: Paper) -> str | None:
    """The arXiv PDF, when the paper has an arXiv id."""
    return pdf_url_for(paper.arxiv_id) if paper.arxiv_id else None


def pdf_file_name(arxiv_id: str) -> str:
    """The file a downloaded PDF is saved as: ``2507.01234.pdf``, ``hep-th_9901001.pdf``."""
    return f"{arxiv_id.replace('/', '_')}.pdf"
