"""Memory benchmark: the peak memory of reading one very large digest file.

    uv run python -m tests.benchmarks.digest_memory [--megabytes 60] [--shapes TEXT]

Writes, in a temporary folder, one day of each shape at about ``--megabytes`` MB: a
Markdown day of ordinary papers (tens of thousands), a Markdown day of one paper whose
summary is a single huge bullet, a Markdown day of tiny papers (a heading and one bullet
each), a daily papers feed day (JSON) and a plain dump of abstracts. Each is read in a
fresh process three ways: parsed to plain data (what the cache stores), parsed to models
(``paperdeck dump``), and stored in a temporary parse cache (the reader, ``check``,
``search``). Prints the peak resident memory each added above the same process before
reading (``VmHWM``: Linux), and its ratio to the file's size.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from tests.benchmarks.archive import _body, _paper, _sentence

DAY = date(2025, 7, 14)
MB = 1_000_000

CHILD = """
import sys
from parsers import SourceFile
from parsers.loader import parse_file, read_file_raw
from tui.archive.cache import ArchiveCache
from tui.archive.loading import update_cache
path, how = sys.argv[1], sys.argv[2]
source = SourceFile(path, explicit=True, path_date=None)
def high_water():  # VmHWM starts again at exec; ru_maxrss would keep the parent's peak
    status = open("/proc/self/status").read()
    return int(status.split("VmHWM:")[1].split()[0]) * 1024
before = high_water()
if how == "plain data":
    kept = read_file_raw(source)
elif how == "models":
    kept = parse_file(source)
else:
    cache = ArchiveCache([path], None)
    update_cache([path], cache)
    cache.close()
print(high_water() - before)
"""


def _fill(size: int, piece: Callable[[int], str]) -> str:
    parts: list[str] = []
    total = 0
    while total < size:
        part = piece(len(parts))
        parts.append(part)
        total += len(part.encode())
    return "".join(parts)


def write_days(folder: Path, size: int) -> dict[str, Path]:
    """One file of each shape, each of about ``size`` bytes."""
    rng = random.Random(7)
    header = f"## Daily Papers ({DAY.isoformat()})\n\n"
    papers = header + _fill(size, lambda i: _paper(rng, DAY, i) + "\n")
    huge = (
        f"{header}### [One Paper](https://arxiv.org/abs/2507.00001)\n\nVote: 3\n\n"
        f"Authors: Ann Lee\n\n- ***What's New***: " + _fill(size, lambda _: _sentence(rng) + " ")
    )
    feed = "[" + _fill(size, lambda i: ("," if i else "") + json.dumps({
        "paper": {"id": f"2507.{i % 100000:05d}", "title": f"Paper {i}", "upvotes": 3,
                  "authors": [{"name": f"Author {i} {n}"} for n in range(8)],
                  "summary": _body(rng), "ai_summary": _sentence(rng),
                  "ai_keywords": ["kv cache", "moe"]},
        "publishedAt": "2025-07-14T00:00:00.000Z", "numComments": 2,
    }, ensure_ascii=False)) + "]"  # fmt: skip
    tiny = header + _fill(size, lambda i: f"### [P{i}](https://arxiv.org/abs/2507.{i:05d})\n- x\n")
    dump = _fill(size, lambda _: " ".join(_sentence(rng) for _ in range(6)) + "\n\n")
    files = {
        "Markdown, many papers": (folder / f"{DAY}.md", papers),
        "Markdown, tiny papers": (folder / "tiny" / f"{DAY}.md", tiny),
        "Markdown, one huge bullet": (folder / "huge" / f"{DAY}.md", huge),
        "feed JSON": (folder / f"{DAY}.json", feed),
        "abstract dump": (folder / f"{DAY:%Y%m%d}.txt", dump),
    }
    for path, text in files.values():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return {name: path for name, (path, _) in files.items()}


def peak(path: Path, how: str) -> int | str:
    """Bytes of peak memory added by reading ``path`` ``how``, or the error it ended with."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), how],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PAPERDECK_CACHE_DIR": str(path.parent)},
    )
    if done.returncode:
        return (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1][:60]
    return int(done.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=60)
    parser.add_argument("--shapes", default="", help="only files whose name holds this text")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="paperdeck-memory-") as tmp:
        files = write_days(Path(tmp), int(args.megabytes * MB))
        print(f"{'file':<27} {'size':>8}  {'plain data':>18} {'models':>18} {'cache':>18}")
        for name, path in files.items():
            if args.shapes not in name:
                continue
            size = path.stat().st_size
            row = f"{name:<27} {size / MB:6.1f}MB"
            failed = []
            for how in ("plain data", "models", "cache"):
                used = peak(path, how)
                if isinstance(used, str):
                    row += f"  {'failed':>18}"
                    failed.append(f"  {how}: {used}")
                else:
                    row += f"  {used / MB:8.0f}MB {used / size:5.1f}x"
            print("\n".join([row, *failed]), flush=True)


if __name__ == "__main__":
    main()
