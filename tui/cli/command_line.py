"""The command line on click: commands loaded when they run, a default command for
``paperdeck PATH…``, and every usage error as one line with exit code 2."""

from __future__ import annotations

import difflib
import importlib
import os
import sys
from collections.abc import Mapping, Sequence
from typing import Any

import click
from click.exceptions import NoArgsIsHelpError, NoSuchCommand
from click.shell_completion import CompletionItem

from tui.cli.arguments import PROG, fail
from tui.cli.output import safe

HELP_OPTIONS = ["-h", "--help"]
# The default command's name: a word the user's own "" never reaches (it is a path).
DEFAULT = ""


class HelpFormatter(click.HelpFormatter):
    """Click's help, with argparse's lowercase ``usage:`` that scripts and tests know."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog.rstrip(), args, "usage: " if prefix is None else prefix)


class Context(click.Context):
    formatter_class = HelpFormatter


class Command(click.Command):
    """A command whose surplus words are an error naming them, as argparse's were."""

    context_class = Context

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        allowed, ctx.allow_extra_args = ctx.allow_extra_args, True
        try:
            rest = super().parse_args(ctx, args)
        finally:
            ctx.allow_extra_args = allowed
        if rest and not allowed and not ctx.resilient_parsing:
            raise click.UsageError(f"unrecognized arguments: {' '.join(rest)}", ctx)
        return rest


class WordsCommand(Command):
    """A command whose words may start with ``-`` (``-survey``, ``-TAG``): only its own
    options are options; every other word is one of its arguments, wherever it stands."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, options_first(args, self.get_params(ctx), ctx))


def options_first(
    args: Sequence[str], params: Sequence[click.Parameter], ctx: click.Context
) -> list[str]:
    """``args`` with the options that ``params`` know first, then ``--`` and the rest."""
    options = [p for p in params if isinstance(p, click.Option)]
    flags = {name for p in options if p.is_flag or p.count for name in p.opts + p.secondary_opts}
    valued = {name for p in options if not (p.is_flag or p.count) for name in p.opts}
    known: list[str] = []
    rest: list[str] = []
    words = iter(args)
    for word in words:
        if word in flags or (word.split("=", 1)[0] in valued and "=" in word):
            known.append(word)
        elif word in valued:
            value = next(words, None)
            if value is None:
                raise click.BadOptionUsage(word, f"Option {word!r} requires an argument.", ctx)
            known += [word, value]
        elif word == "--":
            rest += list(words)
        else:
            rest.append(word)
    return [*known, "--", *rest] if rest else known


class Group(click.Group):
    """A command of commands (``bookmarks list``), its commands of the kind above."""

    context_class = Context
    command_class = Command

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)  # in the order they are defined, not sorted


class LazyGroup(Group):
    """The ``paperdeck`` command: each command named in a table (name → "module:attribute")
    is imported only when it runs, or when help or completion lists it; any other first
    word opens the reader (the default command) on the paths given."""

    def __init__(self, *args: Any, lazy: Mapping[str, str], default: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy)
        self.default = default

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*self.lazy, *self.commands]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = self.default if cmd_name == DEFAULT else self.lazy.get(cmd_name)
        if target is None:
            return super().get_command(ctx, cmd_name)
        module, _, attribute = target.partition(":")
        command = getattr(importlib.import_module(module), attribute)
        if not isinstance(command, click.Command):
            raise TypeError(f"{target} is not a click command")
        return command

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        completing_a_command = not args and ctx.resilient_parsing
        if not completing_a_command and (not args or self._opens_paths(ctx, args[0])):
            args = [DEFAULT, *args]
        return super().parse_args(ctx, args)

    def _opens_paths(self, ctx: click.Context, word: str) -> bool:
        """Whether ``word`` starts the default command's arguments (not a command, not
        ``--help`` or ``--version``); a mistyped command name is refused here."""
        own_options = {name for param in self.get_params(ctx) for name in param.opts}
        if word in self.lazy or word in self.commands or word in own_options:
            return False
        if not ctx.resilient_parsing:
            self._refuse_mistyped(ctx, word)
        return True

    def _refuse_mistyped(self, ctx: click.Context, word: str) -> None:
        """A word that is no file, looks like a command's name and is close to one: a
        mistyped command, not a path (``./word`` or ``dir/word`` is always a path)."""
        if word.startswith("-") or "/" in word or "." in word or os.path.lexists(word):
            return
        close = difflib.get_close_matches(word, list(self.lazy), n=1)
        if close:
            raise click.UsageError(
                f"{word!r} is neither a command nor a file: did you mean {close[0]!r}?", ctx
            )

    def shell_complete(self, ctx: click.Context, incomplete: str) -> list[CompletionItem]:
        """The commands and options that fit, else files: the first word may be a PATH."""
        found = super().shell_complete(ctx, incomplete)
        if found or incomplete.startswith("-"):
            return found
        return [CompletionItem(incomplete, type="file")]

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        reader = self.get_command(ctx, DEFAULT)
        assert reader is not None
        formatter.write_usage(ctx.command_path, " ".join(reader.collect_usage_pieces(ctx)))
        formatter.write_usage(ctx.command_path, "COMMAND [ARGS]...", prefix=" " * len("usage: "))

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        reader = self.get_command(ctx, DEFAULT)
        assert reader is not None
        options = [
            p for p in (*reader.params, *self.get_params(ctx)) if isinstance(p, click.Option)
        ]
        records = [record for p in options if (record := p.get_help_record(ctx)) is not None]
        with formatter.section("Options"):
            formatter.write_dl(records)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows: list[tuple[str, click.Command]] = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is None or command.hidden:
                continue
            if not isinstance(command, click.Group) or command.invoke_without_command:
                rows.append((name, command))  # a group that does something alone too
            if isinstance(command, click.Group):
                for sub_name in command.list_commands(ctx):
                    sub = command.get_command(ctx, sub_name)
                    if sub is not None and not sub.hidden:
                        rows.append((f"{name} {sub_name}", sub))
        lines = [
            (f"{PROG} {_synopsis(name, cmd, ctx)}", cmd.get_short_help_str()) for name, cmd in rows
        ]
        with formatter.section("Commands (for scripts and pipes; COMMAND --help for more)"):
            formatter.write_dl(lines, col_max=40)


def _synopsis(name: str, command: click.Command, ctx: click.Context) -> str:
    """The command's name and arguments, as ``paperdeck --help`` lists it."""
    pieces = [name]
    for param in command.params:
        if isinstance(param, click.Argument):
            pieces += param.get_usage_pieces(ctx)
    return " ".join(pieces)


