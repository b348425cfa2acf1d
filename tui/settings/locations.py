"""Where paperdeck keeps its files: platformdirs' user directories, relocatable.

``--data-dir`` or ``PAPERDECK_DATA_DIR`` moves the data directory (digests and bookmarks);
``PAPERDECK_CONFIG_DIR``, ``PAPERDECK_STATE_DIR`` and ``PAPERDECK_CACHE_DIR`` move the others
(tests, profiles).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "paperdeck"
DATA_ENV = "PAPERDECK_DATA_DIR"
CONFIG_ENV = "PAPERDECK_CONFIG_DIR"
STATE_ENV = "PAPERDECK_STATE_DIR"
CACHE_ENV = "PAPERDECK_CACHE_DIR"
DEMO_ARCHIVE = Path(__file__).resolve().parents[1] / "demo"
"""Five days of digests that ship with paperdeck, opened when the user has none."""


def _chosen(override: str | os.PathLike[str] | None, env: str, default: str) -> Path:
    value = override or os.environ.get(env) or default
    return Path(value).expanduser()


@dataclass(frozen=True)
class Locations:
    """The directories paperdeck uses; created only when something is written."""

    data: Path
    """Digests the reader opens by default, and bookmarks and reading state."""
    config: Path
    """``config.toml``."""
    state: Path
    """Where the reader was (day, paper, scroll, sort, theme)."""
    cache: Path
    """What the digests parsed to, so that the next start needs not parse them again."""

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> Locations:
        """The directories for this run: ``data_dir`` first, then the environment."""
        return cls(
            data=_chosen(data_dir, DATA_ENV, platformdirs.user_data_dir(APP_NAME)),
            config=_chosen(None, CONFIG_ENV, platformdirs.user_config_dir(APP_NAME)),
            state=_chosen(None, STATE_ENV, platformdirs.user_state_dir(APP_NAME)),
            cache=_chosen(None, CACHE_ENV, platformdirs.user_cache_dir(APP_NAME)),
        )

    @property
    def config_file(self) -> Path:
        return self.config / "config.toml"

    @property
    def sources(self) -> Path:
        """Where ``paperdeck sync`` keeps each source, in ``sources/<name>/``."""
        return self.data / "sources"

    def problem(self) -> str | None:
        """Why these directories cannot be used (one exists but is a file), or None."""
        named = (("data", self.data), ("config", self.config), ("state", self.state))
        for name, path in named:
            if path.exists() and not path.is_dir():
                return f"the {name} directory {str(path)!r} is a file, not a directory"
        return None
