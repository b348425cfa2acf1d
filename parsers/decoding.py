"""Turn a file's bytes into clean text lines, reporting what had to be guessed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsers.models import Problem

UTF8_BOM = b"\xef\xbb\xbf"
LEGACY_KOREAN = "cp949"  # a superset of EUC-KR
SNIFF_BYTES = 8192

# Whole escape sequences (CSI "ESC [ … letter", OSC "ESC ] … BEL or ESC \", and two-byte
# ESC sequences), then any other C0 control but tab and newline, DEL, C1 controls and
# bidirectional overrides: digest text is shown in a terminal and must not drive it.
_CONTROL = re.compile(
    "\x1b\\[[0-?]*[ -/]*[@-~]"
    "|\x1b\\][^\x07\x1b]*(?:\x07|\x1b\\\\)?"
    "|\x1b[@-Z\\\\-_]"
    "|[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
)


@dataclass
class DecodedText:
    """A file's text with LF line ends, and the problems met while decoding it."""

    text: str
    problems: list[Problem] = field(default_factory=list)


_C0_BYTES = bytes([*range(0, 9), 11, 12, *range(14, 32), 127])
_C1_BYTES = re.compile(rb"\xc2[\x80-\x9f]")
_BIDI_BYTES = re.compile(rb"\xe2(?:\x80[\xaa-\xae]|\x81[\xa6-\xa9])")


def has_controls(data: bytes) -> bool:
    """Whether UTF-8 ``data`` holds a control character (CR aside); fast on clean files.

    C1 controls and bidirectional overrides start with a byte most digests never hold, or
    hold a few times: the patterns start where ``find`` (a memchr) first sees that byte.
    """
    if len(data.translate(None, _C0_BYTES)) != len(data):
        return True
    c1 = data.find(b"\xc2")
    if c1 >= 0 and _C1_BYTES.search(data, c1) is not None:
        return True
    bidi = data.find(b"\xe2")
    return bidi >= 0 and _BIDI_BYTES.search(data, bidi) is not None


def strip_controls(text: str) -> str:
    """Remove terminal control characters (escape sequences included) from ``text``."""
    if _CONTROL.search(text) is None:
        return text
    return _CONTROL.sub("", text)


def looks_binary(data: bytes) -> bool:
    """True when the first bytes hold a NUL, which no text digest does."""
    return b"\x00" in data[:SNIFF_BYTES]


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode(data: bytes, path: str) -> DecodedText | None:
    """Decode ``data`` to text; None when it is binary (reported by the caller).

    UTF-8 (with or without BOM) is expected; legacy Korean files (CP949/EUC-KR) are decoded
    with a warning; anything else is decoded with replacement characters and a warning
    naming the first bad line. CRLF and CR line ends become LF and control characters go.
    """
    if looks_binary(data):
        return None
    problems: list[Problem] = []
    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM) :]
    try:
        text = data.decode("utf-8")
        clean = not has_controls(data)
    except UnicodeDecodeError as exc:
        text, problem = _decode_fallback(data, exc, path)
        problems.append(problem)
        clean = False
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not clean:
        text = strip_controls(text)
    return DecodedText(text, problems)


def _mostly_hangul(text: str) -> bool:
    """True when most non-ASCII characters are Hangul, as in a real CP949 file."""
    non_ascii = [char for char in text[:20000] if ord(char) > 127]
    hangul = sum(1 for char in non_ascii if "\uac00" <= char <= "\ud7a3")
    return bool(non_ascii) and hangul * 2 >= len(non_ascii)


def _decode_fallback(data: bytes, exc: UnicodeDecodeError, path: str) -> tuple[str, Problem]:
    line = _line_of(data, exc.start)
    if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
        text = data.decode("utf-8", errors="replace")
        message = "file ends in the middle of a character; it may be truncated"
        return text, Problem(path=path, line=line, severity="warning", message=message)
    try:
        text = data.decode(LEGACY_KOREAN)
    except UnicodeDecodeError:
        text = ""
    if text and _mostly_hangul(text):
        message = "file is not UTF-8; decoded as the legacy Korean encoding CP949 (EUC-KR)"
        line = 0
    else:
        text = data.decode("utf-8", errors="replace")
        message = "file is not valid UTF-8; undecodable bytes are shown as \ufffd"
    return text, Problem(path=path, line=line, severity="warning", message=message)