def _name(param: click.Parameter, ctx: click.Context | None) -> str:
    if isinstance(param, click.Option):
        return "/".join(param.opts)
    return param.make_metavar(ctx) if ctx is not None else (param.name or "").upper()


def _did_you_mean(possibilities: Sequence[str] | None) -> str:
    return f": did you mean {possibilities[0]!r}?" if possibilities else ""


def one_line(error: click.UsageError) -> str:
    """A usage error as one line, in the words paperdeck's commands have always used."""
    ctx = error.ctx
    if isinstance(error, NoArgsIsHelpError) and isinstance(error.ctx.command, click.Group):
        names = ", ".join(error.ctx.command.list_commands(error.ctx))
        message = f"the following arguments are required: COMMAND ({names})"
    elif isinstance(error, click.MissingParameter) and error.param is not None:
        message = f"the following arguments are required: {_name(error.param, ctx)}"
    elif isinstance(error, click.NoSuchOption):
        message = f"unrecognized arguments: {error.option_name}"
        message += _did_you_mean(error.possibilities)
    elif isinstance(error, NoSuchCommand):
        message = f"unknown command {error.command_name!r}{_did_you_mean(error.possibilities)}"
    elif isinstance(error, click.BadOptionUsage) and "requires" in error.message:
        message = f"argument {error.option_name}: expected one argument"
    elif isinstance(error, click.BadParameter) and error.param is not None:
        message = f"argument {_name(error.param, ctx)}: {error.message.rstrip('.')}"
    else:
        message = error.format_message().rstrip(".")
    if ctx is not None:
        message += f" (see '{ctx.command_path.rstrip()} --help')"
    return message


def run(command: click.Command, argv: Sequence[str], prog: str = PROG, obj: Any = None) -> int:
    """Run ``command`` on ``argv``; returns its exit code (a usage error exits with 2)."""
    try:
        code = command.main(
            list(argv), prog, standalone_mode=False, obj=obj, help_option_names=HELP_OPTIONS
        )
    except click.UsageError as error:
        fail(one_line(error))
    except click.ClickException as error:
        print(f"{PROG}: error: {safe(error.format_message())}", file=sys.stderr)
        return 1
    except click.Abort:  # ctrl+c or the end of input: click has ended the line
        return 130
    return code if isinstance(code, int) else 0
