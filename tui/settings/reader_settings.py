"""How the reader looks and behaves this run: config.toml as read, and this session's flags."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from tui.settings.config import Config
from tui.terminal.environment import in_ssh_session


@dataclass
class ReaderSettings:
    """What the app starts with: ``config`` (config.toml, the one copy of its settings)
    and what this session decided on top of it."""

    config: Config = field(default_factory=Config)
    problems: list[str] = field(default_factory=list)  # what was wrong in config.toml
    ascii: bool = False  # --ascii or ascii = true: ASCII stand-ins for symbols
    animations: bool = True  # config.toml's, else off over SSH; --no-animation: off
    restore: bool = True  # reopen where the reader was last time
    cache: bool = True  # keep parse results in the cache directory (--no-cache: don't)
    default_archive: bool = False  # no PATH given: after a sync, reopen what is there now
    theme: str | None = None  # --theme: this session's theme, over config.toml's

    @classmethod
    def combine(
        cls,
        config: Config,
        problems: list[str],
        *,
        ascii: bool = False,
        no_animation: bool = False,
        restore: bool = True,
        cache: bool = True,
        default_archive: bool = False,
        theme: str | None = None,
        env: Mapping[str, str] = os.environ,
    ) -> ReaderSettings:
        animations = config.animations if config.animations is not None else not in_ssh_session(env)
        return cls(
            config=config,
            problems=list(problems),
            ascii=ascii or config.ascii,
            animations=animations and not no_animation,
            restore=restore,
            cache=cache,
            default_archive=default_archive,
            theme=theme,
        )
