"""The parser layer: digest files in, plain records (``parsers.models``) and problems out.

Pure Python; it imports neither Textual, Rich nor pydantic. The names below load their
module when first used, so that importing one part (the records, discovery) does not
import the parsers themselves (a warm start reads its papers from the cache).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from parsers.discovery import SourceFile, discover
    from parsers.loader import FileResult, load, parse_bytes, parse_file
    from parsers.merge import DigestIndex, paper_key
    from parsers.models import Digest, LoadResult, Paper, Problem, Section
    from parsers.version import PARSER_VERSION
    from parsers.web_links import is_web_link, not_a_web_link

_WHERE = {
    "SourceFile": "discovery",
    "discover": "discovery",
    "FileResult": "loader",
    "load": "loader",
    "parse_bytes": "loader",
    "parse_file": "loader",
    "DigestIndex": "merge",
    "paper_key": "merge",
    "Digest": "models",
    "LoadResult": "models",
    "Paper": "models",
    "Problem": "models",
    "Section": "models",
    "PARSER_VERSION": "version",
    "is_web_link": "web_links",
    "not_a_web_link": "web_links",
}

__all__ = [
    "PARSER_VERSION",
    "Digest",
    "DigestIndex",
    "FileResult",
    "LoadResult",
    "Paper",
    "Problem",
    "Section",
    "SourceFile",
    "discover",
    "is_web_link",
    "load",
    "not_a_web_link",
    "paper_key",
    "parse_bytes",
    "parse_file",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'parsers' has no attribute {name!r}")
    value = getattr(import_module(f"parsers.{module}"), name)
    globals()[name] = value
    return value
