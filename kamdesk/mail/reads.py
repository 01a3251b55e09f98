"""What the mail panel and the review queue show: threads, messages, the queue, statistics.

Plain rows (dataclasses), never ORM objects, so the GUI can hold them across threads.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kamdesk.mail import store
from kamdesk.mail.text import snippet
from kamdesk.models import Account, Attachment, Contact, Email, Opportunity
from kamdesk.models.emails import QUEUED
from kamdesk.services import records

THREAD_LIMIT = 300
QUEUE_LIMIT = 500


@dataclass(frozen=True)
class ThreadRow:
    thread_id: str
    subject: str
    latest_at: dt.datetime | None
    count: int
    latest_email_id: str
    latest_from: str  # display name or address of the newest message's sender
    latest_direction: str | None
    attachments: int
    snippet: str


@dataclass(frozen=True)
class MessageRow:
    id: str
    subject: str
    from_name: str | None
    from_address: str | None
    to_addresses: list[str]
    cc_addresses: list[str]
    sent_at: dt.datetime | None
    direction: str | None
    link_state: str
    link_rule: str | None
    attachments: int
    parse_error: str | None


@dataclass(frozen=True)
class AttachmentInfo:
    id: str
    filename: str
    mime_type: str | None
    size: int


@dataclass(frozen=True)
class Named:
    id: str
    name: str


@dataclass(frozen=True)
class EmailDetail:
    message: MessageRow
    thread_id: str | None
    text: str
    html: str | None  # the HTML part as sent; sanitise before display
    attachments: list[AttachmentInfo]
    account: Named | None
    contact: Named | None
    opportunity: Named | None
    suggested_opportunities: list[Named] = field(default_factory=list)
    suggested_accounts: list[Named] = field(default_factory=list)
    create_contact: dict[str, Any] | None = None  # {"address", "name"}: offer to create


@dataclass(frozen=True)
class QueueRow:
    message: MessageRow
    thread_count: int  # messages in its thread
    account: Named | None  # already certain (several opportunities to choose from)
    contact: Named | None
    suggested_opportunities: list[Named]
    suggested_accounts: list[Named]
    create_contact: dict[str, Any] | None


def _message(e: Email) -> MessageRow:
    return MessageRow(
        e.id,
        e.subject or "",
        e.from_name,
        e.from_address,
        list(e.to_addresses or []),
        list(e.cc_addresses or []),
        e.sent_at,
        e.direction,
        e.link_state,
        e.link_rule,
        e.attachment_count,
        e.parse_error,
    )


def _scope(account_id: str | None, contact_id: str | None, opportunity_id: str | None) -> list[Any]:
    where: list[Any] = [Email.deleted_at.is_(None)]
    if account_id is not None:
        where.append(Email.account_id == account_id)
    if contact_id is not None:
        where.append(Email.contact_id == contact_id)
    if opportunity_id is not None:
        where.append(Email.opportunity_id == opportunity_id)
    return where


def threads(
    session: Session,
    *,
    account_id: str | None = None,
    contact_id: str | None = None,
    opportunity_id: str | None = None,
    limit: int = THREAD_LIMIT,
) -> list[ThreadRow]:
    """The threads of a record, the one with the latest message first."""
    where = _scope(account_id, contact_id, opportunity_id)
    latest = func.max(Email.sent_at)
    heads = session.execute(
        select(Email.thread_id, latest, func.count(), func.sum(Email.attachment_count))
        .where(*where)
        .group_by(Email.thread_id)
        .order_by(latest.desc())
        .limit(limit)
    ).all()
    rows = []
    for thread_id, latest_at, count, attachments in heads:
        newest = session.scalars(
            select(Email)
            .where(*where, Email.thread_id == thread_id)
            .order_by(Email.sent_at.desc())
            .limit(1)
        ).first()
        if newest is None:
            continue
        rows.append(
            ThreadRow(
                thread_id or newest.id,
                newest.subject or "",
                latest_at,
                int(count),
                newest.id,
                newest.from_name or newest.from_address or "",
                newest.direction,
                int(attachments or 0),
                snippet(newest.text, 160) or "",
            )
        )
    return rows


def thread_messages(
    session: Session,
    thread_id: str,
    *,
    account_id: str | None = None,
    contact_id: str | None = None,
    opportunity_id: str | None = None,
) -> list[MessageRow]:
    """A thread's messages (of the record when given), newest first."""
    where = _scope(account_id, contact_id, opportunity_id)
    query = select(Email).where(*where, Email.thread_id == thread_id)
    return [_message(e) for e in session.scalars(query.order_by(Email.sent_at.desc()))]


