"""Numbers in the daily papers feed that no real day holds: capped as a Markdown vote line
is, each a listed problem, and never a failed load."""

from __future__ import annotations

from parsers.paper_fields import MAX_VOTES
from tests.parsers.helpers import parse_text


def feed_day(*upvotes: str) -> str:
    """A feed day whose entry N (line N) has the JSON text ``upvotes[N - 1]`` as upvotes."""
    entries = [
        f'{{"paper": {{"id": "2507.{n:05d}", "title": "P{n}", "upvotes": {value}}}}}'
        for n, value in enumerate(upvotes, 1)
    ]
    return "[" + ",\n".join(entries) + "]"


def test_upvotes_out_of_range_are_problems_and_the_day_loads() -> None:
    values = [
        str(2**63), str(2**64 + 5), "100001", "9" * 5000, "-3", "NaN", "Infinity",
        "1e400", "true", "7.5", '{"n": 1}', "7.0", '"12"', "100000", "0",
    ]  # fmt: skip
    result = parse_text(feed_day(*values), path="2025-07-14.json")
    [digest] = result.digests
    assert [paper.votes for paper in digest.papers] == [None] * 11 + [7, 12, MAX_VOTES, 0]
    assert [(p.line, p.message) for p in result.problems] == [
        (1, "entry 1 (P1): vote count 9223372036854775808 is not believable; ignored"),
        (2, "entry 2 (P2): vote count 18446744073709551621 is not believable; ignored"),
        (3, "entry 3 (P3): vote count 100001 is not believable; ignored"),
        (4, "entry 4 (P4): vote count 9999999999999999999… is not believable; ignored"),
        (5, "entry 5 (P5): vote count -3 is negative; ignored"),
        (6, "entry 6 (P6): vote count 'NaN' is not a number; ignored"),
        (7, "entry 7 (P7): vote count 'Infinity' is not a number; ignored"),
        (8, "entry 8 (P8): vote count 'Infinity' is not a number; ignored"),
        (9, "entry 9 (P9): vote count 'true' is not a number; ignored"),
        (10, "entry 10 (P10): vote count '7.5' is not a number; ignored"),
        (11, "entry 11 (P11): vote count '{\"n\": 1}' is not a number; ignored"),
    ]


def test_huge_numbers_elsewhere_in_an_entry_are_left_alone() -> None:
    day = '[{"paper": {"id": "2507.00001", "title": "T", "upvotes": 4}, "numComments": %s}]'
    result = parse_text(day % ("9" * 10_000), path="2025-07-14.json")
    assert [p.votes for p in result.digests[0].papers] == [4]
    assert result.problems == []


def test_json_nested_too_deeply_is_one_problem() -> None:
    result = parse_text("[" * 100_000 + "]" * 100_000, path="2025-07-14.json")
    assert result.digests == []
    assert [(p.severity, p.message) for p in result.problems] == [
        ("error", "not valid JSON (nested too deeply)")
    ]
