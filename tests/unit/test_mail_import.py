"""Mail import and linking on real message files: every rule, duplicates, threads, bad input,
the review actions and what they do to the timeline and last-contact dates."""

from __future__ import annotations

import datetime as dt
import json
import mailbox
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kamdesk.cli import main
from kamdesk.db import Database
from kamdesk.mail import reads, review, store
from kamdesk.mail.importer import MailImporter
from kamdesk.mail.sources import iter_sources
from kamdesk.models import (
    Account,
    Attachment,
    Contact,
    Email,
    IgnoredSender,
    Interaction,
    InteractionContact,
    Opportunity,
    OpportunityContact,
    OutboxEntry,
    Pipeline,
    Stage,
    User,
)
from kamdesk.services.account_view import load_timeline
from kamdesk.services.accounts import list_accounts
from kamdesk.services.search import EMAIL, search

BASE = dt.datetime(2026, 10, 5, 9, 0, tzinfo=dt.UTC)


@dataclass
class World:
    renault: str
    michelin: str
    alice: str  # one open opportunity
    bob: str  # two open opportunities
    carol: str  # none
    opp_a: str
    opp_b1: str
    opp_b2: str
    me: str


@pytest.fixture
def world(db: Database) -> World:
    with db.unit_of_work() as uow:
        s = uow.session
        me = User(name="Claire Vasseur", email="claire@kamdesk-demo.fr")
        renault = Account(name="Renault", email_domains=["renault.com"])
        michelin = Account(name="Michelin", email_domains=["michelin.com", "gmail.com"])
        s.add_all([me, renault, michelin])
        s.flush()
        pipeline = Pipeline(name="Ventes")
        s.add(pipeline)
        s.flush()
        stage = Stage(pipeline_id=pipeline.id, name="Proposition", probability=50)
        s.add(stage)
        s.flush()
        people = {}
        for key, first, account in (
            ("alice", "Alice", renault),
            ("bob", "Bob", renault),
            ("carol", "Carol", renault),
        ):
            contact = Contact(
                account_id=account.id,
                first_name=first,
                last_name="Durand",
                email=f"{key}@renault.com",
                other_emails=[f"{key}.perso@renault.com"],
            )
            s.add(contact)
            people[key] = contact
        s.flush()
        opps = {}
        for key, title in (("a", "Flotte 2027"), ("b1", "Maintenance"), ("b2", "Formation")):
            opp = Opportunity(
                account_id=renault.id, title=title, pipeline_id=pipeline.id, stage_id=stage.id
            )
            s.add(opp)
            opps[key] = opp
        s.flush()
        s.add(OpportunityContact(opportunity_id=opps["a"].id, contact_id=people["alice"].id))
        s.add(OpportunityContact(opportunity_id=opps["b1"].id, contact_id=people["bob"].id))
        opps["b2"].champion_id = people["bob"].id
        uow.commit()
        return World(
            renault.id,
            michelin.id,
            people["alice"].id,
            people["bob"].id,
            people["carol"].id,
            opps["a"].id,
            opps["b1"].id,
            opps["b2"].id,
            me.id,
        )


def message(
    sender: str,
    to: str,
    subject: str = "Point projet",
    *,
    minutes: int = 0,
    msgid: str | None = None,
    reply_to: EmailMessage | None = None,
    references: bool = True,
    attachment: bytes | None = None,
    body: str = "Bonjour,\n\nVoici le compte rendu.\n\nCordialement",
) -> EmailMessage:
    msg = EmailMessage(policy=SMTP)
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(BASE + dt.timedelta(minutes=minutes))
    msg["Message-ID"] = f"<{msgid or f'm{minutes}'}@test.example>"
    if reply_to is not None:
        msg["In-Reply-To"] = reply_to["Message-ID"]
        if references:
            refs = str(reply_to.get("References", "")).split()
            msg["References"] = " ".join([*refs, str(reply_to["Message-ID"])])
    msg.set_content(body)
    if attachment is not None:
        msg.add_attachment(attachment, maintype="application", subtype="pdf", filename="offre.pdf")
    return msg


def write_eml(folder: Path, name: str, msg: EmailMessage) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(msg.as_bytes(policy=SMTP))
    return path


def run_import(db: Database, *paths: Path) -> dict:
    return MailImporter(db).run(iter_sources(list(paths))).to_json()


def email_by_mid(db: Database, mid: str) -> Email:
    with db.read() as session:
        full = mid if "@" in mid else f"{mid}@test.example"
        email = session.scalar(select(Email).where(Email.message_id == full))
        assert email is not None, mid
        session.expunge(email)
        return email


