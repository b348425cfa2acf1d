"""Notes, tags and reading lists on kept papers, as changes applied to the bookmarks file
under its lock.

A note change carries the text the editor started from (its *base*: what this session
showed when the editor opened). Applied to the file as it is on disk:

- if the note on disk is still the base, or already the new text, the new text is saved;
- if another session saved the note since (the disk differs from the base), the last save
  wins and the other text stays in the note as a *conflict copy* below it: the lines of
  the other version that the saved one lacks, in their order (a line both hold is not
  copied, so nothing is lost and nothing doubles however often sessions cross);
- clearing a note that another session changed meanwhile keeps the other session's text.

Tag and list changes are additions and removals, so edits made in several sessions merge.
A reading list is a name papers carry (as a tag is): it exists while a paper is on it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import datetime

from tui.userdata.bookmarks import Bookmark, Bookmarks
from tui.userdata.cleaning import clean_list_names, clean_note, clean_tags
from tui.userdata.state_file import Change

CONFLICT_HEADER = "--- conflict copy: another session saved this{when} ---"


def _entry(state: Bookmarks, pid: str, snapshot: Bookmark | None) -> Bookmark | None:
    """The kept paper ``pid``, made from ``snapshot`` (not starred) when there is none."""
    entry = state.bookmarks.get(pid)
    if entry is None and snapshot is not None:
        entry = snapshot.copy(starred=False, tags=[], note=None, note_saved_at=None, lists=[])
        state.bookmarks[pid] = entry
    return entry


def _drop_if_unkept(state: Bookmarks, pid: str) -> None:
    entry = state.bookmarks.get(pid)
    if entry is not None and not entry.kept:
        del state.bookmarks[pid]


def set_note(
    pid: str, text: str | None, base: str | None, snapshot: Bookmark | None, when: datetime
) -> Change[Bookmarks]:
    """Save ``text`` as the note of ``pid`` (None or blank: remove it), edited from ``base``.

    ``snapshot`` makes the paper kept if it is not yet (without it, an unkept paper is
    left alone).
    """
    mine, base = clean_note(text), clean_note(base)

    def change(state: Bookmarks) -> None:
        current = state.bookmarks.get(pid)
        theirs = current.note if current is not None else None
        saved_at = current.note_saved_at if current is not None else None
        result = merged_note(mine, base, theirs, saved_at)
        if result == theirs:
            return
        entry = _entry(state, pid, snapshot if result is not None else None)
        if entry is None:
            return
        entry.note = result
        entry.note_saved_at = when if result is not None else None
        _drop_if_unkept(state, pid)

    return change


def merged_note(
    mine: str | None, base: str | None, theirs: str | None, saved_at: datetime | None = None
) -> str | None:
    """The note to keep when this session saves ``mine``, edited from ``base``, and the
    file holds ``theirs`` (saved at ``saved_at``)."""
    if theirs is None or theirs in (base, mine):
        return mine
    if mine is None:
        return theirs  # cleared here, changed elsewhere: keep what the other session wrote
    held = Counter(mine.split("\n"))
    missing = []
    for line in theirs.split("\n"):
        if held[line] > 0:
            held[line] -= 1  # mine holds this line already (as often as theirs does)
        else:
            missing.append(line)
    copy = "\n".join(missing).strip("\n")
    if not copy.strip():
        return mine  # every line of the other version is in mine already
    when = f" at {saved_at:%Y-%m-%d %H:%M} UTC" if saved_at is not None else ""
    return f"{mine}\n\n{CONFLICT_HEADER.format(when=when)}\n{copy}"


def change_tags(
    pid: str, add: Iterable[str], remove: Iterable[str], snapshot: Bookmark | None
) -> Change[Bookmarks]:
    """Add and remove tags of ``pid``; ``snapshot`` makes it kept if it is not yet."""
    added, removed = set(clean_tags(add)), set(clean_tags(remove)) - set(clean_tags(add))

    def change(state: Bookmarks) -> None:
        entry = _entry(state, pid, snapshot if added else None)
        if entry is None:
            return
        entry.tags = sorted((set(entry.tags) - removed) | added)
        _drop_if_unkept(state, pid)

    return change


def change_lists(
    pid: str, add: Iterable[str], remove: Iterable[str], snapshot: Bookmark | None
) -> Change[Bookmarks]:
    """Put ``pid`` on the lists ``add`` and take it off ``remove``; ``snapshot`` makes it
    kept if it is not yet."""
    added = set(clean_list_names(add))
    removed = set(clean_list_names(remove)) - added

    def change(state: Bookmarks) -> None:
        entry = _entry(state, pid, snapshot if added else None)
        if entry is None:
            return
        entry.lists = clean_list_names((set(entry.lists) - removed) | added)
        _drop_if_unkept(state, pid)

    return change


def list_counts(bookmarks: Iterable[Bookmark]) -> Counter[str]:
    """How many papers each reading list holds."""
    return Counter(name for bookmark in bookmarks for name in bookmark.lists)


def list_papers(bookmarks: Iterable[Bookmark], name: str) -> list[Bookmark]:
    """The papers of the list ``name``, newest day first (undated last)."""
    held = [bookmark for bookmark in bookmarks if name in bookmark.lists]
    held.sort(key=lambda b: (b.date is not None, b.date, b.bookmarked_at), reverse=True)
    return held


def tag_counts(bookmarks: Iterable[Bookmark]) -> Counter[str]:
    """How many kept papers carry each tag."""
    return Counter(tag for bookmark in bookmarks for tag in bookmark.tags)


def tags_by_use(counts: Counter[str]) -> list[str]:
    """Tags most used first, then by name: the order completion offers them in."""
    return sorted(counts, key=lambda tag: (-counts[tag], tag))
