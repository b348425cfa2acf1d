"""Long-line benchmark: the parser's patterns on one 40,000-character line of the worst shape.

    uv run python -m tests.benchmarks.long_lines [--length 40000] [--plain]

For each pattern that once backtracked on such a line (the author separators, the HTML
``src`` search, the Markdown sniffing), and for the whole parse of a digest holding that
line, prints the time (best of 3) and its ratio to a plain ``str.split`` of the same line,
measured in the same run. ``--plain`` times the plain patterns too (the reference of
``tests/parsers/test_long_lines.py``): seconds each at the default length.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from parsers import SourceFile, parse_bytes
from parsers.markdown.syntax import find_markdown_digest, html_source
from parsers.paper_fields import AUTHOR_SEPARATORS
from tests.parsers.test_long_lines import PLAIN_HTML_SRC, PLAIN_SEPARATORS, PLAIN_SNIFF

HEADER = "## Daily Papers (2025-07-14)\n\n### [T](https://arxiv.org/abs/2507.00001)\n\n"


def shapes(length: int) -> dict[str, tuple[str, str]]:
    """Per pattern: the line that cost most, and a digest file that holds it."""
    blanks = "a" + " " * length + "b"
    tags = "<img " * (length // 5)
    hashes = "#" + " " * length + "x"
    return {
        "author separators": (blanks, f"{HEADER}Authors: {blanks}\n"),
        "HTML src": (tags, f"{HEADER}{tags}\n"),
        "Markdown sniffing": (hashes, f"{hashes}\n{HEADER}"),  # sniffed before the header
    }


def best_of(run: Callable[[], object], times: int = 3) -> float:
    best = float("inf")
    for _ in range(times):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def parse_digest(text: str) -> object:
    return parse_bytes(text.encode(), SourceFile("2025-07-14.md", explicit=True, path_date=None))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--length", type=int, default=40_000)
    parser.add_argument("--plain", action="store_true", help="time the plain patterns too")
    args = parser.parse_args()
    ours: dict[str, Callable[[str], object]] = {
        "author separators": AUTHOR_SEPARATORS.split,
        "HTML src": html_source,
        "Markdown sniffing": find_markdown_digest,
    }
    plain: dict[str, Callable[[str], object]] = {
        "author separators": PLAIN_SEPARATORS.split,
        "HTML src": PLAIN_HTML_SRC.search,
        "Markdown sniffing": PLAIN_SNIFF.search,
    }
    head = (
        f"{'pattern':<18} {'str.split':>10} {'pattern':>10} {'ratio':>8} {'parse':>10} {'ratio':>8}"
    )
    print(head + (f" {'plain':>10} {'ratio':>10}" if args.plain else ""))
    for name, (line, digest) in shapes(args.length).items():
        base = best_of(line.split)
        mine = best_of(lambda: ours[name](line))  # noqa: B023 - called at once
        whole = best_of(lambda: parse_digest(digest))  # noqa: B023 - called at once
        row = (f"{name:<18} {base * 1e3:8.3f}ms {mine * 1e3:8.3f}ms {mine / base:7.1f}x "
               f"{whole * 1e3:8.3f}ms {whole / base:7.1f}x")  # fmt: skip
        if args.plain:
            old = best_of(lambda: plain[name](line), times=1)  # noqa: B023 - called at once
            row += f" {old:9.2f}s {old / base:9.0f}x"
        print(row, flush=True)


if __name__ == "__main__":
    main()
