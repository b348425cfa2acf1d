"""The problems met while loading: one line each, ``path:line: message``."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import ModalScreen

from parsers import Problem
from tui.widgets.line_list import LineList


class ProblemList(LineList):
    """Problems, errors first in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(id="problem-list")
        self.problems = sorted(problems, key=lambda p: p.severity != "error")

    def on_mount(self) -> None:
        self.rows_changed(0)

    def row_count(self) -> int:
        return len(self.problems)

    def row_content(self, index: int, width: int) -> Content:
        problem = self.problems[index]
        style = "line-list--marker" if problem.severity == "error" else "line-list--muted"
        return Content.assemble(
            (f"{problem.severity:<7} ", self.part_style(style)),
            f"{problem.path}:{problem.line}: {problem.message}",
        )


class ProblemsScreen(ModalScreen[None]):
    """Lists what could not be read; escape closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss", "Close", id="problems.close"),
    ]

    DEFAULT_CSS = """
    ProblemsScreen { align: center middle; }
    ProblemsScreen ProblemList {
        width: 90%; height: 80%; border: round $warning; background: $surface;
    }
    """

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__()
        self.problems = problems

    def compose(self) -> ComposeResult:
        problems = ProblemList(self.problems)
        errors = sum(p.severity == "error" for p in self.problems)
        problems.border_title = (
            f"{len(self.problems):,} problems while loading ({errors:,} errors)"
            if self.problems
            else "No problems while loading"
        )
        problems.border_subtitle = "escape to close"
        yield problems
