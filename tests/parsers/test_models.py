"""The models build their validators on first use, safely from many threads at once."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

FIRST_USE_IN_THREADS = textwrap.dedent(
    """
    from concurrent.futures import ThreadPoolExecutor

    from parsers.models import Digest, LoadResult, Paper, Problem, Section

    models = (Digest, LoadResult, Paper, Problem, Section)
    deferred = [model for model in models if not model.__pydantic_complete__]
    raw = {
        "date": "2025-07-01",
        "sources": ["a.md"],
        "papers": [{"title": f"T{i}", "votes": i, "authors": ["A"],
                    "sections": [{"heading": "What's New", "items": ["x"]}]} for i in range(20)],
    }

    def validate(_: int) -> tuple[int, str]:
        digest = Digest.model_validate(raw)
        problem = Problem.model_validate({"path": "a.md", "message": "m"})
        return len(digest.papers), type(digest.papers[0].sections[0]).__name__ + problem.severity

    with ThreadPoolExecutor(16) as pool:
        results = set(pool.map(validate, range(64)))
    print(len(deferred), sorted(results))
    """
)


def test_models_build_once_from_many_threads() -> None:
    """Imported without building, then first validated by 16 threads together."""
    done = subprocess.run(
        [sys.executable, "-c", FIRST_USE_IN_THREADS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split(maxsplit=1) == ["5", "[(20, 'Sectionwarning')]\n"]
