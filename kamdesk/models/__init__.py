"""The data model: typed SQLAlchemy ORM classes, one aggregate per module. No Qt, no I/O."""

from kamdesk.models.accounts import Account, AccountTeamMember, Site
from kamdesk.models.attachments import Attachment
from kamdesk.models.base import Base, Synced, is_synced, utcnow
from kamdesk.models.commerce import Contract, Invoice, Quote
from kamdesk.models.contacts import Contact, StanceChange
from kamdesk.models.custom_fields import CustomFieldDefinition
from kamdesk.models.emails import Email, IgnoredSender, MailAccount, MailFolderState, MailRaw
from kamdesk.models.interactions import Interaction, InteractionContact
from kamdesk.models.local import LocalSetting, OutboxEntry
from kamdesk.models.opportunities import (
    MEDDIC_ITEMS,
    Opportunity,
    OpportunityContact,
    OpportunityLine,
    StageHistory,
)
from kamdesk.models.pipeline import Pipeline, Stage
from kamdesk.models.products import Product
from kamdesk.models.reviews import BusinessReview, NpsResponse
from kamdesk.models.tasks import Alert, Rule, Task
from kamdesk.models.tickets import Ticket
from kamdesk.models.users import User

__all__ = [
    "MEDDIC_ITEMS",
    "Account",
    "AccountTeamMember",
    "Alert",
    "Attachment",
    "Base",
    "BusinessReview",
    "Contact",
    "Contract",
    "CustomFieldDefinition",
    "Email",
    "IgnoredSender",
    "Interaction",
    "InteractionContact",
    "Invoice",
    "LocalSetting",
    "MailAccount",
    "MailFolderState",
    "MailRaw",
    "NpsResponse",
    "Opportunity",
    "OpportunityContact",
    "OpportunityLine",
    "OutboxEntry",
    "Pipeline",
    "Product",
    "Quote",
    "Rule",
    "Site",
    "Stage",
    "StageHistory",
    "StanceChange",
    "Synced",
    "Task",
    "Ticket",
    "User",
    "is_synced",
    "utcnow",
]
