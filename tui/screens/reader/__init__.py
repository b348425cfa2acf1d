"""The reader: date sidebar, paper list and detail pane, and the keys that move between them."""

from tui.screens.reader.screen import ReaderScreen
from tui.screens.reader.view import DayShown, DayWanted

__all__ = ["DayShown", "DayWanted", "ReaderScreen"]
