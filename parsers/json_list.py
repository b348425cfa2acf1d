"""A JSON list read one element at a time, each with the line it starts on.

``json.loads`` builds the whole list before the first element can be looked at: a feed
day of tens of megabytes became a gigabyte of objects at once, and naming each element's
line meant counting the newlines from the start again for each. Here each element is
decoded, handed on and let go, and lines are counted once, as the walk goes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

MAX_INT_DIGITS = 20
_BLANK = re.compile(r"[ \t\n\r]*")  # JSON's white space


class NotAList(Exception):
    """The text is not a JSON list; the message says why, in words for a problem."""


def _json_int(digits: str) -> int | str:
    """A JSON integer; one of more than 20 digits stays text (no count is that large, and
    Python refuses to convert more than 4,300 digits)."""
    return int(digits) if len(digits) <= MAX_INT_DIGITS else digits


def _skip_blanks(text: str, index: int) -> int:
    """The index of the first character at or after ``index`` that is not white space."""
    match = _BLANK.match(text, index)
    return match.end() if match else index


def _invalid(exc: json.JSONDecodeError) -> NotAList:
    return NotAList(f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})")


def _decode(decoder: json.JSONDecoder, text: str, index: int) -> tuple[Any, int]:
    try:
        return decoder.raw_decode(text, index)
    except json.JSONDecodeError as exc:
        raise _invalid(exc) from None
    except RecursionError:
        raise NotAList("not valid JSON (nested too deeply)") from None


def json_list(text: str) -> Iterator[tuple[int, Any]]:
    """Each element of the JSON list ``text`` with its 1-based line, in order.

    Raises :class:`NotAList` when the text is not valid JSON or not a list, possibly after
    some elements were given: the caller drops what it read then.
    """
    decoder = json.JSONDecoder(parse_int=_json_int)
    index = _skip_blanks(text, 0)
    if not text.startswith("[", index):
        _, end = _decode(decoder, text, index)
        if _skip_blanks(text, end) < len(text):
            raise NotAList("not valid JSON (text after the end of the data)")
        raise NotAList("not a list of papers")
    line, counted = 1, 0
    index = _skip_blanks(text, index + 1)
    if not text.startswith("]", index):
        while True:
            element, after = _decode(decoder, text, index)
            line += text.count("\n", counted, index)
            counted = index
            yield line, element
            index = _skip_blanks(text, after)
            if text.startswith("]", index):
                break
            if not text.startswith(",", index):
                raise _invalid(json.JSONDecodeError("Expecting ',' delimiter", text, index))
            index = _skip_blanks(text, index + 1)
    if _skip_blanks(text, index + 1) < len(text):
        raise NotAList("not valid JSON (text after the end of the data)")
