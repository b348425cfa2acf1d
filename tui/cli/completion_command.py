"""``paperdeck completion SHELL``: the shell's script that completes paperdeck's commands."""

from __future__ import annotations

import click
from click.shell_completion import get_completion_class

from tui.cli.arguments import PROG
from tui.cli.command_line import Command
from tui.cli.output import write

SHELLS = ("bash", "zsh", "fish")
COMPLETE_VAR = "_PAPERDECK_COMPLETE"  # click's name for it, from the program's name


@click.command(cls=Command)
@click.argument("shell", type=click.Choice(SHELLS), metavar="bash|zsh|fish")
@click.pass_context
def completion(ctx: click.Context, shell: str) -> int:
    """Print a shell's completion script.

    In ~/.bashrc: eval "$(paperdeck completion bash)"; in ~/.zshrc: eval "$(paperdeck
    completion zsh)"; for fish: paperdeck completion fish >
    ~/.config/fish/completions/paperdeck.fish"""
    complete = get_completion_class(shell)
    assert complete is not None  # every one of SHELLS is click's
    write(complete(ctx.find_root().command, {}, PROG, COMPLETE_VAR).source() + "\n")
    return 0
