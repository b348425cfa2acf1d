"""Getting digests: ``paperdeck sync`` from git repositories and the daily papers API.

The engine (:func:`sync_sources`) runs without Textual or Rich and reports progress
through a callback, so the command line shows progress bars and the reader can run it in
a worker thread. Each source lands in ``sources/<name>/`` under the data directory,
written so that a reader open on it never sees a half-written file or a half-updated tree.
"""

from tui.sync.checkout_limit import GitPolicy
from tui.sync.engine import SyncOptions, sources_to_sync, sync_source, sync_sources
from tui.sync.http_client import HttpPolicy
from tui.sync.progress import SourceResult, SyncProgress
from tui.sync.remembered import synced_folders

__all__ = [
    "GitPolicy",
    "HttpPolicy",
    "SourceResult",
    "SyncOptions",
    "SyncProgress",
    "sources_to_sync",
    "sync_source",
    "sync_sources",
    "synced_folders",
]
