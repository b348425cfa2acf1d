"""Papers as commands print them: a JSON record each, or a table for people."""

from __future__ import annotations

import os
import sys
from datetime import date
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from parsers import Paper
from tui.cli.output import safe


def paper_record(day: date | None, paper: Paper, pid: str) -> dict[str, Any]:
    """A paper in JSON output (these keys are a public contract)."""
    return {
        "date": day.isoformat() if day else None,
        "votes": paper.votes,
        "title": paper.title,
        "authors": paper.authors,
        "arxiv_id": paper.arxiv_id,
        "url": paper.url,
        "id": pid,
    }


def paper_table() -> Table:
    """An empty table of date, votes, title and id: add rows with :func:`add_paper`."""
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    table.add_column("date", no_wrap=True)
    table.add_column("votes", justify="right", no_wrap=True)
    table.add_column("title", overflow="fold")
    table.add_column("id", no_wrap=True, style="dim")
    return table


def add_paper(
    table: Table, day: date | None, paper: Paper, pid: str, title: Text | None = None
) -> None:
    """A row for ``paper`` (digest text escaped: no control character reaches the terminal)."""
    votes = str(paper.votes) if paper.votes is not None else "-"
    shown = day.isoformat() if day else "undated"
    table.add_row(shown, votes, title or Text(safe(paper.title)), safe(pid))


def table_text(table: Table, footer: list[str]) -> str:
    """``table`` and the ``footer`` lines as text, styled only for a terminal."""
    console = Console(
        file=open(os.devnull, "w"),  # noqa: SIM115 - only recording
        record=True,
        width=max(80, min(160, _terminal_width())),
        force_terminal=sys.stdout.isatty(),
    )
    console.print(table)
    for line in footer:
        console.print(safe(line), markup=False, highlight=False)
    return console.export_text(styles=sys.stdout.isatty())


def _terminal_width() -> int:
    try:
        return os.get_terminal_size().columns
    except OSError:
        return 100
