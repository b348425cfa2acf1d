"""Sources stay synced: each one that synced is remembered (:mod:`tui.userdata.synced_sources`)
with its address and what its folder held, and a plain sync takes them up again."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from parsers import DigestIndex, discover
from parsers.loader import parse_files
from tui.fileio import WriteRefused
from tui.settings.sources import DEFAULT_HF_NAME, SourceConfig, name_problem
from tui.sync.git_command import run_git
from tui.sync.git_source import STORE
from tui.sync.progress import SourceResult, SyncError
from tui.userdata.state_file import StateFileError
from tui.userdata.synced_sources import RememberedSource, SourceRegistry


def registry_for(root: Path) -> SourceRegistry:
    """The registry of the data directory whose ``sources/`` folder is ``root``."""
    return SourceRegistry(root.parent)


def as_config(name: str, remembered: RememberedSource) -> SourceConfig:
    """A remembered source as a ``[[source]]`` table would give it."""
    return SourceConfig(
        kind=remembered.kind, url=remembered.address, name=name, since=remembered.since
    )


def remembered_sources(root: Path, problems: list[str] | None = None) -> list[SourceConfig]:
    """The sources synced into ``root`` before: the remembered ones, then the folders a sync
    filled before sources were remembered. A registry that cannot be read (none then) or
    was moved aside is said in ``problems``."""
    problems = problems if problems is not None else []
    registry = registry_for(root)
    try:
        state = registry.state()
    except StateFileError as exc:
        problems.append(f"{exc}; remembered sources are not synced")
        return []
    finally:
        problems.extend(moved.message() for moved in registry.file.moved)
    sources = []
    for name, entry in state.sources.items():
        try:
            sources.append(as_config(name, entry))
        except ValueError:  # edited by hand into something no [[source]] could be
            continue
    return sources + earlier_syncs(root, {*state.sources, *state.forgotten})


def synced_folders(root: Path) -> list[Path]:
    """The folders under ``sources/`` that a sync has filled, in name order."""
    try:
        return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError:
        return []


def earlier_syncs(root: Path, known: set[str]) -> list[SourceConfig]:
    """Folders of ``root`` that a sync filled before sources were remembered, and not
    ``known``: each git source (its repository named in its store) and the daily papers."""
    found = []
    folders = synced_folders(root)
    for folder in (f for f in folders if f.name not in known and name_problem(f.name) is None):
        if (folder / STORE).is_dir():
            try:
                url = run_git(folder / STORE, ["config", "--get", "remote.origin.url"], check=False)
            except SyncError:  # git is not installed: the sync would say so anyway
                continue
            if url.strip():
                found.append(SourceConfig(kind="git", url=url.strip(), name=folder.name))
        elif folder.name == DEFAULT_HF_NAME and any(folder.glob("????-??-??.json")):
            found.append(SourceConfig(kind="hf"))
    return found


def merged(
    configured: Iterable[SourceConfig], remembered: Iterable[SourceConfig]
) -> list[SourceConfig]:
    """The configured sources, then the remembered ones config.toml does not name."""
    chosen = list(configured)
    names = {source.source_name for source in chosen}
    chosen += [source for source in remembered if source.source_name not in names]
    return chosen


def count_archive(path: Path) -> tuple[int, int]:
    """The dated days and the papers in them under ``path``, as the reader reads them."""
    files, _ = discover([str(path)])
    index = DigestIndex()
    for result in parse_files(files):
        for digest in result.digests:
            if digest.date is not None:
                index.add(digest)
    digests = index.digests()
    return len(digests), sum(len(digest.papers) for digest in digests)


def remember(source: SourceConfig, result: SourceResult, root: Path) -> int | None:
    """Record that ``source`` synced as ``result`` says; returns the days it brought that
    its folder did not hold before (None when that is not known). A registry that cannot
    be written is said in the result's message; the sync itself stands."""
    registry = registry_for(root)
    try:
        before = registry.read().get(result.name)
    except StateFileError:
        before = None
    days = papers = None
    if result.changed or result.removed or before is None or before.days is None:
        days, papers = count_archive(result.path)
    entry = RememberedSource(
        kind=source.kind, address=source.address, since=source.since, days=days, papers=papers
    )
    try:
        registry.synced(result.name, entry)
    except (StateFileError, WriteRefused, OSError) as exc:
        result.message += f"; not remembered for the next sync: {exc}"
    if days is None or before is None or before.days is None:
        return None
    return max(0, days - before.days)
