"""Global search (Ctrl+K): the search thread, the palette and its wiring into the main window."""

from kamdesk.ui.search.controller import SearchController

__all__ = ["SearchController"]
