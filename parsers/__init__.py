"""The parser layer: digest files in, pydantic models and a list of problems out.

Pure Python on top of pydantic; it imports neither Textual nor Rich.
"""

from parsers.discovery import SourceFile, discover
from parsers.loader import FileResult, load, parse_bytes, parse_file
from parsers.merge import DigestIndex, paper_key
from parsers.models import Digest, LoadResult, Paper, Problem, Section
from parsers.version import PARSER_VERSION
from parsers.web_links import is_web_link, not_a_web_link

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
