"""Sync in the GUI: the status in the status bar, Sync now and the background rounds, signing
in to the team server, and the conflict inbox. The sync itself is ``kamdesk.sync``."""

from kamdesk.ui.sync.actions import SyncUi

__all__ = ["SyncUi"]
