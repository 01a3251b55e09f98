"""Which bucket a synced row belongs to: an account id, ``"global"``, or ``"user:<id>"``.

A bucket is what permissions are granted on. An account's bucket holds the account and
everything of it — rows with an ``account_id``, and child rows reached through their parent
(an opportunity's lines, a contact's stance history). Configuration and the catalogue are
global. Mail waiting for review (no account yet), personal tasks and ignored senders are
private to the user who made them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

GLOBAL = "global"
PRIVATE_PREFIX = "user:"

ScopeKind = Literal["self", "account", "optional_account", "parent", "global", "private"]


@dataclass(frozen=True)
class Scope:
    kind: ScopeKind
    column: str | None = None  # the account_id column, or the foreign key to the parent
    parent: str | None = None  # the parent table, for kind "parent"


_ACCOUNT = Scope("account", "account_id")
_OPTIONAL = Scope("optional_account", "account_id")  # no account: private to its owner

SCOPES: dict[str, Scope] = {
    "accounts": Scope("self"),
    **{
        t: _ACCOUNT
        for t in (
            "sites",
            "account_team_members",
            "contacts",
            "interactions",
            "opportunities",
            "tickets",
            "business_reviews",
            "nps_responses",
            "quotes",
            "contracts",
            "invoices",
        )
    },
    **{t: _OPTIONAL for t in ("emails", "attachments", "tasks", "alerts")},
    "interaction_contacts": Scope("parent", "interaction_id", "interactions"),
    "opportunity_contacts": Scope("parent", "opportunity_id", "opportunities"),
    "opportunity_lines": Scope("parent", "opportunity_id", "opportunities"),
    "stage_history": Scope("parent", "opportunity_id", "opportunities"),
    "stance_changes": Scope("parent", "contact_id", "contacts"),
    **{
        t: Scope("global")
        for t in (
            "users",
            "pipelines",
            "stages",
            "products",
            "custom_field_definitions",
            "rules",
        )
    },
    "ignored_senders": Scope("private"),
}


def private_bucket(user_id: str) -> str:
    return PRIVATE_PREFIX + user_id


def is_private(bucket: str) -> bool:
    return bucket.startswith(PRIVATE_PREFIX)


def parent_key(table: str, data: dict[str, Any]) -> str | None:
    """The id of the row this one's bucket comes from, for child tables; else None."""
    scope = SCOPES[table]
    if scope.kind != "parent":
        return None
    assert scope.column is not None
    value = data.get(scope.column)
    return value if isinstance(value, str) else None


class UnknownParent(LookupError):
    """A child row whose parent is not (or not yet) known."""


def bucket_of(
    table: str,
    row_id: str,
    data: dict[str, Any],
    *,
    owner: str,
    parent_bucket: Callable[[str, str], str | None],
) -> str:
    """The bucket of a row of ``table`` with these values.

    ``owner`` is the id of the user who created the row (for private buckets);
    ``parent_bucket(table, id)`` finds a parent's bucket, or None when it is unknown.
    """
    scope = SCOPES[table]
    if scope.kind == "self":
        return row_id
    if scope.kind == "global":
        return GLOBAL
    if scope.kind == "private":
        return private_bucket(owner)
    assert scope.column is not None
    value = data.get(scope.column)
    if scope.kind in ("account", "optional_account"):
        if isinstance(value, str) and value:
            return value
        if scope.kind == "optional_account":
            return private_bucket(owner)
        raise UnknownParent(f"{table} {row_id} has no account")
    assert scope.parent is not None
    found = parent_bucket(scope.parent, value) if isinstance(value, str) else None
    if found is None:
        raise UnknownParent(f"{table} {row_id}: its {scope.parent} row {value} is not known")
    return found


def children_of(table: str) -> list[tuple[str, str]]:
    """(child table, foreign key) pairs whose bucket follows a row of ``table``."""
    return [
        (child, scope.column)
        for child, scope in SCOPES.items()
        if scope.kind == "parent" and scope.parent == table and scope.column is not None
    ]


def bucket_columns(table: str) -> frozenset[str]:
    """The columns whose change may move a row of ``table`` to another bucket."""
    scope = SCOPES[table]
    return frozenset({scope.column}) if scope.column else frozenset()