# -- the rules --------------------------------------------------------------------------------


def test_each_rule_decides_and_is_recorded(db: Database, world: World, tmp_path: Path) -> None:
    me = "Claire Vasseur <claire@kamdesk-demo.fr>"
    msgs = {
        "alice": message("Alice Durand <alice@renault.com>", me, msgid="alice", minutes=1),
        "bob": message("bob@renault.com", me, msgid="bob", minutes=2),
        "carol": message(me, "Carol <CAROL.PERSO@renault.com>", msgid="carol", minutes=3),
        "stranger": message("Zoé Martin <zoe.martin@renault.com>", me, msgid="zoe", minutes=4),
        "gmail": message("someone@gmail.com", me, msgid="gmail", minutes=5),
        "news": message("news@lettre.example", me, msgid="news", minutes=6),
    }
    for name, msg in msgs.items():
        write_eml(tmp_path / "in", f"{name}.eml", msg)

    summary = run_import(db, tmp_path / "in")

    assert summary["imported"] == 6 and summary["duplicates"] == 0 and summary["errors"] == []
    alice = email_by_mid(db, "alice")
    assert (alice.link_state, alice.link_rule) == ("linked", "contact_opportunity")
    assert (alice.account_id, alice.contact_id, alice.opportunity_id) == (
        world.renault,
        world.alice,
        world.opp_a,
    )
    assert alice.direction == "in"
    bob = email_by_mid(db, "bob")  # two open opportunities: a person chooses
    assert (bob.link_state, bob.link_rule) == ("queued", "contact_address")
    assert (bob.account_id, bob.contact_id, bob.opportunity_id) == (world.renault, world.bob, None)
    assert sorted(bob.suggestions["opportunities"]) == sorted([world.opp_b1, world.opp_b2])
    carol = email_by_mid(db, "carol")  # outgoing, to another address of hers, any case
    assert (carol.link_state, carol.link_rule, carol.direction) == (
        "linked",
        "contact_address",
        "out",
    )
    assert (carol.contact_id, carol.opportunity_id) == (world.carol, None)
    zoe = email_by_mid(db, "zoe")
    assert (zoe.link_state, zoe.link_rule, zoe.account_id, zoe.contact_id) == (
        "linked",
        "sender_domain",
        world.renault,
        None,
    )
    assert zoe.suggestions["create_contact"] == {
        "address": "zoe.martin@renault.com",
        "name": "Zoé Martin",
    }
    # A public domain never matches, even one an account lists by mistake.
    gmail = email_by_mid(db, "gmail")
    assert (gmail.link_state, gmail.account_id) == ("queued", None)
    assert email_by_mid(db, "news").link_state == "queued"
    assert summary["linked"] == 3 and summary["queued"] == 3
    assert summary["by_rule"] == {
        "contact_address": 2,
        "contact_opportunity": 1,
        "sender_domain": 1,
    }


def test_a_reply_follows_its_thread_even_without_references(
    db: Database, world: World, tmp_path: Path
) -> None:
    me = "claire@kamdesk-demo.fr"
    first = message("alice@renault.com", me, msgid="t1", minutes=1)
    # A colleague unknown to kamdesk answers from a private address: only the thread links it.
    reply = message("someone@gmail.com", me, msgid="t2", minutes=2, reply_to=first)
    # Outlook-style: In-Reply-To only, and imported in a later run.
    late = message(
        "x@elsewhere.example", me, msgid="t3", minutes=3, reply_to=reply, references=False
    )
    write_eml(tmp_path / "a", "1.eml", first)
    write_eml(tmp_path / "a", "2.eml", reply)
    write_eml(tmp_path / "b", "3.eml", late)
    run_import(db, tmp_path / "a")
    run_import(db, tmp_path / "b")
    one, two, three = (email_by_mid(db, m) for m in ("t1", "t2", "t3"))
    assert one.thread_id == two.thread_id == three.thread_id
    for email in (two, three):
        assert (email.link_state, email.link_rule) == ("linked", "thread")
        assert (email.account_id, email.opportunity_id) == (world.renault, world.opp_a)


