"""A keyboard-first list of one-line rows, drawn with the line API.

Only the rows on screen are ever rendered, so a list of 3,000 papers or 3,650 days costs the
same to show and to scroll as a list of ten. Subclasses say how many rows there are, which
rows are headers (skipped by the cursor) and what a row looks like.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from tui.widgets.fitting import fit


class LineList(ScrollView, can_focus=True, inherit_bindings=False):
    """Rows with a cursor; ``cursor_moved`` and ``row_selected`` are the subclass hooks."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("home,g", "first", "First", show=False, id="list.first"),
        Binding("end,G", "last", "Last", show=False, id="list.last"),
        Binding("ctrl+d", "half_page(1)", "Half page down", show=False, id="list.half_down"),
        Binding("ctrl+u", "half_page(-1)", "Half page up", show=False, id="list.half_up"),
        Binding("enter", "select", "Open", id="list.open"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "line-list--row",
        "line-list--cursor",
        "line-list--cursor-blurred",
        "line-list--header",
        "line-list--muted",
        "line-list--marker",
        "line-list--tag",
    }

    cursor: reactive[int] = reactive(0, init=False)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._strips: LRUCache[tuple[int, int, str], Strip] = LRUCache(512)
        self.empty_text = ""  # shown on the first line when there are no rows

    # -- what subclasses provide ----------------------------------------------------

    def row_count(self) -> int:
        return 0

    def is_header(self, index: int) -> bool:
        return False

    def row_content(self, index: int, width: int) -> Content:
        return Content("")

    def part_style(self, component: str) -> Style:
        """The colour and weight of a component class, without its background.

        Parts of a row take these so that the cursor's background shows through them.
        """
        style = self.get_visual_style(component)
        return Style(foreground=style.foreground, bold=style.bold, italic=style.italic)

    def row_component(self, index: int) -> str:
        """The component class a row is drawn with: header, cursor or plain row."""
        if self.is_header(index):
            return "line-list--header"
        if index == self.cursor:
            return "line-list--cursor" if self.has_focus else "line-list--cursor-blurred"
        return "line-list--row"

    def cursor_moved(self, index: int) -> None:
        """Called when the cursor lands on a row (not a header)."""

    def row_selected(self, index: int) -> None:
        """Called when the user opens the row under the cursor (enter or a double click)."""

    # -- rows ------------------------------------------------------------------------

    def rows_changed(self, cursor: int | None = None) -> None:
        """Re-read the rows (after the data changed), optionally moving the cursor."""
        self._strips.clear()
        count = self.row_count()
        self.virtual_size = Size(self.scrollable_content_region.width, count)
        target = self.cursor if cursor is None else cursor
        target = self._selectable(max(0, min(target, count - 1)), 1) if count else 0
        if target != self.cursor:
            self.cursor = target
        elif cursor is not None:
            self.watch_cursor(target)
        self.refresh()

    def restyle(self) -> None:
        """Redraw every row (markers or styles changed, not the rows themselves)."""
        self._strips.clear()
        self.refresh()

    def restyle_row(self, index: int) -> None:
        """Redraw one row (its markers or figures changed)."""
        width = self.scrollable_content_region.width
        for component in ("line-list--row", "line-list--cursor", "line-list--cursor-blurred"):
            self._strips.discard((index, width, component))
        y = index - self.scroll_offset.y
        if 0 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    def _selectable(self, index: int, direction: int) -> int:
        """The nearest non-header row from ``index`` in ``direction`` (or back, at an end)."""
        count = self.row_count()
        for step in (direction, -direction):
            probe = index
            while 0 <= probe < count:
                if not self.is_header(probe):
                    return probe
                probe += step
        return index

    def watch_cursor(self, cursor: int) -> None:
        # Cached rows stay valid: the cache key says whether a row was drawn as the cursor.
        if self.row_count() and not self.is_header(cursor):
            self.scroll_to_cursor()
            self.cursor_moved(cursor)
        self.refresh()

    def rows_to_keep_above(self, index: int) -> int:
        """How many rows above row ``index`` to keep in view with it (its header, say)."""
        return 0

    def scroll_to_cursor(self, top: bool = False) -> None:
        if self.is_mounted:
            view = self.scrollable_content_region
            above = min(self.rows_to_keep_above(self.cursor), max(0, view.height - 1))
            region = Region(0, self.cursor - above, max(1, view.width), above + 1)
            self.scroll_to_region(region, animate=False, force=True, top=top, immediate=True)

    # -- actions ---------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        if self.cursor + 1 < self.row_count():
            self.cursor = self._selectable(self.cursor + 1, 1)

    def action_cursor_up(self) -> None:
        if self.cursor > 0:
            self.cursor = self._selectable(self.cursor - 1, -1)

    def action_first(self) -> None:
        if self.row_count():
            self.cursor = self._selectable(0, 1)

    def action_last(self) -> None:
        if self.row_count():
            self.cursor = self._selectable(self.row_count() - 1, -1)

    def action_half_page(self, direction: int) -> None:
        count = self.row_count()
        if count:
            step = max(1, self.scrollable_content_region.height // 2)
            target = max(0, min(count - 1, self.cursor + direction * step))
            self.cursor = self._selectable(target, direction)

    def action_select(self) -> None:
        if self.row_count() and not self.is_header(self.cursor):
            self.row_selected(self.cursor)

    # -- events ----------------------------------------------------------------------

    async def _on_click(self, event: events.Click) -> None:
        index = event.y + self.scroll_offset.y
        if 0 <= index < self.row_count() and not self.is_header(index):
            self.cursor = index
            if event.chain >= 2:
                self.row_selected(index)

    def _on_resize(self, event: events.Resize) -> None:
        self._strips.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, self.row_count())

    def on_focus(self) -> None:
        self.restyle()

    def on_blur(self) -> None:
        self.restyle()

    # -- rendering -------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = y + self.scroll_offset.y
        if index >= self.row_count():
            style = self.get_visual_style("line-list--row", "line-list--muted")
            if index == 0 and self.empty_text:
                content = fit(Content(self.empty_text), width)
                return Strip(content.render_segments(style), width)
            return Strip.blank(width, style.rich_style)
        component = self.row_component(index)
        key = (index, width, component)
        strip = self._strips.get(key)
        if strip is None:
            style = self.get_visual_style("line-list--row", component)
            if self.get_component_styles(component).text_style.reverse:
                style += Style(reverse=True)  # the cursor without colours (NO_COLOR)
            content = fit(self.row_content(index, width), width)
            strip = Strip(content.render_segments(style), width).apply_meta({"row": index})
            self._strips[key] = strip
        return strip
