"""Closed vocabularies stored as short strings. Labels live in the UI (translated)."""

from __future__ import annotations

from enum import IntEnum, StrEnum


class Tier(StrEnum):
    LARGE_ACCOUNT = "large_account"
    KEY_ACCOUNT = "key_account"
    STANDARD = "standard"


class BuyingRole(StrEnum):
    ECONOMIC_BUYER = "economic_buyer"
    DECISION_MAKER = "decision_maker"
    TECHNICAL_PRESCRIBER = "technical_prescriber"
    INFLUENCER = "influencer"
    USER = "user"
    GATEKEEPER = "gatekeeper"
    OPPONENT = "opponent"


class Stance(IntEnum):
    OPPONENT = -2
    SCEPTIC = -1
    NEUTRAL = 0
    SUPPORTER = 1
    CHAMPION = 2


class UserRole(StrEnum):
    ADMIN = "admin"
    MANAGER = "manager"
    KAM = "kam"
    READ_ONLY = "read_only"


class InteractionKind(StrEnum):
    EMAIL = "email"
    CALL = "call"
    MEETING = "meeting"
    NOTE = "note"
    QUOTE_SENT = "quote_sent"
    INVOICE = "invoice"
    TICKET = "ticket"


class Direction(StrEnum):
    INBOUND = "in"
    OUTBOUND = "out"
    INTERNAL = "internal"


class StageOutcome(StrEnum):
    OPEN = "open"
    WON = "won"
    LOST = "lost"


class QuoteStatus(StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    ACCEPTED = "accepted"
    REFUSED = "refused"


class TicketStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"


class TicketPriority(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    CRITICAL = "critical"


class TaskKind(StrEnum):
    TASK = "task"
    REMINDER = "reminder"
    FOLLOW_UP = "follow_up"


class EmailLinkState(StrEnum):
    LINKED = "linked"
    QUEUED = "queued"
    IGNORED = "ignored"


class DecisionMakerRoles:
    """Buying roles that count as decision makers for organisational complexity."""

    ALL = frozenset(
        {
            BuyingRole.ECONOMIC_BUYER,
            BuyingRole.DECISION_MAKER,
            BuyingRole.TECHNICAL_PRESCRIBER,
            BuyingRole.INFLUENCER,
        }
    )
