"""Record dialogs: one form per record kind, validated field by field, saved by the caller."""

from kamdesk.ui.dialogs.account import AccountDialog
from kamdesk.ui.dialogs.base import RecordDialog
from kamdesk.ui.dialogs.contact import ContactDialog
from kamdesk.ui.dialogs.interaction import InteractionDialog
from kamdesk.ui.dialogs.site import SiteDialog

__all__ = ["AccountDialog", "ContactDialog", "InteractionDialog", "RecordDialog", "SiteDialog"]
