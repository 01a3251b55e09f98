"""What a person decides about mail: link, unlink, ignore a sender, create a contact from one.

Each action is one unit of work and records ``link_rule = "manual"`` (or ``ignored_sender``) on
the emails it touched. Linking keeps the email's timeline activity in step — created, moved to
the new account/opportunity, or tombstoned on unlink — so the 360° view, the contact and the
opportunity, and the last-contact dates, always agree with the email's links.

``snapshot`` / ``restore`` give the undo: the GUI snapshots the emails an action will touch and
restores them to undo it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select

from kamdesk.db.unit_of_work import UnitOfWork
from kamdesk.mail.linking import IGNORED_SENDER, MANUAL, LinkIndex, decide, thread_links
from kamdesk.mail.text import snippet
from kamdesk.models import (
    Account,
    Attachment,
    Contact,
    Email,
    IgnoredSender,
    Interaction,
    InteractionContact,
    Opportunity,
    utcnow,
)
from kamdesk.models.emails import IGNORED, LINKED, QUEUED
from kamdesk.services import contacts, records
from kamdesk.services.errors import ServiceError

KIND = "email"


@dataclass(frozen=True)
class EmailLinks:
    """An email's link state, as ``snapshot`` saw it: what an undo puts back."""

    email_id: str
    state: str
    rule: str | None
    account_id: str | None
    contact_id: str | None
    opportunity_id: str | None
    suggestions: dict[str, Any] | None = None


def _email(uow: UnitOfWork, email_id: str) -> Email:
    return records.get_live(uow, Email, email_id, KIND)


def thread_email_ids(uow: UnitOfWork, email_id: str) -> list[str]:
    email = _email(uow, email_id)
    if not email.thread_id:
        return [email.id]
    return list(
        uow.session.scalars(
            select(Email.id).where(Email.thread_id == email.thread_id, Email.deleted_at.is_(None))
        )
    )


def snapshot(uow: UnitOfWork, email_ids: Iterable[str]) -> list[EmailLinks]:
    result = []
    for email_id in email_ids:
        e = _email(uow, email_id)
        result.append(
            EmailLinks(
                e.id,
                e.link_state,
                e.link_rule,
                e.account_id,
                e.contact_id,
                e.opportunity_id,
                dict(e.suggestions or {}),
            )
        )
    return result


def restore(uow: UnitOfWork, saved: Iterable[EmailLinks]) -> None:
    for links in saved:
        email = _email(uow, links.email_id)
        _apply(
            uow,
            email,
            links.state,
            links.rule,
            links.account_id,
            links.contact_id,
            links.opportunity_id,
        )
        if links.suggestions is not None:
            email.suggestions = dict(links.suggestions)  # what the queue offered comes back too
    uow.session.flush()


def link(
    uow: UnitOfWork,
    email_id: str,
    *,
    account_id: str,
    contact_id: str | None = None,
    opportunity_id: str | None = None,
    whole_thread: bool = False,
) -> list[str]:
    """Link an email (or its whole thread) by hand; returns the ids of the emails changed."""
    records.get_live(uow, Account, account_id, "account")
    if contact_id is not None:
        contact = records.get_live(uow, Contact, contact_id, "contact")
        if contact.account_id != account_id:
            raise ServiceError("this contact works at another account")
    if opportunity_id is not None:
        opportunity = records.get_live(uow, Opportunity, opportunity_id, "opportunity")
        if opportunity.account_id != account_id:
            raise ServiceError("this opportunity belongs to another account")
    ids = thread_email_ids(uow, email_id) if whole_thread else [_email(uow, email_id).id]
    for one in ids:
        email = _email(uow, one)
        # In a thread, a message keeps its own contact if that contact is of the same account.
        keep = contact_id is None and email.account_id == account_id and one != email_id
        _apply(
            uow,
            email,
            LINKED,
            MANUAL,
            account_id,
            email.contact_id if keep else contact_id,
            opportunity_id,
        )
    uow.session.flush()
    return ids


