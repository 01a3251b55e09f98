"""What the mail screens say: link rules in plain words, dates, import and fetch outcomes.

Every sentence is a literal ``translate("Mail", …)`` (what pyside6-lupdate extracts); plural
sentences live on ``MailPlurals`` because lupdate takes plural forms only from ``self.tr``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject

from kamdesk.mail.importer import ImportSummary
from kamdesk.mail.reads import EmailDetail, MessageRow
from kamdesk.ui import formatting
from kamdesk.ui.messages import fill

translate = QCoreApplication.translate


def rule_text(rule: str | None) -> str:
    """Why a message landed where it is, as a KAM would say it."""
    return {
        "thread": translate("Mail", "same conversation as an email already linked"),
        "contact_address": translate("Mail", "the address of a known contact"),
        "contact_opportunity": translate("Mail", "same contact's only open opportunity"),
        "sender_domain": translate("Mail", "the sender's domain belongs to the account"),
        "manual": translate("Mail", "linked by hand"),
        "ignored_sender": translate("Mail", "the sender is ignored"),
    }.get(rule or "", rule or "")


def link_line(detail: EmailDetail) -> str:
    """ "Linked to Renault · Alice Durand · Flotte 2027 (rule: …)", or why it is not linked."""
    message = detail.message
    names = [n.name for n in (detail.account, detail.contact, detail.opportunity) if n]
    if message.link_state == "ignored":
        return translate("Mail", "Not linked: the sender is ignored.")
    if message.link_state == "queued":
        if names:
            return fill(
                translate("Mail", "Linked to %1, waiting for you to choose the opportunity."),
                " · ".join(names),
            )
        return translate("Mail", "Not linked yet: waiting in the review queue.")
    if not names:
        return translate("Mail", "Not linked.")
    text = fill(translate("Mail", "Linked to %1"), " · ".join(names))
    if message.link_rule:
        text += " " + fill(translate("Mail", "(rule: %1)"), rule_text(message.link_rule))
    return text


def person(name: str | None, address: str | None) -> str:
    if name and address and name.lower() != address.lower():
        return f"{name} <{address}>"
    return name or address or translate("Mail", "(unknown sender)")


def correspondent(message: MessageRow) -> str:
    """Who the conversation is with: the sender of mail received, the first recipient of mail sent."""
    if message.direction == "out" and message.to_addresses:
        return fill(translate("Mail", "To %1"), message.to_addresses[0])
    return message.from_name or message.from_address or translate("Mail", "(unknown sender)")


def short_date(value: dt.datetime | None, today: dt.date | None = None) -> str:
    """A list's date: the time today, "12 Nov" this year, the full short date before."""
    if value is None:
        return ""
    local = value.astimezone()
    today = today or dt.date.today()
    if local.date() == today:
        return f"{local:%H:%M}"
    day = QDate(local.year, local.month, local.day)
    if local.year == today.year:
        return QLocale().toString(day, translate("Mail", "d MMM"))
    return formatting.date(local.date())


def long_date(value: dt.datetime | None) -> str:
    """The preview's date: "Tuesday 12 November 2026, 14:32"."""
    if value is None:
        return ""
    local = value.astimezone()
    day = QDate(local.year, local.month, local.day)
    return fill(
        translate("Mail", "%1, %2"),
        QLocale().toString(day, QLocale.FormatType.LongFormat),
        f"{local:%H:%M}",
    )


def direction_arrow(direction: str | None) -> str:
    return {"in": "↙", "out": "↗"}.get(direction or "", "")


def mail_error_text(code: str, host: str, detail: str) -> str:
    """An IMAP failure (``MailSourceError.code``) in plain words; the English detail otherwise."""
    texts = {
        "auth": translate(
            "Mail", "The mail server refused the user name or password. Check them and try again."
        ),
        "host_unknown": fill(
            translate("Mail", "The mail server “%1” was not found. Check its name."), host
        ),
        "unreachable": fill(
            translate(
                "Mail",
                "Could not reach the mail server “%1”. Check the network connection and the port.",
            ),
            host,
        ),
        "timeout": fill(translate("Mail", "The mail server “%1” did not answer in time."), host),
        "certificate": fill(
            translate(
                "Mail",
                "The certificate of the mail server “%1” could not be verified. If your company "
                "uses its own certificate, choose it as the trusted certificate file.",
            ),
            host,
        ),
        "tls": fill(
            translate(
                "Mail",
                "The encrypted connection to “%1” failed. Check the security setting (SSL or "
                "STARTTLS) and the port.",
            ),
            host,
        ),
        "folder_missing": translate(
            "Mail", "A chosen folder no longer exists on the server: load the folders again."
        ),
        "connection_lost": fill(
            translate("Mail", "The mail server “%1” closed the connection. Try again later."),
            host,
        ),
    }
    text = texts.get(code)
    if text is None:
        return fill(translate("Mail", "The mail server “%1” refused a request: %2"), host, detail)
    return text


def keyring_reason_text(reason: str | None) -> str:
    """Why the password cannot be remembered (``KeyringStatus.reason``), in plain words."""
    return translate(
        "Mail",
        "This computer has no secure system keyring that kamdesk can use, so the password is "
        "not remembered: kamdesk asks for it each time it fetches mail.",
    ) + (f"\n({reason})" if reason else "")


class MailPlurals(QObject):
    """Plural sentences: pyside6-lupdate extracts plural forms only from ``self.tr(text, "", n)``."""

    def messages(self, n: int) -> str:
        return self.tr("%n message(s)", "", n)

    def waiting(self, n: int) -> str:
        return self.tr("%n email(s) to review", "", n)

    def imported(self, n: int) -> str:
        return self.tr("%n email(s) imported", "", n)

    def duplicates(self, n: int) -> str:
        return self.tr("%n already there (skipped)", "", n)

    def linked(self, n: int) -> str:
        return self.tr("%n linked automatically", "", n)

    def queued(self, n: int) -> str:
        return self.tr("%n waiting in the review queue", "", n)

    def ignored(self, n: int) -> str:
        return self.tr("%n from ignored senders", "", n)

    def errors(self, n: int) -> str:
        return self.tr("%n could not be imported", "", n)

    def flawed(self, n: int) -> str:
        return self.tr("%n imported with a reading problem (kept as received)", "", n)

    def read_progress(self, n: int) -> str:
        return self.tr("%n message(s) read", "", n)


PLURALS = MailPlurals()


def summary_lines(summary: ImportSummary) -> list[str]:
    """The import outcome, one line per figure that is not zero (imported always shows)."""
    lines = [PLURALS.imported(summary.imported)]
    for count, text in (
        (summary.linked, PLURALS.linked),
        (summary.queued, PLURALS.queued),
        (summary.ignored, PLURALS.ignored),
        (summary.duplicates, PLURALS.duplicates),
        (len(summary.kept_with_errors), PLURALS.flawed),
        (len(summary.errors), PLURALS.errors),
    ):
        if count:
            lines.append(text(count))
    return lines
