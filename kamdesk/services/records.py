"""Create, edit, soft-delete and restore any synced record, the same way for every kind.

Each call is one user intent. ``update`` returns the values before and after so that the UI's
undo command can replay the inverse edit through this same path.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from kamdesk.db.unit_of_work import UnitOfWork
from kamdesk.models.base import utcnow
from kamdesk.services.errors import FieldError, NotFound, ParentDeleted, StaleEdit, ValidationError
from kamdesk.services.fields import FieldSpec, clean

T = TypeVar("T")
Check = Callable[[UnitOfWork, Any, dict[str, Any]], None]


@dataclass(frozen=True)
class Edit:
    record_id: str
    before: dict[str, Any]
    after: dict[str, Any]

    @property
    def changed(self) -> bool:
        return self.before != self.after


def get_live(uow_or_session: Any, model: type[T], record_id: str, kind: str) -> T:
    session = getattr(uow_or_session, "session", uow_or_session)
    obj = session.get(model, record_id)
    if obj is None or obj.deleted_at is not None:
        raise NotFound(kind, record_id)
    return obj


def create(
    uow: UnitOfWork,
    model: type[T],
    specs: Mapping[str, FieldSpec],
    values: Mapping[str, Any],
    *,
    fixed: Mapping[str, Any] | None = None,
    check: Check | None = None,
) -> str:
    cleaned = clean(specs, values, partial=False)
    cleaned = {k: v for k, v in cleaned.items() if v is not None}
    obj = model(**(dict(fixed or {}) | cleaned))
    if check is not None:
        check(uow, obj, cleaned)
    uow.session.add(obj)
    uow.session.flush()
    return obj.id  # type: ignore[attr-defined]


def update(
    uow: UnitOfWork,
    model: type[T],
    kind: str,
    specs: Mapping[str, FieldSpec],
    record_id: str,
    values: Mapping[str, Any],
    *,
    check: Check | None = None,
    expected: Mapping[str, Any] | None = None,
) -> Edit:
    """Change some fields. ``expected`` (undo/redo) holds the values the record must still have;
    if anything else wrote there since, ``StaleEdit`` is raised and nothing is overwritten."""
    obj = get_live(uow, model, record_id, kind)
    if expected:
        stale = [k for k, v in expected.items() if k in specs and getattr(obj, k) != v]
        if stale:
            raise StaleEdit(kind, record_id, stale)
    cleaned = clean(specs, values, partial=True)
    # Required fields may not be blanked by an update either.
    blanked = [n for n, v in cleaned.items() if v is None and specs[n].required]
    if blanked:
        raise ValidationError(
            [FieldError(n, "required", "this field is required") for n in blanked]
        )
    before = {
        k: getattr(obj, k) for k in cleaned if getattr(obj, k) != v_or_default(specs[k], cleaned[k])
    }
    after = {k: v_or_default(specs[k], cleaned[k]) for k in before}
    if check is not None:
        check(uow, obj, after)
    for key, value in after.items():
        setattr(obj, key, value)
    uow.session.flush()
    return Edit(record_id, before, after)


def v_or_default(spec: FieldSpec, value: Any) -> Any:
    """An emptied list field stores [] and an emptied flag False, not NULL."""
    if value is None and spec.kind == "domains":
        return []
    if value is None and spec.kind == "bool":
        return False
    return value


def soft_delete(uow: UnitOfWork, model: type[T], kind: str, record_id: str) -> None:
    obj = get_live(uow, model, record_id, kind)
    obj.deleted_at = utcnow()  # type: ignore[attr-defined]
    uow.session.flush()


def restore(uow: UnitOfWork, model: type[T], kind: str, record_id: str) -> None:
    from kamdesk.models import Account  # records serves every model; Account is one of them

    obj = uow.session.get(model, record_id)
    if obj is None:
        raise NotFound(kind, record_id)
    account_id = getattr(obj, "account_id", None)
    if model is not Account and account_id:
        account = uow.session.get(Account, account_id)
        if account is not None and account.deleted_at is not None:
            raise ParentDeleted(account.name)
    if obj.deleted_at is not None:  # type: ignore[attr-defined]
        obj.deleted_at = None  # type: ignore[attr-defined]
        uow.session.flush()
