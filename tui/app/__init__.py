"""The Textual app: composes the archive, the user's data, the search and the screens."""

from tui.app.main import PaperdeckApp

__all__ = ["PaperdeckApp"]
