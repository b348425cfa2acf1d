"""A one-line box for tags, completing the tag being typed from the tags already in use."""

from __future__ import annotations

import re
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.suggester import Suggester
from textual.widgets import Input

from tui.archive.text import clean_tag
from tui.userdata.cleaning import parse_tags

_LAST_WORD = re.compile(r"[^\s,]*$")


def complete_tag(value: str, known: list[str]) -> str | None:
    """``value`` with its last word completed to a tag of ``known`` (most used first) that
    starts with it and is not typed already; None when there is none."""
    last = _LAST_WORD.search(value)
    typed = clean_tag(last.group(0)) if last else None
    if last is None or typed is None:
        return None
    taken = set(parse_tags(value[: last.start()]))
    for tag in known:
        if tag.startswith(typed) and tag != typed and tag not in taken:
            return value + tag[len(typed) :]
    return None


class TagSuggester(Suggester):
    """Suggests the completion of the tag being typed (shown dimmed after the cursor)."""

    def __init__(self, known: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.known = known

    async def get_suggestion(self, value: str) -> str | None:
        return complete_tag(value, self.known)


class TagInput(Input):
    """Tags separated by spaces; ``tab`` or ``→`` at the end takes the completion shown."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "complete", "Complete the tag", show=False, id="tags.complete"),
    ]

    def __init__(self, value: str, known: list[str], *, placeholder: str, id: str) -> None:
        super().__init__(
            value,
            placeholder=placeholder,
            suggester=TagSuggester(known),
            select_on_focus=False,  # typing adds a tag, never replaces them all
            id=id,
        )
        self.known = known

    def action_complete(self) -> None:
        completed = complete_tag(self.value, self.known)
        if completed is not None:
            self.value = completed + " "
            self.cursor_position = len(self.value)

    @property
    def tags(self) -> list[str]:
        """The tags typed, cleaned, each once."""
        return parse_tags(self.value)
