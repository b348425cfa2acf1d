"""The selected paper in full: every field and every section.

The pane draws with the line API: the paper is rendered to lines once per paper (and per
width), and scrolling only picks lines. Changing paper never changes the screen's layout,
so a day switch redraws the pane without a layout pass.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.console import RenderableType
from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from parsers import Paper
from tui.terminal.glyphs import UNICODE, Glyphs
from tui.widgets.literal import literal
from tui.widgets.paper_render import (
    ITEM_LIMIT,
    Annotation,
    DetailOptions,
    DetailStyles,
    longest_item,
    render_paper,
)

MAX_ITEM_LIMIT = 256_000
ITEM_LIMIT_GROWTH = 4


class DetailPane(ScrollView, can_focus=True, inherit_bindings=False):
    """Scrollable view of one paper; the screen calls :meth:`show`."""

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
        "detail--tag",
    }

    options: reactive[DetailOptions] = reactive(DetailOptions, init=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.paper: Paper | None = None
        self.day: date | None = None
        self.glyphs: Glyphs = UNICODE
        self.empty_message = "No paper selected."
        self.mine: Annotation | None = None  # the reader's note and tags on the paper
        self._lines: list[Strip] = []
        self._rendered_width = 0

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.refresh_body())

    def show(
        self,
        paper: Paper | None,
        day: date | None,
        index: int = 0,
        total: int = 0,
        mine: Annotation | None = None,
    ) -> None:
        """Show ``paper`` (``index`` of ``total`` in the list) from the top, folded again."""
        self.paper = paper
        self.day = day
        self.mine = mine
        self.border_title = literal(f"Paper {index}/{total}" if paper else "Paper")
        self.set_reactive(DetailPane.options, DetailOptions())
        self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh_body()

    def watch_options(self) -> None:
        self.refresh_body()

    def show_mine(self, mine: Annotation | None) -> None:
        """The note or tags changed: redraw them where the reader is."""
        if mine != self.mine:
            self.mine = mine
            self.refresh_body()

    def _styles(self) -> DetailStyles:
        style = self.get_component_rich_style
        return DetailStyles(
            accent=style("detail--accent"),
            muted=style("detail--muted"),
            link=style("detail--link"),
            heading=style("detail--heading"),
            tag=style("detail--tag"),
        )

    def _renderable(self) -> RenderableType:
        if self.paper is None:
            return Text(self.empty_message, style=self._styles().muted)
        styles = self._styles()
        return render_paper(self.paper, self.day, self.options, styles, self.glyphs, self.mine)

    def refresh_body(self) -> None:
        """Render the paper to lines for the current width and redraw."""
        width = self.scrollable_content_region.width
        if width <= 0 or not self.is_mounted:
            self._lines, self._rendered_width = [], 0
            return
        console = self.app.console
        options = console.options.update(width=width, height=None, highlight=False)
        lines = console.render_lines(self._renderable(), options, pad=False)
        base = self.rich_style
        self._lines = [Strip(Segment.apply_style(line, base)) for line in lines]
        self._rendered_width = width
        self.virtual_size = Size(width, len(self._lines))
        self.refresh()

    def _on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width != self._rendered_width:
            self.refresh_body()

    def render_line(self, y: int) -> Strip:
        index = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        if 0 <= index < len(self._lines):
            return self._lines[index].extend_cell_length(width, self.rich_style).crop(0, width)
        return Strip.blank(width, self.rich_style)

    def text(self) -> str:
        """What the pane shows, every line, as plain text."""
        return "\n".join(strip.text.rstrip() for strip in self._lines)

    # -- folding ---------------------------------------------------------------------

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
