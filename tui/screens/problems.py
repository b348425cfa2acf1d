"""The problems met while loading: one line each, ``path:line: message``."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen

from parsers import Problem
from tui.widgets.literal import literal
from tui.widgets.problem_list import ProblemList


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
        plural = "" if len(self.problems) == 1 else "s"
        problems.border_title = literal(
            f"{len(self.problems):,} problem{plural} while loading ({errors:,} errors)"
        )
        problems.border_subtitle = literal("escape to close")
        yield problems
