"""The reader's keys: each with an id (remappable in config.toml) and a description."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from tui.screens.paper_actions import SELECTION_BINDINGS

DAYS = Binding.Group("Day", compact=True)

# fmt: off
READER_BINDINGS: list[BindingType] = [
    Binding("left_square_bracket", "older_day", "Older", tooltip="Older day", group=DAYS,
            id="day.older"),
    Binding("right_square_bracket", "newer_day", "Newer", tooltip="Newer day", group=DAYS,
            id="day.newer"),
    Binding(
        "w", "cycle_period", "Weeks", tooltip="Days → weeks → months", show=False, id="period.cycle"
    ),
    Binding(
        "A", "pick_author", "Authors", tooltip="An author's page", show=False, id="author.pick"
    ),
    Binding(
        "L",
        "show_related",
        "More like this",
        tooltip="More like this: related papers",
        show=False,
        id="paper.related",
    ),
    Binding(
        "T", "show_trends", "Trends", tooltip="Trends of the period", show=False, id="trends.show"
    ),
    Binding("d", "goto_date", "Date", tooltip="Go to date", show=False, id="day.goto"),
    Binding("tab", "cycle_pane(1)", "Next pane", show=False, id="pane.next"),
    Binding("shift+tab", "cycle_pane(-1)", "Previous pane", show=False, id="pane.previous"),
    Binding("escape", "back", "Back a pane", show=False, id="pane.back"),
    Binding(
        "n",
        "next_unread",
        "Next unread",
        show=False,
        tooltip="Next unread paper",
        id="unread.next",
    ),
    Binding(
        "N",
        "next_unread(False)",
        "Previous unread",
        show=False,
        tooltip="Previous unread paper",
        id="unread.previous",
    ),
    Binding(
        "U",
        "newest_unread",
        "Newest unread",
        show=False,
        tooltip="Newest unread paper",
        id="unread.newest",
    ),
    Binding(
        "space",
        "read_on",
        "Read on",
        show=False,
        tooltip="Page down; at the end, next unread",
        id="detail.read_on",
    ),
    Binding(
        "Z",
        "toggle_full_detail",
        "Full screen",
        show=False,
        tooltip="The paper on the whole screen / back",
        id="detail.full_screen",
    ),
    Binding("pagedown", "page_detail(1)", "Page down", show=False, id="detail.page_down"),
    Binding("pageup", "page_detail(-1)", "Page up", show=False, id="detail.page_up"),
    Binding(
        "b", "toggle_bookmark", "Bookmark", tooltip="Bookmark / unbookmark", id="bookmark.toggle"
    ),
    Binding("u", "toggle_read", "Read/unread", show=False, id="read.toggle"),
    Binding("m", "mark_day_read", "Mark day read", show=False, id="read.mark_day"),
    Binding("e", "edit_note", "Edit note", show=False, id="note.edit"),
    Binding("number_sign", "edit_tags", "Edit tags", show=False, id="tags.edit"),
    *SELECTION_BINDINGS,
    Binding("z", "app.undo", "Undo", show=False, id="undo"),
    Binding("c", "copy_link", "Copy link", show=False, id="link.copy"),
    Binding("C", "copy_citation", "Copy BibTeX", show=False, id="link.copy_bibtex"),
    Binding("o", "open_link", "Open link", show=False, id="link.open"),
    Binding("p", "open_pdf", "Open PDF", show=False, id="link.open_pdf"),
    Binding("a", "toggle_authors", "All authors", show=False, id="detail.authors"),
    Binding("x", "more", "More of long items", show=False, id="detail.more"),
    Binding("s", "cycle_order", "Sort", show=False, id="order.cycle"),
    Binding(
        "H",
        "toggle_hide_read",
        "Unread only",
        show=False,
        tooltip="Unread only: hide / show the read papers",
        id="list.hide_read",
    ),
    Binding("f", "filter_day", "Filter", show=False, tooltip="Filter this day", id="filter.day"),
    Binding(
        "F",
        "pin_filter",
        "Pin filter",
        show=False,
        tooltip="Pin / unpin the filter (every day)",
        id="filter.pin",
    ),
    Binding("t", "toggle_sidebar", "Days", tooltip="Show / hide the days", id="sidebar.toggle"),
    Binding("exclamation_mark", "show_problems", "Problems", show=False, id="problems.show"),
    Binding("ctrl+c,super+c", "screen.copy_text", "Copy selected text", show=False, id="text.copy"),
]
# fmt: on
