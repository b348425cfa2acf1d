"""Problems met while loading, one row each: severity, then ``path:line: message``."""

from __future__ import annotations

from textual.content import Content

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
