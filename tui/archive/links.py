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
    """The versionless arXiv id in ``2507.01234``, ``arXiv:2507.01234v2`` or an arXiv link."""
    match = _ARXIV_ID.fullmatch(text.strip())
    return match.group(1) if match else None


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