def test_duplicates_by_message_id_or_bytes_are_stored_once(
    db: Database, world: World, tmp_path: Path
) -> None:
    msg = message("alice@renault.com", "claire@kamdesk-demo.fr", msgid="dup")
    write_eml(tmp_path, "a.eml", msg)
    write_eml(tmp_path, "copy.eml", msg)  # same bytes, other file
    box = mailbox.mbox(tmp_path / "box.mbox")
    box.add(msg)  # same Message-ID through an mbox
    box.flush()
    no_id = message("carol@renault.com", "claire@kamdesk-demo.fr", msgid="x")
    del no_id["Message-ID"]
    write_eml(tmp_path, "noid1.eml", no_id)
    write_eml(tmp_path, "noid2.eml", no_id)

    summary = run_import(db, tmp_path)
    assert (summary["imported"], summary["duplicates"]) == (2, 3)
    again = run_import(db, tmp_path)
    assert (again["imported"], again["duplicates"]) == (0, 5)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Email)) == 2
        assert session.scalar(select(func.count()).select_from(Interaction)) == 2


def test_the_original_is_kept_losslessly_and_attachments_as_blobs(
    db: Database, world: World, tmp_path: Path
) -> None:
    pdf = b"%PDF-1.4\n" + bytes(range(256)) * 40
    msg = message("alice@renault.com", "claire@kamdesk-demo.fr", msgid="att", attachment=pdf)
    path = write_eml(tmp_path, "att.eml", msg)
    run_import(db, path)
    email = email_by_mid(db, "att")
    with db.read() as session:
        assert store.get(session, email.raw_sha256) == path.read_bytes()
        attachment = session.scalar(select(Attachment).where(Attachment.email_id == email.id))
        assert attachment is not None
        assert (attachment.filename, attachment.size) == ("offre.pdf", len(pdf))
        assert attachment.account_id == world.renault
        assert attachment.interaction_id is not None
        digest = attachment.sha256
        detail = reads.email_detail(session, email.id)
    blob = db.blob_dir / digest[:2] / digest
    assert blob.read_bytes() == pdf
    assert [a.filename for a in detail.attachments] == ["offre.pdf"]
    assert detail.account is not None and detail.account.name == "Renault"
    assert "compte rendu" in detail.text


def test_linked_mail_is_on_the_timeline_and_counts_for_last_contact(
    db: Database, world: World, tmp_path: Path
) -> None:
    msg = message("alice@renault.com", "claire@kamdesk-demo.fr", msgid="tl", subject="Devis flotte")
    run_import(db, write_eml(tmp_path, "tl.eml", msg))
    with db.read() as session:
        rows, total = load_timeline(session, world.renault)
        assert total == 1 and rows[0].kind == "email" and rows[0].subject == "Devis flotte"
        assert rows[0].contacts == "Alice Durand"
        interaction = session.scalar(select(Interaction))
        assert interaction is not None and interaction.opportunity_id == world.opp_a
        renault = next(r for r in list_accounts(session) if r.id == world.renault)
        assert renault.last_contact_at == BASE
        participants = session.scalars(select(InteractionContact.contact_id)).all()
        assert participants == [world.alice]


def test_bad_input_is_reported_and_never_stops_the_import(
    db: Database, world: World, tmp_path: Path
) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (folder / "nodate.eml").write_bytes(
        b"From: alice@renault.com\r\nTo: claire@kamdesk-demo.fr\r\n"
        b"Subject: =?utf-8?q?Sans_date_=E2=80=94_ok?=\r\n\r\nCorps\r\n"
    )
    (folder / "charset.eml").write_bytes(
        b"From: =?x-unknown?q?Bob?= <bob@renault.com>\r\nDate: not a date\r\n"
        b"Subject: caf\xe9\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nd\xe9j\xe0 vu\r\n"
    )
    write_eml(folder, "good.eml", message("alice@renault.com", "claire@kamdesk-demo.fr"))

    summary = run_import(db, folder)

    assert summary["imported"] == 3
    assert [e["file"] for e in summary["errors"]] == [str(folder / "photo.png")]
    kept = {Path(p["file"]).name for p in summary["kept_with_errors"]}
    assert {"nodate.eml", "charset.eml"} <= kept
    with db.read() as session:
        nodate = session.scalar(select(Email).where(Email.source.like("%nodate.eml")))
        assert nodate is not None and nodate.sent_at is None and nodate.parse_error
        assert nodate.subject == "Sans date — ok"
        broken = session.scalar(select(Email).where(Email.source.like("%charset.eml")))
        assert broken is not None and "vu" in (broken.text or "") and broken.parse_error


# -- review actions ---------------------------------------------------------------------------


