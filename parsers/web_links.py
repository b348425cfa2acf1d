"""Which links a paper may keep: web addresses (``http://`` or ``https://`` and a host).

Links come from other people's digests and from a web API, and they end up as a browser's
argument (``o``), in the browser mode's ``window.open``, in terminal hyperlinks and in
exports. So a link is kept only when it is plainly a web address: the scheme ``http`` or
``https`` (in any case), ``://``, a host, then no white space or control character.
``javascript:``, ``file:``, ``data:``, ``--an-option``, ``http:/x``, ``https://`` with no
host and anything with leading blanks are not links. The parsers drop such links (a
listed problem) and whatever opens, copies or exports a link asks again.
"""

from __future__ import annotations

import re

_WEB_LINK = re.compile(
    r"https?://"
    r"(?:[^\s/?#@]*@)?"  # user information
    r"(?:[^\s/?#@:\[\]]+|\[[0-9a-f:.]+\])"  # a host name or address, or [an IPv6 address]
    r"(?::\d{0,5})?"  # a port
    r"(?:[/?#]\S*)?",  # path, query and fragment
    re.IGNORECASE,
)
_SHOWN = 60


def is_web_link(text: str) -> bool:
    """True when ``text`` is an ``http(s)://`` address with a host, and nothing else."""
    return text.isprintable() and _WEB_LINK.fullmatch(text) is not None


def not_a_web_link(what: str, text: str, outcome: str = "dropped") -> str:
    """Why a link is refused, in one line: what it was (shown escaped) and what became of it."""
    shown = text if len(text) <= _SHOWN else f"{text[: _SHOWN - 1]}…"
    return f"{what} {shown!r} is not an http(s) link; {outcome}"
