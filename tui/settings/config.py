"""The user's configuration: ``config.toml`` in the platform's config directory.

    archive = "~/hf-daily-papers"     # or a list; opened when no PATH is given
    theme = "nord"                    # any built-in Textual theme
    ascii = false                     # ASCII stand-ins for symbols fonts may lack
    animations = false                # default: off in SSH sessions, on elsewhere
    allow_external_programs = false   # $EDITOR/$BROWSER over SSH and in the browser mode

    [keys]                            # remap keys by binding id (see the help screen)
    "day.older" = "h"
    "day.newer" = "l"

A bad entry is reported with its name and ignored (it keeps its default); the rest of the
file still applies, and paperdeck always starts. Reports name settings, never repeat values:
nothing read from a file is echoed back in an error.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator


class Config(BaseModel):
    """Settings read from ``config.toml``."""

    model_config = ConfigDict(extra="forbid")

    archive: list[str] = Field(default_factory=list)
    """Digest files or directories opened when no PATH is given."""
    theme: str | None = None
    """A Textual theme name; when set it wins over the theme last chosen in the app."""
    ascii: bool = False
    """Draw ASCII stand-ins instead of symbols (★ ● ▲ •)."""
    animations: bool | None = None
    """Animations on or off; unset means off in SSH sessions and on elsewhere."""
    allow_external_programs: bool = Field(default=False, strict=True)
    """Start ``$EDITOR``/``$BROWSER`` in SSH sessions and the browser mode too (not by default:
    on a shared box they would hand a shell to someone given only the reader)."""
    keys: dict[str, str] = Field(default_factory=dict)
    """Binding id → key(s), e.g. ``"day.older" = "h"`` or ``"app.quit" = "q,ctrl+q"``."""

    @field_validator("archive", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value


@dataclass
class LoadedConfig:
    """The configuration to use, and what was wrong with the file."""

    config: Config = field(default_factory=Config)
    problems: list[str] = field(default_factory=list)


def load_config(
    path: Path, themes: Collection[str] = (), binding_ids: Collection[str] = ()
) -> LoadedConfig:
    """Read ``path``; every bad entry becomes a problem naming it, the rest applies."""
    loaded = LoadedConfig()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return loaded
    except UnicodeDecodeError:
        loaded.problems.append(f"{path}: not UTF-8 text; using defaults")
        return loaded
    except OSError as exc:
        loaded.problems.append(f"{path}: cannot be read ({exc.strerror or exc}); using defaults")
        return loaded
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\(at [^()]*\)$", str(exc))  # the place, not the text found there
        place = f" {where.group(0)}" if where else ""
        loaded.problems.append(f"{path}: not valid TOML{place}; using defaults")
        return loaded
    good: dict[str, object] = {}
    for key, value in raw.items():
        try:
            Config.model_validate({key: value})
        except ValidationError as exc:
            error = exc.errors()[0]
            reason = "unknown setting" if error["type"] == "extra_forbidden" else error["msg"]
            loaded.problems.append(f"{path}: {_name(key)}: {reason}; ignored")
            continue
        good[key] = value
    config = Config.model_validate(good)
    if config.theme is not None and themes and config.theme not in themes:
        loaded.problems.append(
            f"{path}: theme: not a built-in theme (try one of: "
            f"{', '.join(sorted(themes)[:6])}, …); ignored"
        )
        config.theme = None
    if binding_ids:
        for binding_id in [b for b in config.keys if b not in binding_ids]:
            loaded.problems.append(
                f"{path}: keys.{_name(binding_id)}: no binding has this id (the help screen "
                "lists them); ignored"
            )
            del config.keys[binding_id]
    for binding_id, keys in list(config.keys.items()):
        if not keys.strip():
            loaded.problems.append(f"{path}: keys.{_name(binding_id)} is empty; ignored")
            del config.keys[binding_id]
    loaded.config = config
    return loaded


def _name(key: str) -> str:
    """A setting's name as written, fit for one line: printable and at most 40 characters."""
    printable = "".join(c if c.isprintable() else "?" for c in key)
    return printable if len(printable) <= 40 else f"{printable[:39]}…"