def unlink(uow: UnitOfWork, email_id: str, *, whole_thread: bool = False) -> list[str]:
    """Take an email (or its thread) off its records: back to the review queue."""
    ids = thread_email_ids(uow, email_id) if whole_thread else [_email(uow, email_id).id]
    for one in ids:
        _apply(uow, _email(uow, one), QUEUED, MANUAL, None, None, None)
    uow.session.flush()
    return ids


def waiting_from(uow: UnitOfWork, address: str) -> list[str]:
    """The emails ``ignore_sender(address)`` would take out of the queue (snapshot for undo)."""
    return list(
        uow.session.scalars(
            select(Email.id).where(
                Email.from_address == address.strip().lower(),
                Email.link_state == QUEUED,
                Email.deleted_at.is_(None),
            )
        )
    )


def ignore_sender(uow: UnitOfWork, address: str) -> list[str]:
    """Never link mail from ``address`` again; its waiting mail leaves the queue.

    Returns the ids of the emails marked ignored (mail already linked stays where it is).
    """
    address = address.strip().lower()
    if "@" not in address:
        raise ServiceError(f"not an email address: {address!r}")
    existing = uow.session.scalar(select(IgnoredSender).where(IgnoredSender.address == address))
    if existing is None:
        uow.session.add(IgnoredSender(address=address))
    elif existing.deleted_at is not None:
        existing.deleted_at = None
    ids = waiting_from(uow, address)
    for one in ids:
        _apply(uow, _email(uow, one), IGNORED, IGNORED_SENDER, None, None, None)
    uow.session.flush()
    return ids


def unignore_sender(uow: UnitOfWork, address: str) -> None:
    address = address.strip().lower()
    for row in uow.session.scalars(
        select(IgnoredSender).where(
            IgnoredSender.address == address, IgnoredSender.deleted_at.is_(None)
        )
    ):
        row.deleted_at = utcnow()
    uow.session.flush()


def create_contact_from_sender(
    uow: UnitOfWork, email_id: str, account_id: str, values: dict[str, Any]
) -> tuple[str, list[str]]:
    """Create the contact an address belongs to, and link that address's unclaimed mail to it.

    ``values`` are the contact's fields (first_name, last_name, job_title…); the email address
    is the sender's unless given. Mail from that address which is waiting or linked to the
    account only (the domain rule) is linked to the new contact. Returns (contact id, email ids).
    """
    email = _email(uow, email_id)
    address = (values.get("email") or _counterpart(email) or "").strip().lower()
    if not address:
        raise ServiceError("this message has no address to create a contact from")
    candidates = _unclaimed(uow, email, account_id, address)
    contact_id = contacts.create_contact(uow, account_id, {**values, "email": address})
    changed = []
    for candidate in candidates:
        _apply(uow, candidate, LINKED, MANUAL, account_id, contact_id, candidate.opportunity_id)
        changed.append(candidate.id)
    uow.session.flush()
    return contact_id, changed


def new_contact_emails(
    uow: UnitOfWork, email_id: str, account_id: str, values: dict[str, Any]
) -> list[str]:
    """The emails ``create_contact_from_sender`` would link (snapshot them for undo)."""
    email = _email(uow, email_id)
    address = (values.get("email") or _counterpart(email) or "").strip().lower()
    return [e.id for e in _unclaimed(uow, email, account_id, address)] if address else []


def _unclaimed(uow: UnitOfWork, email: Email, account_id: str, address: str) -> list[Email]:
    """Mail from ``address`` (and ``email`` itself) with no contact yet, of this account or none."""
    found = uow.session.scalars(
        select(Email).where(
            Email.deleted_at.is_(None),
            Email.link_state.in_([QUEUED, LINKED]),
            Email.contact_id.is_(None),
            (Email.from_address == address)
            | (Email.id == email.id),  # the message the contact was made from, whoever sent it
        )
    ).all()
    return [e for e in found if e.account_id in (None, account_id)]


