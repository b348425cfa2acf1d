"""Reading files and trees of files into digests: the parser layer's entry points."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from parsers.decoding import decode
from parsers.discovery import SourceFile, discover
from parsers.formats import read_any
from parsers.merge import DigestIndex, shared_ids
from parsers.models import Digest, LoadResult, Problem, RawDigest, digest_from_raw
from parsers.regular_files import UnusableFile, read_regular_file
from parsers.sources import source_name

MAX_FILE_BYTES = 256 * 1024 * 1024


@dataclass
class FileResult:
    """What one file held: its digests (one per day header) and its problems."""

    source: SourceFile
    digests: list[Digest] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class RawFileResult:
    """A :class:`FileResult` before validation: digests as plain data."""

    source: SourceFile
    digests: list[RawDigest] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def validated(self) -> FileResult:
        digests = [digest_from_raw(digest) for digest in self.digests]
        return FileResult(self.source, digests, self.problems)


def _read_bytes(source: SourceFile) -> tuple[bytes | None, Problem | None]:
    """The file's bytes, or the problem that kept it from being read (never blocks)."""
    try:
        return read_regular_file(source.path, MAX_FILE_BYTES), None
    except UnusableFile as exc:
        message = f"{exc.reason}; not read"
    except OSError as exc:
        message = f"cannot read: {exc.strerror or exc}"
    return None, Problem(path=source.path, severity="error", message=message)


def read_raw(data: bytes, source: SourceFile) -> RawFileResult:
    """Parse one file's bytes into plain data, whatever its format; never raises."""
    result = RawFileResult(source)
    path = source.path
    if not data or data.isspace():
        result.problems.append(Problem(path=path, line=1, message="file is empty"))
        return result
    decoded = decode(data, path)
    if decoded is None:
        message = "binary file, not a digest; skipped"
        result.problems.append(Problem(path=path, line=1, severity="error", message=message))
        return result
    result.problems.extend(decoded.problems)
    found = read_any(decoded.text, source)
    if found is None:
        if source.explicit:
            message = "no day headers, paper headings or abstracts found; not a digest"
            result.problems.append(Problem(path=path, line=1, message=message))
        return result
    digest_format, (digests, problems) = found
    _name_sources(digests, source_name(path, feed=digest_format.name == "hf-daily"))
    result.digests = digests
    result.problems.extend(problems)
    result.problems.extend(shared_ids(digests, decoded.text, path))
    if not digests and not problems and source.explicit and not digest_format.days_may_be_empty:
        message = "no papers found in it; not a digest"
        result.problems.append(Problem(path=path, line=1, message=message))
    return result


def _name_sources(digests: list[RawDigest], name: str) -> None:
    """Say in each section which source it came from (papers merge across sources)."""
    for digest in digests:
        for paper in digest["papers"]:
            for section in paper.get("sections") or ():
                section["source"] = name


def read_file_raw(source: SourceFile) -> RawFileResult:
    """Read and parse one file into plain data; a file that cannot be read is a problem."""
    data, problem = _read_bytes(source)
    if data is None:
        return RawFileResult(source, problems=[problem] if problem else [])
    return read_raw(data, source)


def parse_bytes(data: bytes, source: SourceFile) -> FileResult:
    """Parse one file's bytes into models, whatever its format; never raises on content."""
    return read_raw(data, source).validated()


def parse_file(source: SourceFile) -> FileResult:
    """Read and parse one file into models; a file that cannot be read becomes a problem."""
    return read_file_raw(source).validated()


@contextmanager
def paused_gc(freeze: bool = False) -> Iterator[None]:
    """Pause the cyclic garbage collector while building many acyclic objects.

    A load creates millions of small dicts, lists and models that live long and never form
    cycles; without the pause the collector re-walks them again and again, doubling load
    time. With ``freeze`` the objects built are moved out of the collector's sight for good
    (``gc.freeze``), so that later collections do not walk the whole archive either.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if enabled:
            gc.enable()


def parse_files(sources: list[SourceFile]) -> Iterator[FileResult]:
    """Parse ``sources`` in order, one :class:`FileResult` each."""
    for source in sources:
        raw = read_file_raw(source)
        with paused_gc():
            validated = raw.validated()
        yield validated


def load(paths: list[str]) -> LoadResult:
    """Load every digest under ``paths`` (files or directories), merged by date.

    The same paper on the same date (same arXiv id, else same normalised title) is listed
    once; the date comes from the day header, else from the path. Nothing raises: problems
    are collected in the result while everything readable loads.
    """
    sources, problems = discover(paths)
    index = DigestIndex()
    with paused_gc(freeze=True):
        for result in parse_files(sources):
            problems.extend(result.problems)
            for digest in result.digests:
                index.add(digest)
    return LoadResult(digests=index.digests(), problems=problems)
