"""The parse cache: what every source file parsed to, kept on disk between runs.

Keyed per file on its resolved path, size, modification time and the parser's version, so
a changed, added or removed file is read again alone. See :mod:`.schema` for the layout and
:mod:`.archive_cache` for who may use its connections.
"""

from tui.archive.cache.archive_cache import (
    ArchiveCache,
    CacheClosed,
    CacheUnusable,
    CacheWriteFailed,
    cache_files,
    wants_persistent_cache,
)

__all__ = [
    "ArchiveCache",
    "CacheClosed",
    "CacheUnusable",
    "CacheWriteFailed",
    "cache_files",
    "wants_persistent_cache",
]
