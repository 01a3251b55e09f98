"""The linking rules: which account, contact and opportunity a message belongs to.

In order, the first that applies decides and is recorded on the email (``link_rule``):

1. ``thread`` — same thread as an already linked message: the same links;
2. ``contact_address`` — an address of the other party equals a contact's email: that contact
   and its account (our own users' addresses are "us" and give the direction, in or out);
3. ``contact_opportunity`` — that contact has exactly one open opportunity: it too. With several,
   the message waits in the review queue with them as suggestions (account and contact are
   already certain, so it shows on the timeline meanwhile);
4. ``sender_domain`` — the other party's domain is one of an account's email domains: that
   account, with "create a contact from the sender" offered. Public mail domains never match.

The "other party" is the sender of incoming mail and the recipients of outgoing mail: matching
our own address or domain would link every message we send to nobody in particular.
Everything else waits in the review queue; mail from an ignored sender is marked ignored.
``LinkIndex`` is loaded once per import batch, so deciding costs dictionary lookups only.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from kamdesk.models import (
    Account,
    Contact,
    Email,
    IgnoredSender,
    LocalSetting,
    Opportunity,
    OpportunityContact,
    User,
)
from kamdesk.models.emails import IGNORED, LINKED, QUEUED

THREAD = "thread"
CONTACT_ADDRESS = "contact_address"
CONTACT_OPPORTUNITY = "contact_opportunity"
SENDER_DOMAIN = "sender_domain"
MANUAL = "manual"
IGNORED_SENDER = "ignored_sender"
RULES = (THREAD, CONTACT_ADDRESS, CONTACT_OPPORTUNITY, SENDER_DOMAIN, MANUAL, IGNORED_SENDER)

MY_ADDRESSES_SETTING = "mail.my_addresses"

# Free mailbox providers: a domain shared by millions says nothing about the company.
PUBLIC_DOMAINS = frozenset(
    {
        "gmail.com", "googlemail.com", "orange.fr", "wanadoo.fr", "free.fr", "laposte.net",
        "sfr.fr", "neuf.fr", "bbox.fr", "numericable.fr", "aliceadsl.fr", "club-internet.fr",
        "hotmail.com", "hotmail.fr", "outlook.com", "outlook.fr", "live.com", "live.fr",
        "msn.com", "yahoo.com", "yahoo.fr", "ymail.com", "icloud.com", "me.com", "mac.com",
        "gmx.com", "gmx.fr", "gmx.de", "gmx.net", "web.de", "aol.com", "aol.fr", "proton.me",
        "protonmail.com", "mail.com", "yandex.com", "yandex.ru", "zoho.com", "tutanota.com",
        "fastmail.com", "hey.com", "qq.com", "163.com",
    }
)  # fmt: skip


def domain_of(address: str) -> str:
    return address.rpartition("@")[2].strip().lower()


def is_public_domain(domain: str) -> bool:
    return domain in PUBLIC_DOMAINS


@dataclass(frozen=True)
class ContactRef:
    id: str
    account_id: str


@dataclass
class LinkIndex:
    """What the rules look up, read once: contacts by address, accounts by domain…"""

    contacts_by_address: dict[str, ContactRef] = field(default_factory=dict)
    accounts_by_domain: dict[str, list[str]] = field(default_factory=dict)
    open_opportunities: dict[str, list[str]] = field(default_factory=dict)  # by contact id
    users_by_address: dict[str, str] = field(default_factory=dict)  # our side: address → user id
    our_addresses: set[str] = field(default_factory=set)
    ignored: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, session: Session, extra_addresses: tuple[str, ...] = ()) -> LinkIndex:
        index = cls()
        live_accounts = select(Account.id).where(Account.deleted_at.is_(None))
        for contact_id, account_id, email, others in session.execute(
            select(Contact.id, Contact.account_id, Contact.email, Contact.other_emails).where(
                Contact.deleted_at.is_(None), Contact.account_id.in_(live_accounts)
            )
        ):
            ref = ContactRef(contact_id, account_id)
            for address in [email, *(others or [])]:
                if address:
                    # Two contacts with one address: the first keeps it (a deterministic order
                    # would need a rule a KAM can see; the review queue fixes mistakes).
                    index.contacts_by_address.setdefault(address.strip().lower(), ref)
        for account_id, domains in session.execute(
            select(Account.id, Account.email_domains)
            .where(Account.deleted_at.is_(None))
            .order_by(Account.name)
        ):
            for domain in domains or []:
                domain = domain.strip().lower().lstrip("@")
                if domain and not is_public_domain(domain):
                    index.accounts_by_domain.setdefault(domain, []).append(account_id)
        index.open_opportunities = load_open_opportunities(session)
        for user_id, email in session.execute(
            select(User.id, User.email).where(User.deleted_at.is_(None), User.email.is_not(None))
        ):
            if email:
                index.users_by_address[email.strip().lower()] = user_id
        mine = session.get(LocalSetting, MY_ADDRESSES_SETTING)
        configured = mine.value.split(",") if mine is not None else []
        index.our_addresses = {
            a.strip().lower() for a in [*index.users_by_address, *configured, *extra_addresses]
        }
        index.our_addresses.discard("")
        index.ignored = set(
            session.scalars(select(IgnoredSender.address).where(IgnoredSender.deleted_at.is_(None)))
        )
        return index

    @property
    def our_domains(self) -> set[str]:
        return {domain_of(a) for a in self.our_addresses} - PUBLIC_DOMAINS

    def accounts_for_domain(self, domain: str) -> list[str]:
        """Accounts whose domains include ``domain`` or a parent of it (mail.renault.com)."""
        parts = domain.split(".")
        for start in range(len(parts) - 1):
            found = self.accounts_by_domain.get(".".join(parts[start:]))
            if found:
                return found
        return []


def load_open_opportunities(session: Session) -> dict[str, list[str]]:
    """Open opportunities per contact: its roles on them, or named its economic buyer/champion."""
    result: dict[str, set[str]] = defaultdict(set)
    live_open = (Opportunity.deleted_at.is_(None), Opportunity.status == "open")
    for contact_id, opp_id in session.execute(
        select(OpportunityContact.contact_id, Opportunity.id)
        .join(Opportunity, Opportunity.id == OpportunityContact.opportunity_id)
        .where(OpportunityContact.deleted_at.is_(None), *live_open)
    ):
        result[contact_id].add(opp_id)
    for opp_id, buyer, champion in session.execute(
        select(Opportunity.id, Opportunity.economic_buyer_id, Opportunity.champion_id).where(
            *live_open,
            or_(Opportunity.economic_buyer_id.is_not(None), Opportunity.champion_id.is_not(None)),
        )
    ):
        for named in (buyer, champion):
            if named:
                result[named].add(opp_id)
    return {contact_id: sorted(ids) for contact_id, ids in result.items()}


@dataclass(frozen=True)
class ThreadLink:
    """The links of the newest linked message of a thread."""

    account_id: str
    contact_id: str | None
    opportunity_id: str | None


def thread_links(session: Session, thread_ids: set[str] | list[str]) -> dict[str, ThreadLink]:
    """The links of each thread's newest linked message (rule 1), for many threads at once."""
    wanted = sorted(set(thread_ids))
    links: dict[str, ThreadLink] = {}
    for start in range(0, len(wanted), 500):
        for tid, account_id, contact_id, opp_id in session.execute(
            select(Email.thread_id, Email.account_id, Email.contact_id, Email.opportunity_id)
            .where(
                Email.thread_id.in_(wanted[start : start + 500]),
                Email.link_state == LINKED,
                Email.account_id.is_not(None),
                Email.deleted_at.is_(None),
            )
            .order_by(Email.sent_at)  # the newest linked message's links win
        ):
            if tid and account_id:
                links[tid] = ThreadLink(account_id, contact_id, opp_id)
    return links


