"""What a screen asks of the app: messages that bubble up from any screen to the app."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.message import Message

from tui.userdata.bookmarks import Bookmark


@dataclass
class CopyRequested(Message):
    """Put ``text`` on the user's clipboard (OSC 52) and say so."""

    text: str
    what: str


@dataclass
class OpenLinkRequested(Message):
    """Open ``url`` in a browser where one can reach the user; else copy it."""

    url: str
    what: str


@dataclass
class OpenPdfRequested(Message):
    """Open the PDF of ``arxiv_id``: in the PDF viewer (the downloaded file if there is
    one), else as a link."""

    arxiv_id: str


@dataclass
class OpenPaperRequested(Message):
    """Back to the reader, showing paper ``pid`` of ``day`` (``note``: say where it came from)."""

    day: date | None
    pid: str
    note: str = ""


@dataclass
class ResultsRequested(Message):
    """Back to the search results, where they were left."""


@dataclass
class ReturnRequested(Message):
    """Back to the screens the paper shown was opened from (trends, an author, results)."""


@dataclass
class OpenBookmarkRequested(Message):
    """Back to the reader, showing a bookmarked paper (if its day is loaded)."""

    bookmark: Bookmark


@dataclass
class SearchRequested(Message):
    """Search for ``text`` (a keyword of the trends, a saved search) over the screen shown."""

    text: str
