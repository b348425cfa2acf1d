"""How the reader looks and behaves this run: config file and command line combined."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from tui.settings.config import Config, MarkRead
from tui.terminal.environment import in_ssh_session


@dataclass
class ReaderSettings:
    """Settings the app starts with."""

    ascii: bool = False
    animations: bool = True
    theme: str | None = None  # set in config.toml: wins over the theme last chosen
    keys: dict[str, str] = field(default_factory=dict)
    mark_read: MarkRead = "shown"  # "open", "shown" or "manual" (see Config.mark_read)
    problems: list[str] = field(default_factory=list)  # what was wrong in config.toml
    restore: bool = True  # reopen where the reader was last time
    cache: bool = True  # keep parse results in the cache directory (--no-cache: don't)
    allow_external_programs: bool = False  # $EDITOR/$BROWSER over SSH and in the browser mode
    default_paths: Callable[[], list[str]] | None = None  # set when no PATH was given

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
        env: Mapping[str, str] = os.environ,
    ) -> ReaderSettings:
        animations = config.animations if config.animations is not None else not in_ssh_session(env)
        return cls(
            ascii=ascii or config.ascii,
            animations=animations and not no_animation,
            theme=config.theme,
            keys=dict(config.keys),
            mark_read=config.mark_read,
            problems=list(problems),
            restore=restore,
            cache=cache,
            allow_external_programs=config.allow_external_programs,
        )