def reapply_rules(uow: UnitOfWork) -> list[str]:
    """Run the linking rules again over the mail waiting in the queue; returns the ids linked.

    For the mail that waited because kamdesk did not know the sender yet: once the contact or
    the account's domain exists, one call files it. Mail a person sent back to the queue
    (rule "manual") is left alone, and so is mail whose only question is which opportunity.
    """
    index = LinkIndex.load(uow.session)
    waiting = uow.session.scalars(
        select(Email).where(
            Email.link_state == QUEUED,
            Email.deleted_at.is_(None),
            Email.account_id.is_(None),
            or_(Email.link_rule.is_(None), Email.link_rule != MANUAL),
        )
    ).all()
    linked = []
    threads = thread_links(uow.session, {e.thread_id for e in waiting if e.thread_id})
    for email in waiting:
        thread = threads.get(email.thread_id or "")
        decision = decide(
            index,
            from_address=email.from_address,
            from_name=email.from_name,
            to_addresses=list(email.to_addresses or []),
            cc_addresses=list(email.cc_addresses or []),
            thread_link=thread,
        )
        if decision.account_id is None and decision.state == QUEUED:
            if decision.suggestions != (email.suggestions or {}):
                email.suggestions = dict(decision.suggestions)
            continue
        _apply(
            uow,
            email,
            decision.state,
            decision.rule,
            decision.account_id,
            decision.contact_id,
            decision.opportunity_id,
        )
        email.suggestions = dict(decision.suggestions)
        if decision.state == LINKED:
            linked.append(email.id)
    uow.session.flush()
    return linked


def _counterpart(email: Email) -> str | None:
    if email.direction == "out":
        return next(iter(email.to_addresses or []), None)
    return email.from_address


def _apply(
    uow: UnitOfWork,
    email: Email,
    state: str,
    rule: str | None,
    account_id: str | None,
    contact_id: str | None,
    opportunity_id: str | None,
) -> None:
    """Set an email's links and keep its timeline activity and attachments in step."""
    email.link_state = state
    email.link_rule = rule
    email.account_id = account_id
    email.contact_id = contact_id
    email.opportunity_id = opportunity_id
    if state == LINKED:
        # A person decided: what the queue offered no longer applies (but keep the offer to
        # create a contact while the message has none).
        offer = email.suggestions.get("create_contact") if email.suggestions else None
        email.suggestions = {"create_contact": offer} if offer and not contact_id else {}
    session = uow.session
    interaction = session.scalar(select(Interaction).where(Interaction.email_id == email.id))
    if account_id is None:
        if interaction is not None and interaction.deleted_at is None:
            interaction.deleted_at = utcnow()
    else:
        if interaction is None:
            interaction = Interaction(
                kind="email",
                occurred_at=email.sent_at or email.created_at,
                direction=email.direction,
                subject=(email.subject or "")[:300],
                body=snippet(email.text),
                account_id=account_id,
                email_id=email.id,
            )
            session.add(interaction)
            session.flush()
        interaction.deleted_at = None
        interaction.account_id = account_id
        interaction.opportunity_id = opportunity_id
        _participants(uow, interaction.id, email, account_id, contact_id)
    for attachment in session.scalars(select(Attachment).where(Attachment.email_id == email.id)):
        attachment.account_id = account_id
        attachment.contact_id = contact_id
        attachment.opportunity_id = opportunity_id
        attachment.interaction_id = interaction.id if interaction is not None else None


def _participants(
    uow: UnitOfWork, interaction_id: str, email: Email, account_id: str, contact_id: str | None
) -> None:
    """The contacts of ``account_id`` on the message (by address), and ``contact_id``."""
    session = uow.session
    addresses = {a for a in [email.from_address, *email.to_addresses, *email.cc_addresses] if a}
    wanted = set(
        session.scalars(
            select(Contact.id).where(
                Contact.account_id == account_id,
                Contact.deleted_at.is_(None),
                Contact.email.in_(sorted(addresses)),
            )
        )
    )
    if contact_id:
        wanted.add(contact_id)
    now = utcnow()
    existing = {
        row.contact_id: row
        for row in session.scalars(
            select(InteractionContact).where(InteractionContact.interaction_id == interaction_id)
        )
    }
    for cid, row in existing.items():
        if cid in wanted and row.deleted_at is not None:
            row.deleted_at = None
        elif cid not in wanted and row.deleted_at is None:
            row.deleted_at = now
    for cid in sorted(wanted - set(existing)):
        session.add(InteractionContact(interaction_id=interaction_id, contact_id=cid))
