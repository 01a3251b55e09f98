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
from kamdesk.mail.sources import parse_raw
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
    correspondent: str  # who the conversation is with (the other party, never us)


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
    """The threads of a record, the one with the latest message first (three queries)."""
    where = _scope(account_id, contact_id, opportunity_id)
    latest = func.max(Email.sent_at)
    heads = session.execute(
        select(Email.thread_id, latest)
        .where(*where)
        .group_by(Email.thread_id)
        .order_by(latest.desc())
        .limit(limit)
    ).all()
    thread_ids = [tid for tid, _ in heads if tid]
    by_thread: dict[str, list[Any]] = {}
    for chunk_start in range(0, len(thread_ids), 500):
        chunk = thread_ids[chunk_start : chunk_start + 500]
        for row in session.execute(
            select(
                Email.id,
                Email.thread_id,
                Email.subject,
                Email.from_name,
                Email.from_address,
                Email.to_addresses,
                Email.direction,
                Email.sent_at,
                Email.attachment_count,
                Email.contact_id,
                Email.text,
            )
            .where(*where, Email.thread_id.in_(chunk))
            .order_by(Email.sent_at.desc())
        ):
            by_thread.setdefault(row.thread_id, []).append(row)
    contact_ids = {r.contact_id for rows in by_thread.values() for r in rows if r.contact_id}
    names = _names(session, Contact, contact_ids)
    result = []
    for thread_id, latest_at in heads:
        messages = by_thread.get(thread_id or "")
        if not messages:
            continue
        newest = messages[0]
        result.append(
            ThreadRow(
                thread_id or newest.id,
                newest.subject or "",
                latest_at,
                len(messages),
                newest.id,
                newest.from_name or newest.from_address or "",
                newest.direction,
                sum(m.attachment_count for m in messages),
                snippet(newest.text, 160) or "",
                _correspondent(messages, names),
            )
        )
    return result


def _correspondent(messages: list[Any], names: dict[str, str]) -> str:
    """Who a conversation is with: never the KAM, even when the last message is ours."""
    received = next((m for m in messages if m.direction != "out"), None)
    if received is not None:
        return received.from_name or received.from_address or ""
    # Only mail we sent: the contact it is linked to has a name; the address is the fallback.
    named = next((names[m.contact_id] for m in messages if m.contact_id in names), None)
    if named:
        return named
    sent = next((m for m in messages if m.to_addresses), None)
    return sent.to_addresses[0] if sent is not None else ""


def _names(session: Session, model: Any, ids: set[str] | list[str]) -> dict[str, str]:
    """Display names of live records, in one query per 500 ids."""
    wanted = sorted(set(ids))
    found: dict[str, str] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        query: Any
        if model is Contact:
            query = select(Contact.id, Contact.first_name, Contact.last_name)
        elif model is Opportunity:
            query = select(Opportunity.id, Opportunity.title)
        else:
            query = select(Account.id, Account.name)
        for row in session.execute(query.where(model.id.in_(chunk), model.deleted_at.is_(None))):
            found[row[0]] = " ".join(str(part) for part in row[1:] if part).strip()
    return found


def count(
    session: Session,
    *,
    account_id: str | None = None,
    contact_id: str | None = None,
    opportunity_id: str | None = None,
) -> int:
    """How many emails a record has (a tab's title), without loading them."""
    where = _scope(account_id, contact_id, opportunity_id)
    return int(session.scalar(select(func.count()).select_from(Email).where(*where)) or 0)


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


def _named(names: dict[str, str], record_id: str | None) -> Named | None:
    return Named(record_id, names[record_id]) if record_id in names else None


def _listed(names: dict[str, str], ids: list[str]) -> list[Named]:
    return [Named(i, names[i]) for i in ids if i in names]


def email_detail(session: Session, email_id: str, *, with_raw: bool = True) -> EmailDetail:
    """One message: text, HTML (re-read from the stored original), attachments and links."""
    e = records.get_live(session, Email, email_id, "email")
    html = None
    text = e.text or ""
    if with_raw:
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
    opportunity_ids = suggestions.get("opportunities", [])
    account_ids = suggestions.get("accounts", [])
    accounts = _names(session, Account, {*account_ids, *([e.account_id] if e.account_id else [])})
    people = _names(session, Contact, [e.contact_id] if e.contact_id else [])
    opportunities = _names(
        session, Opportunity, {*opportunity_ids, *([e.opportunity_id] if e.opportunity_id else [])}
    )
    return EmailDetail(
        _message(e),
        e.thread_id,
        text,
        html,
        attachments,
        _named(accounts, e.account_id),
        _named(people, e.contact_id),
        _named(opportunities, e.opportunity_id),
        _listed(opportunities, opportunity_ids),
        _listed(accounts, account_ids),
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
    for start in range(0, len(thread_ids), 500):
        chunk = thread_ids[start : start + 500]
        for thread_id, count in session.execute(
            select(Email.thread_id, func.count())
            .where(Email.thread_id.in_(chunk), Email.deleted_at.is_(None))
            .group_by(Email.thread_id)
        ):
            counts[thread_id or ""] = int(count)
    # Every name the rows show, one query per kind (not one per row).
    suggested = [e.suggestions or {} for e in emails]
    accounts = _names(
        session,
        Account,
        {e.account_id for e in emails if e.account_id}
        | {a for s in suggested for a in s.get("accounts", [])},
    )
    people = _names(session, Contact, {e.contact_id for e in emails if e.contact_id})
    opportunities = _names(
        session, Opportunity, {o for s in suggested for o in s.get("opportunities", [])}
    )

    return [
        QueueRow(
            _message(e),
            counts.get(e.thread_id or "", 1),
            _named(accounts, e.account_id),
            _named(people, e.contact_id),
            _listed(opportunities, s.get("opportunities", [])),
            _listed(accounts, s.get("accounts", [])),
            s.get("create_contact"),
        )
        for e, s in zip(emails, suggested, strict=True)
    ]


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
