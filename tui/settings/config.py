"""The user's configuration: ``config.toml`` in the platform's config directory.

    archive = "~/hf-daily-papers"     # or a list; opened when no PATH is given
    theme = "nord"                    # any built-in Textual theme
    ascii = false                     # ASCII stand-ins for symbols fonts may lack
    animations = false                # default: off in SSH sessions, on elsewhere
    allow_external_programs = false   # $EDITOR/$BROWSER over SSH and in the browser mode
    mark_read = "shown"               # when a paper counts as read: "open", "shown", "manual"
    max_sessions = 4                  # paperdeck serve: readers (browser tabs) at once
    pdf_viewer = "zathura --fork"     # opens a PDF (its path or link appended); else the browser
    pdf_dir = "~/papers/pdf"          # paperdeck pdf --download: where (default: <data>/pdfs)
    pdf_max_mib = 100                 # paperdeck pdf --download: the largest PDF taken

    [keys]                            # remap keys by binding id (see the help screen)
    "day.older" = "h"
    "day.newer" = "l"

    [[source]]                        # synced by `paperdeck sync` (see sources.py)
    kind = "git"
    url = "https://github.com/l-yohai/daily_papers_ko"

Types are checked strictly (``ascii = "yes"`` is an error, not ``true``). A bad entry is
reported with its name (never its value: nothing a file holds is echoed back) and ignored
(it keeps its default); the rest of the file still applies. A file that cannot be read at
all (not TOML, a FIFO, larger than :data:`MAX_CONFIG_BYTES`, nested too deeply) is reported
and defaults apply: paperdeck always starts.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from tui.fileio import UnusableFile, read_toml
from tui.fileio.records import EXTRA_KIND, AtLeast, Invalid, Record
from tui.settings.sources import SourceConfig, read_sources

MAX_CONFIG_BYTES = 2**20

MarkRead = Literal["open", "shown", "manual"]
"""When a paper counts as read: when opened, when shown in the focused detail, or never
but by hand."""


class Config(Record):
    """Settings read from ``config.toml``."""

    STRICT = True
    EXTRA = "forbid"

    archive: list[str] = field(default_factory=list)
    """Digest files or directories opened when no PATH is given."""
    theme: str | None = None
    """A Textual theme name; when set it wins over the theme last chosen in the app."""
    ascii: bool = False
    """Draw ASCII stand-ins instead of symbols (★ ● ▲ •)."""
    animations: bool | None = None
    """Animations on or off; unset means off in SSH sessions and on elsewhere."""
    allow_external_programs: bool = False
    """Start ``$EDITOR``/``$BROWSER`` in SSH sessions and the browser mode too (not by default:
    on a shared box they would hand a shell to someone given only the reader)."""
    mark_read: MarkRead = "shown"
    """When a paper counts as read: opened; opened or shown in the focused detail; never."""
    max_sessions: Annotated[int, AtLeast(1)] = 4
    """``paperdeck serve``: how many readers (browser tabs) may run at once."""
    pdf_viewer: str | None = None
    """The command that opens a PDF, the PDF's path (or its link) appended as one argument;
    unset: the browser opens the link."""
    pdf_dir: str | None = None
    """Where ``paperdeck pdf --download`` saves PDFs; unset: ``pdfs`` in the data directory."""
    pdf_max_mib: Annotated[int, AtLeast(1)] = 100
    """The largest PDF ``paperdeck pdf --download`` takes, in MiB."""
    keys: dict[str, str] = field(default_factory=dict)
    """Binding id → key(s), e.g. ``"day.older" = "h"`` or ``"app.quit" = "q,ctrl+q"``."""
    source: list[SourceConfig] = field(default_factory=list)
    """Where ``paperdeck sync`` gets digests (``[[source]]`` tables)."""

    @classmethod
    def prepare(cls, raw: dict[str, Any]) -> dict[str, Any]:
        if isinstance(raw.get("archive"), str):  # one archive, or a list of them
            raw["archive"] = [raw["archive"]]
        return raw


def pdf_folder(config: Config, data: Path) -> Path:
    """Where downloaded PDFs go: ``pdf_dir`` of config.toml, else ``pdfs`` in ``data``."""
    return Path(config.pdf_dir).expanduser() if config.pdf_dir else data / "pdfs"


@dataclass
class LoadedConfig:
    """The configuration to use, and what was wrong with the file."""

    config: Config = field(default_factory=Config)
    problems: list[str] = field(default_factory=list)


def load_config(
    path: Path,
    themes: Collection[str] = (),
    binding_ids: Callable[[], Collection[str]] = lambda: (),
) -> LoadedConfig:
    """Read ``path``; every bad entry becomes a problem naming it, the rest applies.

    ``binding_ids()`` gives the ids ``[keys]`` may remap; it is asked only when the file
    remaps keys (knowing them means importing every screen).
    """
    loaded = LoadedConfig()
    try:
        raw = read_toml(path, MAX_CONFIG_BYTES)
    except FileNotFoundError:
        return loaded
    except UnusableFile as exc:
        loaded.problems.append(f"{path}: cannot be read: {exc.reason}; using defaults")
        return loaded
    except OSError as exc:
        loaded.problems.append(f"{path}: cannot be read ({exc.strerror or exc}); using defaults")
        return loaded
    good: dict[str, object] = {}
    for key, value in raw.items():
        if key == "source":  # each table on its own: one bad source spares the others
            good[key], problems = read_sources(value, str(path))
            loaded.problems.extend(problems)
        elif key == "keys" and isinstance(value, dict):
            good[key] = _good_keys(path, value, loaded.problems)
        elif _valid(path, key, {key: value}, value, loaded.problems):
            good[key] = value
    config = Config.validate(good)
    _check_names(path, config, themes, binding_ids, loaded.problems)
    loaded.config = config
    return loaded


def _valid(path: Path, name: str, data: dict[str, object], value: object,
           problems: list[str]) -> bool:  # fmt: skip
    """Whether ``data`` validates; if not, a problem naming ``name`` and its value."""
    try:
        Config.validate(data)
    except Invalid as exc:
        reason = "unknown setting" if exc.kind == EXTRA_KIND else exc.msg
        problems.append(f"{path}: {_name(name)}: {reason}; ignored")
        return False
    return True


def _good_keys(path: Path, keys: dict[str, object], problems: list[str]) -> dict[str, object]:
    """The ``[keys]`` entries that are strings; each bad one is named and dropped."""
    return {
        binding_id: value
        for binding_id, value in keys.items()
        if _valid(path, f"keys.{binding_id}", {"keys": {binding_id: value}}, value, problems)
    }


def _name(key: str) -> str:
    """A setting's name as written, fit for one line: printable and at most 40 characters.

    Reports name settings and never repeat values: nothing a file holds is echoed back.
    """
    printable = "".join(char if char.isprintable() else "?" for char in key)
    return printable if len(printable) <= 40 else f"{printable[:39]}…"


def _check_names(
    path: Path,
    config: Config,
    themes: Collection[str],
    binding_ids: Callable[[], Collection[str]],
    problems: list[str],
) -> None:
    """Drop a theme and key remaps that name nothing that exists, saying so."""
    if config.theme is not None and themes and config.theme not in themes:
        problems.append(
            f"{path}: theme: not a built-in theme (try one of: "
            f"{', '.join(sorted(themes)[:6])}, …); ignored"
        )
        config.theme = None
    known = binding_ids() if config.keys else ()
    if known:
        for binding_id in [b for b in config.keys if b not in known]:
            problems.append(
                f"{path}: keys.{_name(binding_id)}: no binding has this id (the help screen "
                "lists them); ignored"
            )
            del config.keys[binding_id]
    for binding_id, keys in list(config.keys.items()):
        if not keys.strip():
            problems.append(f"{path}: keys.{_name(binding_id)} is empty; ignored")
            del config.keys[binding_id]
