"""A demo mailbox: the mail a KAM of the demo portfolio would have, as real RFC 5322 messages.

It exercises every linking rule on the demo data — conversations with contacts (and their
replies, some from mailers that drop References), a contact with several open deals, colleagues
of a contact writing from the account's domain, newsletters and private mail — and is imported
through the same importer as any user's mail. ``messages`` also feeds the import benchmark,
which asks for tens of thousands of messages.
"""

from __future__ import annotations

import base64
import datetime as dt
import quopri
import random
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from email.header import Header
from email.utils import format_datetime, formataddr
from urllib.parse import quote

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.db import Database
from kamdesk.mail.importer import ImportSummary, MailImporter
from kamdesk.mail.linking import load_open_opportunities
from kamdesk.mail.sources import SourceItem
from kamdesk.models import Account, Contact, LocalSetting, Opportunity, User

SUBJECTS = (
    "Point d'avancement {title}",
    "Compte rendu de notre réunion",
    "Proposition commerciale — {title}",
    "Planning de déploiement",
    "Question sur la facture",
    "Invitation : revue trimestrielle",
    "Retour sur le cahier des charges",
    "Disponibilités semaine prochaine",
    "Suite à notre échange téléphonique",
    "Références clients demandées",
)
BODIES = (
    "Bonjour {first},\n\nMerci pour votre retour. Comme convenu, je vous propose un point "
    "mardi prochain pour valider les prochaines étapes.\n\nBien cordialement,\n{me}",
    "Bonjour {first},\n\nVous trouverez ci-joint les éléments demandés. N'hésitez pas à revenir "
    "vers moi pour toute question sur le périmètre ou le calendrier.\n\nCordialement,\n{me}",
    "Bonjour,\n\nNous avons bien étudié votre proposition. Quelques points restent à préciser "
    "côté achats avant le comité de décision.\n\nBien à vous,\n{them}",
    "Bonjour,\n\nPourriez-vous nous confirmer les délais de livraison pour le second site ? "
    "La direction souhaite un démarrage avant la fin du trimestre.\n\nMerci,\n{them}",
)
NEWSLETTERS = (
    ("La Lettre Achats", "newsletter@lettre-achats.fr", "Les tendances achats industriels"),
    ("Salon Industrie Lyon", "info@salon-industrie.fr", "Votre badge pour le salon"),
    ("Webinaires B2B", "no-reply@webinaires-b2b.com", "Replay : négocier un contrat-cadre"),
)
PRIVATE = (("Paul Martin", "paul.martin78@gmail.com"), ("Inès", "ines.d@orange.fr"))
FIRST_NAMES = ("Sandrine", "Olivier", "Karima", "Thomas", "Aurélie", "Jérôme")
LAST_NAMES = ("Lemoine", "Garnier", "Benali", "Fournier", "Chevalier", "Masson")


@dataclass(frozen=True)
class Person:
    name: str
    address: str

    @property
    def first(self) -> str:
        return self.name.split()[0]


@dataclass(frozen=True)
class Draft:
    """A message as written: what a reply needs of it, and its bytes."""

    message_id: str
    subject: str
    references: tuple[str, ...]
    body: str
    raw: bytes


def _header(text: str) -> str:
    # RFC 2047 only when needed: most demo subjects and names are French, with accents.
    return text if text.isascii() else Header(text, "utf-8").encode()


def _message(
    rng: random.Random,
    sender: Person,
    to: list[Person],
    subject: str,
    body: str,
    when: dt.datetime,
    *,
    parent: Draft | None = None,
    drop_references: bool = False,
    attachment: tuple[str, bytes] | None = None,
) -> Draft:
    """The message's bytes, written directly: the ``email`` package's generator takes ~3 ms a
    message, which made the 50 000-message benchmark mailbox take minutes to write."""
    domain = sender.address.rpartition("@")[2]
    message_id = f"{rng.getrandbits(64):016x}.{int(when.timestamp())}@{domain}"
    references: tuple[str, ...] = ()
    lines = [
        f"From: {formataddr((sender.name, sender.address), charset='utf-8')}",
        "To: " + ", ".join(formataddr((p.name, p.address), charset="utf-8") for p in to),
        f"Date: {format_datetime(when)}",
        f"Message-ID: <{message_id}>",
    ]
    if parent is not None:
        subject = "RE: " + parent.subject.removeprefix("RE: ")
        lines.append(f"In-Reply-To: <{parent.message_id}>")
        if not drop_references:
            references = (*parent.references, parent.message_id)
            lines.append("References: " + " ".join(f"<{r}>" for r in references))
    lines += [f"Subject: {_header(subject)}", "MIME-Version: 1.0"]
    text_part = [
        'Content-Type: text/plain; charset="utf-8"',
        "Content-Transfer-Encoding: quoted-printable",
        "",
        quopri.encodestring(body.encode("utf-8")).decode("ascii"),
    ]
    if attachment is None:
        lines += text_part
    else:
        name, data = attachment
        boundary = f"=_kamdesk_{rng.getrandbits(48):012x}"
        lines += [
            f'Content-Type: multipart/mixed; boundary="{boundary}"',
            "",
            f"--{boundary}",
            *text_part,
            f"--{boundary}",
            "Content-Type: application/pdf",
            "Content-Transfer-Encoding: base64",
            f"Content-Disposition: attachment; filename*=utf-8''{quote(name)}",
            "",
            base64.encodebytes(data).decode("ascii"),
            f"--{boundary}--",
        ]
    return Draft(message_id, subject, references, body, ("\n".join(lines) + "\n").encode())


