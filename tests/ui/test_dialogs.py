"""The record dialogs on their own: pre-filled values, errors next to fields, what OK hands over.

Values come from the demo database through the same loaders RecordActions uses; the last test
renders every dialog to /tmp/dialog_*.png so that a person can look at them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from kamdesk.models import Account, Contact, Interaction, Site
from kamdesk.services import accounts, contacts, interactions, sites
from kamdesk.services.errors import FieldError, ValidationError
from kamdesk.ui.dialogs import AccountDialog, ContactDialog, InteractionDialog, SiteDialog, choices
from kamdesk.ui.messages import field_error_text

USERS = [("u1", "Claire Dubois"), ("u2", "Marc Lefèvre")]
PEOPLE = [("c1", "Anne Martin — Directrice achats"), ("c2", "Bruno Petit — DSI")]


def first_id(ctx, model: type, *where: Any) -> str:
    with ctx.db.read() as session:
        return session.scalar(
            select(model.id).where(model.deleted_at.is_(None), *where).order_by(model.id)
        )


def show(qtbot, dlg):
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def click_ok(qtbot, dlg) -> None:
    qtbot.mouseClick(
        dlg.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )


# -- pre-filling -------------------------------------------------------------------------------
def test_contact_dialog_shows_the_contact_as_stored(qtbot, ctx) -> None:
    contact_id = first_id(ctx, Contact, Contact.reports_to_id.is_not(None))
    with ctx.db.read() as session:
        values = contacts.contact_values(session, contact_id)
        people = [
            (c.id, c.name) for c in choices.load_contacts(session, values["account_id"], contact_id)
        ]
        users = choices.load_users(session)
    dlg = show(qtbot, ContactDialog(values, users=users, contacts=people))

    assert dlg.editor("first_name").text() == values["first_name"]
    assert dlg.editor("last_name").text() == values["last_name"]
    assert dlg.editor("job_title").text() == (values["job_title"] or "")
    assert dlg.editor("reports_to_id").currentData() == values["reports_to_id"]
    assert dlg.editor("stance").currentData() == values["stance"]
    assert dlg.editor("influence").value() == values["influence"]
    assert dlg.windowTitle().startswith("Edit contact")
    assert contact_id not in [cid for cid, _ in people]  # nobody reports to themself


def test_account_dialog_shows_amounts_dates_and_domains(qtbot) -> None:
    values = {
        "name": "Renault",
        "tier": "large_account",
        "email_domains": ["renault.com", "renault.fr"],
        "potential_revenue_cents": 15_000_050,
        "renewal_date": dt.date(2027, 3, 31),
        "growth_potential": None,
        "strategic_reference": 2,
        "owner_id": "u2",
    }
    dlg = show(qtbot, AccountDialog(values, users=USERS))

    assert dlg.editor("email_domains").text() == "renault.com, renault.fr"
    assert dlg.editor("renewal_date").value() == "31/03/2027"
    assert dlg.editor("tier").currentText() == "Large account"
    assert dlg.editor("owner_id").currentText() == "Marc Lefèvre"
    assert dlg.editor("growth_potential").text() == "not assessed"
    assert dlg.editor("strategic_reference").value() == 2
    # What is shown reads back as the same values: an untouched dialog changes nothing.
    dlg.accept()
    assert dlg.submitted_values["potential_revenue_cents"] == 15_000_050
    assert dlg.submitted_values["renewal_date"] == dt.date(2027, 3, 31)
    assert dlg.submitted_values["email_domains"] == ["renault.com", "renault.fr"]
    assert dlg.submitted_values["growth_potential"] is None


def test_a_reference_no_longer_offered_is_kept(qtbot) -> None:
    dlg = show(qtbot, ContactDialog({"first_name": "A", "last_name": "B", "reports_to_id": "gone"}))

    assert dlg.editor("reports_to_id").value() == "gone"
    assert dlg.editor("reports_to_id").currentText() == "(no longer available)"


def test_interaction_dialog_keeps_the_exact_time_when_untouched(qtbot) -> None:
    when = dt.datetime(2026, 11, 20, 13, 30, 17, 250, tzinfo=dt.UTC)
    values = {"kind": "meeting", "occurred_at": when, "subject": "QBR", "contact_ids": ["c2"]}
    dlg = show(qtbot, InteractionDialog(values, contacts=PEOPLE))

    assert dlg.values()["occurred_at"] == when
    assert dlg.values()["contact_ids"] == ["c2"]
    dlg.editor("occurred_at").setDateTime(dlg.editor("occurred_at").dateTime().addSecs(3600))
    assert dlg.values()["occurred_at"] == when.replace(second=0, microsecond=0) + dt.timedelta(
        hours=1
    )


# -- validation --------------------------------------------------------------------------------
def test_every_mistake_shows_next_to_its_field_at_once(qtbot) -> None:
    submitted = []
    dlg = show(qtbot, ContactDialog(None, is_new=True, on_submit=submitted.append))
    qtbot.keyClicks(dlg.editor("last_name"), "Martin")
    qtbot.keyClicks(dlg.editor("email"), "anne.martin@")
    qtbot.keyClicks(dlg.editor("left_at").edit, "2026-02-30")

    click_ok(qtbot, dlg)

    shown = {n for n in dlg.field_names() if dlg.error_label(n).isVisible()}
    assert shown == {"first_name", "email", "left_at"}
    assert dlg.error_label("first_name").text() == "This field is required."
    assert dlg.focusWidget() is dlg.editor("first_name")  # the first one in the form
    assert submitted == [] and dlg.isVisible()

    qtbot.keyClicks(dlg.editor("first_name"), "Anne")
    dlg.editor("email").setText("anne.martin@renault.com")
    dlg.editor("left_at").set_value(None)
    click_ok(qtbot, dlg)

    assert not any(dlg.error_label(n).isVisible() for n in dlg.field_names())
    assert submitted[0]["first_name"] == "Anne" and submitted[0]["left_at"] is None
    assert dlg.busy and dlg.isVisible()  # waiting for the caller's save


def test_a_refused_save_keeps_the_dialog_open_with_what_was_typed(qtbot) -> None:
    dlg = show(qtbot, AccountDialog(None, is_new=True, on_submit=lambda values: None))
    qtbot.keyClicks(dlg.editor("name"), "Dacia")
    click_ok(qtbot, dlg)
    assert dlg.busy

    dlg.reject()  # Escape while saving is ignored: nothing half-done
    assert dlg.isVisible()

    refused = ValidationError(
        [
            FieldError("parent_id", "cycle", "cycle"),
            FieldError("owner_id", "unknown_record", "no such user"),
            FieldError("custom", "whatever", "something else went wrong"),
        ]
    )
    assert dlg.handle_error(refused)

    assert not dlg.busy and dlg.isVisible()
    assert dlg.error_label("parent_id").text() == (
        "This would make the group a subsidiary of its own subsidiary."
    )
    assert dlg.error_label("owner_id").isVisible()
    assert dlg.general_error_label.text() == "something else went wrong"
    assert dlg.editor("name").text() == "Dacia"

    dlg.finish()
    assert not dlg.isVisible()


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (FieldError("name", "required", ""), "This field is required."),
        (FieldError("name", "too_long", "", {"limit": 200}), "At most 200 character(s)."),
        (
            FieldError("siren", "invalid_digits", "", {"lengths": (9, 14)}),
            "Expected 9 or 14 digits.",
        ),
        (
            FieldError("influence", "out_of_range", "", {"minimum": 1, "maximum": 5}),
            "Must be between 1 and 5.",
        ),
        (
            FieldError("d", "invalid_domain", "", {"domain": "renault"}),
            "“renault” is not a mail domain (e.g. renault.fr).",
        ),
        (
            FieldError("reports_to_id", "cycle", "", {"path": "A → B → A"}),
            "This would create a reporting cycle: A → B → A.",
        ),
        (
            FieldError("parent_id", "has_subsidiaries", "", {"count": 3}),
            "This group still has 3 subsidiary(ies): move or delete them first.",
        ),
        (FieldError("x", "brand_new_code", "the English message"), "the English message"),
    ],
)
def test_field_error_sentences(qapp, error: FieldError, expected: str) -> None:
    assert field_error_text(error) == expected


def test_every_code_the_services_use_has_a_sentence(qapp) -> None:
    codes = [
        *("required", "too_long", "invalid_url", "invalid_digits", "invalid_email"),
        *("invalid_number", "out_of_range", "invalid_amount", "negative_amount"),
        *("invalid_date", "invalid_datetime", "invalid_choice", "invalid_bool"),
        *("invalid_domain", "unknown_field", "unknown_record", "self_parent", "cycle"),
        *("other_account", "has_subsidiaries"),
    ]
    for code in codes:
        text = field_error_text(FieldError("name", code, "FALLBACK"))
        assert text and text != "FALLBACK", code


# -- screenshots -------------------------------------------------------------------------------
def test_render_dialogs_with_demo_values(qtbot, ctx) -> None:
    """Writes /tmp/dialog_{account,contact,contact_errors,site,interaction}.png to look at."""
    with ctx.db.read() as session:
        contact_id = first_id(ctx, Contact, Contact.reports_to_id.is_not(None))
        contact = contacts.contact_values(session, contact_id)
        account_id = contact["account_id"]
        account = accounts.account_values(session, account_id)
        account_choices = {
            "users": choices.load_users(session),
            "accounts": choices.load_accounts(session, account_id),
        }
        people = [(c.id, c.name) for c in choices.load_contacts(session, account_id)]
        contact_choices = {
            "users": choices.load_users(session),
            "sites": choices.load_sites(session, account_id),
            "contacts": [(c, n) for c, n in people if c != contact_id],
        }
        site_id = first_id(ctx, Site)
        site = sites.site_values(session, site_id) if site_id else {"name": "Technocentre"}
        interaction_id = first_id(ctx, Interaction, Interaction.kind == "meeting")
        interaction = interactions.interaction_values(session, interaction_id)
        meeting_people = [
            (c.id, c.name) for c in choices.load_contacts(session, interaction["account_id"])
        ]
        assert session.get(Account, account_id) is not None

    shots = {
        "account": AccountDialog(account, **account_choices),
        "contact": ContactDialog(contact, **contact_choices),
        "site": SiteDialog(site),
        "interaction": InteractionDialog(interaction, contacts=meeting_people),
    }
    for name, dlg in shots.items():
        show(qtbot, dlg)
        qtbot.wait(20)
        assert dlg.grab().save(f"/tmp/dialog_{name}.png")

    dlg = shots["contact"]
    dlg.editor("email").setText("anne.martin@")
    dlg.editor("left_at").edit.setText("31/02/2026")
    click_ok(qtbot, dlg)  # the typing mistakes, found before any saving
    name = f"{contact['first_name']} {contact['last_name']}"
    path = f"{name} → {people[0][1]} → {name}"
    dlg.show_errors([FieldError("reports_to_id", "cycle", "", {"path": path})])  # as if refused
    qtbot.wait(20)
    assert dlg.grab().save("/tmp/dialog_contact_errors.png")
