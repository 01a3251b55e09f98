"""The opportunity pipeline screens: Kanban board, opportunity editor, settings, dashboard.

Only the board's classes are exported here; the other screens are imported from their own
modules (``kamdesk.ui.pipeline.editor``, ``.settings``, ``.dashboard``) so that opening the
board never loads them (nor pyqtgraph).
"""

from kamdesk.ui.pipeline.board import KanbanBoard
from kamdesk.ui.pipeline.card_delegate import CardDelegate
from kamdesk.ui.pipeline.card_model import CardListModel
from kamdesk.ui.pipeline.won_lost import WonLostDialog

__all__ = ["CardDelegate", "CardListModel", "KanbanBoard", "WonLostDialog"]
