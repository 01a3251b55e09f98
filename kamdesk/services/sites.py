"""An account's sites (addresses, one headquarters)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from kamdesk.db.unit_of_work import UnitOfWork
from kamdesk.models import Account, Site
from kamdesk.services import records
from kamdesk.services.fields import SITE_FIELDS
from kamdesk.services.records import Edit

KIND = "site"


def site_values(session: Session, site_id: str) -> dict[str, Any]:
    site = records.get_live(session, Site, site_id, KIND)
    return {name: getattr(site, name) for name in SITE_FIELDS} | {"account_id": site.account_id}


def create_site(uow: UnitOfWork, account_id: str, values: Mapping[str, Any]) -> str:
    records.get_live(uow, Account, account_id, "account")
    values = {"country": "FR"} | dict(values)
    return records.create(uow, Site, SITE_FIELDS, values, fixed={"account_id": account_id})


def update_site(
    uow: UnitOfWork,
    site_id: str,
    values: Mapping[str, Any],
    *,
    expected: Mapping[str, Any] | None = None,
) -> Edit:
    return records.update(uow, Site, KIND, SITE_FIELDS, site_id, values, expected=expected)


def delete_site(uow: UnitOfWork, site_id: str) -> None:
    records.soft_delete(uow, Site, KIND, site_id)


def restore_site(uow: UnitOfWork, site_id: str) -> None:
    records.restore(uow, Site, KIND, site_id)
