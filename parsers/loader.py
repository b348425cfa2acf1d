"""Reading files and trees of files into digests: the parser layer's entry points."""

from __future__ import annotations

from dataclasses import dataclass, field

from parsers.abstract_dump import parse_abstract_dump, sniff_abstract_dump
from parsers.decoding import decode
from parsers.discovery import SourceFile, discover
from parsers.markdown_digest import find_markdown_digest, parse_markdown_digest
from parsers.merge import DigestIndex
from parsers.models import Digest, LoadResult, Problem

MAX_FILE_BYTES = 256 * 1024 * 1024


@dataclass
class FileResult:
    """What one file held: its digests (one per day header) and its problems."""

    source: SourceFile
    digests: list[Digest] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _read_bytes(source: SourceFile) -> tuple[bytes | None, Problem | None]:
    path = source.path
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        message = f"cannot read: {exc.strerror or exc}"
        return None, Problem(path=path, severity="error", message=message)
    if len(data) > MAX_FILE_BYTES:
        message = f"file is larger than {MAX_FILE_BYTES // 2**20} MiB; not read"
        return None, Problem(path=path, severity="error", message=message)
    return data, None


def parse_bytes(data: bytes, source: SourceFile) -> FileResult:
    """Parse one file's bytes, whatever format it is in; never raises on bad content."""
    result = FileResult(source)
    path = source.path
    if not data.strip():
        result.problems.append(Problem(path=path, line=1, message="file is empty"))
        return result
    decoded = decode(data, path)
    if decoded is None:
        message = "binary file, not a digest; skipped"
        result.problems.append(Problem(path=path, line=1, severity="error", message=message))
        return result
    result.problems.extend(decoded.problems)
    text = decoded.text
    lines = text.split("\n")
    if find_markdown_digest(text):
        digests, problems = parse_markdown_digest(lines, path, source.path_date)
    elif sniff_abstract_dump(lines):
        digests, problems = parse_abstract_dump(lines, path, source.path_date)
    else:
        if source.explicit:
            message = "no day headers, paper headings or abstracts found; not a digest"
            result.problems.append(Problem(path=path, line=1, message=message))
        return result
    result.digests, result.problems = digests, result.problems + problems
    return result


def parse_file(source: SourceFile) -> FileResult:
    """Read and parse one file; a file that cannot be read becomes a problem."""
    data, problem = _read_bytes(source)
    if data is None:
        result = FileResult(source)
        if problem is not None:
            result.problems.append(problem)
        return result
    return parse_bytes(data, source)


def load(paths: list[str]) -> LoadResult:
    """Load every digest under ``paths`` (files or directories), merged by date.

    The same paper on the same date (same arXiv id, else same normalised title) is listed
    once; the date comes from the day header, else from the path. Nothing raises: problems
    are collected in the result while everything readable loads.
    """
    sources, problems = discover(paths)
    index = DigestIndex()
    for source in sources:
        result = parse_file(source)
        problems.extend(result.problems)
        for digest in result.digests:
            index.add(digest)
    return LoadResult(digests=index.digests(), problems=problems)
