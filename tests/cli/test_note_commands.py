"""``paperdeck note``, ``tag`` and ``tags``, and notes and tags in ``bookmarks`` output."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli.helpers import ROOT, run
from tui.userdata.bookmarks import bookmarks_file


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PAPERDECK_DATA_DIR", str(tmp_path / "data"))
    for name in ("VISUAL", "EDITOR", "SSH_ORIGINAL_COMMAND"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path / "data"


def editor_script(tmp_path: Path, body: str) -> str:
    """A shell script as the editor: ``$1`` is the file to edit."""
    script = tmp_path / "editor.sh"
    script.write_text(f"#!/bin/sh\n{body}\n")
    script.chmod(0o755)
    return str(script)


def test_note_set_show_replace_clear(data: Path, capfd: pytest.CaptureFixture[str]) -> None:
    assert run(capfd, "note", "https://arxiv.org/abs/2507.01234v2", "read", "section 3") == (
        0, "saved the note on 2507.01234\n", "",
    )  # fmt: skip
    assert run(capfd, "note", "2507.01234") == (0, "read section 3\n", "")
    kept = bookmarks_file(data).read().bookmarks["2507.01234"]
    assert not kept.starred and kept.note == "read section 3"
    assert run(capfd, "note", "2507.01234", "read section 3")[1] == (
        "the note on 2507.01234 is unchanged\n"
    )
    assert run(capfd, "note", "2507.01234", "--clear") == (
        0,
        "removed the note on 2507.01234\n",
        "",
    )
    assert bookmarks_file(data).read().bookmarks == {}  # nothing else kept it
    code, out, err = run(capfd, "note", "2507.01234")
    assert (code, out) == (1, "") and "no note on 2507.01234" in err
    assert run(capfd, "note", "2507.01234", "--clear")[0] == 1


def test_note_from_stdin_and_an_empty_text_removes(
    data: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("line one\r\nline two\x1b[31m\n\n"))
    assert run(capfd, "note", "2507.01234", "-")[0] == 0
    assert bookmarks_file(data).read().bookmarks["2507.01234"].note == "line one\nline two"
    assert run(capfd, "note", "2507.01234", "") == (0, "removed the note on 2507.01234\n", "")


def test_note_edit_runs_the_users_editor(
    data: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capfd, "note", "2507.01234", "first")
    monkeypatch.setattr("tui.cli.note_commands.is_tty", lambda stream: True)  # a terminal
    seen = tmp_path / "seen"
    monkeypatch.setenv("EDITOR", editor_script(tmp_path, f'cp "$1" {seen}; echo added >> "$1"'))
    assert run(capfd, "note", "2507.01234", "--edit") == (0, "saved the note on 2507.01234\n", "")
    assert seen.read_text() == "first\n"  # the editor got the note as it was
    assert bookmarks_file(data).read().bookmarks["2507.01234"].note == "first\nadded"
    monkeypatch.setenv("VISUAL", editor_script(tmp_path, "exit 3"))  # VISUAL wins over EDITOR
    code, _, err = run(capfd, "note", "2507.01234", "--edit")
    assert code == 1 and "exited with status 3; the note is unchanged" in err
    monkeypatch.setenv("SSH_ORIGINAL_COMMAND", "sh")  # a ForceCommand session
    code, _, err = run(capfd, "note", "2507.01234", "--edit")
    assert code == 1 and "no editor runs in this SSH session" in err
    config = Path(os.environ["PAPERDECK_CONFIG_DIR"]) / "config.toml"
    config.write_text("allow_external_programs = true\n")
    monkeypatch.setenv("VISUAL", editor_script(tmp_path, 'echo allowed > "$1"'))
    assert run(capfd, "note", "2507.01234", "--edit")[0] == 0
    assert bookmarks_file(data).read().bookmarks["2507.01234"].note == "allowed"


def test_tag_add_remove_list_and_count(data: Path, capfd: pytest.CaptureFixture[str]) -> None:
    assert run(capfd, "tag", "2507.01234", "+LLM", "+#to-read") == (
        0, "2507.01234: llm to-read\n", "",
    )  # fmt: skip
    assert run(capfd, "tag", "2507.05678", "+llm")[0] == 0
    code, out, err = run(capfd, "tag", "2507.01234", "-to-read", "-missing")
    assert (code, out) == (1, "2507.01234: llm\n") and "has no tag missing" in err
    assert run(capfd, "tag", "2507.01234") == (0, "2507.01234: llm\n", "")
    assert run(capfd, "tags") == (0, "llm  2\n", "")
    _, out, _ = run(capfd, "tags", "--json")
    assert json.loads(out) == [{"tag": "llm", "count": 2}]
    assert run(capfd, "tag", "2507.05678", "-llm")[0] == 0
    assert set(bookmarks_file(data).read().bookmarks) == {"2507.01234"}


def test_bad_ids_and_arguments_exit_2(data: Path, capfd: pytest.CaptureFixture[str]) -> None:
    for argv in (["note"], ["note", "not-an-id", "x"], ["note", "2507.01234", "x", "--clear"],
                 ["note", "2507.01234", "--edit", "--clear"], ["tag", "2507.01234", "bare"],
                 ["tag", "2507.01234", "+"], ["tag"], ["tags", "extra"]):  # fmt: skip
        code, out, err = run(capfd, *argv)
        assert code == 2 and out == "" and err.count("\n") == 1, argv


def test_bookmarks_list_and_exports_carry_notes_and_tags(
    data: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    run(capfd, "bookmarks", "add", "2507.00001")
    run(capfd, "tag", "2507.00001", "+c#", "+llm")
    run(capfd, "note", "2507.00001", "Try {this} & 50%")
    run(capfd, "note", "2507.00002", "only a note")
    _, out, _ = run(capfd, "bookmarks", "list")
    assert "#c#  #llm  [note]" in out and "(not starred)" in out
    assert out.splitlines()[-1] == "2 bookmarks"
    _, out, _ = run(capfd, "bookmarks", "list", "--json")
    by_id = {b["id"]: b for b in json.loads(out)}
    assert by_id["2507.00001"]["tags"] == ["c#", "llm"]
    assert by_id["2507.00001"]["note"] == "Try {this} & 50%"
    assert (by_id["2507.00002"]["starred"], by_id["2507.00002"]["tags"]) == (False, [])
    _, out, _ = run(capfd, "bookmarks", "export", "--format", "bibtex")
    assert "  keywords = {c\\#, llm}," in out and "  annote = {Try \\{this\\} \\& 50\\%}" in out
    _, out, _ = run(capfd, "bookmarks", "export", "--format", "md")
    assert "  Tags: `#c#` `#llm`" in out and "  > Try {this} & 50%" in out
    _, out, _ = run(capfd, "bookmarks", "export", "--format", "csv")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(out))}
    assert (rows["2507.00001"]["tags"], rows["2507.00001"]["starred"]) == ("c# llm", "true")
    assert rows["2507.00002"]["note"] == "only a note"
    assert run(capfd, "bookmarks", "remove", "2507.00002")[0] == 1  # not starred
    assert run(capfd, "bookmarks", "remove", "2507.00001") == (0, "removed 1\n", "")
    assert bookmarks_file(data).read().bookmarks["2507.00001"].tags == ["c#", "llm"]


WORKER = """
import os, sys
import tui.cli.note_commands
from tui.cli import main