def _named(session: Session, model: Any, record_id: str | None) -> Named | None:
    if not record_id:
        return None
    obj = session.get(model, record_id)
    if obj is None or obj.deleted_at is not None:
        return None
    name = getattr(obj, "full_name", None) or getattr(obj, "name", None) or obj.title
    return Named(obj.id, name)


def _named_list(session: Session, model: Any, ids: list[str]) -> list[Named]:
    found = (_named(session, model, i) for i in ids)
    return [n for n in found if n is not None]


def email_detail(session: Session, email_id: str, *, with_raw: bool = True) -> EmailDetail:
    """One message: text, HTML (re-read from the stored original), attachments and links."""
    e = records.get_live(session, Email, email_id, "email")
    html = None
    text = e.text or ""
    if with_raw:
        from kamdesk.mail.sources import parse_raw

        parsed = parse_raw(store.get(session, e.raw_sha256), e.raw_format)
        html = parsed.html
        text = parsed.text or text
    attachments = [
        AttachmentInfo(a.id, a.filename, a.mime_type, a.size)
        for a in session.scalars(
            select(Attachment)
            .where(Attachment.email_id == e.id, Attachment.deleted_at.is_(None))
            .order_by(Attachment.filename)
        )
    ]
    suggestions = e.suggestions or {}
    return EmailDetail(
        _message(e),
        e.thread_id,
        text,
        html,
        attachments,
        _named(session, Account, e.account_id),
        _named(session, Contact, e.contact_id),
        _named(session, Opportunity, e.opportunity_id),
        _named_list(session, Opportunity, suggestions.get("opportunities", [])),
        _named_list(session, Account, suggestions.get("accounts", [])),
        suggestions.get("create_contact") if not e.contact_id else None,
    )


def queue(session: Session, *, limit: int = QUEUE_LIMIT) -> list[QueueRow]:
    """Mail waiting for a person, newest first, with what the rules suggest."""
    emails = session.scalars(
        select(Email)
        .where(Email.link_state == QUEUED, Email.deleted_at.is_(None))
        .order_by(Email.sent_at.desc())
        .limit(limit)
    ).all()
    thread_ids = sorted({e.thread_id for e in emails if e.thread_id})
    counts: dict[str, int] = {}
    if thread_ids:
        counts = dict(
            session.execute(  # type: ignore[arg-type]
                select(Email.thread_id, func.count())
                .where(Email.thread_id.in_(thread_ids), Email.deleted_at.is_(None))
                .group_by(Email.thread_id)
            ).all()
        )
    rows = []
    for e in emails:
        suggestions = e.suggestions or {}
        rows.append(
            QueueRow(
                _message(e),
                counts.get(e.thread_id or "", 1),
                _named(session, Account, e.account_id),
                _named(session, Contact, e.contact_id),
                _named_list(session, Opportunity, suggestions.get("opportunities", [])),
                _named_list(session, Account, suggestions.get("accounts", [])),
                suggestions.get("create_contact"),
            )
        )
    return rows


def queue_count(session: Session) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(Email)
            .where(Email.link_state == QUEUED, Email.deleted_at.is_(None))
        )
        or 0
    )


@dataclass(frozen=True)
class MailStats:
    total: int
    by_state: dict[str, int]
    by_rule: dict[str, int]


def stats(session: Session) -> MailStats:
    live = Email.deleted_at.is_(None)
    by_state = {
        state: int(n)
        for state, n in session.execute(
            select(Email.link_state, func.count()).where(live).group_by(Email.link_state)
        )
    }
    by_rule = {
        (rule or "none"): int(n)
        for rule, n in session.execute(
            select(Email.link_rule, func.count()).where(live).group_by(Email.link_rule)
        )
    }
    return MailStats(sum(by_state.values()), by_state, by_rule)