def test_review_link_whole_thread_then_unlink_keeps_timeline_in_step(
    db: Database, world: World, tmp_path: Path
) -> None:
    me = "claire@kamdesk-demo.fr"
    first = message("x@unknown.example", me, msgid="q1", minutes=1)
    reply = message(me, "x@unknown.example", msgid="q2", minutes=2, reply_to=first)
    write_eml(tmp_path, "1.eml", first)
    write_eml(tmp_path, "2.eml", reply)
    run_import(db, tmp_path)
    q1 = email_by_mid(db, "q1")
    with db.read() as session:
        assert {r.message.id for r in reads.queue(session)} == {q1.id, email_by_mid(db, "q2").id}

    with db.unit_of_work() as uow:
        before = review.snapshot(uow, review.thread_email_ids(uow, q1.id))
        changed = review.link(
            uow, q1.id, account_id=world.michelin, opportunity_id=None, whole_thread=True
        )
        uow.commit()
    assert len(changed) == 2
    with db.read() as session:
        assert reads.queue_count(session) == 0
        rows, total = load_timeline(session, world.michelin)
        assert total == 2
        threads = reads.threads(session, account_id=world.michelin)
        assert [(t.count, t.subject) for t in threads] == [(2, "Point projet")]
        assert threads[0].latest_direction == "out"

    with db.unit_of_work() as uow:  # undo
        review.restore(uow, before)
        uow.commit()
    with db.read() as session:
        assert reads.queue_count(session) == 2
        assert load_timeline(session, world.michelin)[1] == 0
        outbox = session.scalars(select(OutboxEntry.table_name)).all()
        assert "interactions" in outbox  # the change will sync


def test_link_refuses_a_contact_of_another_account(
    db: Database, world: World, tmp_path: Path
) -> None:
    run_import(
        db,
        write_eml(
            tmp_path, "1.eml", message("x@unknown.example", "claire@kamdesk-demo.fr", msgid="r")
        ),
    )
    email = email_by_mid(db, "r")
    from kamdesk.services.errors import ServiceError

    with db.unit_of_work() as uow, pytest.raises(ServiceError, match="another account"):
        review.link(uow, email.id, account_id=world.michelin, contact_id=world.alice)


def test_ignore_sender_empties_its_queue_and_applies_to_new_mail(
    db: Database, world: World, tmp_path: Path
) -> None:
    news = "news@lettre.example"
    write_eml(tmp_path / "a", "1.eml", message(news, "claire@kamdesk-demo.fr", msgid="n1"))
    run_import(db, tmp_path / "a")
    with db.unit_of_work() as uow:
        ids = review.ignore_sender(uow, "News@Lettre.example")
        uow.commit()
    assert ids == [email_by_mid(db, "n1").id]
    write_eml(
        tmp_path / "b", "2.eml", message(news, "claire@kamdesk-demo.fr", msgid="n2", minutes=9)
    )
    summary = run_import(db, tmp_path / "b")
    assert summary["ignored"] == 1 and summary["queued"] == 0
    with db.read() as session:
        assert reads.queue_count(session) == 0
        assert session.scalar(select(IgnoredSender.address)) == news


def test_create_contact_from_sender_links_that_senders_mail(
    db: Database, world: World, tmp_path: Path
) -> None:
    me = "claire@kamdesk-demo.fr"
    write_eml(tmp_path, "1.eml", message("Zoé Martin <zoe@renault.com>", me, msgid="z1", minutes=1))
    write_eml(tmp_path, "2.eml", message("zoe@renault.com", me, msgid="z2", minutes=2))
    run_import(db, tmp_path)
    z1 = email_by_mid(db, "z1")
    with db.read() as session:
        offer = reads.email_detail(session, z1.id, with_raw=False).create_contact
    assert offer == {"address": "zoe@renault.com", "name": "Zoé Martin"}
    with db.unit_of_work() as uow:
        contact_id, changed = review.create_contact_from_sender(
            uow, z1.id, world.renault, {"first_name": "Zoé", "last_name": "Martin"}
        )
        uow.commit()
    assert len(changed) == 2
    with db.read() as session:
        contact = session.get(Contact, contact_id)
        assert contact is not None and contact.email == "zoe@renault.com"
        for mid in ("z1", "z2"):
            email = session.scalar(select(Email).where(Email.message_id == f"{mid}@test.example"))
            assert email is not None and email.contact_id == contact_id
            assert email.link_rule == "manual" and not email.suggestions
        names = session.scalars(select(InteractionContact.contact_id)).all()
        assert names.count(contact_id) == 2


