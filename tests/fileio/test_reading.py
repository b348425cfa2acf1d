"""Reading user files: the kind, the size and the nesting are checked; nothing blocks."""

from __future__ import annotations

import os
import re
import socket
import threading
from pathlib import Path

import pytest

from tui.fileio import (
    MAX_NESTING,
    FileTooLarge,
    NotParseable,
    NotRegularFile,
    UnusableFile,
    read_bytes,
    read_json,
    read_toml,
)


def test_a_regular_file_is_read_through_links(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_bytes(b'{"a": [1, 2]}')
    (tmp_path / "link.json").symlink_to(tmp_path / "a.json")
    assert read_bytes(tmp_path / "link.json", 100) == b'{"a": [1, 2]}'
    assert read_json(tmp_path / "link.json", 100) == {"a": [1, 2]}


def test_missing_files_and_directories_are_os_errors(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_bytes(tmp_path / "missing", 10)
    with pytest.raises(IsADirectoryError):
        read_json(tmp_path, 10)


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []
    reader = threading.Thread(target=lambda: _capture(outcome, lambda: read_bytes(fifo, 10)))
    reader.start()
    reader.join(5)
    if reader.is_alive():  # unblock the reader before failing, so the run can end
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(5)
        pytest.fail("reading a FIFO blocked")
    [error] = outcome
    assert isinstance(error, NotRegularFile) and error.reason == "not a regular file (a FIFO)"


def _capture(outcome: list[BaseException], call: object) -> None:
    try:
        call()  # type: ignore[operator]
    except BaseException as exc:
        outcome.append(exc)


def test_devices_and_sockets_are_refused(tmp_path: Path) -> None:
    with pytest.raises(NotRegularFile, match=r"\(a character device\)"):
        read_bytes(Path("/dev/zero"), 10)
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(tmp_path / "sock"))
    try:
        with pytest.raises(NotRegularFile, match=r"\(a socket\)"):
            read_json(tmp_path / "sock", 10)
    finally:
        listener.close()


def test_the_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "big"
    path.write_bytes(b"x" * 2048)
    assert len(read_bytes(path, 2048)) == 2048
    with pytest.raises(FileTooLarge) as error:
        read_bytes(path, 1024)
    assert error.value.reason == "larger than 1 KiB"
    with pytest.raises(FileTooLarge, match="larger than 1 MiB"):
        with path.open("wb") as handle:
            handle.truncate(2**20 + 1)
        read_bytes(path, 2**20)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"[" * 5000 + b"]" * 5000, f"nested more than {MAX_NESTING} levels deep"),
        (b"[" * (MAX_NESTING + 1) + b"]" * (MAX_NESTING + 1),
         f"nested more than {MAX_NESTING} levels deep"),
        (b'{"a": ' * 5000 + b"1" + b"}" * 5000, f"nested more than {MAX_NESTING} levels deep"),
        (b'{"a": 1', "not valid JSON; truncated or corrupt"),
        (b"\xff\xfe\x00garbage", "not valid JSON; truncated or corrupt"),
        (b"1" * 5000, "not valid JSON; truncated or corrupt"),  # past int's digit limit
    ],
)  # fmt: skip
def test_json_that_cannot_be_used(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "state.json"
    path.write_bytes(data)
    with pytest.raises(NotParseable) as error:
        read_json(path, len(data))
    assert error.value.reason == reason
    assert isinstance(error.value, UnusableFile) and str(error.value) == f"{path}: {reason}"


def test_nesting_up_to_the_limit_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_bytes(b"[" * MAX_NESTING + b"]" * MAX_NESTING)
    assert read_json(path, 1000) is not None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("x = " + "[" * 5000 + "]" * 5000, "nested more than"),
        ("x = " + "{a = " * 3000 + "1" + "}" * 3000, "nested more than"),
        ("x = " + "[" * 70 + "]" * 70, "nested more than"),
        ("x = [", "not valid TOML (Invalid value (at end of document))"),
    ],
)
def test_toml_that_cannot_be_used(tmp_path: Path, text: str, reason: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text)
    with pytest.raises(NotParseable, match=re.escape(reason)):
        read_toml(path, 2**20)


def test_toml_must_be_utf8(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b'theme = "\xff"')
    with pytest.raises(NotParseable, match=r"not UTF-8 text \(byte 10\)"):
        read_toml(path, 100)
    path.write_text('theme = "nord"\n[keys]\n"a.b" = "h"\n')
    assert read_toml(path, 100) == {"theme": "nord", "keys": {"a.b": "h"}}
