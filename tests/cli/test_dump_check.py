"""``paperdeck dump`` and ``paperdeck check`` for scripts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parsers import Problem
from tests.conftest import SEEDS, TWO_SOURCES
from tui.archive.cache import ArchiveCache
from tui.archive.loading import update_cache
from tui.cli import main

PAPER_KEYS = {
    "title", "title_derived", "url", "arxiv_id", "votes", "authors", "thumbnail", "video",
    "sections",
}  # fmt: skip


def run(capsysbinary: pytest.CaptureFixture[bytes], *argv: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        raise SystemExit(main(list(argv)))
    captured = capsysbinary.readouterr()
    return exit_info.value.code, captured.out.decode(), captured.err.decode()  # type: ignore[return-value]


def test_dump_prints_the_documented_json(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    code, out, _ = run(capsysbinary, "dump", str(SEEDS))
    assert code == 0
    document = json.loads(out)
    assert set(document) == {"digests", "problems"}
    assert [d["date"] for d in document["digests"]] == [
        "2024-01-09", "2024-12-04", "2025-01-28", "2025-03-27", None,
    ]  # fmt: skip
    paper = document["digests"][0]["papers"][0]
    assert set(paper) == PAPER_KEYS
    assert set(document["digests"][0]) == {"date", "papers"}
    assert paper["sections"][0] == {
        "heading": None,
        "items": paper["sections"][0]["items"],
        "source": "seeds",  # the folder the dumps are in
    }
    assert paper["title"] == "Mixtral of Experts" and paper["votes"] == 86
    assert "Mixtral 8x7B는" in out  # UTF-8, not \\u escapes


def test_dump_shows_each_section_with_its_source(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    code, out, _ = run(capsysbinary, "dump", str(TWO_SOURCES))
    assert code == 0
    [digest] = json.loads(out)["digests"]
    [neural] = [paper for paper in digest["papers"] if paper["arxiv_id"] == "2507.08800"]
    assert set(neural) == PAPER_KEYS
    assert [(s["heading"], s["source"]) for s in neural["sections"]] == [
        ("What's New", "daily_papers_ko"),
        ("Technical Details", "daily_papers_ko"),
        ("Performance Highlights", "daily_papers_ko"),
        ("AI summary", "Hugging Face"),
        ("Abstract", "Hugging Face"),
        ("Keywords", "Hugging Face"),
        ("Links", "Hugging Face"),
    ]
    assert neural["sections"][-1]["items"] == [
        "GitHub: https://github.com/yuntian-group/neural-os",
        "Project page: https://neural-os.com",
        "Comments (4): https://huggingface.co/papers/2507.08800",
    ]
    assert neural["votes"] == 585  # the feed's, above the digest's 580
    assert neural["authors"] == [
        "Luke Rivard", "Sun Sun", "Hongyu Guo", "Wenhu Chen", "Yuntian Deng", "Zoë Müller",
        "Ada Park",
    ]  # fmt: skip
    assert [paper["title"] for paper in digest["papers"]] == [
        "NeuralOS: Towards Simulating Operating Systems via Neural Generative Models",
        "Lumos-1: On Autoregressive Video Generation from a Unified Model Perspective",
        "Scaling RL to Long Videos",
    ]  # each paper once; one source's alone keep their sections unchanged
    assert {s["source"] for s in digest["papers"][2]["sections"]} == {"Hugging Face"}


def test_dump_lists_problems(capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text("## Daily Papers (2025-02-30)\n\n### [A](https://arxiv.org/abs/1)\n")
    code, out, _ = run(capsysbinary, "dump", str(bad))
    assert code == 0
    [problem] = json.loads(out)["problems"]
    assert problem == {
        "path": str(bad),
        "line": 1,
        "severity": "error",
        "message": problem["message"],
    }


def test_check_clean_and_with_errors(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    code, out, _ = run(capsysbinary, "check", str(SEEDS))
    assert code == 0
    assert out == "5 files with digests, 5 digests, 122 papers: 0 errors, 0 warnings\n"
    bad = tmp_path / "bad.md"
    bad.write_text("## Daily Papers (2025-02-30)\n\n### [A](https://arxiv.org/abs/1)\n\nVote: x\n")
    code, out, _ = run(capsysbinary, "check", str(bad))
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith(f"{bad}:1: error: day header has an invalid date")
    assert lines[1] == f"{bad}:5: warning: vote count 'x' is not a number; ignored"
    assert lines[2].endswith("1 paper: 1 error, 1 warning")


def test_warnings_alone_exit_zero(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    path = tmp_path / "w.md"
    path.write_text("## Daily Papers (2025-02-03)\n\n### [A](https://arxiv.org/abs/1)\n\nVote: x\n")
    assert run(capsysbinary, "check", str(path))[0] == 0


@pytest.mark.parametrize(
    "argv",
    [["dump", "/no/such/path"], ["check", "--bogus", "x"], ["dump", "--data-dir"]],
)
def test_bad_arguments_are_one_line_and_exit_2(
    capsysbinary: pytest.CaptureFixture[bytes], argv: list[str]
) -> None:
    code, out, err = run(capsysbinary, *argv)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("paperdeck: error: ")


@pytest.mark.parametrize(("command", "mapped"), [("dump", False), ("check", True)])
def test_dump_reads_the_cache_without_a_memory_map(
    capsysbinary: pytest.CaptureFixture[bytes],
    monkeypatch: pytest.MonkeyPatch,
    command: str,
    mapped: bool,
) -> None:
    """``dump`` reads every row once: through a memory map, the freshness check alone kept
    tens of MiB of a ten-year cache's pages in its memory. The other commands keep it."""
    seen: list[int] = []

    def update(paths: list[str], cache: ArchiveCache) -> list[Problem]:
        seen.append(cache.connection().execute("PRAGMA mmap_size").fetchone()[0])
        return update_cache(paths, cache)

    monkeypatch.setattr("tui.cli.cached.update_cache", update)
    code, _, _ = run(capsysbinary, command, str(SEEDS))
    assert code == 0
    assert len(seen) == 1 and (seen[0] > 0) == mapped
