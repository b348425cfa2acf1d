"""The selected paper in full: every field and every section."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from parsers import Paper
from tui.detail_render import ITEM_LIMIT, DetailOptions, DetailStyles, longest_item, render_paper
from tui.glyphs import UNICODE, Glyphs

MAX_ITEM_LIMIT = 256_000
ITEM_LIMIT_GROWTH = 4


class DetailPane(VerticalScroll, can_focus=True, inherit_bindings=False):
    """Scrollable view of one paper; ``paper`` and ``day`` are set by the screen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "scroll_down", "Scroll down", show=False, id="detail.down"),
        Binding("up,k", "scroll_up", "Scroll up", show=False, id="detail.up"),
        Binding("home,g", "scroll_home", "Top", show=False, id="detail.top"),
        Binding("end,G", "scroll_end", "Bottom", show=False, id="detail.bottom"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "detail--accent",
        "detail--muted",
        "detail--link",
        "detail--heading",
    }

    paper: reactive[Paper | None] = reactive(None, init=False)
    options: reactive[DetailOptions] = reactive(DetailOptions, init=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.day: date | None = None
        self.glyphs: Glyphs = UNICODE
        self.empty_message = "No paper selected."

    def compose(self) -> ComposeResult:
        yield Static(self.empty_message, id="detail-body")

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.refresh_body())

    def show(self, paper: Paper | None, day: date | None) -> None:
        """Show ``paper`` from the top, with long parts folded again."""
        self.day = day
        self.set_reactive(DetailPane.options, DetailOptions())
        self.paper = paper
        if paper is not None and paper is self.paper:
            self.refresh_body()
        self.scroll_home(animate=False, immediate=True)

    def watch_paper(self) -> None:
        self.refresh_body()

    def watch_options(self) -> None:
        self.refresh_body()

    def _styles(self) -> DetailStyles:
        style = self.get_component_rich_style
        return DetailStyles(
            accent=style("detail--accent"),
            muted=style("detail--muted"),
            link=style("detail--link"),
            heading=style("detail--heading"),
        )

    def refresh_body(self) -> None:
        body = self.query_one("#detail-body", Static)
        if self.paper is None:
            body.update(self.empty_message)
            return
        body.update(render_paper(self.paper, self.day, self.options, self._styles(), self.glyphs))

    def toggle_authors(self) -> None:
        if self.paper is not None:
            current = self.options
            self.options = DetailOptions(not current.all_authors, current.item_limit)

    def show_more(self) -> None:
        paper = self.paper
        if paper is None:
            return
        longest = longest_item(paper)
        current = self.options.item_limit
        if longest <= current:
            self.notify("Every item is shown in full.", timeout=3)
            return
        limit = min(current * ITEM_LIMIT_GROWTH, MAX_ITEM_LIMIT)
        if limit == current:
            self.notify(
                f"Showing the first {current:,} of {longest:,} characters; "
                "`paperdeck dump` prints everything.",
                severity="warning",
            )
            return
        self.options = DetailOptions(self.options.all_authors, limit)
        shown = min(limit, longest)
        self.notify(f"Showing {shown:,} of {longest:,} characters.", timeout=3)


__all__ = ["ITEM_LIMIT", "DetailPane"]
