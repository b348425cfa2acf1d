"""``paperdeck note``, ``paperdeck tag`` and ``paperdeck tags``: notes and tags for scripts.

They change the bookmarks file as the reader does (locked, merged, atomic): a paper given
by its arXiv id becomes kept (not starred) when it gets a note or a tag, and is filled in
once the reader loads a digest holding it.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from typing import NoReturn

import click

from tui.archive.links import parse_arxiv_id
from tui.archive.text import clean_tag
from tui.cli.arguments import PROG, data_dir_option, fail
from tui.cli.command_line import Command, WordsCommand
from tui.cli.launch import is_tty, read_config, usable_locations
from tui.cli.output import safe, write
from tui.fileio import WriteRefused
from tui.terminal.environment import external_programs_allowed
from tui.terminal.external_editor import edit_in_editor, editor_command
from tui.userdata import annotations as an
from tui.userdata.bookmarks import Bookmark, Bookmarks, bookmarks_file
from tui.userdata.cleaning import MAX_NOTE_CHARS, clean_note
from tui.userdata.state_file import StateFile, StateFileError


def _paper(raw: str, file: StateFile[Bookmarks]) -> tuple[str, Bookmark | None]:
    """The paper's identity, and a snapshot to keep it by when it is not kept yet."""
    arxiv_id = parse_arxiv_id(raw)
    if arxiv_id is not None:
        return arxiv_id, Bookmark.bare(arxiv_id, datetime.now(UTC))
    if raw.strip() in file.read().bookmarks:
        return raw.strip(), None
    fail(f"not an arXiv id or a kept paper: {safe(raw)!r} (e.g. 2507.01234)")


def _warn_moved(file: StateFile[Bookmarks]) -> None:
    for moved in file.moved:
        print(f"{PROG}: warning: {safe(moved.message())}", file=sys.stderr)


def _edited(data_dir: str | None, pid: str, base: str | None) -> str | None:
    """The note as the user left it in their editor; exits 1 when that cannot be, 2
    without a terminal for it (a pipe, cron: the editor would wait for keys for ever)."""
    if not is_tty(sys.stdin):
        fail("--edit needs a terminal: give the note as TEXT, or TEXT - to read it from stdin")
    config = read_config(usable_locations(data_dir)).config
    if not external_programs_allowed(os.environ, config.allow_external_programs):
        _error("no editor runs in this SSH session (allow_external_programs in config.toml)")
    command = editor_command(os.environ)
    if command is None:
        _error("no editor found: set $VISUAL or $EDITOR")
    edited = edit_in_editor(base or "", command, f"note-{pid}")
    if edited.problem is not None:
        _error(f"{edited.problem}; the note is unchanged")
    return edited.text


def _error(message: str) -> NoReturn:
    print(f"{PROG}: error: {safe(message)}", file=sys.stderr)
    raise SystemExit(1)


def _note(
    file: StateFile[Bookmarks],
    raw_id: str,
    words: tuple[str, ...],
    edit: bool,
    clear: bool,
    data_dir: str | None,
) -> int:
    if sum((bool(words), edit, clear)) > 1:
        fail("give TEXT, --edit or --clear: one of them")
    pid, snapshot = _paper(raw_id, file)
    kept = file.read().bookmarks.get(pid)
    base = kept.note if kept is not None else None
    if not (words or edit or clear):
        _warn_moved(file)
        if base is None:
            _error(f"no note on {pid}")
        write(f"{base}\n")
        return 0
    if clear and base is None:
        _error(f"no note on {pid}")
    if edit:
        text = _edited(data_dir, pid, base)
    elif words == ("-",):
        text = sys.stdin.read(MAX_NOTE_CHARS + 1)
        if len(text) > MAX_NOTE_CHARS:
            _error(f"a note holds at most {MAX_NOTE_CHARS:,} characters; nothing saved")
    else:
        text = None if clear else " ".join(words)
    if clean_note(text) == base:
        write(f"the note on {pid} is unchanged\n")
        return 0
    state = file.apply([an.set_note(pid, text, base, snapshot, datetime.now(UTC))])
    _warn_moved(file)
    saved = state.bookmarks.get(pid)
    verb = "saved" if saved is not None and saved.note is not None else "removed"
    write(f"{verb} the note on {pid}\n")
    return 0


