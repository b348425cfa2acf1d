"""Small helpers for parser tests: parse literal text as a file would be parsed."""

from __future__ import annotations

from datetime import date

from parsers import FileResult, Paper, SourceFile, parse_bytes


def parse_text(
    text: str | bytes, path: str = "digest.md", path_date: date | None = None
) -> FileResult:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return parse_bytes(data, SourceFile(path=path, explicit=True, path_date=path_date))


def only_paper(text: str) -> Paper:
    result = parse_text(text)
    [digest] = result.digests
    [paper] = digest.papers
    return paper