@dataclass
class Decision:
    state: str  # linked / queued / ignored
    rule: str | None
    direction: str  # in / out
    account_id: str | None = None
    contact_id: str | None = None
    opportunity_id: str | None = None
    participant_ids: list[str] = field(default_factory=list)  # contacts on the message
    author_id: str | None = None  # our user who sent it (outgoing mail)
    suggestions: dict[str, Any] = field(default_factory=dict)


def decide(
    index: LinkIndex,
    *,
    from_address: str | None,
    from_name: str | None,
    to_addresses: list[str],
    cc_addresses: list[str],
    thread_link: ThreadLink | None,
) -> Decision:
    sender = (from_address or "").lower()
    outgoing = sender in index.our_addresses
    direction = "out" if outgoing else "in"
    author_id = index.users_by_address.get(sender) if outgoing else None
    recipients = [a for a in [*to_addresses, *cc_addresses] if a not in index.our_addresses]
    # The other party, most telling first: the sender of incoming mail, then its other recipients.
    others = recipients if outgoing else [a for a in [sender, *recipients] if a]
    matched = [index.contacts_by_address[a] for a in others if a in index.contacts_by_address]
    participants = list(dict.fromkeys(matched))

    def base(**values: Any) -> Decision:
        return Decision(direction=direction, author_id=author_id, **values)

    if thread_link is not None:
        same_account = [c.id for c in participants if c.account_id == thread_link.account_id]
        return base(
            state=LINKED,
            rule=THREAD,
            account_id=thread_link.account_id,
            contact_id=thread_link.contact_id,
            opportunity_id=thread_link.opportunity_id,
            participant_ids=same_account
            or ([thread_link.contact_id] if thread_link.contact_id else []),
        )
    if not outgoing and sender in index.ignored:
        return base(state=IGNORED, rule=IGNORED_SENDER)
    if participants:
        primary = participants[0]
        ids = [c.id for c in participants if c.account_id == primary.account_id]
        opportunities = index.open_opportunities.get(primary.id, [])
        if len(opportunities) == 1:
            return base(
                state=LINKED,
                rule=CONTACT_OPPORTUNITY,
                account_id=primary.account_id,
                contact_id=primary.id,
                opportunity_id=opportunities[0],
                participant_ids=ids,
            )
        return base(
            state=QUEUED if opportunities else LINKED,
            rule=CONTACT_ADDRESS,
            account_id=primary.account_id,
            contact_id=primary.id,
            participant_ids=ids,
            suggestions={"opportunities": opportunities} if opportunities else {},
        )
    ours = index.our_domains
    for address in others:
        domain = domain_of(address)
        if not domain or is_public_domain(domain) or domain in ours:
            continue
        accounts = index.accounts_for_domain(domain)
        if not accounts:
            continue
        offer = {"address": address, "name": from_name if address == sender else None}
        if len(accounts) == 1:
            return base(
                state=LINKED,
                rule=SENDER_DOMAIN,
                account_id=accounts[0],
                suggestions={"create_contact": offer},
            )
        return base(
            state=QUEUED, rule=None, suggestions={"accounts": accounts, "create_contact": offer}
        )
    offer_address = others[0] if others else None
    suggestions: dict[str, Any] = {}
    if offer_address:
        suggestions["create_contact"] = {
            "address": offer_address,
            "name": from_name if offer_address == sender else None,
        }
    return base(state=QUEUED, rule=None, suggestions=suggestions)