def test_reapplying_the_rules_files_mail_from_a_sender_added_since(
    db: Database, world: World, tmp_path: Path
) -> None:
    me = "claire@kamdesk-demo.fr"
    write_eml(tmp_path, "1.eml", message("paul@newco.example", me, msgid="p1", minutes=1))
    write_eml(tmp_path, "2.eml", message("news@lettre.example", me, msgid="p2", minutes=2))
    run_import(db, tmp_path)
    with db.unit_of_work() as uow:
        uow.session.add(
            Contact(
                account_id=world.michelin,
                first_name="Paul",
                last_name="N",
                email="paul@newco.example",
            )
        )
        uow.commit()
    with db.unit_of_work() as uow:
        linked = review.reapply_rules(uow)
        uow.commit()
    assert linked == [email_by_mid(db, "p1").id]
    paul = email_by_mid(db, "p1")
    assert (paul.link_state, paul.link_rule, paul.account_id) == (
        "linked",
        "contact_address",
        world.michelin,
    )
    assert email_by_mid(db, "p2").link_state == "queued"
    with db.read() as session:
        assert load_timeline(session, world.michelin)[1] == 1


# -- search and the CLI -----------------------------------------------------------------------


def test_emails_are_found_by_global_search_linked_or_not(
    db: Database, world: World, tmp_path: Path
) -> None:
    me = "claire@kamdesk-demo.fr"
    write_eml(
        tmp_path, "1.eml", message("alice@renault.com", me, msgid="s1", subject="Éolienne offshore")
    )
    write_eml(
        tmp_path,
        "2.eml",
        message("x@unknown.example", me, msgid="s2", subject="Eolienne terrestre"),
    )
    run_import(db, tmp_path)
    with db.engine.connect() as conn:
        results = search(conn, "eolienne")
    hits = results.group(EMAIL).hits
    assert {h.title for h in hits} == {"Éolienne offshore", "Eolienne terrestre"}
    linked = next(h for h in hits if h.title == "Éolienne offshore")
    assert linked.account_id == world.renault and linked.account_name == "Renault"
    assert next(h for h in hits if h.account_id == "").account_name is None
    assert results.group("activity").hits == ()  # the timeline copy is not a second hit


def test_cli_mail_import_json(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Database.open(db_path, create=True).close()
    folder = tmp_path / "mail"
    write_eml(folder, "1.eml", message("a@b.example", "c@d.example", msgid="c1"))
    (folder / "junk.txt").write_bytes(b"\x00\x01\x02 not mail")
    assert main(["--db", str(db_path), "mail", "import", str(folder), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"imported", "duplicates", "linked", "queued", "errors"} <= set(data)
    assert data["imported"] == 1 and data["queued"] == 1
    assert data["errors"][0]["file"].endswith("junk.txt") and data["errors"][0]["reason"]
    assert main(["--db", str(db_path), "mail", "stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["by_state"] == {"queued": 1}
    assert main(["--db", str(db_path), "mail", "import", str(tmp_path / "nope")]) == 1


def test_a_large_source_is_parsed_in_a_worker_process_with_the_same_result(
    db: Database, world: World, tmp_path: Path
) -> None:
    box = mailbox.mbox(tmp_path / "big.mbox")
    first = message("alice@renault.com", "claire@kamdesk-demo.fr", msgid="w0")
    box.add(first)
    for n in range(1, 12):
        box.add(message("x@unknown.example", "claire@kamdesk-demo.fr", msgid=f"w{n}", minutes=n))
    box.add(message("bob@renault.com", "claire@kamdesk-demo.fr", msgid="w99", reply_to=first))
    box.flush()
    batches: list[int] = []
    importer = MailImporter(db, batch_size=5, parse_processes=1)
    summary = importer.run(
        iter_sources([tmp_path / "big.mbox"]), progress=lambda s: batches.append(s.seen)
    )
    assert (summary.imported, summary.errors) == (13, [])
    assert batches == [5, 10, 13]  # in order, batch after batch
    reply = email_by_mid(db, "w99")
    assert (reply.link_rule, reply.opportunity_id) == ("thread", world.opp_a)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Email)) == 13


def test_cancel_stops_between_batches_and_keeps_what_was_written(
    db: Database, world: World, tmp_path: Path
) -> None:
    box = mailbox.mbox(tmp_path / "big.mbox")
    for n in range(30):
        box.add(message("x@unknown.example", "claire@kamdesk-demo.fr", msgid=f"c{n}", minutes=n))
    box.flush()
    written: list[int] = []
    summary = MailImporter(db, batch_size=10, parse_processes=0).run(
        iter_sources([tmp_path / "big.mbox"]),
        progress=lambda s: written.append(s.imported),
        cancelled=lambda: bool(written),
    )
    assert summary.cancelled and summary.imported == 10
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Email)) == 10
    rest = MailImporter(db).run(iter_sources([tmp_path / "big.mbox"]))
    assert (rest.imported, rest.duplicates) == (20, 10)
