"""What the reader and the commands read when no PATH is given."""

from __future__ import annotations

import os
from pathlib import Path

from parsers import discover
from tui.settings.config import Config
from tui.settings.locations import DEMO_ARCHIVE, Locations


def default_paths(locations: Locations, config: Config | None = None) -> list[str]:
    """What to read when no PATH is given.

    The configured ``archive`` and the data directory when it holds digests (every synced
    source is in it, under ``sources/``); with neither, nothing when sources are
    configured but not synced yet, else the demo archive. The data directory itself is
    the path (not each source in it), so the reader's remembered position, keyed on its
    paths, survives syncs and new sources.
    """
    config = config or Config()
    existing = [str(Path(p).expanduser()) for p in config.archive]
    existing = [p for p in existing if os.path.exists(p)]
    if locations.data.is_dir() and discover([str(locations.data)])[0]:
        return [*existing, str(locations.data)]
    if existing:
        return existing
    return [] if config.source else [str(DEMO_ARCHIVE)]
