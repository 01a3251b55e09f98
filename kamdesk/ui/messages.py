"""What the services refuse, in the user's language.

Services raise ``ValidationError`` with ``FieldError(field, code, message, params)``; the English
``message`` serves the CLI and logs, the ``code`` and ``params`` let the GUI say it in French too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from sqlalchemy.exc import SQLAlchemyError

from kamdesk.db.errors import (
    DatabaseCorrupt,
    DatabaseError,
    DatabaseMissing,
    DatabaseReadOnly,
    DatabaseTooNew,
)
from kamdesk.services.attachments import AttachmentMissing
from kamdesk.services.errors import (
    FieldError,
    NotFound,
    ParentDeleted,
    StaleEdit,
    ValidationError,
)
from kamdesk.ui import labels

translate = QCoreApplication.translate
log = logging.getLogger(__name__)


def fill(template: str, *args: object) -> str:
    """Qt-style ``%1``, ``%2`` placeholders (Python strings have no ``QString.arg``)."""
    for number in range(len(args), 0, -1):  # %10 before %1
        template = template.replace(f"%{number}", str(args[number - 1]))
    return template


def _unknown_record(field: str) -> str:
    if field == "parent_id":
        return translate("FieldErrors", "This account no longer exists.")
    if field in ("owner_id", "relationship_owner_id"):
        return translate("FieldErrors", "This user no longer exists.")
    if field in ("reports_to_id", "contact_ids"):
        return translate(
            "FieldErrors", "This contact no longer exists or works at another account."
        )
    if field == "site_id":
        return translate("FieldErrors", "This is not a site of this account.")
    if field == "opportunity_id":
        return translate("FieldErrors", "This is not an opportunity of this account.")
    return translate("FieldErrors", "The chosen record no longer exists.")


def _digits(lengths: object) -> str:
    numbers = [int(n) for n in lengths] if isinstance(lengths, list | tuple) else []
    if len(numbers) == 2:
        return fill(translate("FieldErrors", "Expected %1 or %2 digits."), *numbers)
    if len(numbers) == 1:
        return fill(translate("FieldErrors", "Expected %1 digits."), numbers[0])
    return translate("FieldErrors", "Expected digits only.")


def _cycle(error: FieldError) -> str:
    path = error.params.get("path")
    if path:
        return fill(translate("FieldErrors", "This would create a reporting cycle: %1."), path)
    if error.field == "parent_id":
        return translate(
            "FieldErrors", "This would make the group a subsidiary of its own subsidiary."
        )
    return translate("FieldErrors", "This would create a cycle.")


def _out_of_range(error: FieldError) -> str:
    low, high = error.params.get("minimum"), error.params.get("maximum")
    if low is not None and high is not None:
        return fill(translate("FieldErrors", "Must be between %1 and %2."), low, high)
    if low is not None:
        return fill(translate("FieldErrors", "Must be at least %1."), low)
    if high is not None:
        return fill(translate("FieldErrors", "Must be at most %1."), high)
    return translate("FieldErrors", "Out of range.")


class FieldErrors(QObject):
    """Plural sentences: pyside6-lupdate extracts plural forms only from ``self.tr(text, "", n)``."""

    def too_long(self, limit: int) -> str:
        return self.tr("At most %n character(s).", "", limit)

    def has_subsidiaries(self, count: int) -> str:
        return self.tr(
            "This group still has %n subsidiary(ies): move or delete them first.", "", count
        )


_PLURALS = FieldErrors()

_TEXTS: dict[str, Callable[[FieldError], str]] = {
    "required": lambda e: translate("FieldErrors", "This field is required."),
    "too_long": lambda e: _PLURALS.too_long(int(e.params.get("limit", 0))),
    "invalid_url": lambda e: translate("FieldErrors", "Not a web address (e.g. www.example.com)."),
    "invalid_digits": lambda e: _digits(e.params.get("lengths")),
    "invalid_email": lambda e: translate(
        "FieldErrors", "Not an email address (e.g. name@example.com)."
    ),
    "invalid_number": lambda e: translate("FieldErrors", "Not a whole number."),
    "out_of_range": _out_of_range,
    "invalid_amount": lambda e: translate("FieldErrors", "Not an amount (e.g. 150 000,00)."),
    "negative_amount": lambda e: translate("FieldErrors", "The amount cannot be negative."),
    "invalid_date": lambda e: translate(
        "FieldErrors", "Not a valid date: use DD/MM/YYYY or YYYY-MM-DD."
    ),
    "invalid_datetime": lambda e: translate(
        "FieldErrors", "Not a valid date and time (DD/MM/YYYY HH:MM)."
    ),
    "invalid_choice": lambda e: translate("FieldErrors", "Choose one of the listed values."),
    "invalid_bool": lambda e: translate("FieldErrors", "Expected yes or no."),
    "invalid_domain": lambda e: fill(
        translate("FieldErrors", "“%1” is not a mail domain (e.g. renault.fr)."),
        e.params.get("domain", ""),
    ),
    "unknown_field": lambda e: fill(translate("FieldErrors", "Unknown field “%1”."), e.field),
    "unknown_record": lambda e: _unknown_record(e.field),
    "self_parent": lambda e: translate("FieldErrors", "An account cannot be its own group."),
    "cycle": _cycle,
    "other_account": lambda e: translate(
        "FieldErrors", "The manager must work at the same account."
    ),
    "has_subsidiaries": lambda e: _PLURALS.has_subsidiaries(int(e.params.get("count", 0))),
    "meddic_required": lambda e: fill(
        translate("FieldErrors", "“%1” needs these MEDDIC items first: %2."),
        e.params.get("stage", ""),
        ", ".join(labels.meddic_item(item) for item in e.params.get("missing", [])),
    ),
}


def field_error_text(error: FieldError) -> str:
    """One translated sentence for one refused field; the English message if the code is new."""
    text = _TEXTS.get(error.code)
    return text(error) if text is not None else error.message


def record_kind(kind: str) -> str:
    return {
        "account": translate("RecordKinds", "account"),
        "site": translate("RecordKinds", "site"),
        "contact": translate("RecordKinds", "contact"),
        "interaction": translate("RecordKinds", "activity"),
        "attachment": translate("RecordKinds", "attachment"),
    }.get(kind, kind)


def service_error_text(error: BaseException) -> str:
    """A translated sentence for an error that is not tied to one field of a form.

    Low-level details (SQL, parameters) never reach the user: they go to the log.
    """
    if isinstance(error, NotFound):
        return fill(
            translate(
                "ServiceErrors", "This %1 no longer exists: someone may have deleted it meanwhile."
            ),
            record_kind(error.kind),
        )
    if isinstance(error, ValidationError):
        return "\n".join(field_error_text(e) for e in error.errors)
    if isinstance(error, StaleEdit):
        return translate(
            "ServiceErrors",
            "This record was changed since (in another window or by a sync): "
            "your undo was not applied, so that nothing is overwritten.",
        )
    if isinstance(error, ParentDeleted):
        return fill(
            translate("ServiceErrors", "Its account “%1” is deleted: restore the account first."),
            error.account_name,
        )
    if isinstance(error, AttachmentMissing):
        return fill(
            translate(
                "ServiceErrors",
                "The file of “%1” is missing from the data folder. Restore it from a backup or attach it again.",
            ),
            error.filename,
        )
    if isinstance(error, DatabaseError):
        return database_error_text(error)
    if isinstance(error, SQLAlchemyError):
        log.warning("database error", exc_info=error)
        return _sqlite_error_text(str(getattr(error, "orig", error)))
    log.warning("unexpected error", exc_info=error)
    return fill(translate("ServiceErrors", "The change could not be saved: %1"), error)


def database_error_text(error: DatabaseError) -> str:
    """Why a database file could not be opened, in the user's language."""
    path = getattr(error, "path", "")
    if isinstance(error, DatabaseMissing):
        return fill(translate("ServiceErrors", "The database file %1 does not exist."), path)
    if isinstance(error, DatabaseReadOnly):
        return fill(
            translate(
                "ServiceErrors",
                "The database file %1 is read-only: kamdesk needs to write to it and to its folder.",
            ),
            path,
        )
    if isinstance(error, DatabaseTooNew):
        return fill(
            translate(
                "ServiceErrors",
                "%1 was written by a newer version of kamdesk. Update kamdesk to open it; "
                "the file was left untouched.",
            ),
            path,
        )
    if isinstance(error, DatabaseCorrupt):
        return fill(
            translate(
                "ServiceErrors",
                "%1 is not a readable kamdesk database (%2). Backups taken by kamdesk are in "
                "the “backups” folder beside it.",
            ),
            path,
            str(error).rsplit("(", 1)[-1].rstrip(")"),
        )
    return str(error)


def _sqlite_error_text(detail: str) -> str:
    lowered = detail.lower()
    if "locked" in lowered or "busy" in lowered:
        return translate(
            "ServiceErrors",
            "The database is busy (another program is writing to it). Try again in a moment.",
        )
    if "readonly" in lowered or "read-only" in lowered:
        return translate(
            "ServiceErrors", "The database file has become read-only: nothing could be saved."
        )
    if "full" in lowered or "disk i/o" in lowered:
        return translate(
            "ServiceErrors", "The disk is full or failing: nothing could be saved. Free some space."
        )
    if "malformed" in lowered or "not a database" in lowered:
        return translate(
            "ServiceErrors",
            "The database file is damaged. Close kamdesk and restore the latest copy from the "
            "“backups” folder beside it.",
        )
    return fill(translate("ServiceErrors", "The database refused the change: %1"), detail)
