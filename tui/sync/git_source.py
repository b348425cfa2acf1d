"""Syncing a git repository of Markdown digests, so that readers never see half an update.

Layout of ``sources/<name>/`` (the folder the reader opens, the same across syncs)::

    current -> .trees/<commit>     a symbolic link, swapped in one step (os.replace)
    .trees/<commit>/               the files of a commit (no .git inside)
    .git-store/                    a bare repository: objects, and one index per tree

The first sync fetches only the newest commit (``--depth 1``) and builds the whole folder
beside its final place, renaming it in when complete. Later syncs fetch the new commits,
check out the new commit into a new tree and swap the link: a reader holding the old tree
keeps reading it whole (the previous tree stays until the sync after). Only fast-forwards
are taken, and a tree with local changes (edited, added or deleted files) is never
replaced: the sync of that source stops and says so. A commit whose files would take more
than the :class:`GitPolicy` allows is not checked out (a small repository can hold files
that expand a thousandfold): the sync of that source stops and the files on disk stay.
"""

from __future__ import annotations

import os
import secrets
import shutil
from contextlib import suppress
from pathlib import Path

from parsers.discovery import is_digest_name
from tui.fileio import fsync_directory
from tui.sync.checkout_limit import GitPolicy, refuse_too_large
from tui.sync.git_command import run_git
from tui.sync.progress import Cancelled, Report, SourceResult, SyncError, SyncProgress

STORE = ".git-store"
TREES = ".trees"
CURRENT = "current"
INDEXES = "paperdeck-index"
KEEP_REF = "refs/paperdeck/current"


def same_url(one: str, other: str) -> bool:
    def norm(url: str) -> str:
        url = url.strip().rstrip("/")
        return url[:-4] if url.endswith(".git") else url

    return norm(one) == norm(other)


def _files(count: int) -> str:
    return f"{count} digest file{'' if count == 1 else 's'}"


def _digest_paths(base: Path, names: list[str]) -> list[Path]:
    return [base / name for name in names if name and is_digest_name(name.rsplit("/", 1)[-1])]


