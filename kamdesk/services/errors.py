"""Errors a service raises for a user to act on. Messages are English; codes let the UI translate."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any


@dataclass(frozen=True)
class FieldError:
    field: str
    code: str  # e.g. "required", "too_long", "invalid_date", "cycle"
    message: str  # English, for the CLI and logs
    params: dict[str, Any] = dataclass_field(default_factory=dict)


class ServiceError(Exception):
    """A request the service refuses; nothing was written."""


class NotFound(ServiceError):
    def __init__(self, kind: str, record_id: str) -> None:
        super().__init__(f"{kind} not found: {record_id}")
        self.kind = kind
        self.record_id = record_id


class StaleEdit(ServiceError):
    """An undo/redo whose record changed since (another window, the CLI, a sync): refused, not overwritten."""

    def __init__(self, kind: str, record_id: str, fields: list[str]) -> None:
        super().__init__(
            f"{kind} {record_id} was changed since ({', '.join(fields)}): not overwritten"
        )
        self.kind = kind
        self.record_id = record_id
        self.fields = fields


class ParentDeleted(ServiceError):
    """Restoring a record whose account is deleted would leave it invisible."""

    def __init__(self, account_name: str) -> None:
        super().__init__(f"its account '{account_name}' is deleted too: restore the account first")
        self.account_name = account_name


class ValidationError(ServiceError):
    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors))

    def for_field(self, name: str) -> FieldError | None:
        return next((e for e in self.errors if e.field == name), None)
