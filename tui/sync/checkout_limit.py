"""How much a git sync may check out: a commit's size, checked before anything is written.

A small repository can hold files that expand a thousandfold (a file of zeros compresses
to almost nothing), so a commit is measured before its checkout: ``git ls-tree -r -l``
lists each file's size, read from the objects' headers without inflating them, at a
fraction of the checkout's cost (``tests/benchmarks/checkout_limit.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.sync.progress import SyncError


@dataclass(frozen=True)
class GitPolicy:
    """What one checkout may write (tests shrink it)."""

    max_checkout_bytes: int = 2 * 2**30
    """Bytes of files, as the commit lists them."""
    max_checkout_files: int = 200_000


def _size(count: int) -> str:
    for unit, scale in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if count >= scale:
            return f"{count / scale:.3g} {unit}"
    return f"{count} bytes"


def refuse_too_large(commit: str, listing: str, policy: GitPolicy) -> None:
    """:class:`SyncError` when ``commit``'s files, as ``git ls-tree -r -l -z`` lists
    them in ``listing``, take more than ``policy`` allows."""
    files = size = 0
    for entry in listing.split("\0"):
        fields = entry.partition("\t")[0].split()
        if len(fields) == 4 and fields[1] == "blob":  # not a submodule's commit
            files += 1
            size += int(fields[3])
    if files > policy.max_checkout_files or size > policy.max_checkout_bytes:
        raise SyncError(
            f"{commit[:7]} holds {files:,} files of {_size(size)}, more than a sync may "
            f"write ({policy.max_checkout_files:,} files, "
            f"{_size(policy.max_checkout_bytes)}); not checked out"
        )
