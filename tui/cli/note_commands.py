"""``paperdeck note``, ``paperdeck tag`` and ``paperdeck tags``: notes and tags for scripts.

They change the bookmarks file as the reader does (locked, merged, atomic): a paper given
by its arXiv id becomes kept (not starred) when it gets a note or a tag, and is filled in
once the reader loads a digest holding it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from typing import NoReturn

from tui.archive.links import parse_arxiv_id
from tui.archive.text import clean_tag
from tui.cli.arguments import PROG, ArgumentParser, fail
from tui.cli.launch import read_config, usable_locations
from tui.cli.output import safe, write
from tui.fileio import WriteRefused
from tui.terminal.environment import external_programs_allowed
from tui.terminal.external_editor import edit_in_editor, editor_command
from tui.userdata import annotations as an
from tui.userdata.bookmarks import Bookmark, Bookmarks, bookmarks_file
from tui.userdata.cleaning import MAX_NOTE_CHARS, clean_note
from tui.userdata.state_file import StateFile, StateFileError

ID_HELP = "arXiv id or link (or the identity `bookmarks list` shows)"


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


def _note_parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog=f"{PROG} note",
        description="Show, set, edit or remove the note on a paper (shared with the reader). "
        "An empty TEXT removes the note; TEXT - reads it from standard input.",
    )
    parser.add_argument("id", metavar="ID", help=ID_HELP)
    parser.add_argument(
        "text", nargs="*", default=[], metavar="TEXT", help="the note (words joined)"
    )
    parser.add_argument("--edit", action="store_true", help="edit it in $VISUAL or $EDITOR")
    parser.add_argument("--clear", action="store_true", help="remove the note")
    parser.add_argument("--data-dir", metavar="DIR", help="where bookmarks live")
    return parser


def _edited(args: argparse.Namespace, pid: str, base: str | None) -> str | None:
    """The note as the user left it in their editor; exits 1 when that cannot be."""
    config = read_config(usable_locations(args.data_dir)).config
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


def _note(args: argparse.Namespace, file: StateFile[Bookmarks]) -> int:
    if sum((bool(args.text), args.edit, args.clear)) > 1:
        fail("give TEXT, --edit or --clear: one of them")
    pid, snapshot = _paper(args.id, file)
    kept = file.read().bookmarks.get(pid)
    base = kept.note if kept is not None else None
    if not (args.text or args.edit or args.clear):
        _warn_moved(file)
        if base is None:
            _error(f"no note on {pid}")
        write(f"{base}\n")
        return 0
    if args.clear and base is None:
        _error(f"no note on {pid}")
    if args.edit:
        text = _edited(args, pid, base)
    elif args.text == ["-"]:
        text = sys.stdin.read(MAX_NOTE_CHARS + 1)
        if len(text) > MAX_NOTE_CHARS:
            _error(f"a note holds at most {MAX_NOTE_CHARS:,} characters; nothing saved")
    else:
        text = None if args.clear else " ".join(args.text)
    if clean_note(text) == base:
        write(f"the note on {pid} is unchanged\n")
        return 0
    state = file.apply([an.set_note(pid, text, base, snapshot, datetime.now(UTC))])
    _warn_moved(file)
    saved = state.bookmarks.get(pid)
    verb = "saved" if saved is not None and saved.note is not None else "removed"
    write(f"{verb} the note on {pid}\n")
    return 0


def _tag_parser() -> ArgumentParser:
    return ArgumentParser(
        prog=f"{PROG} tag",
        description="Add (+TAG) and remove (-TAG) tags of a paper; with no change, list them.",
    )


def _tag(argv: list[str]) -> int:
    parser = _tag_parser()
    parser.add_argument("id", metavar="ID", help=ID_HELP)
    parser.add_argument(
        "changes", nargs="*", default=[], metavar="+TAG|-TAG", help="a tag to add or remove"
    )
    parser.add_argument("--data-dir", metavar="DIR", help="where bookmarks live")
    options, rest = _options_first(argv)
    args = parser.parse_args([*options, "--", *rest] if rest else options)
    file = bookmarks_file(usable_locations(args.data_dir).data)
    pid, snapshot = _paper(args.id, file)
    add: list[str] = []
    remove: list[str] = []
    for change in args.changes:
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


def _options_first(argv: list[str]) -> tuple[list[str], list[str]]:
    """Options apart from the rest, so that ``-TAG`` is a tag to remove, not an option."""
    options: list[str] = []
    rest: list[str] = []
    words = iter(argv)
    for word in words:
        if word in ("-h", "--help") or word.startswith("--data-dir="):
            options.append(word)
        elif word == "--data-dir":
            options += [word, next(words, "")]
        elif word == "--":
            rest += list(words)
        else:
            rest.append(word)
    return options, rest


def _tags(argv: list[str]) -> int:
    parser = ArgumentParser(prog=f"{PROG} tags", description="Every tag in use and its count.")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--data-dir", metavar="DIR", help="where bookmarks live")
    args = parser.parse_args(argv)
    file = bookmarks_file(usable_locations(args.data_dir).data)
    counts = an.tag_counts(file.read().bookmarks.values())
    _warn_moved(file)
    ordered = an.tags_by_use(counts)
    if args.json:
        data = [{"tag": tag, "count": counts[tag]} for tag in ordered]
        write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return 0
    width = max((len(tag) for tag in ordered), default=0)
    write("".join(safe(f"{tag:<{width}}  {counts[tag]}") + "\n" for tag in ordered))
    return 0


def run_note(argv: list[str]) -> int:
    args = _note_parser().parse_args(argv)
    file = bookmarks_file(usable_locations(args.data_dir).data)
    return _safely(lambda: _note(args, file))


def run_tag(argv: list[str]) -> int:
    return _safely(lambda: _tag(argv))


def run_tags(argv: list[str]) -> int:
    return _safely(lambda: _tags(argv))


def _safely(command: Callable[[], int]) -> int:
    try:
        return command()
    except (StateFileError, WriteRefused, OSError) as exc:
        print(f"{PROG}: error: {safe(str(exc))}", file=sys.stderr)
        return 1
