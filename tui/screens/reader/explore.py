"""Leaving the day for the wider archive: a paper's authors (``A``) and trends (``T``).

Their screens are imported when first opened: the first frame does not wait for them.
"""

from __future__ import annotations

from tui.archive.periods import Period
from tui.screens.reader.periods import PeriodView
from tui.screens.services import so_far


class ExploreActions(PeriodView):
    """The keys that open author pages and trends from the reader."""

    def action_pick_author(self) -> None:
        """List the selected paper's authors; the one chosen opens their page."""
        paper = self.paper_list.current
        if paper is None:
            return
        names = [name for name in paper.authors if name.strip()]
        if not names:
            self.notify("This paper names no authors.", severity="warning", timeout=3)
            return
        counts = self.store.author_counts(names)
        from tui.screens.authors import AuthorPicker

        picker = AuthorPicker(paper.title, names, counts, so_far(self.store))
        self.app.push_screen(picker, self.open_author)

    def open_author(self, name: str | None) -> None:
        if name:
            from tui.screens.authors import AuthorScreen

            self.app.push_screen(AuthorScreen(self.services, name))

    def action_show_trends(self) -> None:
        """Trends of the week or month shown; of the whole archive when showing days."""
        self.show_trends(self.period)

    def show_trends(self, period: Period | None) -> None:
        from tui.screens.trends import TrendsScreen

        self.app.push_screen(TrendsScreen(self.services, period))
