"""Argument parsers whose errors are one line and exit code 2."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import NoReturn

from tui.cli.output import safe

PROG = "paperdeck"


class ArgumentParser(argparse.ArgumentParser):
    """An argparse parser that reports a bad argument in one line, with exit code 2."""

    def error(self, message: str) -> NoReturn:
        fail(f"{message} (see '{self.prog} --help')")


def fail(message: str) -> NoReturn:
    """Print ``paperdeck: error: message`` on stderr (one line) and exit with code 2."""
    print(f"{PROG}: error: {safe(message)}", file=sys.stderr)
    raise SystemExit(2)


def iso_date(text: str) -> date:
    """An argparse type for YYYY-MM-DD dates."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid date {text!r}: use YYYY-MM-DD") from None


def positive(text: str) -> int:
    """An argparse type for whole numbers of at least 1."""
    if not (text.isascii() and text.isdigit()) or int(text) < 1:
        raise argparse.ArgumentTypeError(f"invalid number {text!r}: use a whole number from 1")
    return int(text)