def _tag(raw_id: str, changes: tuple[str, ...], data_dir: str | None) -> int:
    file = bookmarks_file(usable_locations(data_dir).data)
    pid, snapshot = _paper(raw_id, file)
    add: list[str] = []
    remove: list[str] = []
    for change in changes:
        tag = clean_tag(change[1:])
        if change[:1] not in ("+", "-") or tag is None:
            fail(f"{safe(change)!r}: give +TAG to add a tag or -TAG to remove one")
        (add if change[0] == "+" else remove).append(tag)
    kept = file.read().bookmarks.get(pid)
    before = set(kept.tags) if kept is not None else set()
    state = file.apply([an.change_tags(pid, add, remove, snapshot)]) if add or remove else None
    _warn_moved(file)
    missing = [tag for tag in dict.fromkeys(remove) if tag not in before and tag not in add]
    for tag in missing:
        print(f"{PROG}: {safe(pid)} has no tag {safe(tag)}", file=sys.stderr)
    entry = (state.bookmarks if state else file.read().bookmarks).get(pid)
    write(safe(f"{pid}: {' '.join(entry.tags) if entry and entry.tags else '(no tags)'}") + "\n")
    return 1 if missing else 0


def _tags(as_json: bool, data_dir: str | None) -> int:
    file = bookmarks_file(usable_locations(data_dir).data)
    counts = an.tag_counts(file.read().bookmarks.values())
    _warn_moved(file)
    ordered = an.tags_by_use(counts)
    if as_json:
        data = [{"tag": tag, "count": counts[tag]} for tag in ordered]
        write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return 0
    width = max((len(tag) for tag in ordered), default=0)
    write("".join(safe(f"{tag:<{width}}  {counts[tag]}") + "\n" for tag in ordered))
    return 0


@click.command(cls=Command)
@click.argument("raw_id", metavar="ID")
@click.argument("words", nargs=-1, metavar="[TEXT...]")
@click.option("--edit", is_flag=True, help="edit it in $VISUAL or $EDITOR")
@click.option("--clear", is_flag=True, help="remove the note")
@data_dir_option("where bookmarks live")
def note(raw_id: str, words: tuple[str, ...], edit: bool, clear: bool, data_dir: str | None) -> int:
    """Show, set, edit or remove a note.

    The note on a paper, shared with the reader. ID: an arXiv id or link, or the identity
    bookmarks list shows. TEXT: the note (words joined); an empty TEXT removes the note,
    TEXT - reads it from standard input. Words that start with - go after --."""
    file = bookmarks_file(usable_locations(data_dir).data)
    return _safely(lambda: _note(file, raw_id, words, edit, clear, data_dir))


@click.command(cls=WordsCommand)
@click.argument("raw_id", metavar="ID")
@click.argument("changes", nargs=-1, metavar="[+TAG|-TAG...]")
@data_dir_option("where bookmarks live")
def tag(raw_id: str, changes: tuple[str, ...], data_dir: str | None) -> int:
    """Add or remove tags of a paper.

    +TAG adds a tag, -TAG removes one; with neither, the paper's tags are listed. ID: an
    arXiv id or link, or the identity bookmarks list shows."""
    return _safely(lambda: _tag(raw_id, changes, data_dir))


@click.command(cls=Command)
@click.option("--json", "as_json", is_flag=True, help="print JSON")
@data_dir_option("where bookmarks live")
def tags(as_json: bool, data_dir: str | None) -> int:
    """Every tag in use and its count."""
    return _safely(lambda: _tags(as_json, data_dir))


def _safely(command: Callable[[], int]) -> int:
    try:
        return command()
    except (StateFileError, WriteRefused, OSError) as exc:
        print(f"{PROG}: error: {safe(str(exc))}", file=sys.stderr)
        return 1
