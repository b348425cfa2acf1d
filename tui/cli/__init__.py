"""The ``paperdeck`` command: the reader, and commands for scripts and pipes."""

from tui.cli.main import main

__all__ = ["main"]
