"""The reader's three panes and their layout: days, papers, the paper (and the filter box).

Below :data:`NARROW_WIDTH` columns the list sits above the detail and the date sidebar
hides unless asked for; what the panes show is :mod:`tui.screens.reader.view`'s.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.events import DescendantFocus, Resize
from textual.screen import Screen
from textual.widget import Widget

from tui.screens.services import ReaderServices
from tui.widgets.date_sidebar import DateSidebar
from tui.widgets.day_filter import DayFilter
from tui.widgets.detail_pane import DetailPane
from tui.widgets.key_footer import KeyFooter
from tui.widgets.paper_list import PaperList
from tui.widgets.status_line import StatusLine

NARROW_WIDTH = 100


class ReaderPanes(Screen[None]):
    """The date sidebar, the paper list with its filter box, and the detail pane."""

    def __init__(self, services: ReaderServices) -> None:
        super().__init__()
        self.services = services
        self.store = services.store
        self.user_state = services.user_state
        self.sidebar_open: bool | None = None  # None: decided by the width

    @property
    def sidebar(self) -> DateSidebar:
        return self.query_one(DateSidebar)

    @property
    def paper_list(self) -> PaperList:
        return self.query_one(PaperList)

    @property
    def detail(self) -> DetailPane:
        return self.query_one(DetailPane)

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield DateSidebar(id="sidebar")
            with Vertical(id="reading"):
                with Vertical(id="list-column"):
                    yield DayFilter()
                    yield PaperList(id="papers")
                yield DetailPane(id="detail")
        yield StatusLine(id="status-line")
        yield KeyFooter()

    def on_resize(self, event: Resize) -> None:
        self._apply_layout(event.size.width)

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        """A paper being read (the detail focused) gets the width; else the list does."""
        self.set_class(event.widget is self.detail, "-reading")

    def _apply_layout(self, width: int | None = None) -> None:
        narrow = (width if width is not None else self.size.width) < NARROW_WIDTH
        self.set_class(narrow, "-narrow")
        open_ = (not narrow) if self.sidebar_open is None else self.sidebar_open
        self.set_class(not open_, "-sidebar-hidden")
        if not open_ and self.sidebar.has_focus:
            self.paper_list.focus()

    def panes(self) -> list[Widget]:
        """The panes on screen, left to right."""
        panes: list[Widget] = [self.paper_list, self.detail]
        if not self.has_class("-sidebar-hidden"):
            panes.insert(0, self.sidebar)
        return panes
