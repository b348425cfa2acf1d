"""The parse cache: what every source file parsed to, kept on disk between runs.

Keyed per file on its resolved path, size, modification time and the parser's version, so
a changed, added or removed file is read again alone. See :mod:`.schema` for the layout.
"""

from tui.archive.cache.archive_cache import ArchiveCache, CacheUnusable, cache_files

__all__ = ["ArchiveCache", "CacheUnusable", "cache_files"]