tui.cli.note_commands.is_tty = lambda stream: True  # the editor has a terminal to run in
process, count, editor = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
os.environ["EDITOR"] = editor
for i in range(count):
    mark = f"p{process}-{i}"
    if i % 3 == 0:
        argv = ["note", f"2507.{process}{i:04d}", f"note {mark}"]
    elif i % 3 == 1:
        argv = ["tag", "2507.99999", f"+{mark}", f"+own-{process}"]
    else:
        os.environ["MARK"] = mark
        argv = ["note", "2507.99998", "--edit"]
    assert main(argv) == 0, argv
"""


def test_eight_processes_editing_notes_and_tags_lose_nothing(tmp_path: Path) -> None:
    """8 processes × 25 edits through the CLI: own notes, one paper's tags, one paper's
    note edited by all at once (each edit appends a line in the editor)."""
    processes, count = 8, 25
    data = tmp_path / "data"
    editor = editor_script(tmp_path, 'sleep 0.02; printf "\\n%s" "$MARK" >> "$1"')
    env = {**os.environ, "PAPERDECK_DATA_DIR": str(data)}
    start = time.perf_counter()
    children = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(p), str(count), editor], cwd=ROOT, env=env
        )
        for p in range(1, processes + 1)
    ]
    assert [child.wait(timeout=300) for child in children] == [0] * processes
    elapsed = time.perf_counter() - start
    kept = bookmarks_file(data).read().bookmarks
    edits = [(p, i) for p in range(1, processes + 1) for i in range(count)]
    for p, i in edits:
        if i % 3 == 0:
            assert kept[f"2507.{p}{i:04d}"].note == f"note p{p}-{i}"
    expected_tags = {f"p{p}-{i}" for p, i in edits if i % 3 == 1}
    expected_tags |= {f"own-{p}" for p in range(1, processes + 1)}
    assert set(kept["2507.99999"].tags) == expected_tags
    shared = kept["2507.99998"].note
    assert shared is not None
    lines = set(shared.split("\n"))
    appended = [f"p{p}-{i}" for p, i in edits if i % 3 == 2]
    assert [mark for mark in appended if mark not in lines] == []  # every edit is there
    conflicts = shared.count("conflict copy")
    copies = sum(shared.split("\n").count(mark) for mark in appended) - len(appended)
    assert copies == 0  # and none twice: a conflict copy holds only what the note lacks
    print(f"\n{processes} processes × {count} CLI edits in {elapsed:.1f} s; "
          f"{len(appended)} concurrent edits of one note, {conflicts} conflict copies, "
          f"{copies} lines copied twice, {len(shared):,} characters; nothing lost")  # fmt: skip


def test_an_impossible_arxiv_id_is_refused(data: Path, capfd: pytest.CaptureFixture[str]) -> None:
    for raw in ("9999.99999", "2513.01234", "2507.0123", "1412.12345", "hep-th/9913001"):
        code, out, err = run(capfd, "note", raw, "text")
        assert (code, out) == (2, "") and f"not an arXiv id or a kept paper: '{raw}'" in err
        assert run(capfd, "bookmarks", "add", raw)[0] == 2
    for raw in ("2507.01234", "0704.0001", "1412.1234", "hep-th/9901001"):
        assert run(capfd, "note", raw, "text")[0] == 0, raw


def test_note_edit_without_a_terminal_is_refused(
    data: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    started = tmp_path / "started"
    monkeypatch.setenv("EDITOR", editor_script(tmp_path, f"touch {started}"))
    code, out, err = run(capfd, "note", "2507.01234", "--edit")  # stdin: pytest's, no terminal
    assert (code, out) == (2, "") and err.count("\n") == 1
    assert "--edit needs a terminal" in err
    assert not started.exists()
