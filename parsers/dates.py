"""Dates in day headers and in file paths."""

from __future__ import annotations

import re
from datetime import date

EARLIEST_YEAR = 1991  # arXiv's first year
LATEST_YEAR = 2100

# 2025-07-14, 2025/07/14, 2025.07.14, 2025_07_14 (paper_logs/2025/07/14.md too)
_SEPARATED = re.compile(r"(?<!\d)(\d{4})[-/_.](\d{1,2})[-/_.](\d{1,2})(?!\d)")
# 20250714, standing alone (not inside a hash or a longer number)
_COMPACT = re.compile(r"(?<![0-9A-Za-z])(\d{4})(\d{2})(\d{2})(?![0-9A-Za-z])")
# 2025년 7월 14일
_KOREAN = re.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일")


def make_date(year: str, month: str, day: str) -> date | None:
    """The date named by the three parts, or None when it is not a real, plausible day."""
    try:
        value = date(int(year), int(month), int(day))
    except ValueError:
        return None
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        return None
    return value


# The common case, a path that ends in a separated date and an extension: the last match
# of _SEPARATED in it (nothing after it has a digit), found without scanning the whole path.
_TAIL = re.compile(_SEPARATED.pattern + r"\.[A-Za-z]{1,9}\Z")
_TAIL_LENGTH = 24  # "2025/07/14.markdown" and the character before it, with room to spare


def date_from_path(path: str) -> date | None:
    """The last date a path names (``paper_logs/2025/07/14.md``, ``digest_20250714.txt``)."""
    text = path.replace("\\", "/")
    tail = _TAIL.search(text, max(0, len(text) - _TAIL_LENGTH))
    if tail is not None and (found := make_date(*tail.groups())) is not None:
        return found
    return _date_anywhere(text)


def _date_anywhere(text: str) -> date | None:
    """The last valid separated date in ``text``, else its last valid compact one."""
    for pattern in (_SEPARATED, _COMPACT):
        for match in reversed(list(pattern.finditer(text))):
            found = make_date(*match.groups())
            if found is not None:
                return found
    return None


def find_date_text(text: str) -> re.Match[str] | None:
    """The first date-like run in a heading, valid or not."""
    return _SEPARATED.search(text) or _KOREAN.search(text) or _COMPACT.search(text)