def _pdf(title: str) -> bytes:
    # A minimal, valid one-page PDF: enough for "open attachment" to show something real.
    text = title.encode("latin-1", "replace")
    stream = b"BT /F1 18 Tf 72 720 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += str(number).encode() + b" 0 obj\n" + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 " + str(len(objects) + 1).encode() + b"\n0000000000 65535 f \n"
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += b"trailer\n<< /Size " + str(len(objects) + 1).encode() + b" /Root 1 0 R >>\n"
    out += b"startxref\n" + str(xref).encode() + b"\n%%EOF\n"
    return bytes(out)


def messages(
    session: Session, *, seed: int = 42, today: dt.date | None = None, count: int = 400
) -> Iterator[bytes]:
    """About ``count`` messages over the 120 days before ``today``, oldest first per thread."""
    rng = random.Random(seed)
    today = today or dt.date.today()
    end = dt.datetime.combine(today, dt.time(0, 0), tzinfo=dt.UTC)
    me_id = session.get(LocalSetting, "current_user_id")
    users = session.execute(select(User.id, User.name, User.email).order_by(User.name)).all()
    me_row = next((u for u in users if me_id and u.id == me_id.value), users[0])
    me = Person(me_row.name, me_row.email)
    contacts = session.execute(
        select(Contact.id, Contact.first_name, Contact.last_name, Contact.email, Account.id)
        .join(Account, Account.id == Contact.account_id)
        .where(Contact.deleted_at.is_(None), Contact.email.is_not(None))
        .order_by(Contact.last_name, Contact.first_name)
    ).all()
    domains = session.execute(
        select(Account.id, Account.email_domains).where(Account.deleted_at.is_(None))
    ).all()
    titles = dict(session.execute(select(Opportunity.id, Opportunity.title)).all())
    open_opps = load_open_opportunities(session)
    people = [Person(f"{c[1]} {c[2]}", c[3] or "") for c in contacts]
    several = [p for p, c in zip(people, contacts, strict=True) if len(open_opps.get(c[0], [])) > 1]
    produced = 0

    def when(days_back: float) -> dt.datetime:
        return end - dt.timedelta(days=days_back, minutes=rng.randrange(0, 600))

    def emit(msg: Draft) -> bytes:
        nonlocal produced
        produced += 1
        return msg.raw

    while produced < count:
        roll = rng.random()
        start = rng.uniform(3, 120)
        if roll < 0.62 and people:  # a conversation with a contact: 1-5 messages
            index = rng.randrange(len(people))
            them = people[index]
            opp_ids = open_opps.get(contacts[index][0], [])
            title = titles.get(opp_ids[0], "notre projet") if opp_ids else "notre projet"
            subject = rng.choice(SUBJECTS).format(title=title)
            outgoing = rng.random() < 0.5
            attach = (f"{title}.pdf", _pdf(title)) if rng.random() < 0.12 else None
            sender, to = (me, [them]) if outgoing else (them, [me])
            body = rng.choice(BODIES).format(first=them.first, me=me.name, them=them.name)
            msg = _message(rng, sender, to, subject, body, when(start), attachment=attach)
            yield emit(msg)
            for step in range(rng.randrange(0, 5)):
                sender, to = to[0], [sender]
                reply_body = rng.choice(BODIES).format(
                    first=to[0].first, me=me.name, them=them.name
                )
                quoted = msg.body.splitlines()[:4]
                reply_body += "\n\n> " + "\n> ".join(quoted)
                msg = _message(
                    rng,
                    sender,
                    to,
                    subject,
                    reply_body,
                    when(max(start - 1.5 * (step + 1), 0.1)),
                    parent=msg,
                    drop_references=rng.random() < 0.2,
                )
                yield emit(msg)
        elif roll < 0.70 and several:  # a contact with several open deals: which one?
            them = rng.choice(several)
            body = BODIES[3].format(first=them.first, me=me.name, them=them.name)
            yield emit(_message(rng, them, [me], rng.choice(SUBJECTS[3:]), body, when(start)))
        elif roll < 0.82 and domains:  # a colleague of our contacts, not yet a contact
            account_id, account_domains = rng.choice(domains)
            if not account_domains:
                continue
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            local = unicodedata.normalize("NFKD", f"{first}.{last}".lower())
            address = "".join(c for c in local if c.isascii()) + "@" + account_domains[0]
            them = Person(f"{first} {last}", address)
            body = BODIES[2].format(first=them.first, me=me.name, them=them.name)
            yield emit(_message(rng, them, [me], rng.choice(SUBJECTS), body, when(start)))
        elif roll < 0.93:  # newsletters and notifications
            name, address, subject = rng.choice(NEWSLETTERS)
            body = f"{subject}\n\nRetrouvez notre sélection de la semaine.\n\n{name}"
            yield emit(_message(rng, Person(name, address), [me], subject, body, when(start)))
        else:  # private mail in the work mailbox
            name, address = rng.choice(PRIVATE)
            body = "Salut,\n\nOn se voit samedi ? Dis-moi ce qui t'arrange.\n\nÀ bientôt"
            them = Person(name, address)
            yield emit(_message(rng, them, [me], "Samedi", body, when(start)))


def import_demo_mail(
    db: Database, *, seed: int = 42, today: dt.date | None = None, count: int = 400
) -> ImportSummary:
    """Import the demo mailbox into a demo database (no outbox: demo data is not a change)."""
    with db.read() as session:
        raws = list(messages(session, seed=seed, today=today, count=count))
    items = (SourceItem(f"demo.mbox#{n}", raw, "rfc822", None) for n, raw in enumerate(raws, 1))
    return MailImporter(db, record_outbox=False).run(items)
