"""The help screen: every key, generated from the bindings in force."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.keys_help import KeyRow


class HelpScreen(ModalScreen[None]):
    """Keys by pane; ``sections`` come from :func:`tui.keys_help.key_rows`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="help.close"),
        Binding("down,j", "scroll(1)", "Scroll down", show=False, id="help.down"),
        Binding("up,k", "scroll(-1)", "Scroll up", show=False, id="help.up"),
    ]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 84; max-width: 100%; height: auto; max-height: 100%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    HelpScreen Static { width: 1fr; height: auto; }
    """

    def __init__(self, sections: list[tuple[str, list[KeyRow]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True, style="bold")
        table.add_column()
        table.add_column(no_wrap=True, style="dim")
        for title, rows in self.sections:
            if not rows:
                continue
            if table.row_count:
                table.add_row("", "", "")
            table.add_row(Text(title, style="bold underline"), "", "")
            for row in rows:
                table.add_row(Text(row.keys), Text(row.description), Text(row.binding_id))
        scroll = VerticalScroll()
        scroll.border_title = "Keys"
        scroll.border_subtitle = "escape to close · remap by id in config.toml [keys]"
        with scroll:
            yield Static(table)

    def action_scroll(self, lines: int) -> None:
        self.query_one(VerticalScroll).scroll_relative(y=lines, animate=False)
