"""Names with a figure each (authors, co-authors, keywords), one row each; enter opens one."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from textual.content import Content
from textual.message import Message

from tui.widgets.fitting import fit
from tui.widgets.line_list import LineList


@dataclass(frozen=True)
class NamedFigure:
    """A row: a name (digest text, shown as it is) and a figure at the right edge."""

    name: str
    figure: str = ""


class NameList(LineList):
    """Names with figures; posts :class:`NameList.Opened` with the row's name on enter, and
    :class:`NameList.Highlighted` as the cursor lands on a row."""

    @dataclass
    class Highlighted(Message):
        """The cursor moved to a name."""

        name_list: NameList
        name: str

        @property
        def control(self) -> NameList:
            return self.name_list

        def can_replace(self, message: Message) -> bool:  # only the latest position matters
            return isinstance(message, type(self)) and message.name_list is self.name_list

    @dataclass
    class Opened(Message):
        """The user opened a name."""

        name_list: NameList
        name: str

        @property
        def control(self) -> NameList:
            return self.name_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.items: list[NamedFigure] = []

    def show(self, items: list[NamedFigure]) -> None:
        self.items = items
        self.rows_changed(0)

    @property
    def current(self) -> NamedFigure | None:
        return self.items[self.cursor] if 0 <= self.cursor < len(self.items) else None

    def row_count(self) -> int:
        return len(self.items)

    def row_content(self, index: int, width: int) -> Content:
        item = self.items[index]
        figure = item.figure
        room = max(1, width - cell_len(figure) - 2)
        name = fit(Content(item.name), room)
        return Content.assemble(" ", name, " ", (figure, self.part_style("line-list--muted")))

    def cursor_moved(self, index: int) -> None:
        self.post_message(self.Highlighted(self, self.items[index].name))

    def row_selected(self, index: int) -> None:
        self.post_message(self.Opened(self, self.items[index].name))
