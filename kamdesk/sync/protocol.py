"""The sync protocol: versions, headers, messages and field classes, shared by client and server.

Every request carries ``X-Kamdesk-Protocol`` and ``X-Kamdesk-Schema``; a server that speaks
another protocol or schema answers 426 and the client keeps its unsent changes.

Merge, in one paragraph (the server decides; clients never merge with each other): each stored
field remembers the HLC, the server version and the client of its last write. A mutation carries
``seen``, the server version its client had fully pulled when the change was made. A field whose
last write is covered by ``seen`` (or was this client's own) takes the new value; an equal value
changes nothing; anything else is a conflict — an ordinary field goes to the newer HLC and the
loser is logged, a keep-both field keeps the server's value and logs an open conflict with both
until a person chooses. ``base_hlc`` travels too, for the record, but it cannot decide: after a
first offline edit it is this client's own clock, which says nothing about what it saw of others.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, Field

PROTOCOL_VERSION = 1
PROTOCOL_HEADER = "X-Kamdesk-Protocol"
SCHEMA_HEADER = "X-Kamdesk-Schema"

MAX_PUSH_MUTATIONS = 1000
MAX_VERSION = 2**62  # versions are BIGINT in the store
# Ids and names end up in SQL parameters and logs: no control characters (PostgreSQL refuses
# NUL in text), ids limited to what UUIDs, HLC node ids and table names use.
ID_PATTERN = r"^[A-Za-z0-9_.:-]+$"
TEXT_PATTERN = r"^[^\x00-\x1f\x7f]+$"
MAX_PULL_LIMIT = 10_000
DEFAULT_PULL_LIMIT = 5000

Op = Literal["insert", "update", "delete", "restore"]
Role = Literal["admin", "manager", "kam", "read_only"]
ROLES: tuple[str, ...] = ("admin", "manager", "kam", "read_only")


def schema_version() -> str:
    """The local database schema this kamdesk speaks (the newest Alembic revision)."""
    from kamdesk.db.migrate import SCHEMA_HEAD

    return SCHEMA_HEAD


def version_headers() -> dict[str, str]:
    return {PROTOCOL_HEADER: str(PROTOCOL_VERSION), SCHEMA_HEADER: schema_version()}


# -- field classes ------------------------------------------------------------------------------

# Free text, amounts and stages: a silent "newer wins" would throw away a sentence someone typed
# or a figure someone negotiated, so both values are kept until a person chooses.
KEEP_BOTH_NAMED = frozenset({"next_step", "stage_id", "pipeline_id", "status"})


@cache
def keep_both_fields(table: str) -> frozenset[str]:
    """The fields of ``table`` whose conflicts stay open: free text (TEXT columns and
    ``next_step``), amounts (``*_cents``) and stages (``stage_id``, ``status``…)."""
    from sqlalchemy import Text

    from kamdesk.models import Base

    columns = Base.metadata.tables[table].c
    return frozenset(
        c.name
        for c in columns
        if isinstance(c.type, Text) or c.name.endswith("_cents") or c.name in KEEP_BOTH_NAMED
    )


def is_keep_both(table: str, field: str) -> bool:
    return field in keep_both_fields(table)


# -- messages -----------------------------------------------------------------------------------


class ErrorBody(BaseModel):
    detail: str


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    protocol: int = PROTOCOL_VERSION
    schema_version: str = Field(alias="schema")

    model_config = {"populate_by_name": True}


class EnrolRequest(BaseModel):
    user: str = Field(min_length=1, max_length=120, pattern=TEXT_PATTERN)
    secret: str = Field(min_length=1, max_length=200, pattern=TEXT_PATTERN)
    client_id: str = Field(
        min_length=1, max_length=64, pattern=ID_PATTERN, description="the installation's node id"
    )


class EnrolResponse(BaseModel):
    token: str
    user: str
    role: Role


class Mutation(BaseModel):
    mutation_id: str = Field(min_length=1, max_length=64, pattern=ID_PATTERN)
    table: str = Field(min_length=1, max_length=64, pattern=ID_PATTERN)
    row_id: str = Field(min_length=1, max_length=64, pattern=ID_PATTERN)
    op: Op
    fields: dict[str, Any]
    hlc: str = Field(min_length=1, max_length=64, pattern=ID_PATTERN)
    base_hlc: str | None = Field(default=None, max_length=64)
    seen: int = Field(
        ge=0, le=MAX_VERSION, description="server version this client had fully pulled"
    )
    at: str | None = Field(
        default=None, max_length=40, pattern=ID_PATTERN, description="when it was changed (UTC)"
    )
    resend: bool = Field(
        default=False,
        description="sent again to a store restored from a backup: the row's whole state, "
        "whose fields may be older than the store's",
    )


class PushRequest(BaseModel):
    mutations: list[Mutation] = Field(max_length=MAX_PUSH_MUTATIONS)
    # What the client knows of the server's history (see ``restored``): None skips the check.
    cursor: int | None = Field(default=None, ge=0, le=MAX_VERSION)
    epoch: int | None = Field(default=None, ge=0, le=MAX_VERSION)


MutationStatus = Literal["applied", "rejected"]


class MutationResult(BaseModel):
    mutation_id: str
    status: MutationStatus
    conflicts: int = 0
    reason: str | None = None
    duplicate: bool = False


class PushResponse(BaseModel):
    results: list[MutationResult]


class PullRequest(BaseModel):
    cursor: int = Field(default=0, ge=0, le=MAX_VERSION)
    limit: int = Field(default=DEFAULT_PULL_LIMIT, ge=1, le=MAX_PULL_LIMIT)
    epoch: int | None = Field(default=None, ge=0, le=MAX_VERSION)


class Change(BaseModel):
    """A row as the server holds it (``d``: every column), or ``d`` null: drop it locally."""

    v: int
    t: str
    id: str
    d: dict[str, Any] | None


class PullResponse(BaseModel):
    cursor: int
    more: bool
    changes: list[Change]
    epoch: int = 0  # the store's history: it changes when the store is restored from a backup


# A store restored from a backup has forgotten versions its clients hold: it answers 409 with
# this header ("<its version>,<its epoch>") and the client re-sends what it wrote.
RESTORED_HEADER = "X-Kamdesk-Restored"
RESTORED_DETAIL = "the sync server was restored from a backup"


class ConflictOut(BaseModel):
    id: int
    table: str
    row_id: str
    field: str
    kind: Literal["field", "delete"]
    status: Literal["auto", "open", "resolved"]
    kept: Literal["server", "client"]
    server_value: Any
    server_hlc: str | None
    server_user: str | None
    client_value: Any
    client_hlc: str | None
    client_user: str | None
    created_at: str
    resolution: Any = None
    resolved_by: str | None = None


class ConflictList(BaseModel):
    conflicts: list[ConflictOut]


class ResolveRequest(BaseModel):
    choice: Literal["server", "client", "value"]
    value: Any = None


class BlobStored(BaseModel):
    sha256: str
    size: int
