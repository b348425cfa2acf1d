"""The help screen: every key, generated from the bindings in force, remaps included."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.terminal.textual_compat import bindings_of, keymap_of
from tui.widgets.literal import literal

NARROW_HELP = 70
"""Below this width the ids go under the descriptions, so no description is cut."""


@dataclass(frozen=True)
class KeyRow:
    """One line of the help screen."""

    keys: str
    description: str
    binding_id: str = ""  # for remapping in config.toml's [keys]
    action: str = ""  # what the key does (run on the node that binds it)


def key_rows(app: App[Any], node: DOMNode) -> list[KeyRow]:
    """The bindings of ``node`` as the user would press them, keymap applied."""
    bindings = bindings_of(node)
    keymap = keymap_of(app)
    if keymap:
        bindings.apply_keymap(keymap)
    order: list[tuple[str, str]] = []
    keys: dict[tuple[str, str], list[str]] = {}
    ids: dict[tuple[str, str], str] = {}
    for key, key_bindings in bindings.key_to_bindings.items():
        for binding in key_bindings:
            if binding.system or not binding.description:
                continue
            group = (binding.action, binding.tooltip or binding.description)
            if group not in keys:
                order.append(group)
                keys[group] = []
                ids[group] = binding.id or ""
            keys[group].append(app.get_key_display(Binding(key, binding.action)))
    return [KeyRow(" ".join(keys[group]), group[1], ids[group], group[0]) for group in order]


def one_row_per_key(rows: list[KeyRow]) -> list[KeyRow]:
    """A pane's rows with each key on one row: a key bound to several actions gets a row
    naming them in the order they are tried (``^c``: copy the selected text, else say how
    to quit); keys with the same actions share a row, as before.

    ``rows`` come node by node, the node nearest the focus last: its keys are tried first.
    """
    owners: dict[str, list[int]] = {}  # key → the rows holding it
    for index, row in enumerate(rows):
        for key in row.keys.split(" "):
            owners.setdefault(key, []).append(index)
    shared: dict[tuple[int, ...], list[str]] = {}  # rows → the keys they share
    for key, held in owners.items():
        shared.setdefault(tuple(held), []).append(key)
    merged: list[tuple[int, KeyRow]] = []
    for rows_of_key, keys in shared.items():
        tried = [rows[i] for i in sorted(rows_of_key, reverse=True)]
        first, *rest = tried
        description = first.description + "".join(f"; else {_lower(r.description)}" for r in rest)
        ids = " ".join(r.binding_id for r in tried if r.binding_id)
        merged.append((min(rows_of_key), KeyRow(" ".join(keys), description, ids, first.action)))
    return [row for _, row in sorted(merged, key=lambda pair: pair[0])]


def _lower(description: str) -> str:
    """``Say how to quit`` → ``say how to quit`` (``PDF`` stays)."""
    if description[1:2].islower():
        return description[:1].lower() + description[1:]
    return description


class HelpScreen(ModalScreen[None]):
    """Keys by pane: ``sections`` name each pane and the nodes whose bindings it has."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="help.close"),
        Binding("down,j", "scroll(1)", "Scroll down", show=False, id="help.down"),
        Binding("up,k", "scroll(-1)", "Scroll up", show=False, id="help.up"),
        Binding("home,g", "edge(False)", "Top", show=False, id="help.top"),
        Binding("end,G", "edge(True)", "Bottom", show=False, id="help.bottom"),
    ]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 84; max-width: 100%; height: auto; max-height: 100%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    HelpScreen Static { width: 1fr; height: auto; }
    """

    def __init__(self, sections: list[tuple[str, list[DOMNode]]]) -> None:
        super().__init__()
        self.sections = sections
        self.rows: list[tuple[str, list[KeyRow]]] = []  # what is listed, once composed

    def compose(self) -> ComposeResult:
        self.rows = [
            (title, one_row_per_key([row for node in nodes for row in key_rows(self.app, node)]))
            for title, nodes in self.sections
        ]
        scroll = VerticalScroll()
        scroll.border_title = literal("Keys")
        scroll.border_subtitle = literal("escape to close · remap by id in config.toml [keys]")
        with scroll:
            yield Static(self._table(self.app.size.width))

    def on_resize(self, event: events.Resize) -> None:
        self.query_one(Static).update(self._table(event.size.width))

    def _table(self, width: int) -> Group:
        """Keys, what they do and their ids, pane by pane; narrow, each id goes under its
        description. Every pane's table has the same column widths, so they line up."""
        narrow = width < NARROW_HELP
        listed = [(title, rows) for title, rows in self.rows if rows]
        every = [row for _, rows in listed for row in rows]
        keys = max((cell_len(row.keys) for row in every), default=1)
        ids = max((cell_len(row.binding_id) for row in every), default=1)
        parts: list[RenderableType] = []
        for title, rows in listed:
            if parts:
                parts.append(Text())
            parts.append(Text(title, style="bold underline"))  # a line of its own: never cut
            table = Table.grid(padding=(0, 1 if narrow else 2), expand=True)
            table.add_column(no_wrap=True, style="bold", width=keys)
            table.add_column(ratio=1)  # the description: wrapped, never cut
            if not narrow:
                table.add_column(no_wrap=True, style="dim", width=ids)
            for row in rows:
                if not narrow:
                    table.add_row(Text(row.keys), Text(row.description), Text(row.binding_id))
                    continue
                described = Text(row.description)
                if row.binding_id:
                    described.append(f"\n{row.binding_id}", style="dim")
                table.add_row(Text(row.keys), described)
            parts.append(table)
        return Group(*parts)

    def action_scroll(self, lines: int) -> None:
        self.query_one(VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_edge(self, bottom: bool) -> None:
        scroll = self.query_one(VerticalScroll)
        if bottom:
            scroll.scroll_end(animate=False)
        else:
            scroll.scroll_home(animate=False)
