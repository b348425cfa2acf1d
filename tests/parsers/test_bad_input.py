"""Bad bytes, bad files and bad trees never stop a load."""

from __future__ import annotations

import os
import socket
from datetime import date
from pathlib import Path

import pytest

from parsers import load
from tests.parsers.helpers import parse_text

DIGEST = (
    "## Daily Papers (2025-07-14)\n\n"
    "### [파이썬 논문](https://arxiv.org/abs/2507.00001)\n\n- 요약\n"
)


def test_utf8_bom_and_crlf() -> None:
    result = parse_text(b"\xef\xbb\xbf" + DIGEST.replace("\n", "\r\n").encode())
    assert result.problems == []
    paper = result.digests[0].papers[0]
    assert (paper.title, paper.sections[0].items) == ("파이썬 논문", ["요약"])


def test_legacy_korean_encoding_is_decoded_with_a_warning() -> None:
    result = parse_text(DIGEST.encode("cp949"))
    assert result.digests[0].papers[0].title == "파이썬 논문"
    [problem] = result.problems
    assert problem.severity == "warning" and "CP949" in problem.message


def test_invalid_utf8_in_the_middle_names_the_line() -> None:
    data = DIGEST.encode() + b"\n### [Bad \xff\xfe bytes](https://arxiv.org/abs/2507.00002)\n"
    result = parse_text(data)
    titles = [p.title for p in result.digests[0].papers]
    assert titles == ["파이썬 논문", "Bad \ufffd\ufffd bytes"]
    [problem] = result.problems
    assert problem.line == 7 and "UTF-8" in problem.message


def test_file_cut_in_the_middle_of_a_character() -> None:
    data = DIGEST.encode()[:-2]  # drops "\n" and the last byte of "약"
    result = parse_text(data)
    assert result.digests[0].papers[0].title == "파이썬 논문"
    assert "truncated" in result.problems[0].message


def test_binary_and_empty_files() -> None:
    binary = parse_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert binary.digests == [] and binary.problems[0].severity == "error"
    empty = parse_text(b"  \n\n")
    assert empty.digests == [] and "empty" in empty.problems[0].message


def test_explicit_non_digest_file_is_reported_but_directory_ones_are_skipped(
    tmp_path: Path,
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("buy milk\ncall Bob\n")
    assert "not a digest" in load([str(notes)]).problems[0].message
    for name, text in {
        "LICENSE.md": "Permission is hereby granted, free of charge, " * 20,
        "requirements.txt": "textual==8.2.8\nrich>=13\n",
        "todo.md": "# Todo\n\n- [ ] read more\n",
        "code.txt": "def f():\n    return 1\n",
    }.items():
        (tmp_path / name).write_text(text)
    result = load([str(tmp_path)])
    assert result.digests == [] and result.problems == []


def test_licence_prose_is_not_an_abstract_dump(tmp_path: Path) -> None:
    licence = tmp_path / "COPYING-notes.txt"
    licence.write_text(
        "Permission is hereby granted, free of charge, to any person obtaining a copy of this "
        "software and associated documentation files (the Software), to deal in the Software "
        "without restriction, including without limitation the rights to use, copy, modify."
    )
    other = tmp_path / "license_text.txt"
    other.write_text(licence.read_text())
    assert load([str(tmp_path)]).digests == []


def test_directory_walk_symlink_loop_and_broken_link(tmp_path: Path) -> None:
    day = tmp_path / "paper_logs" / "2025" / "07" / "14.md"
    day.parent.mkdir(parents=True)
    day.write_text(DIGEST.replace("## Daily Papers (2025-07-14)\n\n", ""))
    (tmp_path / "paper_logs" / "loop").symlink_to(tmp_path)
    (tmp_path / "gone.md").symlink_to(tmp_path / "missing.md")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.md").write_text(DIGEST)
    result = load([str(tmp_path)])
    assert [(d.date, len(d.papers)) for d in result.digests] == [(date(2025, 7, 14), 1)]
    assert [(Path(p.path).name, p.severity) for p in result.problems] == [
        ("gone.md", "error"),
        ("loop", "warning"),  # not followed: it leads back to the folder above it
    ]


def test_unreadable_file_is_a_problem_and_the_rest_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good, bad = tmp_path / "a.md", tmp_path / "b.md"
    good.write_text(DIGEST)
    bad.write_text(DIGEST)
    real_open = os.open

    def guarded_open(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(path) == str(bad):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded_open)
    result = load([str(tmp_path)])
    assert len(result.digests[0].papers) == 1
    [problem] = result.problems
    assert problem.path == str(bad) and "Permission denied" in problem.message


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_by_mode(tmp_path: Path) -> None:
    bad = tmp_path / "b.md"
    bad.write_text(DIGEST)
    bad.chmod(0)
    assert load([str(bad)]).problems[0].severity == "error"


def test_missing_path_is_an_error_problem(tmp_path: Path) -> None:
    result = load([str(tmp_path / "nope")])
    assert result.problems[0].severity == "error"
    assert "no such file" in result.problems[0].message


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("digest_2025-07-14.txt", date(2025, 7, 14)),
        ("paper_logs/2025/07/14.md", date(2025, 7, 14)),
        ("dump-20250714.txt", date(2025, 7, 14)),
        ("2025_07_14_abstracts.txt", date(2025, 7, 14)),
        ("561c81820ee3ca9b.txt", None),
        ("a20250714b.txt", None),
        ("2025-13-45.txt", None),
    ],
)
def test_date_from_path(name: str, expected: date | None) -> None:
    from parsers.dates import date_from_path

    assert date_from_path(name) == expected


