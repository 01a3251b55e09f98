"""The figures a KAM reads in the header and the list: share of revenue, last contact."""

from __future__ import annotations

import datetime as dt

from kamdesk.models import Invoice
from kamdesk.services.account_view import load_contacts, load_header
from kamdesk.services.accounts import create_account, delete_account, list_accounts
from kamdesk.services.contacts import create_contact
from kamdesk.services.interactions import create_interaction

TODAY = dt.date.today()


def write(db, fn):  # noqa: ANN001
    with db.unit_of_work() as uow:
        result = fn(uow)
        uow.commit()
    return result


def invoice(db, account_id: str, euros: int) -> None:  # noqa: ANN001
    write(
        db,
        lambda u: u.session.add(
            Invoice(
                account_id=account_id,
                number=f"F-{euros}",
                issued_on=TODAY,
                amount_cents=euros * 100,
            )
        ),
    )


def test_share_of_revenue_ignores_deleted_accounts(db) -> None:
    big = write(db, lambda u: create_account(u, {"name": "Septalys"}))
    small = write(db, lambda u: create_account(u, {"name": "Maison Fervanne"}))
    invoice(db, big, 300_000)
    invoice(db, small, 100_000)
    with db.read() as s:
        assert load_header(s, big, TODAY).revenue_share == 0.75
    write(db, lambda u: delete_account(u, small))
    with db.read() as s:
        header = load_header(s, big, TODAY)
    assert header.total_revenue_year_cents == 300_000 * 100
    assert header.revenue_share == 1.0


def test_last_contact_counts_calls_meetings_and_emails_already_held(db) -> None:
    account = write(db, lambda u: create_account(u, {"name": "Ostrélia Télécom"}))
    anne = write(
        db, lambda u: create_contact(u, account, {"first_name": "Anne", "last_name": "Henry"})
    )
    now = dt.datetime.now(dt.UTC)

    def log(kind: str, when: dt.datetime) -> None:
        values = {"kind": kind, "occurred_at": when, "subject": kind}
        write(db, lambda u: create_interaction(u, account, values, [anne]))

    log("call", now - dt.timedelta(days=40))
    log("note", now - dt.timedelta(days=2))  # internal: not a contact with the customer
    log("invoice", now - dt.timedelta(days=1))
    log("meeting", now + dt.timedelta(days=7))  # planned, not held yet
    with db.read() as s:
        header = load_header(s, account, TODAY)
        row = next(r for r in list_accounts(s) if r.id == account)
        contact = load_contacts(s, account)[0]
    expected = (now - dt.timedelta(days=40)).replace(microsecond=0)
    for value in (header.last_contact_at, row.last_contact_at, contact.last_contact_at):
        assert value is not None and value.replace(microsecond=0) == expected
