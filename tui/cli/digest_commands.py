"""``paperdeck dump`` and ``paperdeck check``: the parser's results for scripts."""

from __future__ import annotations

import json
import os
from typing import Any

from parsers import LoadResult, load
from tui.cli.arguments import fail
from tui.cli.output import safe, write


def require_paths(paths: list[str]) -> None:
    """Exit with a one-line error (code 2) when a path does not exist."""
    for path in paths:
        if not os.path.lexists(path):
            fail(f"no such file or directory: {safe(path)!r}")


def dump_document(result: LoadResult) -> dict[str, Any]:
    """The JSON document ``paperdeck dump`` prints (keys are a public contract)."""
    return {
        "digests": [
            {
                "date": digest.date.isoformat() if digest.date else None,
                "papers": [paper.model_dump(mode="json") for paper in digest.papers],
            }
            for digest in result.digests
        ],
        "problems": [problem.model_dump(mode="json") for problem in result.problems],
    }


def run_dump(paths: list[str]) -> int:
    require_paths(paths)
    document = dump_document(load(paths))
    write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return 0


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def run_check(paths: list[str]) -> int:
    require_paths(paths)
    result = load(paths)
    lines = [safe(str(problem)) for problem in result.problems]
    errors = sum(problem.severity == "error" for problem in result.problems)
    warnings = len(result.problems) - errors
    papers = sum(len(digest.papers) for digest in result.digests)
    files = len({source for digest in result.digests for source in digest.sources})
    lines.append(
        f"{_plural(files, 'file')} with digests, {_plural(len(result.digests), 'digest')}, "
        f"{_plural(papers, 'paper')}: {_plural(errors, 'error')}, {_plural(warnings, 'warning')}"
    )
    write("\n".join(lines) + "\n")
    return 1 if errors else 0