def test_a_path_ending_in_a_date_gives_the_date_a_scan_of_the_whole_path_gives() -> None:
    """The quick look at a path's end agrees with the scan of all of it, on paths made of
    digits, separators and letters around dates (valid or not), long and short."""
    import random

    from parsers.dates import _date_anywhere, date_from_path

    pieces = ["2025", "07", "7", "14", "13", "45", "1999", "20250714", "/", "-", "_", ".",
              "x", "12", "0", "paper_logs", "9"]  # fmt: skip
    ends = [".md", ".markdown", ".txt", ".json", "", ".md5", "/14.md"]
    pick = random.Random(7)
    paths = [
        "x12025/07/14.md",
        "12025-07-14.md",
        "a/2025-7-4.txt",
        "2025/02/30.md",
        "a" * 40 + "12025/07/14.md",
    ]
    for _ in range(20_000):
        body = "".join(pick.choices(pieces, k=pick.randint(1, 14)))
        paths.append(body + pick.choice(ends))
    dated = 0
    for path in paths:
        assert date_from_path(path) == _date_anywhere(path), path
        dated += date_from_path(path) is not None
    assert dated > 500  # the paths do name dates, not only nothing


def test_same_paper_in_two_files_is_listed_once(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(
        "# Daily Papers\n\n" + DIGEST + "\n### [Second](https://arxiv.org/abs/2507.00002)\n"
    )
    day = tmp_path / "paper_logs" / "2025" / "07" / "14.md"
    day.parent.mkdir(parents=True)
    day.write_text(DIGEST.replace("2507.00001", "2507.00001v3") + "\nVote: 9\n")
    result = load([str(tmp_path)])
    [digest] = result.digests
    assert [(p.title, p.votes) for p in digest.papers] == [("파이썬 논문", 9), ("Second", None)]
    assert sorted(Path(s).name for s in digest.sources) == ["14.md", "README.md"]


def test_same_title_without_arxiv_id_is_merged_by_normalised_title(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("## Daily Papers (2025-07-14)\n\n### Big  Model: A Study\n")
    (tmp_path / "b.md").write_text(
        "## Daily Papers (2025-07-14)\n\n### [big model — a study](https://example.org/x)\n"
    )
    [digest] = load([str(tmp_path)]).digests
    assert [(p.title, p.url) for p in digest.papers] == [
        ("Big Model: A Study", "https://example.org/x")
    ]


def test_notes_with_long_paragraphs_are_not_abstracts(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    paragraph = (
        "Went to the market on Sunday and bought apples, bread and cheese for the picnic. "
        "The weather was fine, so we walked along the river until the evening came. "
    )
    notes.write_text(f"{paragraph * 3}\n\n{paragraph * 3}\n")
    assert load([str(tmp_path)]).digests == []


def test_long_lines_in_an_abstract_dump_are_reported(tmp_path: Path) -> None:
    dump = tmp_path / "dump.txt"
    dump.write_text("우리는 새로운 모델을 제안합니다. " * 20_000 + "\n")
    result = load([str(dump)])
    assert len(result.digests[0].papers) == 1
    assert [(p.line, "very long" in p.message) for p in result.problems] == [(1, True), (1, False)]
    assert "summary is longer than the reader keeps" in result.problems[1].message


def test_devices_fifos_and_sockets_are_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.md"
    os.mkfifo(fifo)
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(tmp_path / "sock.md"))
    try:
        result = load(["/dev/zero", str(fifo), str(tmp_path / "sock.md")])
    finally:
        listener.close()
    assert result.digests == []
    assert [(p.severity, p.message) for p in result.problems] == [
        ("error", "not a regular file (a character device); not read"),
        ("error", "not a regular file (a FIFO); not read"),
        ("error", "not a regular file (a socket); not read"),
    ]


def test_files_past_the_size_cap_are_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from parsers import loader

    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 1 << 20)
    big = tmp_path / "big.md"
    with big.open("wb") as handle:
        handle.truncate((1 << 20) + 1)
    result = load([str(big)])
    assert result.digests == []
    assert [p.message for p in result.problems] == ["larger than 1 MiB; not read"]


def test_papers_sharing_an_arxiv_id_under_different_titles_are_named() -> None:
    text = (
        "## Daily Papers (2025-07-17)\n\n"
        "### [First Title](https://arxiv.org/abs/2507.00001)\n\nVote: 3\n\n- one\n\n"
        "### [First  title](https://arxiv.org/abs/2507.00001)\n\nVote: 4\n\n- a repeat\n\n"
        "### [Another Paper](https://arxiv.org/abs/2507.00001)\n\nVote: 5\n\n- two\n"
    )
    result = parse_text(text)
    [problem] = result.problems  # the repeat under the same title is no problem
    assert problem.severity == "warning" and problem.line == 15
    assert "2507.00001" in problem.message and "'Another Paper'" in problem.message
    assert len(result.digests[0].papers) == 3  # the file's papers as written; merged by day later
