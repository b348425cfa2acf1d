"""What commands share about their arguments: one-line errors, value types, common options."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, NoReturn, TypeVar

import click
from click.shell_completion import CompletionItem

from tui.cli.output import safe

PROG = "paperdeck"
NO_CACHE_HELP = "parse every file now; read and write no parse cache"

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str) -> NoReturn:
    """Print ``paperdeck: error: message`` on stderr (one line) and exit with code 2."""
    print(f"{PROG}: error: {safe(message)}", file=sys.stderr)
    raise SystemExit(2)


def require_paths(paths: Sequence[str]) -> None:
    """Exit with a one-line error (code 2) when a path does not exist."""
    for path in paths:
        if not os.path.lexists(path):
            fail(f"no such file or directory: {safe(path)!r}")


class IsoDate(click.ParamType):
    """A YYYY-MM-DD date."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.fail(f"invalid date {value!r}: use YYYY-MM-DD", param, ctx)


class Positive(click.ParamType):
    """A whole number of at least 1."""

    name = "number"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        if not (value.isascii() and value.isdigit()) or int(value) < 1:
            self.fail(f"invalid number {value!r}: use a whole number from 1", param, ctx)
        return int(value)


class ThemeName(click.ParamType):
    """A built-in Textual theme, by name (``nord``, ``gruvbox`` …)."""

    name = "theme"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        names = theme_names()
        if value not in names:
            self.fail(f"unknown theme {value!r}: use one of {', '.join(names)}", param, ctx)
        return str(value)

    def shell_complete(
        self, ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[CompletionItem]:
        return [CompletionItem(name) for name in theme_names() if name.startswith(incomplete)]


def theme_names() -> list[str]:
    """Every theme the reader has, sorted (imported only when a theme is named)."""
    from textual.theme import BUILTIN_THEMES

    return sorted(BUILTIN_THEMES)


ISO_DATE = IsoDate()
POSITIVE = Positive()
THEME = ThemeName()


# Digest files or directories (the shell completes them as files); click arguments carry no
# help text, so each command's docstring says what they default to.
paths_argument = click.argument("paths", nargs=-1, metavar="[PATH...]", type=click.Path())


def data_dir_option(
    help: str = "where digests and bookmarks live ($PAPERDECK_DATA_DIR)",
) -> Callable[[F], F]:
    return click.option("--data-dir", metavar="DIR", type=click.Path(), help=help)


json_option = click.option("--json", "as_json", is_flag=True, help="print JSON")
no_cache_option = click.option("--no-cache", is_flag=True, help=NO_CACHE_HELP)