class GitSync:
    """One sync of one repository into ``root/<name>``."""

    def __init__(
        self,
        name: str,
        url: str,
        root: Path,
        report: Report,
        cancelled: Cancelled,
        lock_fd: int | None = None,
        policy: GitPolicy | None = None,
    ) -> None:
        self.keep_fds = () if lock_fd is None else (lock_fd,)
        self.policy = policy or GitPolicy()
        self.name = name
        self.url = url
        self.root = root
        self.path = root / name
        self.report = report
        self.cancelled = cancelled
        self.result = SourceResult(name, "git", url, self.path)

    # -- git, with progress ----------------------------------------------------------

    def _stage(self, stage: str, done: int = 0, total: int | None = None) -> None:
        unit = "files" if "files" in stage else "objects"
        self.report(SyncProgress(self.name, "git", stage, done, total, unit))

    def _git(
        self,
        store: Path,
        *args: str,
        work_tree: Path | None = None,
        index: Path | None = None,
        check: bool = True,
    ) -> str:
        return run_git(
            store,
            args,
            work_tree=work_tree,
            index=index,
            on_progress=self._stage,
            cancelled=self.cancelled,
            check=check,
            keep_fds=self.keep_fds,
        )

    def _fetch(self, store: Path, shallow: bool) -> str:
        self._stage("fetching")
        depth = ["--depth=1"] if shallow else []
        self._git(store, "fetch", "--progress", "--no-tags", *depth, "origin", "HEAD")
        return self._git(store, "rev-parse", "FETCH_HEAD").strip()

    def _checkout(self, store: Path, commit: str, trees: Path) -> Path:
        """The files of ``commit`` in ``trees/<commit>``, written beside and renamed in."""
        listing = self._git(store, "ls-tree", "-r", "-l", "-z", "--full-tree", commit)
        refuse_too_large(commit, listing, self.policy)
        token = secrets.token_hex(4)
        partial = trees / f".partial-{commit}-{token}"
        index = store / INDEXES / f"{commit}.partial-{token}"
        index.parent.mkdir(parents=True, exist_ok=True)
        self._stage("checking out files")
        try:
            partial.mkdir(parents=True)
            self._git(store, "checkout", "-f", "--progress", commit, "--", ".",
                      work_tree=partial, index=index)  # fmt: skip
            final = trees / commit
            if final.exists():
                shutil.rmtree(final)  # an earlier try that never became current
            os.replace(index, store / INDEXES / commit)
            os.rename(partial, final)
        except OSError as exc:
            raise SyncError(f"cannot write the files: {exc.strerror or exc}") from None
        finally:
            shutil.rmtree(partial, ignore_errors=True)
            with suppress(OSError):
                index.unlink()
        return final

    def _switch(self, folder: Path, commit: str) -> None:
        link = folder / f".{CURRENT}.{secrets.token_hex(4)}.partial"
        try:
            os.symlink(f"{TREES}/{commit}", link)
            os.replace(link, folder / CURRENT)
        except OSError as exc:
            with suppress(OSError):
                link.unlink()
            raise SyncError(f"cannot switch to the new files: {exc.strerror or exc}") from None
        fsync_directory(folder)

    # -- first sync and updates ------------------------------------------------------

    def run(self) -> SourceResult:
        if os.path.lexists(self.path):
            self._update()
        else:
            self._clone()
        return self.result

    def _clone(self) -> None:
        for stale in self.root.glob(f".{self.name}.partial-*"):
            shutil.rmtree(stale, ignore_errors=True)  # a first sync that was killed
        partial = self.root / f".{self.name}.partial-{secrets.token_hex(4)}"
        store = partial / STORE
        try:
            partial.mkdir(parents=True)
            self._git(store, "init", "--bare", "-q")
            self._git(store, "config", "remote.origin.url", self.url)
            commit = self._fetch(store, shallow=True)
            self._checkout(store, commit, partial / TREES)
            self._switch(partial, commit)
            self._git(store, "update-ref", KEEP_REF, commit)
            os.rename(partial, self.path)
            fsync_directory(self.root)
        except OSError as exc:
            raise SyncError(f"cannot write {self.root}: {exc.strerror or exc}") from None
        finally:
            shutil.rmtree(partial, ignore_errors=True)
        self.result.revision = commit
        self._record_changes(self.path / STORE, None, commit)

    def _current(self) -> str | None:
        link = self.path / CURRENT
        try:
            target = os.readlink(link)
        except FileNotFoundError:
            return None
        except OSError:
            raise SyncError(f"{link} is not the link paperdeck made; not touched") from None
        commit = Path(target).name
        return commit if (self.path / TREES / commit).is_dir() else None

    def _check_folder(self, store: Path) -> None:
        if not store.is_dir():
            raise SyncError(
                f"{self.path} exists but is not a synced repository; "
                "choose another name (--name or name =)"
            )
        origin = self._git(store, "config", "--get", "remote.origin.url", check=False).strip()
        if not same_url(origin, self.url):
            raise SyncError(f"{self.path} syncs {origin}; choose another name for {self.url}")

    def _update(self) -> None:
        store = self.path / STORE
        self._check_folder(store)
        trees = self.path / TREES
        for stale in trees.glob(".partial-*"):
            shutil.rmtree(stale, ignore_errors=True)  # an update that was killed
        current = self._current()
        commit = self._fetch(store, shallow=False)
        self.result.revision = commit
        if commit == current:
            self.result.message = f"up to date at {commit[:7]}"
            return
        if current is not None:
            self._refuse_local_changes(store, current)
            base = self._git(store, "merge-base", current, commit, check=False).strip()
            if base != current:
                raise SyncError(
                    f"the history was rewritten upstream (not a fast-forward of "
                    f"{current[:7]}); kept as it was: delete {self.path} to sync afresh"
                )
        self._checkout(store, commit, trees)
        self._switch(self.path, commit)
        self._git(store, "update-ref", KEEP_REF, commit)
        self._record_changes(store, current, commit)
        self._prune(store, keep={commit, current})

    def _local_changes(self, store: Path, commit: str) -> list[str]:
        tree, index = self.path / TREES / commit, store / INDEXES / commit
        if not index.exists():
            self._git(store, "read-tree", commit, index=index)
        changed = self._git(store, "diff", "--name-only", "-z", work_tree=tree, index=index)
        added = self._git(store, "ls-files", "--others", "-z", work_tree=tree, index=index)
        return [name for name in (*changed.split("\0"), *added.split("\0")) if name]

    def _refuse_local_changes(self, store: Path, commit: str) -> None:
        changes = self._local_changes(store, commit)
        if changes:
            count = len(changes)
            raise SyncError(
                f"{self.path / CURRENT} has local changes ({count} file{'s' * (count > 1)}, "
                f"e.g. {changes[0]}); not updated: move them elsewhere, or delete "
                f"{self.path} to sync afresh"
            )

    def _record_changes(self, store: Path, old: str | None, new: str) -> None:
        base = self.path / CURRENT
        if old is None:
            names = self._git(store, "ls-tree", "-r", "--name-only", "-z", new).split("\0")
            self.result.changed = _digest_paths(base, names)
        else:
            diff = self._git(store, "diff", "--no-renames", "--name-status", "-z", old, new)
            fields = diff.split("\0")
            pairs = list(zip(fields[0::2], fields[1::2], strict=False))
            self.result.changed = _digest_paths(base, [n for s, n in pairs if s != "D"])
            self.result.removed = _digest_paths(base, [n for s, n in pairs if s == "D"])
        changed = _files(len(self.result.changed))
        if old is None:
            self.result.message = f"cloned at {new[:7]}: {changed}"
        else:
            removed = len(self.result.removed)
            self.result.message = (
                f"updated {old[:7]}..{new[:7]}: {changed} new or changed, {removed} removed"
            )

    def _prune(self, store: Path, keep: set[str | None]) -> None:
        """Trees older than the previous one go, unless someone changed them."""
        trees = self.path / TREES
        for tree in trees.iterdir():
            if tree.name in keep or tree.name.startswith("."):
                continue
            if self._local_changes(store, tree.name):
                self.report(SyncProgress(self.name, "git", "cleaning up",
                                         note=f"kept {tree}: it has local changes"))  # fmt: skip
                continue
            shutil.rmtree(tree, ignore_errors=True)
            with suppress(OSError):
                (store / INDEXES / tree.name).unlink()
