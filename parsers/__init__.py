"""The parser layer: digest files in, pydantic models and a list of problems out.

Pure Python on top of pydantic; it imports neither Textual nor Rich.
"""

from parsers.discovery import SourceFile, discover
from parsers.loader import FileResult, load, parse_bytes, parse_file
from parsers.merge import DigestIndex, paper_key
from parsers.models import Digest, LoadResult, Paper, Problem, Section
from parsers.version import PARSER_VERSION

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
    "load",
    "paper_key",
    "parse_bytes",
    "parse_file",
]
