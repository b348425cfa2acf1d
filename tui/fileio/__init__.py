"""Reading and writing the user's files safely: state, config, caches and exports.

Reading (:mod:`tui.fileio.reading`): regular files only, never past a size cap, parsed with
bounded nesting; whatever is wrong with a file is an :class:`UnusableFile` whose ``reason``
a person can read. Writing (:mod:`tui.fileio.writing`): a temp file created exclusively
beside the target, flushed, fsynced and renamed over it; a symbolic link is written
through, its target replaced atomically. Locking (:mod:`tui.fileio.locking`): an exclusive
lock that other paperdeck processes and threads wait for.
"""

from parsers.regular_files import FileTooLarge, NotRegularFile, UnusableFile
from tui.fileio.reading import MAX_NESTING, NotParseable, read_bytes, read_json, read_toml
from tui.fileio.writing import (
    WriteRefused,
    fsync_directory,
    remove_stale_temps,
    remove_stale_temps_in,
    write_atomic,
)

__all__ = [
    "MAX_NESTING",
    "FileTooLarge",
    "NotParseable",
    "NotRegularFile",
    "UnusableFile",
    "WriteRefused",
    "fsync_directory",
    "read_bytes",
    "read_json",
    "read_toml",
    "remove_stale_temps",
    "remove_stale_temps_in",
    "write_atomic",
]
