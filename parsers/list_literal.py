"""Author lines written as Python list literals: ``['Ann Lee', 'Bo Kim', "Conor O'Brien"]``.

Some generators print a Python list of names instead of joining it. The elements are
quoted with ``'`` or ``"`` (backslash escapes inside), separated by commas; a cut list may
end with a ``'+'``/``'...'`` element or a bare ``+``/``...`` after the bracket. A list
that stops early (a truncated line) still yields the names read so far.
"""

from __future__ import annotations

_ESCAPES = {"n": " ", "t": " ", "r": " ", "\\": "\\", "'": "'", '"': '"', "0": ""}
_HEX_DIGITS = {"x": 2, "u": 4, "U": 8}


def looks_like_list_literal(text: str) -> bool:
    """True for ``[`` followed by a quote: the start of a list of quoted names."""
    return text[:1] == "[" and text[1:].lstrip()[:1] in ("'", '"')


def _quoted(text: str, start: int) -> tuple[str, int]:
    """The string quoted at ``text[start]`` with escapes resolved, and the index after it."""
    quote = text[start]
    out: list[str] = []
    index = start + 1
    end = len(text)
    while index < end:
        char = text[index]
        if char == quote:
            return "".join(out), index + 1
        if char == "\\" and index + 1 < end:
            code = text[index + 1]
            digits = _HEX_DIGITS.get(code)
            if digits is not None:
                hex_text = text[index + 2 : index + 2 + digits]
                try:
                    out.append(chr(int(hex_text, 16)))
                    index += 2 + digits
                    continue
                except ValueError:
                    pass  # not an escape after all: keep the text as it is
            elif code in _ESCAPES:
                out.append(_ESCAPES[code])
                index += 2
                continue
        out.append(char)
        index += 1
    return "".join(out), end  # an unclosed quote: the line was cut


def list_literal_items(text: str) -> list[str]:
    """The elements of a list literal, quoted or bare (``...``, ``+``), in order."""
    items: list[str] = []
    index = text.find("[") + 1
    end = len(text)
    while index < end:
        char = text[index]
        if char in " \t,":
            index += 1
        elif char == "]":
            break
        elif char in ("'", '"'):
            item, index = _quoted(text, index)
            items.append(item)
        else:
            stop = min((p for p in (text.find(",", index), text.find("]", index)) if p >= 0),
                       default=end)  # fmt: skip
            items.append(text[index:stop].strip())
            index = stop
    return items
