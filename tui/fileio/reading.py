"""Reading user files: regular files only, a size cap, JSON and TOML with bounded nesting.

Every way a file can be unusable raises an :class:`UnusableFile` (a FIFO, a device, too
large, not valid, nested too deeply, too big to parse): the caller moves the file aside or
uses defaults, and tells the user ``reason``. A file that cannot be read at all (missing,
a directory, no permission) raises ``OSError`` as ``open`` would.
"""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Callable
from pathlib import Path

from parsers.regular_files import UnusableFile, read_regular_file

MAX_NESTING = 64
"""Lists and tables inside each other deeper than this make a file unusable."""


class NotParseable(UnusableFile):
    """A file whose bytes are not valid JSON or TOML, or nested too deeply to read."""


def read_bytes(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the regular file ``path``; see :func:`read_regular_file`."""
    return read_regular_file(path, limit)


def read_json(path: Path, limit: int, max_depth: int = MAX_NESTING) -> object:
    """The JSON document in ``path``, at most ``limit`` bytes and ``max_depth`` deep."""
    data = read_bytes(path, limit)
    return _parsed(path, lambda: json.loads(data), "not valid JSON; truncated or corrupt",
                   max_depth)  # fmt: skip


def read_toml(path: Path, limit: int, max_depth: int = MAX_NESTING) -> dict[str, object]:
    """The TOML document in ``path`` (UTF-8), at most ``limit`` bytes and ``max_depth`` deep."""
    data = read_bytes(path, limit)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise NotParseable(path, f"not UTF-8 text (byte {exc.start + 1})") from None
    document = _parsed(path, lambda: tomllib.loads(text), "not valid TOML", max_depth)
    assert isinstance(document, dict)
    return document


def _parsed(path: Path, parse: Callable[[], object], invalid: str, max_depth: int) -> object:
    """``parse()``, with every way it can fail turned into :class:`NotParseable`."""
    try:
        document = parse()
    except RecursionError:
        raise NotParseable(path, f"nested more than {max_depth} levels deep") from None
    except MemoryError:
        raise NotParseable(path, "too large to parse in the memory available") from None
    except ValueError as exc:  # JSONDecodeError, TOMLDecodeError, UnicodeDecodeError
        detail = str(exc) if isinstance(exc, tomllib.TOMLDecodeError) else ""
        raise NotParseable(path, f"{invalid} ({detail})" if detail else invalid) from None
    if _deeper_than(document, max_depth):
        raise NotParseable(path, f"nested more than {max_depth} levels deep")
    return document


def _deeper_than(document: object, limit: int) -> bool:
    """Whether lists and dicts nest more than ``limit`` levels (checked without recursion)."""
    stack: list[tuple[dict[object, object] | list[object], int]] = []
    if isinstance(document, dict | list):
        stack.append((document, 1))
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            return True
        children = value.values() if isinstance(value, dict) else value
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False
